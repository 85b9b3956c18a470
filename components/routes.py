"""HTTP routes beside the Streamlit app: the files behind the download links (components.downloads).

Mounted by serve.py (``st.App(..., routes=ROUTES)``). GET only, nothing stored, every parameter read
with the page's own rules; an unknown file is a plain 404 and a broken dataset a plain 503, never a
traceback.
"""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from components import downloads
from components.dataset import DatasetError

_LOG = logging.getLogger("tech_money")


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


ROUTES = [Route(f"/{downloads.PREFIX}/{{path:path}}", serve_download, methods=["GET"])]
