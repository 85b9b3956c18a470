"""The peer for Core Web Vitals (bench/vitals.py): what any dashboard starts from, a title and one Plotly
chart, run on Streamlit's default config. The floor page (bench/vitals.py) shows the same title and chart."""

import plotly.graph_objects as go
import streamlit as st

TITLE = "Tech Money 2024"
FIGURE = go.Figure(
    go.Bar(x=[100, 7, 1, 1], y=["Estimate", "Hastings", "C. Winklevoss", "T. Winklevoss"], orientation="h"),
    layout={"height": 400, "title": {"text": "Gifts (US$ millions)"}},
)

if __name__ == "__main__":  # streamlit run executes the script as __main__; bench/vitals.py imports FIGURE
    st.title(TITLE)
    st.plotly_chart(FIGURE)
