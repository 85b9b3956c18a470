"""Timeline: dated events on a time axis, approximate dates marked; undated events listed apart."""

import streamlit as st

from components import ui
from components.i18n import t

view = ui.current()
lang = view.lang

# The head (stylesheet, title, language link), the intro and the share-card link: one element.
ui.html(ui.head_html("page_timeline", view) + ui.intro_html("timeline", view, "timeline_intro"))
ui.show_chart("timeline", view)

undated = ui.undated_events_html(lang, view.camps)  # heading and list, or "" when none
if undated:
    ui.html(undated)
