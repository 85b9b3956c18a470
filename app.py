"""Tech Money 2024: the entry point. Page setup, the view (from the link), the language and camp
controls, and navigation; each page lives in app_pages/."""

import logging

import streamlit as st

from techmoney.ui import ui, ui_state
from techmoney.data.dataset import DatasetError

st.set_page_config(page_title="أموال التكنولوجيا 2024 | Tech Money 2024", page_icon="💵", layout="wide")

try:
    data = ui.dataset()
except DatasetError as err:
    logging.getLogger("tech_money").error("dataset failed validation:\n%s", err)
    ui.show_data_failure(err)
    st.stop()

ui_state.start(data)
view = ui_state.current()
if st.context.is_embedded and view.chart:
    ui.show_embed(view)
    st.stop()

ui.inject_style(view.lang)
ui.language_switch()
ui.camp_pills()
with st.sidebar:
    ui.camp_filter()
ui.show_notices(view.lang)
ui_state.sync_url(view)

st.navigation(ui.navigation(view.lang)).run()
ui.show_rendered()
