"""techmoney/web/health.py: until the replica is ready, every request is a quick 503; then the app answers."""

from __future__ import annotations

import asyncio

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from techmoney.web.health import Readiness, WarmingGate
from tests.asgi_client import get


def _app() -> tuple[WarmingGate, Readiness]:
    readiness = Readiness()
    inner = Starlette(routes=[Route("/{rest:path}", lambda _r: PlainTextResponse("ok"))])
    return WarmingGate(inner, readiness), readiness


def test_while_warming_health_and_pages_answer_503_then_the_app_does():
    gate, readiness = _app()
    health = get(gate, "/_stcore/health")
    assert health.status == 503 and health.headers["retry-after"] == "2" and health.body != b"ok"
    page = get(gate, "/money?lang=en", {"Accept": "text/html,application/xhtml+xml"})
    assert page.status == 503 and b"http-equiv=refresh" in page.body and page.headers["cache-control"] == "no-store"
    readiness.set_ready()
    assert get(gate, "/_stcore/health").body == b"ok" and get(gate, "/money").status == 200


def _websocket(gate: WarmingGate, extensions: dict) -> list[dict]:
    sent: list[dict] = []

    async def receive():
        return {"type": "websocket.connect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "websocket", "path": "/_stcore/stream", "headers": [], "extensions": extensions}
    asyncio.run(gate(scope, receive, send))
    return sent


def test_a_websocket_is_refused_while_warming():
    gate, _ = _app()
    denied = _websocket(gate, {"websocket.http.response": {}})
    assert denied[0]["type"] == "websocket.http.response.start" and denied[0]["status"] == 503
    assert _websocket(gate, {}) == [{"type": "websocket.close", "code": 1013}]
