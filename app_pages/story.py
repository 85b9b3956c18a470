"""Story: key figures, then each narrative section beside the chart that carries its figures."""

import streamlit as st

from components import ui
from components.i18n import t

view = ui.current()
lang = view.lang

_, sections = ui.story_content(lang, view.camps)
opening = ui.story_head_html(view)  # stylesheet, title, language link, tagline, intro, key figures
if not sections:
    ui.html(opening)
    st.info(t("empty_filter", lang))
else:
    # Each section's text (with its chart's data table) beside its chart: a CSS grid over one keyed container
    # (components/style.py), far fewer elements per rerun than st.columns. The opening shares the first
    # section's element and spans the grid's width.
    with st.container(key=ui.SECTIONS_KEY):
        for number, section in enumerate(sections):
            ui.html((opening if number == 0 else "") + ui.section_html(section, lang, view.camps))
            ui.show_chart(section.chart_id, view, table=False)
