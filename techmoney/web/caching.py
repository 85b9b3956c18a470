"""Answers a shared cache may keep, so a link gone viral is answered before it reaches Python.

Everything the routes send (a page's HTML, a download, an oEmbed answer) is a function of the release
alone (techmoney/content/release.py): nothing in it depends on who asks or when. So each carries a
validator (a weak ETag from its body: the page HTML goes out compressed or not) and a Cache-Control
that a browser may keep for minutes and a shared cache (nginx's proxy_cache in deploy/nginx.conf, a
CDN) for an hour, serving a stale copy while it fetches the next; a conditional request that names
the same ETag gets an empty 304.
"""

from __future__ import annotations

import hashlib

from starlette.requests import Request
from starlette.responses import Response

MAX_AGE_S = 300  # a browser's copy
SHARED_MAX_AGE_S = 3600  # a shared cache's copy: a corrected release reaches every reader within the hour
POLICY = f"public, max-age={MAX_AGE_S}, s-maxage={SHARED_MAX_AGE_S}, stale-while-revalidate=86400"


def etag(body: bytes) -> str:
    return f'W/"{hashlib.sha256(body).hexdigest()[:24]}"'


def _matches(if_none_match: str, tag: str) -> bool:
    """Weak comparison (RFC 9110, 13.1.2): any listed tag with the same opaque part, or "*"."""
    wanted = tag.removeprefix("W/")
    return any(given.strip() == "*" or given.strip().removeprefix("W/") == wanted for given in if_none_match.split(","))


def response(
    request: Request, body: bytes, media_type: str, headers: dict[str, str] | None = None, tag: str | None = None
) -> Response:
    """``body`` with the caching headers (and ``headers``), or a 304 if the request already has it."""
    tag = tag or etag(body)
    sent = {"Cache-Control": POLICY, "ETag": tag, "X-Content-Type-Options": "nosniff", **(headers or {})}
    if _matches(request.headers.get("if-none-match", ""), tag):
        return Response(status_code=304, headers={k: v for k, v in sent.items() if k != "Content-Disposition"})
    return Response(body, media_type=media_type, headers=sent)
