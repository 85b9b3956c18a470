"""Tech Money 2024: the Streamlit app's script (``streamlit run app.py``); its body is techmoney/ui/app.py."""

from techmoney.ui.app import run

run()
