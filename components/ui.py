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
import os
from dataclasses import replace
from datetime import date

import streamlit as st

from components import cards, charts, export, html_blocks, people, share_card, story, url_state
from components.dataset import CHANGELOG_FILE, DATA_DIR, DATA_DIR_ENV, Dataset, default_data_dir, load_dataset
from components.i18n import LANGS, pick, t
from components.style import stylesheet
from components.url_state import ViewState

NOTICES_KEY = "url_notices"
SECTIONS_KEY = "tm-sections"  # the Story sections' container (laid out in components/style.py)
SHARE_KEY_PREFIX = "open-share-"  # + page: session-state key, the page's share-and-download expander is open
TABLES_KEY, DOCS_KEY = "open-tables", "open-docs"  # Sources: more downloads; cited records and documents


@st.cache_resource(show_spinner=False)
def _load(data_dir: str) -> Dataset:
    loaded = load_dataset(data_dir)
    # Everything imported and loaded so far lives as long as the process: keep it out of the
    # garbage collector's scans (runner.postScriptGC is off, see .streamlit/config.toml).
    gc.freeze()
    return loaded


_current: list[tuple[str, Dataset]] = []  # the last ($TECH_MONEY_DATA_DIR, dataset) handed out


def dataset() -> Dataset:
    """The validated dataset, loaded once per server process (raises DatasetError).

    Called dozens of times a rerun (every cached lookup is keyed by it): after the first load it is a
    list lookup instead of a call through st.cache_resource (~20 µs each, measured with py-spy).
    """
    key = os.environ.get(DATA_DIR_ENV, "")
    if _current and _current[0][0] == key:
        return _current[0][1]
    loaded = _load(str(default_data_dir()))
    _current[:] = [(key, loaded)]
    return loaded


def forget_dataset() -> None:
    """Load the data again on next use (tests that edit a copy of data/; the app never reloads)."""
    _current.clear()
    _load.clear()


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
    built = chart(chart_id, lang, camps)
    table = html_blocks.table_html(built.table, lang, caption=built.title)
    return html_blocks.details_html(t("chart_table", lang), table, lang, css_class="tm-chart-table")


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
    return text + chart_table_html(section.chart_id, lang, camps)


@per_dataset(64)
def story_opening_html(data: Dataset, lang: str, camps: tuple[str, ...]) -> str:
    figures, _ = story_content(lang, camps)
    opening = html_blocks.prose(t("app_tagline", lang) + "\n" + t("story_intro", lang), lang)
    heading = html_blocks.heading_html(t("key_figures", lang), lang)
    return opening + heading + (html_blocks.key_figures_html(figures, lang, t("col_excerpt", lang)) if figures else "")


@functools.lru_cache(maxsize=64)
def blocks_html(lang: str, *blocks: tuple[str, str]) -> str:
    """Headings, captions and paragraphs from the translation table as one HTML element, e.g.
    ``blocks_html("ar", ("h2", "cite_heading"), ("caption", "share_link"))``: each st.header or
    st.caption is an element of its own, and every element costs a rerun time (bench/README.md)."""
    builders = {"h2": html_blocks.heading_html, "prose": html_blocks.prose,
                "caption": lambda text, lang: html_blocks.prose(text, lang, css_class="tm-caption")}
    return "".join(builders[kind](t(key, lang), lang) for kind, key in blocks)


@per_dataset(64)
def card_png(data: Dataset, page: str, lang: str, actor: str | None) -> bytes:
    return share_card.render_card(cards.card_for(page, data, lang, actor))


@per_dataset(1)
def bundle(data: Dataset) -> bytes:
    return export.dataset_bundle(data)


@per_dataset(64)
def csv_bytes(data: Dataset, table: str, lang: str, camps: tuple[str, ...], chart_id: str = "") -> bytes:
    frame = chart(chart_id, lang, camps).table if chart_id else data.tables[table]
    return frame.to_csv(index=False).encode("utf-8-sig")


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
                                   highlight=selected, index=True)
    return html_blocks.heading_html(t("actors_table", lang), lang) + table


@per_dataset(4)
def id_sets(data: Dataset) -> tuple[frozenset, frozenset]:
    return frozenset(data.actors["actor_id"]), frozenset(charts.CHART_IDS)


# Session-state keys of every expander whose content is built only while it is open.
LAZY_EXPANDER_KEYS = (TABLES_KEY, DOCS_KEY, *(f"{SHARE_KEY_PREFIX}{page}" for page in ("story", "money", "donors", "timeline")))

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
    actor_ids, chart_ids = id_sets()
    return url_state.parse_view_state(raw_query_params(), actor_ids=actor_ids, chart_ids=chart_ids)


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
    st.session_state[key] = list(value) if isinstance(value, tuple) else value

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
    st.html(f"<style>{stylesheet(lang)}</style>")


def show_notices(notices: tuple[url_state.Notice, ...], lang: str) -> None:
    keys = {"unknown_value": "notice_dropped", "too_long": "notice_too_long",
            "unknown_key": "notice_unknown_key", "repeated_key": "notice_repeated"}
    for notice in notices:
        # An unknown key's own name is what the reader needs to see; Notice keeps it as the shown value.
        key = notice.shown_value if notice.reason == url_state.UNKNOWN_KEY else notice.key
        st.warning(t(keys[notice.reason], lang, key=html_blocks.markdown_literal(key),
                     value=html_blocks.markdown_literal(notice.shown_value)), icon="ℹ️")


def prose(text: str, lang: str) -> None:
    st.markdown(html_blocks.prose(text, lang), unsafe_allow_html=True)


def html(fragment: str) -> None:
    """Show a fragment built (and escaped) by components.html_blocks."""
    st.markdown(fragment, unsafe_allow_html=True)


def show_chart(chart_id: str, view: ViewState, *, table: bool = True) -> None:
    """A chart (its title, qualifier subtitle and source line are drawn in the figure, so a downloaded
    PNG or an embed carries them), its accessible name, and its data table in a native disclosure.

    Always two elements (chart and table, or heading and notice), so a layout can place them."""
    lang = view.lang
    built = chart(chart_id, lang, view.camps)
    if built.figure is None:
        st.header(built.title)
        st.info(t("empty_filter", lang))
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


def share_and_download(page: str, view: ViewState, chart_ids: tuple[str, ...] = ()) -> None:
    """The page's share card (PNG) and a CSV per chart, in one expander whose buttons are built only
    while it is open: a download button is the costliest element to register (py-spy: one per
    chart was ~19% of a Story rerun), and a closed expander is one small element."""
    lang = view.lang
    with lazy_expander(t("share_download", lang), f"{SHARE_KEY_PREFIX}{page}") as shown:
        if not shown:
            return
        share_card_button(page, view)
        for chart_id in chart_ids:
            title = chart(chart_id, lang, view.camps).title
            st.download_button(
                t("download_chart_csv", lang, title=html_blocks.markdown_literal(title)),
                functools.partial(csv_bytes, "", lang, view.camps, chart_id),
                on_click="ignore",
                file_name=f"tech-money-2024-{chart_id}-{lang}.csv",
                mime="text/csv",
                key=f"csv-{chart_id}",
            )


@contextlib.contextmanager
def lazy_expander(label: str, key: str):
    """An expander whose content is built only while it is open (yields whether it is); its open
    state lives in ``st.session_state[key]``."""
    with st.expander(label, key=key, on_change="rerun") as box:
        yield box.open


def share_card_button(page: str, view: ViewState) -> None:
    st.download_button(
        t("share_card", view.lang),
        functools.partial(card_png, page, view.lang, view.actor if page == "donors" else None),
        on_click="ignore",
        file_name=f"tech-money-2024-{page}-{view.lang}.png",
        mime="image/png",
        key=f"card-{page}",
    )


def today() -> str:
    return date.today().isoformat()
