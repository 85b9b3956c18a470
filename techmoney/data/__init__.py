"""The data layer: the curated CSVs read, validated and derived (no words, no pages)."""
