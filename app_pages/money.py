"""Money: the projected goal, Hastings's gift against it, the twins' gift/limit/refund, flows, limits."""

import streamlit as st

from components import ui
from components.i18n import t

view = ui.current()
lang = view.lang

# The head (stylesheet, title, language link), the intro and the share-card link: one element.
ui.html(ui.head_html("page_money", view) + ui.intro_html("money", view, "money_intro"))
for chart_id in ("goal", "twins", "flows"):
    ui.show_chart(chart_id, view)

ui.html(ui.limits_section_html(lang))  # heading, note and the limits table
