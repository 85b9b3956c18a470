"""oEmbed (https://oembed.com, type "rich"): a newsroom's CMS given one of our links asks the endpoint
beside the app for the embed code, and gets the chart's iframe at the right height.

A page link embeds the page's main chart, a chart link (``?embed=true&chart=…``) that chart, in the link's
language and camps (its query read with the page's own rules, techmoney.site.links.parse_view). Only our
own links are answered: the link must start with the app's root (the configured public URL, else the
request's own origin and base path) and name one of our pages; anything else is a 404, a link that is no
URL a 400, a format other than JSON a 501, and no answer echoes what it was sent. Every page's HTML names
the endpoint for its own link (``<link rel="alternate" type="application/json+oembed">``, head_html).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from urllib.parse import parse_qs, urlencode, urlsplit

from techmoney.content import embeds, layouts, share_card
from techmoney.content import page_content as contents
from techmoney.content.html import render
from techmoney.data.dataset import Dataset
from techmoney.site import addresses, links, url_state
from techmoney.site.addresses import ViewState
from techmoney.site.sitemap import CHART_IDS, PAGES, PAGES_BY_ID
from techmoney.words.i18n import t

PATH = "oembed"  # relative to the app's root
SCRIPT_PATH = "app/static/embed-height.js"  # Streamlit serves static/ there (server.enableStaticServing)
DEFAULT_WIDTH = 640  # px: an article column; the iframe itself is 100% wide
MAX_LINK_LENGTH = 2048
MAX_SIZE = 10_000  # px: a larger maxwidth or maxheight caps nothing
_LINK = re.compile(r"[!-~]+")  # printable ASCII, no spaces: what our links are made of
_SIZE = re.compile(r"[0-9]{1,9}")
_PORTS = {"http": 80, "https": 443}


class Refusal(Exception):
    """An oEmbed request the endpoint does not answer: its status and a fixed message (never the input)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _one(params: Mapping[str, Sequence[str]], key: str) -> str | None:
    values = params.get(key) or []
    if len(values) > 1:
        raise Refusal(400, f"Give {key} once.")
    return values[0] if values else None


def _origin(parts) -> tuple[str, str, int]:
    try:
        port = parts.port
    except ValueError as err:
        raise Refusal(400, "The url is not a URL.") from err
    return parts.scheme.lower(), (parts.hostname or "").lower(), port or _PORTS.get(parts.scheme.lower(), 0)


def read_link(link: str | None, root: str) -> tuple[str, dict[str, list[str]]]:
    """The page id a link of ours names and its query; Refusal(400) if it is no http(s) URL,
    Refusal(404) if it is not ours (another origin, or a path that is not one of our pages)."""
    if not link:
        raise Refusal(400, "Give the url of a page or chart.")
    if len(link) > MAX_LINK_LENGTH or not _LINK.fullmatch(link) or "\\" in link:
        raise Refusal(400, "The url is not a URL.")
    try:
        parts = urlsplit(link)
    except ValueError as err:
        raise Refusal(400, "The url is not a URL.") from err
    if parts.scheme.lower() not in _PORTS or not parts.hostname:
        raise Refusal(400, "The url is not an http(s) URL.")
    ours = urlsplit(root)
    if parts.username is not None or parts.password is not None or _origin(parts) != _origin(ours):
        raise Refusal(404, "Not a link to this site.")
    path = parts.path.rstrip("/")
    page = next((p.page_id for p in PAGES if path == (ours.path + p.url_path).rstrip("/")), None)
    if page is None:
        raise Refusal(404, "Not a page or chart of this site.")
    return page, parse_qs(parts.query, keep_blank_values=True)


def _size(params: Mapping[str, Sequence[str]], key: str) -> int | None:
    value = _one(params, key)
    if value is None or value == "":
        return None
    if not _SIZE.fullmatch(value) or int(value) == 0:
        raise Refusal(400, f"{key} is a number of pixels.")
    return min(int(value), MAX_SIZE)


def _embedded(page: str, dataset: Dataset, query: Mapping[str, Sequence[str]]) -> ViewState:
    """The view the link names, with the chart it embeds."""
    view, _ = links.parse_view(dataset, query)
    return replace(view, chart=view.chart or _main_chart(page, dataset, view.lang, view.camps))


def _main_chart(page: str, dataset: Dataset, lang: str, camps: tuple[str, ...]) -> str:
    return layouts.main_chart(dataset, page, lang, camps)


def _chart(dataset: Dataset, chart_id: str, lang: str, camps: tuple[str, ...]) -> tuple[str, int]:
    """The chart's title and its iframe's height without script."""
    built = contents.chart(dataset, chart_id, lang, camps)
    return built.title, embeds.embed_height(built)


def answer(params: Mapping[str, Sequence[str]], root: str, dataset: Dataset, cache_age: int) -> dict[str, object]:
    """The oEmbed answer for the request's parameters (raises Refusal); ``root`` is the app's absolute
    root URL (techmoney.site.addresses.site_root), ``cache_age`` how long a consumer may keep it (seconds)."""
    page, query = read_link(_one(params, "url"), root)
    if (_one(params, "format") or "json").lower() != "json":
        raise Refusal(501, "Only format=json is answered.")
    max_width, max_height = _size(params, "maxwidth"), _size(params, "maxheight")
    view = _embedded(page, dataset, query)
    title, height = _chart(dataset, view.chart, view.lang, view.camps)
    width = min(DEFAULT_WIDTH, max_width or DEFAULT_WIDTH)
    height = min(height, max_height or height)
    # The page's own card for the link's camps (on Donors, the camps' lead giver); not an actor's, which may not
    # be drawable.
    card = addresses.card_href(page, ViewState(lang=view.lang, camps=view.camps))
    return {
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": t("app_title", view.lang),
        "provider_url": links.view_link(root, ViewState(lang=view.lang)),
        "html": render.embed_snippet(links.embed_link(root, view, view.chart), title, height, max_width, max_height),
        "width": width,
        "height": height,
        "thumbnail_url": root + card,
        "thumbnail_width": share_card.WIDTH,
        "thumbnail_height": share_card.HEIGHT,
        "cache_age": cache_age,
    }


def head_html(root: str, page: str, view: ViewState, chart: str | None, title: str, dataset: Dataset | None) -> str:
    """What a page's HTML head says about its oEmbed: the endpoint for this link (``chart``: a chart link,
    whose page also loads the script that posts its height)."""
    if chart is None:
        link = links.view_link(root + PAGES_BY_ID[page].url_path, view)
    else:
        link = links.embed_link(root, view, chart)
        title = _chart(dataset, chart, view.lang, view.camps)[0] if dataset is not None else title
    href = f"{root}{PATH}?{urlencode({'url': link, 'format': 'json'})}"
    script = SCRIPT_PATH if chart is not None else None  # relative: pages live at the root's level
    return render.render("oembed_head.html", href=href, title=title, script=script)


def chart_link(query: Mapping[str, Sequence[str]]) -> str | None:
    """The chart a chart link (``embed=true&chart=…``) shows; None for any other link."""
    if not url_state.is_embed(query):
        return None
    view, _ = url_state.parse_view_state(query, actor_ids=(), chart_ids=CHART_IDS)
    return view.chart
