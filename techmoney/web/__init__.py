"""The web side beside Streamlit: the link's parser, links, downloads, the page HTML with its link
preview, and the HTTP routes serving them. Never imports Streamlit."""
