"""Story: key figures, then each narrative section beside the chart that carries its figures."""

import streamlit as st

from techmoney.ui import ui, ui_state

page = ui.page_content("story", ui_state.current())
if ui.show_head(page, page.key_figures_html) and not page.sections:  # camps shown, none with a section
    st.info(page.empty_notice)
for section in page.sections:
    text, chart = st.columns([2, 3], gap="large")
    with text:
        ui.html(section.text_html)
    with chart:
        ui.show_chart(section.chart, table=False)
