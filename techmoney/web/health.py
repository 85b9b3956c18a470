"""Ready before reachable: a replica answers 503 to everything until its caches are warm.

Streamlit binds its socket before the app's lifespan runs, so a replica accepts connections ~1 s after
it starts, while the warm-up (techmoney.ui.warmup) takes many seconds more; a reader sent there waited
for it, and Streamlit's ``/_stcore/health`` said "ok" as soon as the server answered. serve.py now
starts the warm-up in the lifespan without waiting for it, and :class:`WarmingGate`, the outermost
middleware, answers every request with a quick 503 until :meth:`Readiness.set_ready`:

* ``/_stcore/health`` (the check of the Dockerfile, the recipes and the tests) says "warming up", so an
  orchestrator's readiness probe (deploy/kubernetes.yaml) keeps readers away;
* behind nginx (deploy/nginx.conf), a 503 sends the request on to another replica
  (``proxy_next_upstream ... http_503``) and counts as a failure (``max_fails``), so nginx OSS, which has
  no active health checks, stops trying the warming replica for ``fail_timeout``;
* a reader who reaches the only replica gets a short page that reloads itself; a page that lost its
  server keeps polling ``/_stcore/health`` until the new one is warm, then reconnects;
* a websocket is refused with the same 503 where the server supports denial responses.
"""

from __future__ import annotations

import threading

RETRY_AFTER_S = 2
_TEXT = b"Warming up; retry in a few seconds.\n"
_PAGE = (
    "<!doctype html><meta charset=utf-8><meta http-equiv=refresh content=2><title>Tech Money 2024</title>"
    "<p lang=ar dir=rtl>لحظة، يبدأ التشغيل وتُعاد الصفحة وحدها.<p lang=en>Starting up; this page reloads itself.\n"
).encode()


class Readiness:
    """Whether this process is ready for readers (set once, never unset)."""

    def __init__(self) -> None:
        self._ready = threading.Event()

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def set_ready(self) -> None:
        self._ready.set()


def _headers(content_type: bytes) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-type", content_type),
        (b"retry-after", str(RETRY_AFTER_S).encode()),
        (b"cache-control", b"no-store"),
        (b"x-content-type-options", b"nosniff"),
    ]


class WarmingGate:
    """ASGI middleware: 503 for every HTTP request and websocket until ``readiness`` is set."""

    def __init__(self, app, readiness: Readiness) -> None:
        self.app = app
        self.readiness = readiness

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket") or self.readiness.ready:
            await self.app(scope, receive, send)
            return
        wants_page = scope["type"] == "http" and b"text/html" in dict(scope.get("headers", ())).get(b"accept", b"")
        body = _PAGE if wants_page else _TEXT
        headers = _headers(b"text/html; charset=utf-8" if wants_page else b"text/plain; charset=utf-8")
        if scope["type"] == "http":
            await send({"type": "http.response.start", "status": 503, "headers": headers})
            await send({"type": "http.response.body", "body": body})
        elif "websocket.http.response" in scope.get("extensions", {}):
            await send({"type": "websocket.http.response.start", "status": 503, "headers": headers})
            await send({"type": "websocket.http.response.body", "body": body})
        else:
            await send({"type": "websocket.close", "code": 1013})  # "try again later"
