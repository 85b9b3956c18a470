"""The site's addresses: the view a link names (language, camps, actor, chart), its query string, and
the paths and file names of every download.

The pages and the page contents build links from here; the web layer (techmoney/web) reads them back
(url_state parses a query, downloads serves a path). Pure string building: every part URL-encoded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from techmoney.data.schema import CAMPS
from techmoney.words.i18n import LANGS

DEFAULT_LANG = LANGS[0]
DOWNLOAD_PREFIX = "download/"  # relative to the app root; techmoney.web.downloads serves these paths
PREFIX = DOWNLOAD_PREFIX.rstrip("/")


@dataclass(frozen=True)
class ViewState:
    lang: str = DEFAULT_LANG
    camps: tuple[str, ...] = CAMPS  # in CAMPS order, deduplicated
    actor: str | None = None
    chart: str | None = None


def to_query_params(state: ViewState) -> dict[str, str | list[str]]:
    """Query params for ``state``, only non-default values.

    No camps selected is written as ``camp=`` (``[""]``), which Streamlit and
    :func:`parse_view_state` read as an explicitly empty selection.
    """
    params: dict[str, str | list[str]] = {}
    if state.lang != DEFAULT_LANG:
        params["lang"] = state.lang
    camps = tuple(c for c in CAMPS if c in set(state.camps))
    if camps != CAMPS:
        params["camp"] = list(camps) if camps else [""]
    if state.actor is not None:
        params["actor"] = state.actor
    if state.chart is not None:
        params["chart"] = state.chart
    return params


def query_string(state: ViewState) -> str:
    """URL-encoded query string of ``state`` (repeated ``camp`` keys), without the "?"."""
    return urlencode(to_query_params(state), doseq=True)




def _link(path: str, params: Mapping[str, str | list[str]]) -> str:
    query = urlencode(params, doseq=True)
    return f"{PREFIX}/{quote(path)}" + (f"?{query}" if query else "")


def _params(view: ViewState, *, camps: bool = True, actor: bool = False) -> dict[str, str | list[str]]:
    state = ViewState(lang=view.lang, camps=view.camps if camps else CAMPS,
                      actor=view.actor if actor else None)
    return to_query_params(state)


def card_href(page: str, view: ViewState) -> str:
    """The page's share card for this view: on Donors the card follows the camps and the actor picked."""
    donors = page == "donors"
    return _link(f"card/{page}.png", _params(view, camps=donors, actor=donors))


def chart_csv_href(chart_id: str, view: ViewState) -> str:
    return _link(f"chart/{chart_id}.csv", _params(view))


def table_csv_href(name: str) -> str:
    return _link(f"table/{name}.csv", {})


def actors_csv_href(view: ViewState) -> str:
    return _link("actors.csv", _params(view))


def bundle_href() -> str:
    return _link("bundle.zip", {})


def card_filename(page: str, view: ViewState) -> str:
    whom = ""
    if page == "donors" and view.actor:
        whom = f"-{view.actor}"
    elif page == "donors" and view.camps != CAMPS:
        whom = f"-{'-'.join(view.camps) or 'none'}"
    return f"tech-money-2024-{page}{whom}-{view.lang}.png"


def chart_csv_filename(chart_id: str, lang: str) -> str:
    return f"tech-money-2024-{chart_id}-{lang}.csv"


def actors_csv_filename(view: ViewState) -> str:
    return f"tech-money-2024-actors-{'-'.join(view.camps) or 'none'}.csv"
