"""The Streamlit layer: the only package code that imports Streamlit (with app.py and app_pages/)."""
