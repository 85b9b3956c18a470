"""Story: key figures, then each narrative section beside the chart that carries its figures."""

import streamlit as st

from components import ui
from components.html_blocks import key_figures_html, section_html
from components.i18n import t

view = ui.current()
lang = view.lang

st.title(t("app_title", lang))
ui.prose(t("app_tagline", lang) + "\n" + t("story_intro", lang), lang)

st.header(t("key_figures", lang))
figures, sections = ui.story_content(lang, view.camps)
if figures:
    ui.html(key_figures_html(figures, lang, t("col_excerpt", lang)))
else:
    st.info(t("empty_filter", lang))

if not sections:
    st.info(t("empty_filter", lang))
for section in sections:
    text_column, chart_column = st.columns([2, 3], gap="large")
    with text_column:
        ui.html(section_html(section.title, section.body, section.quote, t("col_excerpt", lang), lang))
    with chart_column:
        ui.show_chart(section.chart_id, view)

ui.share_card_button("story", view)
