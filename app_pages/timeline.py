"""Timeline: dated events on a time axis, approximate dates marked; undated events listed apart."""

import streamlit as st

from techmoney.ui import ui, ui_state

page = ui.page_content("timeline", ui_state.current())
ui.show_head(page)
if page.empty:
    st.info(page.empty_notice)
else:
    ui.show_chart(page.chart)
    if page.undated_html:
        ui.html(page.undated_html)
