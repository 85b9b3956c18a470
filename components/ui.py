"""The small layer between Streamlit and the pure builders: caching, view state, and shared blocks.

Only this module and the page modules import streamlit. Everything expensive is cached per
process (the dataset, each chart per language and camp selection, share cards), so a rerun only
re-sends what the page shows.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import gc
from dataclasses import replace
from datetime import date

import streamlit as st

from components import charts, downloads, export, html_blocks, links, people, story, url_state
from components.dataset import CHANGELOG_FILE, DATA_DIR, Dataset, forget_shared_dataset, shared_dataset
from components.i18n import LANGS, pick, t
from components.style import stylesheet
from components.url_state import ViewState

NOTICES_KEY = "url_notices"
SECTIONS_KEY = "tm-sections"  # the Story sections' container (laid out in components/style.py)
DOCS_KEY = "open-docs"  # Sources: the expander with the cited records, dictionary and changelog


_frozen: list[Dataset] = []  # the dataset whose objects were last frozen out of the GC's scans


def dataset() -> Dataset:
    """The validated dataset, loaded once per server process (raises DatasetError)."""
    loaded = shared_dataset()
    if not _frozen or _frozen[0] is not loaded:
        # Everything imported and loaded so far lives as long as the process: keep it out of the
        # garbage collector's scans (runner.postScriptGC is off, see .streamlit/config.toml).
        gc.freeze()
        _frozen[:] = [loaded]
    return loaded


def forget_dataset() -> None:
    """Load the data again on next use (tests that edit a copy of data/; the app never reloads)."""
    forget_shared_dataset()
    _frozen.clear()


def per_dataset(maxsize: int = 128):
    """Memoise ``f(dataset, *args)`` as ``g(*args)`` for the current dataset.

    A plain lru_cache rather than st.cache_data: these run many times per rerun, and Streamlit's
    argument hashing and result copying cost more than the work they save (measured with cProfile:
    ~5 ms of a ~17 ms page run). Keys include the dataset object, so a reload never serves stale
    results. Results are shared between sessions and must not be mutated.
    """

    def decorate(function):
        cached = functools.lru_cache(maxsize=maxsize)(function)

        @functools.wraps(function)
        def wrapper(*args):
            return cached(dataset(), *args)

        wrapper.cache_clear = cached.cache_clear
        return wrapper

    return decorate


@per_dataset(256)
def chart(data: Dataset, chart_id: str, lang: str, camps: tuple[str, ...]) -> charts.Chart:
    return charts.build_chart(chart_id, data, lang, camps)


@per_dataset(256)
def chart_table_html(data: Dataset, chart_id: str, lang: str, camps: tuple[str, ...]) -> str:
    """A chart's data as a table in a disclosure, with the same data as a CSV link."""
    built = chart(chart_id, lang, camps)
    table = html_blocks.table_html(built.table, lang, caption=built.title)
    view = ViewState(lang=lang, camps=camps)
    csv = html_blocks.download_links_html(
        [(t("download_csv", lang), downloads.chart_csv_href(chart_id, view), downloads.chart_csv_filename(chart_id, lang))],
        lang,
    )
    return html_blocks.details_html(t("chart_table", lang), table + csv, lang, css_class="tm-chart-table")


@functools.lru_cache(maxsize=256)
def head_html(title_key: str, view: ViewState) -> str:
    """A page's head: stylesheet, title and language link. Pages put it at the start of their first
    element (each st.title or st.html is an element of its own, and every element costs rerun time)."""
    return html_blocks.page_head_html(stylesheet(view.lang), t(title_key, view.lang), view.lang,
                                      links.language_switch(view), t("lang_nav", view.lang))


@functools.lru_cache(maxsize=256)
def intro_html(page: str, view: ViewState, *intro_keys: str) -> str:
    """A page's opening paragraphs and its share-card link."""
    link = (t("share_card", view.lang), downloads.card_href(page, view), downloads.card_filename(page, view))
    prose = html_blocks.prose("\n".join(t(key, view.lang) for key in intro_keys), view.lang)
    return prose + html_blocks.download_links_html([link], view.lang)


@per_dataset(4)
def article_html(data: Dataset, lang: str) -> str:
    """The article, its cited sentences highlighted and linked to the records that cite them."""
    return html_blocks.article_html(data, lang)


@per_dataset(4)
def sources_docs_html(data: Dataset, lang: str) -> str:
    """The records the highlights link to, the data dictionary and the changelog, each in a disclosure
    (HTML <details>: no widget to register, nothing to rerun when a reader opens one)."""
    cited = html_blocks.details_html(t("cited_by", lang, ids="…"), html_blocks.citation_list_html(data, lang), lang,
                                     css_class="tm-docs")
    return (cited + html_blocks.markdown_doc_html(data_doc("README.md"), t("dictionary_heading", lang), lang)
            + html_blocks.markdown_doc_html(data_doc(CHANGELOG_FILE), t("changelog_heading", lang), lang))


@per_dataset(64)
def actors_table(data: Dataset, lang: str, camps: tuple[str, ...]):
    return people.actors_table(data, lang, camps)


@per_dataset(16)
def labels(data: Dataset, table: str, field: str, lang: str) -> dict[str, str]:
    """id -> label in the language, e.g. labels("actors", "name", "ar")."""
    return {key: pick(row, field, lang) for key, row in data.by_id(table).items()}


@per_dataset(64)
def story_content(data: Dataset, lang: str, camps: tuple[str, ...]) -> tuple[list, list]:
    return story.key_figures(data, lang, camps), story.sections(data, lang, camps)


@per_dataset(64)
def section_html(data: Dataset, section: story.Section, lang: str, camps: tuple[str, ...]) -> str:
    """A Story section's text followed by its chart's data table (the chart sits beside it)."""
    text = html_blocks.section_html(section.title, section.body, section.quote, t("col_excerpt", lang), lang)
    if chart(section.chart_id, lang, camps).figure is not None:  # else the chart's place says the filter emptied it
        text += chart_table_html(section.chart_id, lang, camps)
    return html_blocks.block("tm-section-text", text)  # one grid cell, also when it shares the opening's element


@per_dataset(64)
def story_head_html(data: Dataset, view: ViewState) -> str:
    """Story's opening: the page head, tagline, intro and key figures, in one block that spans the
    sections' grid (components/style.py)."""
    return html_blocks.block("tm-opening", head_html("app_title", view) + story_opening_html(view.lang, view.camps))


@per_dataset(64)
def story_opening_html(data: Dataset, lang: str, camps: tuple[str, ...]) -> str:
    figures, _ = story_content(lang, camps)
    opening = intro_html("story", ViewState(lang=lang, camps=camps), "app_tagline", "story_intro")
    if not figures:  # e.g. skeptics only: no key figure belongs to that camp
        return opening
    heading = html_blocks.heading_html(t("key_figures", lang), lang)
    return opening + heading + html_blocks.key_figures_html(figures, lang, t("col_excerpt", lang))


@functools.lru_cache(maxsize=64)
def blocks_html(lang: str, *blocks: tuple[str, str]) -> str:
    """Headings, captions and paragraphs from the translation table as one HTML element, e.g.
    ``blocks_html("ar", ("h2", "cite_heading"), ("caption", "share_link"))``: each st.header or
    st.caption is an element of its own, and every element costs a rerun time (bench/README.md)."""
    builders = {"h2": html_blocks.heading_html, "prose": html_blocks.prose,
                "caption": lambda text, lang: html_blocks.prose(text, lang, css_class="tm-caption")}
    return "".join(builders[kind](t(key, lang), lang) for kind, key in blocks)


@per_dataset(8)
def sources_downloads_html(data: Dataset, view: ViewState) -> str:
    """Sources: the whole dataset (the main link), then every table and the filtered names."""
    lang = view.lang
    bundle = html_blocks.download_links_html(
        [(t("download_bundle", lang, version=data.version), downloads.bundle_href(), export.bundle_name(data))],
        lang, css_class="tm-downloads tm-primary",
    )
    more = [(t("download_filtered", lang), downloads.actors_csv_href(view), downloads.actors_csv_filename(view))]
    more += [(t("download_table", lang, name=name), downloads.table_csv_href(name), f"{name}.csv") for name in data.tables]
    return (html_blocks.heading_html(t("downloads_heading", lang), lang) + bundle
            + html_blocks.details_html(t("download_tables", lang), html_blocks.download_links_html(more, lang), lang,
                                       css_class="tm-docs"))


@per_dataset(8)
def data_doc(data: Dataset, name: str) -> str:
    """A Markdown document from data/ (dictionary, changelog), read once per process."""
    path = DATA_DIR / name
    return path.read_text(encoding="utf-8") if path.exists() else ""


@per_dataset(16)
def limits_section_html(data: Dataset, lang: str) -> str:
    table = html_blocks.table_html(charts.limits_table(data, lang), lang, caption=t("limits_title", lang))
    return (html_blocks.heading_html(t("limits_title", lang), lang) + html_blocks.prose(t("limits_note", lang), lang)
            + table)


@per_dataset(64)
def undated_events_html(data: Dataset, lang: str, camps: tuple[str, ...]) -> str:
    """The events the article gives no date for, under their heading ("" when the filter leaves none)."""
    events = charts.timeline_events(data, lang, camps)
    undated = events[events["when"].isna()]
    if undated.empty:
        return ""
    lines = "\n".join(f"{label} — {reasoning}" for label, reasoning in zip(undated["label"], undated["date_reasoning"],
                                                                          strict=True))
    return html_blocks.heading_html(t("undated", lang), lang) + html_blocks.prose(lines, lang)


@per_dataset(256)
def actors_section_html(data: Dataset, lang: str, camps: tuple[str, ...], selected: str | None) -> str:
    table = html_blocks.table_html(actors_table(lang, camps), lang, caption=t("actors_table", lang),
                                   highlight=selected)  # the index (actor ids) marks the row, never shown
    return html_blocks.heading_html(t("actors_table", lang), lang) + table


# (script, title key, icon, url path); the first page is the default ("/").
PAGES = (
    ("app_pages/story.py", "page_story", "📰", None),
    ("app_pages/money.py", "page_money", "💵", "money"),
    ("app_pages/donors.py", "page_donors", "👥", "donors"),
    ("app_pages/timeline.py", "page_timeline", "🗓️", "timeline"),
    ("app_pages/sources.py", "page_sources", "📚", "sources"),
)


@functools.lru_cache(maxsize=len(LANGS))
def _navigation_pages(lang: str) -> tuple[st.Page, ...]:
    return tuple(
        st.Page(script, title=t(title_key, lang), icon=icon, url_path=url_path, default=url_path is None)
        for script, title_key, icon, url_path in PAGES
    )


def navigation_pages(lang: str) -> list[st.Page]:
    """The pages for st.navigation. Building a Page resolves its path on disk (py-spy: ~7% of a rerun),
    so they are built once per language; each run gets shallow copies, because st.navigation marks the
    page it returns as callable once and concurrent sessions must not share that flag."""
    return [copy.copy(page) for page in _navigation_pages(lang)]


def raw_query_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def read_url_notices() -> tuple[ViewState, tuple[url_state.Notice, ...]]:
    """Parse the URL before the bound widgets clean it, so a dropped value can be named."""
    return links.parse_view(dataset(), raw_query_params())


VIEW_KEY = "view"


def seed_view_from_url(view: ViewState, notices: tuple[url_state.Notice, ...]) -> None:
    """On a session's first run the view starts from the link; later the widgets lead."""
    if VIEW_KEY in st.session_state:
        return
    st.session_state[NOTICES_KEY] = notices
    st.session_state[VIEW_KEY] = view


def current() -> ViewState:
    return st.session_state.get(VIEW_KEY) or ViewState()


def _update_view(**changes: object) -> None:
    st.session_state[VIEW_KEY] = replace(current(), **changes)


def bound_widget(make, field: str, lang_specific: bool, **kwargs):
    """A widget that shows and edits one field of the view.

    Streamlit stores a widget's value as its displayed label, so a widget whose labels change
    with the language gets one key per language; the view (not the widget) holds the value.
    """
    key = f"w_{field}_{current().lang}" if lang_specific else f"w_{field}"
    value = getattr(current(), field)
    wanted = list(value) if isinstance(value, tuple) else value
    if key not in st.session_state or st.session_state[key] != wanted:  # a write on every run costs a rerun time
        st.session_state[key] = wanted

    def changed() -> None:
        new = st.session_state[key]
        _update_view(**{field: tuple(c for c in url_state.CAMPS if c in new) if field == "camps" else new})

    return make(key=key, on_change=changed, **kwargs)


def sync_url(view: ViewState) -> None:
    """Write the view into the link, touching it only when it changed (each write is a message)."""
    wanted = {k: v if isinstance(v, list) else [v] for k, v in url_state.to_query_params(view).items()}
    if raw_query_params() != wanted:
        st.query_params.from_dict(url_state.to_query_params(view))


def inject_style(lang: str) -> None:
    """The stylesheet on its own, for runs that show no page (an embed, the data-failure notice)."""
    st.html(html_blocks.style_html(stylesheet(lang)))


def show_notices(notices: tuple[url_state.Notice, ...], lang: str) -> None:
    keys = {"unknown_value": "notice_dropped", "too_long": "notice_too_long",
            "unknown_key": "notice_unknown_key", "repeated_key": "notice_repeated"}
    for notice in notices:
        # An unknown key's own name is what the reader needs to see; Notice keeps it as the shown value.
        key = notice.shown_value if notice.reason == url_state.UNKNOWN_KEY else notice.key
        st.warning(t(keys[notice.reason], lang, key=html_blocks.markdown_literal(key),
                     value=html_blocks.markdown_literal(notice.shown_value)), icon="ℹ️")


def html(fragment: str) -> None:
    """Show a fragment built (and escaped) by components.html_blocks."""
    st.markdown(fragment, unsafe_allow_html=True)


def show_chart(chart_id: str, view: ViewState, *, table: bool = True) -> None:
    """A chart (its title, qualifier subtitle and source line are drawn in the figure, so a downloaded
    PNG or an embed carries them), its accessible name, and its data table in a native disclosure.

    Without ``table``, exactly one element (the chart, or a notice when the filter leaves it empty),
    so the Story's grid can pair it with its section."""
    lang = view.lang
    built = chart(chart_id, lang, view.camps)
    if built.figure is None:
        if table:
            st.header(built.title)
            st.info(t("empty_filter", lang))
        else:
            st.info(t("chart_empty", lang, title=html_blocks.markdown_literal(built.title)))
        return
    source = t("source_line", lang, version=dataset().version)
    st.plotly_chart(
        built.figure,
        width="stretch",
        key=f"chart-{chart_id}",
        # The chart's accessible name: what it shows, how sure the figures are, where they come from.
        alt=f"{built.title}. {built.subtitle} {source}",
        config={"displaylogo": False, "responsive": True,
                "toImageButtonOptions": {"format": "png", "filename": f"tech-money-2024-{chart_id}"}},
    )
    if table:
        # An HTML <details>, not st.expander: no widget to register and no rerun to open it; the
        # string is cached and, past 1 kB, sent once per session (minCachedMessageSize).
        html(chart_table_html(chart_id, lang, view.camps))


@contextlib.contextmanager
def lazy_expander(label: str, key: str):
    """An expander whose content is built only while it is open (yields whether it is); its open
    state lives in ``st.session_state[key]``."""
    with st.expander(label, key=key, on_change="rerun") as box:
        yield box.open


def today() -> str:
    return date.today().isoformat()
