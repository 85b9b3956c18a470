"""techmoney/web/routes.py, called the way uvicorn calls it (ASGI), without a server: the page HTML with
its link preview, and the downloads."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from starlette.applications import Starlette
from streamlit import file_util

from techmoney.words.i18n import t
from techmoney.web.routes import make_routes
from techmoney.words.site import PAGES
from tests.asgi_client import get
from tests.hostile_inputs import HOSTILE_HOSTS
from tests.link_preview import query_of, read_html

APP = Starlette(routes=make_routes())  # the downloads alone
INDEX = Path(file_util.get_static_dir()) / "index.html"
SITE = Starlette(routes=make_routes("", INDEX))
UNDER_BASE = Starlette(routes=make_routes("/news/tm/", INDEX))


def _get(target: str) -> tuple[int, dict[str, str], bytes]:
    answer = get(APP, target)
    return answer.status, answer.headers, answer.body


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.page_id)
def test_every_page_path_is_served_with_its_preview(page):
    answer = get(SITE, f"/{page.url_path}?lang=en")
    assert answer.status == 200 and answer.headers["content-type"].startswith("text/html")
    assert answer.headers["cache-control"] == "no-cache" and answer.headers["content-language"] == "en"
    found = read_html(answer.body.decode())
    assert found.html_attrs["lang"] == "en"
    assert found.one("og:url").startswith(f"http://127.0.0.1/{page.url_path}")
    assert found.one("og:image").startswith(f"http://127.0.0.1/download/card/{page.page_id}.png")


@pytest.mark.parametrize("path", ["/", "/money?lang=en"])
def test_the_html_goes_out_compressed_when_the_browser_accepts_it(path):
    plain = get(SITE, path)
    assert "content-encoding" not in plain.headers
    packed = get(SITE, path, {"Accept-Encoding": "gzip, deflate, br"})
    assert packed.headers["content-encoding"] == "gzip" and "Accept-Encoding" in packed.headers["vary"]
    assert gzip.decompress(packed.body) == plain.body and len(packed.body) < len(plain.body) / 2


def test_under_a_base_path_pages_and_downloads_are_served_there_and_linked_absolutely():
    answer = get(UNDER_BASE, "/news/tm/donors?lang=en")
    assert answer.status == 200
    found = read_html(answer.body.decode())
    assert found.one("og:url") == "http://127.0.0.1/news/tm/donors?lang=en"
    image = found.one("og:image")
    assert image.startswith("http://127.0.0.1/news/tm/download/card/donors.png")
    card = get(UNDER_BASE, image.removeprefix("http://127.0.0.1"))
    assert card.status == 200 and card.body.startswith(b"\x89PNG")
    assert get(UNDER_BASE, "/donors").status == 404


def test_the_public_address_wins_over_the_requests_host(monkeypatch):
    monkeypatch.setenv("TECH_MONEY_PUBLIC_URL", "https://news.example.org/tm/")
    found = read_html(get(SITE, "/timeline?lang=en", {"Host": "evil.example:1"}).body.decode())
    assert found.one("og:url") == "https://news.example.org/tm/timeline?lang=en"


@pytest.mark.parametrize("host", [*HOSTILE_HOSTS, "a b", "x/y?z"])
def test_without_a_public_address_the_requests_host_never_reaches_the_page(host):
    answer = get(SITE, "/money", {"Host": host})
    assert b"evil" not in answer.body and "evil" not in str(answer.headers)
    found = read_html(answer.body.decode())
    assert found.one("og:url") == "http://127.0.0.1/money"
    on_8501 = read_html(get(SITE, "/money", {"Host": host}, server=("127.0.0.1", 8501)).body.decode())
    assert on_8501.one("og:url") == "http://127.0.0.1:8501/money"
    assert query_of(found.one("og:image")) == {}
    assert found.title.startswith(t("page_money", "ar"))


def test_a_broken_dataset_still_serves_the_page_with_a_preview_of_page_and_language(data_copy):
    (data_copy / "actors.csv").write_text("not,a,valid\nfile\n", encoding="utf-8")
    answer = get(SITE, "/money?lang=en&actor=hastings")
    assert answer.status == 200 and b"Traceback" not in answer.body
    found = read_html(answer.body.decode())
    assert found.title.startswith(t("page_money", "en")) and "actor" not in query_of(found.one("og:url"))


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
