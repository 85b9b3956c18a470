"""techmoney/web/headers.py around our routes and a stand-in for Streamlit (which answers any path with
its page shell), called the way uvicorn calls it."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route
from streamlit import file_util

from techmoney.ui import internals
from techmoney.web.headers import HeaderPolicy
from techmoney.web.routes import make_routes
from tests.asgi_client import get
from tests.hostile_inputs import FRAMING_QUERIES, HOSTILE_QUERY_STRINGS

STATIC = Path(file_util.get_static_dir())
INDEX = STATIC / "index.html"
SCRIPT = next((STATIC / "static" / "js").glob("*.js")).relative_to(STATIC).as_posix()


def _shell(_request):
    return HTMLResponse("<div id=root></div>")  # what Streamlit answers for a path it does not know


def _site(base_path: str = "") -> HeaderPolicy:
    ours = make_routes("http://127.0.0.1/", base_path, INDEX)
    inner = Starlette(routes=[*ours, Route("/{rest:path}", _shell)])
    return HeaderPolicy(
        inner, routes=ours, static_dir=STATIC, base_path=base_path, streamlit_prefixes=internals.STREAMLIT_PREFIXES
    )


SITE = _site()


@pytest.mark.parametrize(
    "target",
    [
        "/money?lang=en",
        "/",
        "/_stcore/health",
        "/download/table/actors.csv",
        "/download/nothing.png",
        "/money?embed=false&chart=flows",
    ],
)
def test_pages_and_files_may_be_framed_only_by_the_site_itself(target):
    headers = get(SITE, target).headers
    assert headers["content-security-policy"] == "frame-ancestors 'self'"
    assert headers["x-frame-options"] == "SAMEORIGIN"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize("query, framable", FRAMING_QUERIES.items())
def test_only_an_embed_view_may_be_framed_by_any_page(query, framable):
    """An embed carries no framing policy (``frame-ancestors *`` would still refuse a file:// page); the rest
    keep theirs."""
    headers = get(SITE, f"/money?{query}").headers
    assert headers.get("content-security-policy") == (None if framable else "frame-ancestors 'self'")
    assert ("x-frame-options" in headers) != framable and headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("query", HOSTILE_QUERY_STRINGS)
def test_a_hostile_link_gets_the_framing_policy_of_what_it_opens(query):
    headers = get(SITE, f"/donors?{query}").headers
    framable = "embed=true" in query  # the only ones in the set that name an embed view
    assert headers.get("content-security-policy") == (None if framable else "frame-ancestors 'self'")


def _cookie(_request):
    response = HTMLResponse("")
    response.set_cookie("_streamlit_xsrf", "token", samesite="lax")
    response.set_cookie("already", "1", secure=True)
    return response


def test_over_tls_every_cookie_is_secure():
    site = HeaderPolicy(
        Starlette(routes=[Route("/_stcore/health", _cookie)]), streamlit_prefixes=internals.STREAMLIT_PREFIXES
    )
    over_tls = get(site, "/_stcore/health", scheme="https").headers["set-cookie"].split(", ")
    assert len(over_tls) == 2 and all(c.lower().count("secure") == 1 for c in over_tls)
    assert "secure" not in get(site, "/_stcore/health").headers["set-cookie"].split(", ")[0].lower()


def test_hsts_only_over_tls():
    assert get(SITE, "/money", scheme="https").headers["strict-transport-security"] == "max-age=31536000"
    assert "strict-transport-security" not in get(SITE, "/money").headers
    # uvicorn turns a trusted proxy's X-Forwarded-Proto into the scheme; the header alone claims nothing
    assert "strict-transport-security" not in get(SITE, "/money", {"x-forwarded-proto": "https"}).headers


@pytest.mark.parametrize(
    "path",
    [
        "/wp-admin/",
        "/.env",
        "/money/extra",
        "/donors.php",
        "/favicon.ico",
        "/%3Cscript%3E",
        "/index.html/x",
        "/static/js/nothing.js",
        "/static/../serve.py",
        "/static/%00",
    ],
)
def test_a_path_nobody_serves_is_a_plain_404(path):
    answer = get(SITE, path)
    assert answer.status == 404 and answer.headers["content-type"].startswith("text/plain")
    assert b"root" not in answer.body and answer.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/money",
        "/_stcore/host-config",
        f"/{SCRIPT}",
        "/favicon.png",
        "/component/x/index.html",
        "/media/abc.png",
        "/app/static/x.png",
    ],
)
def test_streamlits_own_paths_and_our_pages_reach_the_app(path):
    assert get(SITE, path).status == 200


def test_under_a_base_path_only_paths_beneath_it_are_known():
    site = _site("/news/tm/")
    assert get(site, "/news/tm/money").status == 200 and get(site, "/news/tm/_stcore/health").status == 200
    assert get(site, "/news/tm").status == 200
    assert get(site, "/money").status == 404 and get(site, "/news/tm/nope").status == 404
