"""Benchmark: the app against an empty Streamlit app (run: python -m bench.run)."""
