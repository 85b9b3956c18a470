"""Tech Money 2024, served: the Streamlit app (app.py) plus the routes behind its download links.

Run it like any Streamlit app: ``streamlit run serve.py`` (Streamlit finds the ``app`` below and
serves it with uvicorn, reading .streamlit/config.toml as usual). app.py alone still runs, without
the download routes (tests drive app.py directly).
"""

import streamlit as st

from components.routes import ROUTES

app = st.App("app.py", routes=ROUTES)
