"""Calling an ASGI app the way uvicorn does, without a server: ``get(app, "/path?query", headers)``.

Each call runs in a thread of its own: Playwright's sync API (the browser tests) keeps an event loop
running in the main one.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

__all__ = ["Answer", "get"]


@dataclass
class Answer:
    status: int
    headers: dict[str, str]  # lower-case names; repeated headers joined with ", "
    body: bytes


def get(
    app,
    target: str,
    headers: dict[str, str] | None = None,
    method: str = "GET",
    scheme: str = "http",
    server: tuple[str, int] = ("127.0.0.1", 80),
) -> Answer:
    path, _, query = target.partition("?")
    given = {"host": "127.0.0.1", **{key.lower(): value for key, value in (headers or {}).items()}}
    sent_headers = [(key.encode(), value.encode()) for key, value in given.items()]  # raw bytes, as a client may send
    scope = {
        "type": "http", "asgi": {"version": "3.0", "spec_version": "2.4"}, "http_version": "1.1",
        "method": method, "scheme": scheme,
        "path": path, "raw_path": path.encode(), "root_path": "", "query_string": query.encode(),
        "headers": sent_headers, "client": ("127.0.0.1", 1), "server": server,
    }  # fmt: skip
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    start = next(m for m in sent if m["type"] == "http.response.start")
    joined: dict[str, str] = {}
    for key, value in start["headers"]:
        name = key.decode().lower()
        joined[name] = f"{joined[name]}, {value.decode()}" if name in joined else value.decode()
    return Answer(
        start["status"], joined, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    )
