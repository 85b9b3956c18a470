"""The Streamlit host: the only package code that imports Streamlit (app.py and app_pages/ call into it;
techmoney/server.py composes it with the HTTP side)."""
