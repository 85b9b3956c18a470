"""Story: key figures, then each narrative section beside the chart that carries its figures."""

import streamlit as st

from components import ui
from components.html_blocks import markdown_literal, quote
from components.i18n import t

view = ui.current()
lang = view.lang

st.title(t("app_title", lang))
ui.prose(t("app_tagline", lang) + "\n" + t("story_intro", lang), lang)

st.subheader(t("key_figures", lang))
figures, sections = ui.story_content(lang, view.camps)
if not figures:
    st.info(t("empty_filter", lang))
for start in range(0, len(figures), 2):
    for column, figure in zip(st.columns(2), figures[start : start + 2]):
        column.metric(figure.label, figure.value, help=t("kf_help", lang, excerpt=markdown_literal(figure.excerpt)),
                      border=True)
        column.caption(figure.qualifier)

if not sections:
    st.info(t("empty_filter", lang))
for section in sections:
    st.divider()
    text_column, chart_column = st.columns([2, 3], gap="large")
    with text_column:
        st.subheader(section.title)
        ui.prose(section.body, lang)
        ui.html(quote(section.quote, t("col_excerpt", lang), lang))
    with chart_column:
        ui.show_chart(section.chart_id, view)

ui.share_card_button("story", view)
