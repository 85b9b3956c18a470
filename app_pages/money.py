"""Money: the projected goal, Hastings's gift against it, the twins' gift/limit/refund, flows, limits."""

import streamlit as st

from components import ui
from components.i18n import t

view = ui.current()
lang = view.lang

st.title(t("page_money", lang))
ui.prose(t("money_intro", lang), lang)
for chart_id in ("goal", "twins", "flows"):
    ui.show_chart(chart_id, view)
    st.divider()

st.header(t("limits_title", lang))
ui.prose(t("limits_note", lang), lang)
ui.html(ui.limits_table_html(lang))
ui.share_card_button("money", view)
