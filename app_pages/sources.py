"""Sources & data: how to cite and embed, downloads, the article with cited sentences highlighted, and
the data dictionary and changelog."""

import streamlit as st

from techmoney.web import links
from techmoney.ui import ui, ui_state
from techmoney.words.i18n import t

@st.fragment
def embed_picker(page, view) -> None:
    """Choosing a chart reruns only the snippet; it starts on a chart with something to draw for the camps."""
    options = list(page.chart_titles)
    chart_id = st.selectbox(t("embed_heading", page.lang), options, format_func=page.chart_titles.get,
                            index=options.index(page.embed_default), key="embed_chart", label_visibility="collapsed")
    st.code(links.embed_snippet(ui.site_root(), view, chart_id, page.chart_titles[chart_id], page.embed_heights[chart_id]),
            language="html",
            wrap_lines=True)
    st.caption(t("embed_oembed", page.lang))


view = ui_state.current()
page = ui.page_content("sources", view)
page_url = ui.site_root() + "sources"
lang = page.lang
ui.show_head(page)

st.header(t("cite_heading", lang), anchor=False)
with st.container(key="tm-cite"):  # the citation reads in the page's direction (static/app.css)
    st.code(links.citation(page_url, view, ui.dataset()), language=None, wrap_lines=True)
st.caption(t("share_link", lang))
st.code(links.view_link(page_url, view), language=None, wrap_lines=True)

st.header(t("embed_heading", lang), anchor=False)
st.caption(t("embed_help", lang))
embed_picker(page, view)

ui.html(page.downloads_html)
st.header(t("article_heading", lang), anchor=False)
with st.container(height=520):
    ui.html(page.article_html)
with ui.lazy_expander(t("docs_heading", lang), ui.DOCS_KEY) as shown:
    if shown:
        ui.html(page.documents_html)
