"""Sources & data: the article with cited sentences highlighted, the dictionary, downloads, citing, changelog."""

import functools

import streamlit as st

from components import charts, links, ui
from components.export import bundle_name
from components.i18n import t

view = ui.current()
lang = view.lang
data = ui.dataset()

st.title(t("page_sources", lang))
ui.html(ui.blocks_html(lang, ("prose", "sources_intro"), ("h2", "cite_heading")))
st.code(links.citation(st.context.url, view, data.version, ui.today()), language=None, wrap_lines=True)
ui.html(ui.blocks_html(lang, ("caption", "share_link")))
st.code(links.view_link(st.context.url, view), language=None, wrap_lines=True)

ui.html(ui.blocks_html(lang, ("h2", "embed_heading"), ("caption", "embed_help")))
embed_chart = st.selectbox(t("embed_heading", lang), charts.CHART_IDS,
                           format_func=lambda c: ui.chart(c, lang, view.camps).title, key="embed_chart",
                           label_visibility="collapsed")
st.code(links.embed_snippet(st.context.url, view, embed_chart, ui.chart(embed_chart, lang, view.camps).title),
        language="html", wrap_lines=True)

ui.html(ui.blocks_html(lang, ("h2", "downloads_heading")))
st.download_button(t("download_bundle", lang, version=data.version), ui.bundle, file_name=bundle_name(data),
                   mime="application/zip", key="bundle", type="primary", on_click="ignore")
# Download buttons are built only while this expander is open (each one is costly to register).
with ui.lazy_expander(t("download_tables", lang), ui.TABLES_KEY) as shown:
    if shown:
        ui.share_card_button("sources", view)
        st.download_button(t("download_filtered", lang),
                           lambda: ui.actors_table(lang, view.camps).to_csv().encode("utf-8-sig"),
                           on_click="ignore", mime="text/csv", key="filtered",
                           file_name=f"tech-money-2024-actors-{'-'.join(view.camps) or 'none'}.csv")
        columns = st.columns(4)
        for index, name in enumerate(data.tables):
            columns[index % 4].download_button(
                t("download_table", lang, name=name), functools.partial(ui.csv_bytes, name, lang, view.camps),
                file_name=f"{name}.csv", mime="text/csv", key=f"dl-{name}", on_click="ignore",
            )

ui.html(ui.blocks_html(lang, ("h2", "article_heading")))
with st.container(height=520):
    ui.html(ui.article_html(lang))
# ~60 kB of HTML: sent only while the reader has it open (Streamlit dedents and hashes every element's
# text on every rerun, ~7 µs a kB); inside, each document is a native disclosure.
with ui.lazy_expander(t("docs_heading", lang), ui.DOCS_KEY) as shown:
    if shown:
        ui.html(ui.sources_docs_html(lang))
