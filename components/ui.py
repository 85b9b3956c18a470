"""The small layer between Streamlit and the pure builders: caching, view state, and shared blocks.

Only this module and the page modules import streamlit. Everything expensive is cached per
process (the dataset, each chart per language and camp selection, share cards), so a rerun only
re-sends what the page shows.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from dataclasses import replace
from datetime import date

import streamlit as st

from components import cards, charts, export, html_blocks, people, share_card, story, url_state
from components.dataset import DATA_DIR, Dataset, load_dataset
from components.i18n import LANGS, pick, t
from components.style import stylesheet
from components.url_state import ViewState

NOTICES_KEY = "url_notices"
TABLE_KEY_PREFIX = "table-"  # + chart id: the session-state key of a chart's data-table expander


@st.cache_resource(show_spinner=False)
def dataset() -> Dataset:
    """The validated dataset, loaded once per server process (raises DatasetError)."""
    loaded = load_dataset()
    # Everything imported and loaded so far lives as long as the process: keep it out of the
    # garbage collector's scans (runner.postScriptGC is off, see .streamlit/config.toml).
    gc.freeze()
    return loaded


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
    return html_blocks.table_html(built.table, lang, caption=built.title)


@per_dataset(4)
def article_html(data: Dataset, lang: str) -> tuple[str, str]:
    """The highlighted article and the list of records its highlights link to."""
    return html_blocks.article_html(data, lang), html_blocks.citation_list_html(data, lang)


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
def limits_table_html(data: Dataset, lang: str) -> str:
    return html_blocks.table_html(charts.limits_table(data, lang), lang, caption=t("limits_title", lang))


@per_dataset(64)
def undated_events(data: Dataset, lang: str, camps: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    events = charts.timeline_events(data, lang, camps)
    undated = events[events["when"].isna()]
    return tuple(zip(undated["label"], undated["date_reasoning"], strict=True))


@per_dataset(4)
def id_sets(data: Dataset) -> tuple[frozenset, frozenset]:
    return frozenset(data.actors["actor_id"]), frozenset(charts.CHART_IDS)


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
    PNG or an embed carries them), its accessible name, and its data table with a CSV download."""
    lang = view.lang
    built = chart(chart_id, lang, view.camps)
    if built.figure is None:
        st.header(built.title)
        st.info(t("empty_filter", lang))
    else:
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
        # Lazy: the table and its CSV button are built and sent only while the reader has the
        # expander open (measured: the six download buttons alone were ~19% of a Story rerun).
        with lazy_expander(t("chart_table", lang), f"{TABLE_KEY_PREFIX}{chart_id}") as shown:
            if not shown:
                return
            html(chart_table_html(chart_id, lang, view.camps))
            st.download_button(
                t("download_csv", lang),
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
