"""Money: the $100M+ estimate, Hastings's gift beside it, the twins' gifts, cap and refunds, where the
money goes, and the legal limits."""

import streamlit as st

from components import ui, ui_state

page = ui.page_view("money", ui_state.current())
ui.show_head(page)
if page.empty:
    st.info(page.empty_notice)
else:
    for chart in page.charts:
        ui.show_chart(chart)
ui.html(page.limits_html)
