"""Sources & data: the article with cited sentences highlighted, the dictionary, downloads, citing, changelog."""

import functools

import streamlit as st

from components import charts, links, ui
from components.dataset import CHANGELOG_FILE
from components.export import bundle_name
from components.i18n import t

view = ui.current()
lang = view.lang
data = ui.dataset()

st.title(t("page_sources", lang))
ui.prose(t("sources_intro", lang), lang)

st.header(t("cite_heading", lang))
st.code(links.citation(st.context.url, view, data.version, ui.today()), language=None, wrap_lines=True)
st.caption(t("share_link", lang))
st.code(links.view_link(st.context.url, view), language=None, wrap_lines=True)

st.header(t("embed_heading", lang))
st.caption(t("embed_help", lang))
embed_chart = st.selectbox(t("embed_heading", lang), charts.CHART_IDS,
                           format_func=lambda c: ui.chart(c, lang, view.camps).title, key="embed_chart",
                           label_visibility="collapsed")
st.code(links.embed_snippet(st.context.url, view, embed_chart, ui.chart(embed_chart, lang, view.camps).title),
        language="html", wrap_lines=True)

st.header(t("downloads_heading", lang))
st.download_button(t("download_bundle", lang, version=data.version), ui.bundle, file_name=bundle_name(data),
                   mime="application/zip", key="bundle", type="primary", on_click="ignore")
st.download_button(t("download_filtered", lang),
                   lambda: ui.actors_table(lang, view.camps).to_csv().encode("utf-8-sig"), on_click="ignore",
                   file_name=f"tech-money-2024-actors-{'-'.join(view.camps) or 'none'}.csv", mime="text/csv",
                   key="filtered")
with ui.lazy_expander(t("download_tables", lang), "open-tables") as shown:
    if shown:
        columns = st.columns(4)
        for index, name in enumerate(data.tables):
            columns[index % 4].download_button(
                t("download_table", lang, name=name), functools.partial(ui.csv_bytes, name, lang, view.camps),
                file_name=f"{name}.csv", mime="text/csv", key=f"dl-{name}", on_click="ignore",
            )

st.header(t("article_heading", lang))
article, cited_records = ui.article_html(lang)
with st.container(height=520):
    ui.html(article)
with ui.lazy_expander(t("cited_by", lang, ids="…"), "open-citations") as shown:
    if shown:
        ui.html(cited_records)

st.header(t("dictionary_heading", lang))
with ui.lazy_expander(t("dictionary_heading", lang), "open-dictionary") as shown:
    if shown:
        with st.container(key="ltr-doc"):
            st.markdown(ui.data_doc("README.md"))

st.header(t("changelog_heading", lang))
with ui.lazy_expander(t("changelog_heading", lang), "open-changelog") as shown:
    if shown:
        with st.container(key="ltr-doc-changelog"):
            st.markdown(ui.data_doc(CHANGELOG_FILE))
ui.share_card_button("sources", view)
