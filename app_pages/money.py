"""Money: the $100M+ estimate with Hastings's gift beside it, the twins' gifts and the cap, where each
twin's gift went under the cap (public record, explained beside the chart), where the money goes, and
the legal limits."""

import streamlit as st

from techmoney.ui import ui, ui_state
from techmoney.content.page_content import CAP_ANCHOR

page = ui.page_content("money", ui_state.current())
if ui.show_head(page):
    ui.show_chart(page.goal)
    ui.show_chart(page.twins)
    ui.html(page.cap_link_html)
    st.header(page.cap_title, anchor=CAP_ANCHOR)
    chart, text = st.columns([3, 2], gap="large")
    with chart:
        ui.show_chart(page.allocation)
    with text:
        ui.html(page.cap_html)
    ui.show_chart(page.flows)
ui.html(page.limits_html)
