"""components/routes.py, called the way uvicorn calls it (ASGI), without a server."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from starlette.applications import Starlette

from components.routes import ROUTES

APP = Starlette(routes=ROUTES)


def _get(target: str) -> tuple[int, dict[str, str], bytes]:
    path, _, query = target.partition("?")
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": path, "raw_path": path.encode(), "root_path": "", "query_string": query.encode(),
        "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
    }  # fmt: skip
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    # In a thread of its own: Playwright's sync API (the browser tests) keeps a loop running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, APP(scope, receive, send)).result()
    start = next(m for m in sent if m["type"] == "http.response.start")
    headers = {k.decode().lower(): v.decode() for k, v in start["headers"]}
    return start["status"], headers, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def test_a_card_is_served_as_an_attachment():
    status, headers, body = _get("/download/card/money.png?lang=en")
    assert status == 200 and body.startswith(b"\x89PNG")
    assert headers["content-type"] == "image/png"
    assert headers["content-disposition"] == 'attachment; filename="tech-money-2024-money-en.png"'
    assert headers["x-content-type-options"] == "nosniff"


def test_a_chart_csv_follows_the_camps_in_the_query():
    _, _, every = _get("/download/chart/camps.csv?lang=en")
    status, headers, one = _get("/download/chart/camps.csv?lang=en&camp=pro_trump")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert len(one.splitlines()) < len(every.splitlines())


@pytest.mark.parametrize(
    "target",
    ["/download/nope.csv", "/download/card/x.png", "/download/table/..%2f..%2fetc%2fpasswd.csv",
     "/download/chart/goal.csv/extra", "/download/"],
)
def test_unknown_files_are_a_plain_404(target):
    status, headers, body = _get(target)
    assert status == 404 and headers["content-type"].startswith("text/plain") and b"Traceback" not in body


def test_a_broken_dataset_is_a_plain_503_naming_no_internals(data_copy):
    (data_copy / "actors.csv").write_text("not,a,valid\nfile\n", encoding="utf-8")
    status, headers, body = _get("/download/bundle.zip")
    assert status == 503 and headers["content-type"].startswith("text/plain")
    assert b"Traceback" not in body and b"actors.csv" not in body
