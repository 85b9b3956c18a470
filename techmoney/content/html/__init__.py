"""A view as HTML: the templates, the stylesheet, each page's head and first screen, the tools every view
carries, and the oEmbed answer. Both hosts show these fragments: the Streamlit page and the HTTP routes."""
