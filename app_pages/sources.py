"""Sources & data: the article with cited sentences highlighted, the dictionary, downloads, citing, changelog."""

import streamlit as st

from components import charts, links, ui
from components.i18n import t

view = ui.current()
lang = view.lang
data = ui.dataset()

# The head (stylesheet, title, language link), the intro, the share-card link and a heading: one element.
ui.html(ui.head_html("page_sources", view) + ui.intro_html("sources", view, "sources_intro")
        + ui.blocks_html(lang, ("h2", "cite_heading")))
st.code(links.citation(st.context.url, view, data.version, ui.today()), language=None, wrap_lines=True)
ui.html(ui.blocks_html(lang, ("caption", "share_link")))
st.code(links.view_link(st.context.url, view), language=None, wrap_lines=True)

ui.html(ui.blocks_html(lang, ("h2", "embed_heading"), ("caption", "embed_help")))
embed_chart = st.selectbox(t("embed_heading", lang), charts.CHART_IDS,
                           format_func=lambda c: ui.chart(c, lang, view.camps).title, key="embed_chart",
                           label_visibility="collapsed")
embedded = ui.chart(embed_chart, lang, view.camps)
# The iframe as tall as the chart plus the embed page's own margin (~54 px), so nothing scrolls inside it.
height = embedded.figure.layout.height + 60 if embedded.figure is not None else 560
st.code(links.embed_snippet(st.context.url, view, embed_chart, embedded.title, height), language="html", wrap_lines=True)

# The downloads (the bundle, then each table and the filtered names) and the article's heading.
ui.html(ui.sources_downloads_html(view) + ui.blocks_html(lang, ("h2", "article_heading")))
with st.container(height=520):
    ui.html(ui.article_html(lang))
# ~60 kB of HTML: sent only while the reader has it open (Streamlit dedents and hashes every element's
# text on every rerun, ~7 µs a kB); inside, each document is a native disclosure.
with ui.lazy_expander(t("docs_heading", lang), ui.DOCS_KEY) as shown:
    if shown:
        ui.html(ui.sources_docs_html(lang))
