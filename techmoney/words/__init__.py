"""The story's words: the records it is about, every string in both languages, how figures and dates
read in each language."""
