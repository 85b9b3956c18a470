"""Story: key figures, then each narrative section beside the chart that carries its figures."""

import streamlit as st

from components import ui
from components.i18n import t

view = ui.current()
lang = view.lang

st.title(t("app_title", lang))
_, sections = ui.story_content(lang, view.camps)
ui.html(ui.story_opening_html(lang, view.camps))  # tagline, intro, "Key figures" and the figures
if not sections:
    st.info(t("empty_filter", lang))

# Each section's text (with its chart's data table) beside its chart: a CSS grid over one keyed container
# (components/style.py), far fewer elements per rerun than st.columns and an expander per section.
with st.container(key=ui.SECTIONS_KEY):
    for section in sections:
        ui.html(ui.section_html(section, lang, view.camps))
        ui.show_chart(section.chart_id, view, table=False)
