"""The oEmbed endpoint beside the app: the answer (techmoney/content/html/oembed.py) as JSON, cached like
every answer (techmoney/web/caching.py); a request it refuses gets a plain 4xx or 501 with a fixed message."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from techmoney.content.html.oembed import PATH, Refusal, answer
from techmoney.data.dataset import DatasetError, shared_dataset
from techmoney.web import caching

__all__ = ["PATH", "route"]
_LOG = logging.getLogger("tech_money")


def route(path: str, root: str) -> Route:
    """The endpoint at ``path``; ``root`` is the app's absolute root URL (techmoney.site.addresses.site_root)."""

    def serve(request: Request) -> Response:
        params = {key: request.query_params.getlist(key) for key in request.query_params}
        try:
            body = answer(params, root, shared_dataset(), caching.MAX_AGE_S)
        except Refusal as refusal:
            return PlainTextResponse(
                refusal.message, status_code=refusal.status, headers={"X-Content-Type-Options": "nosniff"}
            )
        except DatasetError as err:
            _LOG.error("oembed: dataset failed validation:\n%s", err)
            return PlainTextResponse("The dataset failed validation; see the server log.", status_code=503)
        return caching.response(request, _json(body), "application/json", {"Access-Control-Allow-Origin": "*"})

    return Route(path, serve, methods=["GET"], name="oembed")


def _json(body: Mapping[str, object]) -> bytes:
    """JSON with every non-ASCII character and every <, >, & escaped: nothing in it reads as markup."""
    text = json.dumps(body, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").encode()
