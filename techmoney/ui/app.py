"""The Streamlit app's script body: page setup, the view (from the link), the language and camp controls,
and navigation; each page lives in app_pages/. app.py calls :func:`run` on every rerun."""

import logging

import streamlit as st

from techmoney.data.dataset import DatasetError
from techmoney.ui import session, shell


def run() -> None:
    st.set_page_config(page_title="أموال التكنولوجيا 2024 | Tech Money 2024", page_icon="💵", layout="wide")

    try:
        data = shell.dataset()
    except DatasetError as err:
        logging.getLogger("tech_money").error("dataset failed validation:\n%s", err)
        shell.show_data_failure(err)
        return

    session.start(data)
    view = session.current()
    if st.context.is_embedded and view.chart:
        shell.show_embed(view)
        return

    shell.inject_style(view.lang)
    shell.language_switch()
    shell.camp_pills()
    with st.sidebar:
        shell.camp_filter()
    shell.show_notices(view.lang)
    session.sync_url(view)

    st.navigation(shell.navigation(view.lang)).run()
    shell.show_rendered()
