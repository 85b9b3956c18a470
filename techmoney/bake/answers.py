"""What the server answers besides Streamlit: each page's HTML and each download, by address.

An address is what a link names once read with the page's own rules (techmoney.site.links.parse_view):
a page path or a download path, with the query of the view it falls back to (``donors?lang=en``,
``download/card/money.png?lang=en``), relative to the app's root and written by
techmoney.site.addresses. Every request that names the same view has the same address, so one answer
serves them all: :func:`every_address` lists each one a reader can be sent, the bake
(techmoney/bake/build.py) makes them all once per release, and the server (techmoney.web.routes) looks a
request's address up in the bake, making it here only when there is none (a development run).
Absolute links in a page start from techmoney.content.release.ROOT; the server puts its own root in.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

from techmoney.bake import downloads
from techmoney.content.html import first_paint, oembed, previews
from techmoney.content.release import ROOT, Answer
from techmoney.data.dataset import Dataset
from techmoney.site import addresses
from techmoney.site.addresses import ViewState
from techmoney.site.sitemap import CHART_IDS, PAGES, PAGES_BY_ID
from techmoney.words.i18n import LANGS

HTML = "text/html; charset=utf-8"


def page_address(page_id: str, query: Mapping[str, str | Sequence[str]], dataset: Dataset | None) -> str:
    """The address of the page a request for ``page_id`` with ``query`` is answered with."""
    view = previews.read_view(dataset, query)
    return addresses.page_href(PAGES_BY_ID[page_id].url_path, replace(view, chart=oembed.chart_link(query)))


def page_html(page_id: str, view: ViewState, index_html: str, dataset: Dataset | None) -> Answer:
    """The page's HTML for ``view`` (``view.chart``: a chart link): Streamlit's index.html with the view's
    link preview, oEmbed discovery and first screen (none when the dataset failed to load)."""
    chart, view = view.chart, replace(view, chart=None)
    item = previews.preview(page_id, view, ROOT, dataset)
    more_head = oembed.head_html(ROOT, page_id, view, chart, item.title, dataset)
    screen = "" if dataset is None else first_paint.first_paint(page_id, view, ROOT, dataset, chart)
    return Answer(previews.page_html(index_html, item, more_head, screen).encode(), HTML)


def download_address(path: str, query: Mapping[str, str | Sequence[str]], dataset: Dataset) -> str | None:
    """The address of the file a request for ``download/<path>`` with ``query`` is answered with, or None."""
    found = downloads.find(path, query, dataset)
    return found.href if found is not None else None


def make(address: str, index_html: str, dataset: Dataset | None) -> Answer | None:
    """The answer at an address written by page_address or download_address, or None."""
    parts = urlsplit(address)
    query = parse_qs(parts.query, keep_blank_values=True)
    if parts.path.startswith(addresses.DOWNLOAD_PREFIX):
        return downloads.resolve(parts.path.removeprefix(addresses.DOWNLOAD_PREFIX), query, dataset)
    page = next((page for page in PAGES if page.url_path == parts.path), None)
    if page is None:
        return None
    view = previews.read_view(dataset, query)
    return page_html(page.page_id, replace(view, chart=oembed.chart_link(query)), index_html, dataset)


def every_address(dataset: Dataset) -> Iterator[str]:
    """Every page and download address a reader can be sent: each page in each language and camps (on
    Donors, with each actor those camps show), each chart link, and every download. (A link to a page
    with an actor its camps hide, or a chart link on another page's path, is made when asked for.)"""
    actors = dict(zip(dataset.actors["actor_id"], dataset.actors["camp"], strict=True))
    for camps in addresses.CAMP_SUBSETS:
        for lang in LANGS:
            view = ViewState(lang=lang, camps=camps)
            for page in PAGES:
                yield addresses.page_href(page.url_path, view)
            for actor in (actor for actor, camp in actors.items() if camp in camps):
                yield addresses.page_href(PAGES_BY_ID["donors"].url_path, replace(view, actor=actor))
            for chart_id in CHART_IDS:
                yield addresses.page_href("", replace(view, chart=chart_id))
    yield from (file.href for file in downloads.every_file(dataset))
