"""HTTP routes beside the Streamlit app: each page's HTML with its link preview and first screen, the files
behind the download links, and the oEmbed endpoint (techmoney.web.oembed).

Mounted by serve.py (``st.App(..., routes=make_routes(...))``); routes given to st.App come before
Streamlit's own, so a page path gets our HTML instead of Streamlit's bare index.html. GET only, nothing
stored, every parameter read with the page's own rules. A request is answered by its address
(techmoney.bake.answers): from the release's bake when there is one, else made once and kept. Every answer
carries a validator and a policy a shared cache may follow (techmoney.web.caching). An unknown file is a
plain 404 and a broken dataset a plain 503 (downloads) or a page without the data-based lines (pages),
never a traceback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route, request_response

from techmoney.bake import answers
from techmoney.content import chart_images, release
from techmoney.content.html import previews
from techmoney.data.built_once import built_once
from techmoney.data.dataset import Dataset, DatasetError, shared_dataset
from techmoney.site import addresses
from techmoney.site.sitemap import PAGES
from techmoney.web import caching, oembed

_LOG = logging.getLogger("tech_money")


@dataclass(frozen=True)
class Served:
    """An answer as it goes out: links starting from the server's root, with its validator."""

    body: bytes
    media_type: str
    filename: str | None
    etag: str


class Answers:
    """The answers of one server (its root and Streamlit's index.html), by address: from the bake of the
    dataset when it holds them, else made here; either way once per process."""

    def __init__(self, root: str, index_html: Path | None) -> None:
        self.root = root
        self.index_html = index_html

    @built_once(maxsize=4096)
    def get(self, address: str, dataset: Dataset | None) -> Served | None:
        baked = release.for_data(dataset.data_dir) if dataset is not None else None
        found = baked.answer(address) if baked is not None else None
        if (
            found is not None
            and found.media_type.startswith("text/html")
            and previews.app_loading() != previews.SHIPPED_LOADING
        ):
            found = None  # a benchmark's server measuring another loading of the app: the bake's pages ship today's
        if found is None:
            index = previews.read_index(self.index_html) if self.index_html is not None else ""
            found = answers.make(address, index, dataset)
        if found is None:
            return None
        body = (
            release.with_root(found.content, self.root) if found.media_type.startswith("text/html") else found.content
        )
        return Served(body, found.media_type, found.filename, caching.etag(body))


def _query(request: Request) -> dict[str, list[str]]:
    return {key: request.query_params.getlist(key) for key in request.query_params}


def _download_route(path: str, served: Answers) -> Route:
    def serve_download(request: Request) -> Response:
        wanted = request.path_params["path"]
        try:
            dataset = shared_dataset()
            address = answers.download_address(wanted, _query(request), dataset)
            found = served.get(address, dataset) if address is not None else None
        except DatasetError as err:
            _LOG.error("download %s: dataset failed validation:\n%s", wanted, err)
            return PlainTextResponse("The dataset failed validation; see the server log.", status_code=503)
        except chart_images.ChromiumMissing as err:
            _LOG.error("download %s: %s", wanted, err)
            return PlainTextResponse(
                "Chart images cannot be drawn on this server; see the server log.", status_code=503
            )
        if found is None:
            return PlainTextResponse("No such file.", status_code=404)
        return caching.response(
            request,
            found.body,
            found.media_type,
            {"Content-Disposition": f'attachment; filename="{found.filename}"'},
            found.etag,
        )

    return Route(path, serve_download, methods=["GET"], name="download")


def _page_route(path: str, page: str, served: Answers) -> Route:
    def serve_page(request: Request) -> Response:
        try:
            dataset = shared_dataset()
        except DatasetError:
            dataset = None  # the page itself names the broken file; the preview keeps to the page and language
        query = _query(request)
        found = served.get(answers.page_address(page, query, dataset), dataset)
        headers = {"Content-Language": previews.read_view(dataset, query).lang, "Vary": "Accept-Encoding"}
        if dataset is None:  # not worth keeping: the next request may find the data fixed
            return Response(found.body, media_type=found.media_type, headers={**headers, "Cache-Control": "no-cache"})
        return caching.response(request, found.body, found.media_type, headers, found.etag)

    # Compressed per request (a few kB, well under a millisecond): Streamlit's own gzip skips the root path.
    return Route(path, GZipMiddleware(request_response(serve_page)), methods=["GET"], name=f"page-{page}")


def make_routes(root: str, base_path: str = "", index_html: Path | None = None) -> list[Route]:
    """The download and oEmbed routes and, given Streamlit's index.html, one route per page; all under
    ``base_path`` (Streamlit's server.baseUrlPath). ``root`` is the app's absolute root URL that every
    absolute link starts from (techmoney.site.addresses.site_root), never a request's Host."""
    base = base_path.strip("/")
    prefix = f"/{base}/" if base else "/"
    served = Answers(root, index_html)
    routes = [
        _download_route(f"{prefix}{addresses.PREFIX}/{{path:path}}", served),
        oembed.route(prefix + oembed.PATH, root),
    ]
    if index_html is not None:
        routes += [_page_route(prefix + page.url_path, page.page_id, served) for page in PAGES]
    return routes
