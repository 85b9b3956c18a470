"""The HTTP host beside Streamlit: the routes serving each page's HTML and each download (made by
techmoney.bake), the oEmbed endpoint, caching, compression, the header policy and the readiness gate.
Never imports Streamlit, nor the Streamlit layer."""
