"""HTTP routes beside the Streamlit app: each page's HTML with its link preview (techmoney.web.previews),
and the files behind the download links (techmoney.web.downloads).

Mounted by serve.py (``st.App(..., routes=make_routes(...))``); routes given to st.App come before
Streamlit's own, so a page path gets our HTML instead of Streamlit's bare index.html. GET only, nothing
stored, every parameter read with the page's own rules; an unknown file is a plain 404 and a broken
dataset a plain 503 (downloads) or a page without the data-based lines (previews), never a traceback.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from datetime import date
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from techmoney.web import compression, downloads, first_paint, previews
from techmoney.words.site import PAGES
from techmoney.data.dataset import Dataset, DatasetError, shared_dataset
from techmoney.words.addresses import ViewState
from techmoney.words import addresses

_LOG = logging.getLogger("tech_money")

PUBLIC_URL_ENV = "TECH_MONEY_PUBLIC_URL"  # e.g. https://example.org/tech-money/ (README: Deployment)
_HOST = re.compile(r"[A-Za-z0-9.\-]+(:\d{1,5})?|\[[0-9A-Fa-f:.]+\](:\d{1,5})?")


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
    """The Host the request names, if it is a plain host[:port]; else the address the server listens on."""
    host = request.headers.get("host", "")
    if _HOST.fullmatch(host):
        return host
    server = request.scope.get("server") or ("localhost", None)
    return f"{server[0]}:{server[1]}" if server[1] else str(server[0])


@functools.lru_cache(maxsize=512)
def _page(index: Path, page: str, view: ViewState, root: str, dataset: Dataset | None, chart: str | None = None,
          today: str = "") -> dict[str | None, bytes]:
    """The page's HTML for this view (``chart``: its embed), as is and in each encoding (made once per view,
    root and day)."""
    screen = "" if dataset is None else first_paint.first_paint(page, view, root, dataset, today, chart)
    html = previews.page_html(previews.read_index(index), previews.preview(page, view, root, dataset), screen).encode()
    return {None: html, **{encoding: compression.compress(html, encoding) for encoding, _ in compression.ENCODINGS}}


def _page_route(path: str, page: str, index: Path, base_path: str) -> Route:
    def serve_page(request: Request) -> Response:
        try:
            dataset = shared_dataset()
        except DatasetError:
            dataset = None  # the page itself names the broken file; the preview keeps to the page and language
        view = previews.read_view(dataset, _query(request))
        root = previews.app_root(os.environ.get(PUBLIC_URL_ENV), request.url.scheme, _host(request), base_path)
        chart = first_paint.embed_chart(dataset, _query(request)) if dataset is not None else None
        bodies = _page(index, page, view, root, dataset, chart, date.today().isoformat())
        encoding = compression.choose(request.headers.get("accept-encoding", ""), [e for e in bodies if e])
        headers = {"Cache-Control": "no-cache", "Vary": "Accept-Encoding", "Content-Language": view.lang,
                   "X-Content-Type-Options": "nosniff"}
        if encoding:
            headers["Content-Encoding"] = encoding
        return Response(bodies[encoding], media_type="text/html", headers=headers)

    return Route(path, serve_page, methods=["GET"], name=f"page-{page}")


def make_routes(base_path: str = "", index_html: Path | None = None) -> list[Route]:
    """The download route and, given Streamlit's index.html, one route per page; all under
    ``base_path`` (Streamlit's server.baseUrlPath)."""
    base = base_path.strip("/")
    root = f"/{base}/" if base else "/"
    routes = [Route(f"{root}{addresses.PREFIX}/{{path:path}}", serve_download, methods=["GET"])]
    if index_html is not None:
        routes += [_page_route(root + page.url_path, page.page_id, index_html, base) for page in PAGES]
    return routes


ROUTES = make_routes()  # the downloads alone (tests and tools that build a bare Starlette app)
