"""The site's addresses: the view a link names (language, camps, actor, chart), its query string, and
the paths and file names of every download.

The pages and the page contents build links from here; the web layer (techmoney/web) reads them back
(url_state parses a query, downloads serves a path). Pure string building: every part URL-encoded.
"""

from __future__ import annotations

import ipaddress
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from techmoney.data.schema import CAMPS
from techmoney.words.i18n import LANGS

DEFAULT_LANG = LANGS[0]
# Every subset of the camps, as a link names it (in CAMPS order), all of them first: what links open.
CAMP_SUBSETS = tuple(
    sorted((c for n in range(len(CAMPS) + 1) for c in itertools.combinations(CAMPS, n)), key=len, reverse=True)
)
PUBLIC_URL_ENV = "TECH_MONEY_PUBLIC_URL"  # the address readers use, e.g. https://example.org/tech-money/
_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")
# What a root's path may hold: nothing markup, JSON or a query would have to escape ("&", quotes, "<").
_PATH_SAFE = "/-._~!$()*+,;=:@%"
DOWNLOAD_PREFIX = "download/"  # relative to the app root; techmoney.bake.downloads serves these paths
PREFIX = DOWNLOAD_PREFIX.rstrip("/")
# The licence of the data and of what is made from it (data/LICENSE.md).
DATA_LICENCE = "CC BY 4.0"
DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
# A chart's images and the end of their file names: the SVG, the PNG at twice the page's size, the social
# sizes (techmoney.content.chart_images draws each kind).
CHART_IMAGES = {"svg": ".svg", "png": ".png", "1200x630": "-1200x630.png", "1080x1080": "-1080x1080.png"}


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


def site_root(public_url: str | None, host: str, port: int | str, base_path: str = "") -> str:
    """The app's absolute root URL, ending in "/", that every absolute link starts from.

    ``public_url`` (``$TECH_MONEY_PUBLIC_URL``) when it is an http(s) URL with a host, else the address
    the server prints: ``http://host:port/base/``, where a host that listens everywhere (0.0.0.0, ::) is
    ``localhost`` and an IPv6 address is bracketed. Never a request's Host header: any caller can set
    it, and a cache would serve its page to everyone. The result holds no character that HTML, JSON or
    a query string escapes, so it reads the same wherever it is written.
    """
    if public_url:
        parts = urlsplit(public_url.strip())
        netloc = _netloc(parts.hostname or "", _port_of(parts)) if parts.scheme in ("http", "https") else None
        if netloc and not parts.username and not parts.password:
            return f"{parts.scheme}://{netloc}{quote(parts.path.rstrip('/'), safe=_PATH_SAFE)}/"
    base = quote(base_path.strip("/"), safe=_PATH_SAFE)
    return f"http://{_netloc(host, port) or f'localhost:{port}'}/" + (f"{base}/" if base else "")


def listens_everywhere(host: str) -> bool:
    """Whether a server address means every address (unset, 0.0.0.0, ::): not one to open."""
    try:
        return not host or ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:  # a host name
        return False


def _port_of(parts) -> int | None:
    try:
        return parts.port
    except ValueError:  # not a number, or out of range
        return -1


def _netloc(host: str, port: int | str | None) -> str | None:
    """``host[:port]`` for a URL, or None if the host is not a plain name or address."""
    host = host.strip("[]")
    if port == -1 or (port is not None and not str(port).isdigit()):
        return None
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if not _HOST.fullmatch(host):
            return None
        named = host
    else:
        named = "localhost" if listens_everywhere(host) else f"[{host}]" if address.version == 6 else host
    return f"{named}:{port}" if port else named


def page_href(page_path: str, view: ViewState) -> str:
    """A page's address relative to the app root: its path and the view's query (a chart link's
    ``chart=…`` with ``embed=true``, as Streamlit's frontend reads it)."""
    query = query_string(view)
    if view.chart is not None:
        query += "&embed=true"
    return f"{page_path}?{query}" if query else page_path


def _link(path: str, params: Mapping[str, str | list[str]]) -> str:
    query = urlencode(params, doseq=True)
    return f"{PREFIX}/{quote(path)}" + (f"?{query}" if query else "")


def _params(view: ViewState, *, camps: bool = True, actor: bool = False) -> dict[str, str | list[str]]:
    state = ViewState(lang=view.lang, camps=view.camps if camps else CAMPS, actor=view.actor if actor else None)
    return to_query_params(state)


def card_href(page: str, view: ViewState) -> str:
    """The page's share card for this view: on Donors the card follows the camps and the actor picked."""
    donors = page == "donors"
    return _link(f"card/{page}.png", _params(view, camps=donors, actor=donors))


def chart_csv_href(chart_id: str, view: ViewState) -> str:
    return _link(f"chart/{chart_id}.csv", _params(view))


def chart_image_href(chart_id: str, view: ViewState, kind: str = "svg") -> str:
    """``download/chart/<id>.svg``, ``.png``, ``-1200x630.png`` or ``-1080x1080.png`` for the view's language
    and camps, as the chart's CSV."""
    return _link(f"chart/{chart_id}{CHART_IMAGES[kind]}", _params(view))


def chart_image_path(name: str) -> tuple[str, str] | None:
    """(chart id, image kind) of a file name under ``download/chart/``, or None if it names no image."""
    for kind, ending in sorted(CHART_IMAGES.items(), key=lambda item: -len(item[1])):
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)], kind
    return None


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


def chart_image_filename(chart_id: str, lang: str, kind: str = "svg") -> str:
    return f"tech-money-2024-{chart_id}-{lang}{CHART_IMAGES[kind]}"


def actors_csv_filename(view: ViewState) -> str:
    return f"tech-money-2024-actors-{'-'.join(view.camps) or 'none'}.csv"
