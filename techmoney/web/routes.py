"""HTTP routes beside the Streamlit app: each page's HTML with its link preview (techmoney.web.previews),
the files behind the download links (techmoney.web.downloads), and the oEmbed endpoint (techmoney.web.oembed).

Mounted by serve.py (``st.App(..., routes=make_routes(...))``); routes given to st.App come before
Streamlit's own, so a page path gets our HTML instead of Streamlit's bare index.html. GET only, nothing
stored, every parameter read with the page's own rules; an unknown file is a plain 404 and a broken
dataset a plain 503 (downloads) or a page without the data-based lines (previews), never a traceback.
"""

from __future__ import annotations

import functools
import logging
import os
from datetime import date
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.middleware.gzip import GZipMiddleware
from starlette.routing import Route, request_response

from techmoney.web import downloads, first_paint, oembed, previews
from techmoney.words.site import PAGES
from techmoney.data.dataset import Dataset, DatasetError, shared_dataset
from techmoney.words.addresses import ViewState
from techmoney.words import addresses

_LOG = logging.getLogger("tech_money")

PUBLIC_URL_ENV = "TECH_MONEY_PUBLIC_URL"  # e.g. https://example.org/tech-money/ (README: Deployment)


def _query(request: Request) -> dict[str, list[str]]:
    return {key: request.query_params.getlist(key) for key in request.query_params}


def serve_download(request: Request) -> Response:
    path = request.path_params["path"]
    try:
        found = downloads.resolve(path, _query(request))
    except DatasetError as err:
        _LOG.error("download %s: dataset failed validation:\n%s", path, err)
        return PlainTextResponse("The dataset failed validation; see the server log.", status_code=503)
    if found is None:
        return PlainTextResponse("No such file.", status_code=404)
    return Response(
        found.content,
        media_type=found.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{found.filename}"',
            "Cache-Control": "public, max-age=300",
            "X-Content-Type-Options": "nosniff",
        },
    )


def _host(request: Request) -> str:
    """The address the server answered on, never the request's Host: a caller can name any host, and a
    cache may serve the page it gets to everyone. Production sets PUBLIC_URL_ENV."""
    host, port = request.scope.get("server") or ("localhost", None)
    default_port = {"http": 80, "https": 443}.get(request.url.scheme)
    return f"{host}:{port}" if port and port != default_port else str(host)


@functools.lru_cache(maxsize=512)
def _page_html(index: Path, page: str, view: ViewState, root: str, dataset: Dataset | None,
               chart: str | None = None, today: str = "") -> bytes:
    """The page's HTML for this view (``chart``: of a chart link), made once per view, root and day (the
    citation in the first screen names the day)."""
    item = previews.preview(page, view, root, dataset)
    more_head = oembed.head_html(root, page, view, chart, item.title, dataset)
    screen = "" if dataset is None else first_paint.first_paint(page, view, root, dataset, today, chart)
    return previews.page_html(previews.read_index(index), item, more_head, screen).encode()


def _root(request: Request, base_path: str) -> str:
    return previews.app_root(os.environ.get(PUBLIC_URL_ENV), request.url.scheme, _host(request), base_path)


def _page_route(path: str, page: str, index: Path, base_path: str) -> Route:
    def serve_page(request: Request) -> Response:
        try:
            dataset = shared_dataset()
        except DatasetError:
            dataset = None  # the page itself names the broken file; the preview keeps to the page and language
        query = _query(request)
        view = previews.read_view(dataset, query)
        html = _page_html(index, page, view, _root(request, base_path), dataset, oembed.chart_link(query),
                          date.today().isoformat())
        headers = {"Cache-Control": "no-cache", "Content-Language": view.lang, "X-Content-Type-Options": "nosniff"}
        return Response(html, media_type="text/html", headers=headers)

    # Compressed per request (a few kB, well under a millisecond): Streamlit's own gzip skips the root path.
    return Route(path, GZipMiddleware(request_response(serve_page)), methods=["GET"], name=f"page-{page}")


def make_routes(base_path: str = "", index_html: Path | None = None) -> list[Route]:
    """The download route and, given Streamlit's index.html, one route per page; all under
    ``base_path`` (Streamlit's server.baseUrlPath)."""
    base = base_path.strip("/")
    root = f"/{base}/" if base else "/"
    routes = [Route(f"{root}{addresses.PREFIX}/{{path:path}}", serve_download, methods=["GET"])]
    routes.append(oembed.route(root + oembed.PATH, lambda request: _root(request, base)))
    if index_html is not None:
        routes += [_page_route(root + page.url_path, page.page_id, index_html, base) for page in PAGES]
    return routes

