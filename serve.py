"""Tech Money 2024, served (``streamlit run serve.py``: ``make run``, the Dockerfile): the st.App of the parts
composed in techmoney/server.py. Streamlit finds ``app`` by reading this file, so the call stays here.
``streamlit run app.py`` runs the app alone, without the HTTP side."""

import streamlit as st

from techmoney.server import MIDDLEWARE, ROUTES, SCRIPT, lifespan

app = st.App(SCRIPT, routes=ROUTES, middleware=MIDDLEWARE, lifespan=lifespan)
