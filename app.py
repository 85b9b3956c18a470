"""Tech Money 2024: entry point. Page setup, the sidebar (camps), navigation, embeds.

The view (language, camps, actor) lives in the link; the page is the URL path. The link is read once
when a session starts (bad values fall back to defaults with a notice) and rewritten after every
run. Streamlit's own bind="query-params" is not used: it writes a widget's *displayed* label into
the URL, which would make links change with the language; ours hold stable ids. The language is
switched by a link at the top of each page (components.ui.head_html): the same view in the other
language, opened as a new session.
"""

import logging

import streamlit as st

from components import ui, url_state
from components.dataset import DatasetError
from components.i18n import LANGS, t

first_run = ui.VIEW_KEY not in st.session_state  # of this session: the view is seeded below
# The browser keeps the title, icon and layout for the whole session: set them on its first run only
# (sent again, they are one more message on every rerun; bench/README.md).
if first_run:
    st.set_page_config(page_title="أموال التكنولوجيا 2024 | Tech Money 2024", page_icon="💵", layout="wide")

try:
    data = ui.dataset()
except DatasetError as err:
    logging.getLogger("tech_money").error("dataset failed validation:\n%s", err)
    ui.inject_style("ar")
    for lang in LANGS:
        st.header(t("data_failed_title", lang))
        st.write(t("data_failed_body", lang))
    st.code("\n".join(str(p) for p in err.problems), language=None)
    st.stop()

# The link is read when a session starts (afterwards the widgets lead), and on every run of an embed.
if first_run or st.context.is_embedded:
    url_view, url_notices = ui.read_url_notices()
    ui.seed_view_from_url(url_view, url_notices)
    if st.context.is_embedded and url_view.chart:
        ui.inject_style(url_view.lang)
        ui.show_chart(url_view.chart, url_view, table=False)
        st.stop()

lang_now = ui.current().lang
camp_labels = ui.labels("camps", "label", lang_now)
with st.sidebar:
    ui.bound_widget(st.multiselect, "camps", True, label=t("camp_filter", lang_now), options=url_state.CAMPS,
                    format_func=camp_labels.get, help=t("camp_filter_help", lang_now),
                    placeholder=t("empty_filter", lang_now))

view = ui.current()
ui.show_notices(st.session_state[ui.NOTICES_KEY], view.lang)
ui.sync_url(view)

st.navigation(ui.navigation_pages(view.lang)).run()
