"""The baseline for the benchmark: the smallest Streamlit app (one title)."""

import streamlit as st

st.title("Empty")
