"""techmoney/web/routes.py, called the way uvicorn calls it (ASGI), without a server: the page HTML with
its link preview, the downloads, and the caching headers a shared cache follows."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from starlette.applications import Starlette
from streamlit import file_util

from techmoney.content import release
from techmoney.site.sitemap import PAGES
from techmoney.web.routes import make_routes
from techmoney.words.i18n import t
from tests.asgi_client import get
from tests.hostile_inputs import HOSTILE_HOSTS
from tests.link_preview import query_of, read_html

ROOT = "http://localhost:8501/"
APP = Starlette(routes=make_routes(ROOT))  # the downloads alone
INDEX = Path(file_util.get_static_dir()) / "index.html"
SITE = Starlette(routes=make_routes(ROOT, "", INDEX))
UNDER_BASE = Starlette(routes=make_routes("https://news.example.org/tm/", "/news/tm/", INDEX))


def _get(target: str) -> tuple[int, dict[str, str], bytes]:
    answer = get(APP, target)
    return answer.status, answer.headers, answer.body


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.page_id)
def test_every_page_path_is_served_with_its_preview(page):
    answer = get(SITE, f"/{page.url_path}?lang=en")
    assert answer.status == 200 and answer.headers["content-type"].startswith("text/html")
    assert answer.headers["content-language"] == "en"
    found = read_html(answer.body.decode())
    assert found.html_attrs["lang"] == "en"
    assert found.one("og:url").startswith(f"{ROOT}{page.url_path}")
    assert found.one("og:image").startswith(f"{ROOT}download/card/{page.page_id}.png")


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
    assert found.one("og:url") == "https://news.example.org/tm/donors?lang=en"
    image = found.one("og:image")
    assert image.startswith("https://news.example.org/tm/download/card/donors.png")
    card = get(UNDER_BASE, "/news/tm/" + image.removeprefix("https://news.example.org/tm/"))
    assert card.status == 200 and card.body.startswith(b"\x89PNG")
    assert get(UNDER_BASE, "/donors").status == 404


@pytest.mark.parametrize("host", [*HOSTILE_HOSTS, "a b", "x/y?z"])
def test_the_requests_host_never_reaches_the_page(host):
    answer = get(SITE, "/money", {"Host": host})
    assert b"evil" not in answer.body and "evil" not in str(answer.headers)
    found = read_html(answer.body.decode())
    assert found.one("og:url") == f"{ROOT}money"
    assert query_of(found.one("og:image")) == {}
    assert found.title.startswith(t("page_money", "ar"))


def test_no_link_in_a_page_keeps_the_baked_placeholder_of_the_root():
    for target in ("/", "/sources?lang=en&camp=pro_trump", "/?embed=true&chart=flows", "/donors?actor=hastings"):
        body = get(SITE, target).body.decode()
        assert ROOT in body
        assert urlsplit(release.ROOT).hostname not in body, target


@pytest.mark.parametrize(
    "target",
    [
        "/money?lang=en",
        "/download/card/timeline.png?lang=en",
        "/download/chart/camps.csv?camp=pro_trump",
        "/oembed?url=http://localhost:8501/donors",
    ],
)
def test_every_answer_has_a_validator_a_shared_cache_may_use_and_a_repeat_gets_304(target):
    first = get(SITE, target)
    assert first.status == 200 and first.headers["etag"].startswith('W/"')
    policy = dict(part.strip().partition("=")[::2] for part in first.headers["cache-control"].split(","))
    assert "public" in policy and int(policy["s-maxage"]) >= int(policy["max-age"]) > 0
    assert "no-cache" not in policy and "private" not in policy and "stale-while-revalidate" in policy
    again = get(SITE, target, {"If-None-Match": first.headers["etag"]})
    assert again.status == 304 and again.body == b"" and again.headers["etag"] == first.headers["etag"]
    assert get(SITE, target, {"If-None-Match": 'W/"something-else"'}).status == 200


def test_the_same_view_named_two_ways_is_one_answer():
    plain, reordered = get(SITE, "/money?lang=en&camp=pro_trump"), get(SITE, "/money?camp=pro_trump&lang=EN&camp=nope")
    assert plain.headers["etag"] == reordered.headers["etag"]
    assert get(SITE, "/money?lang=en").headers["etag"] != plain.headers["etag"]


def test_a_broken_dataset_still_serves_the_page_with_a_preview_of_page_and_language(data_copy):
    (data_copy / "actors.csv").write_text("not,a,valid\nfile\n", encoding="utf-8")
    answer = get(SITE, "/money?lang=en&actor=hastings")
    assert answer.status == 200 and b"Traceback" not in answer.body
    assert answer.headers["cache-control"] == "no-cache"  # not kept by a shared cache: the data may be fixed
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
    [
        "/download/nope.csv",
        "/download/card/x.png",
        "/download/table/..%2f..%2fetc%2fpasswd.csv",
        "/download/chart/goal.csv/extra",
        "/download/",
    ],
)
def test_unknown_files_are_a_plain_404(target):
    status, headers, body = _get(target)
    assert status == 404 and headers["content-type"].startswith("text/plain") and b"Traceback" not in body


def test_a_broken_dataset_is_a_plain_503_naming_no_internals(data_copy):
    (data_copy / "actors.csv").write_text("not,a,valid\nfile\n", encoding="utf-8")
    status, headers, body = _get("/download/bundle.zip")
    assert status == 503 and headers["content-type"].startswith("text/plain")
    assert b"Traceback" not in body and b"actors.csv" not in body


def test_an_answer_the_bake_holds_is_served_from_it(data_copy, tmp_path, monkeypatch):
    monkeypatch.setenv(release.CACHE_DIR_ENV, str(tmp_path / "cache"))
    release.forget()
    folder = release.folder_for(data_copy)
    (folder / release.ANSWERS).mkdir(parents=True)
    address = "download/table/camps.csv"
    name = release.answer_name(b"baked,camps\n")
    (folder / name).write_bytes(b"baked,camps\n")
    (folder / release.ANSWER_INDEX).write_text(
        json.dumps({address: {"file": name, "media_type": "text/csv", "filename": "camps.csv"}})
    )
    (folder / release.MANIFEST).write_text(json.dumps({"digest": folder.name}))
    site = Starlette(routes=make_routes(ROOT))
    assert get(site, "/download/table/camps.csv").body == b"baked,camps\n"
    assert get(site, "/download/table/actors.csv").body.startswith("\ufeffactor_id".encode())  # not baked: made
    release.forget()
