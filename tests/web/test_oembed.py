"""The oEmbed endpoint (techmoney/content/html/oembed.py), called the way uvicorn calls it, without a server: what a
CMS gets for one of our links, what it gets for anything else, and the link every page's HTML carries."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import pytest
from starlette.applications import Starlette
from streamlit import file_util

from techmoney.content import charts
from techmoney.data.dataset import load_dataset
from techmoney.data.schema import CAMPS
from techmoney.site.addresses import site_root
from techmoney.site.sitemap import PAGES
from techmoney.web.routes import make_routes
from techmoney.words.bound import Words
from techmoney.words.i18n import t
from tests.asgi_client import get
from tests.conftest import count
from tests.hostile_inputs import HOSTILE_QUERY_STRINGS, XSS_PAYLOADS
from tests.link_preview import png_size, query_of, read_html

INDEX = Path(file_util.get_static_dir()) / "index.html"
SITE = Starlette(routes=make_routes("http://127.0.0.1/", "", INDEX))
UNDER_BASE = Starlette(routes=make_routes("http://127.0.0.1/news/tm/", "/news/tm/", INDEX))
ORIGIN = "http://127.0.0.1"  # the server address tests/asgi_client.py reports (port 80)


def ask(link: str, app=SITE, path: str = "/oembed", **params: str):
    return get(app, f"{path}?{urlencode({'url': link, **params})}")


def embed(link: str, app=SITE, path: str = "/oembed", **params: str) -> dict:
    answer = ask(link, app, path, **params)
    assert answer.status == 200, (answer.status, answer.body)
    assert answer.headers["content-type"] == "application/json"
    return json.loads(answer.body)


class _Markup(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def iframe_of(answer: dict) -> dict[str, str | None]:
    tags = _Markup(answer["html"]).tags
    assert [tag for tag, _ in tags] == ["iframe", "script"], tags  # the script sizes the iframe
    return tags[0][1]


def chart_title(chart_id: str, lang: str, camps=CAMPS) -> str:
    return charts.build_chart(Words(load_dataset(), lang), chart_id, camps).title


# --------------------------------------------------------------------------- our links


def test_a_page_link_embeds_the_pages_main_chart_in_its_language_and_camps():
    found = embed(f"{ORIGIN}/money?lang=en&camp=pro_harris&camp=context", maxwidth="500", maxheight="900")
    assert (found["version"], found["type"]) == ("1.0", "rich")
    assert found["title"] == chart_title("goal", "en", ("pro_harris", "context"))
    assert found["provider_name"] == "Tech Money 2024" and found["provider_url"] == f"{ORIGIN}/?lang=en"
    iframe = iframe_of(found)
    assert iframe["title"] == found["title"]
    assert iframe["src"].startswith(f"{ORIGIN}/?")
    assert query_of(iframe["src"]) == {
        "lang": ["en"],
        "camp": ["pro_harris", "context"],
        "chart": ["goal"],
        "embed": ["true"],
    }
    assert found["width"] <= 500 and found["height"] <= 900
    assert "max-width:500px" in iframe["style"] and "max-height:900px" in iframe["style"]


def test_a_chart_link_embeds_that_chart_and_its_title_is_in_the_links_language():
    found = embed(f"{ORIGIN}/?chart=flows&embed=true")
    assert found["title"] == chart_title("flows", "ar")
    assert query_of(iframe_of(found)["src"]) == {"chart": ["flows"], "embed": ["true"]}
    assert found["provider_name"] == t("app_title", "ar")


def test_the_height_without_script_is_the_charts_own_and_maxheight_caps_it():
    tall = embed(f"{ORIGIN}/?chart=flows&embed=true&lang=en")
    short = embed(f"{ORIGIN}/?chart=goal&embed=true&lang=en")
    assert tall["height"] > short["height"]
    assert int(iframe_of(tall)["height"]) == tall["height"]
    capped = embed(f"{ORIGIN}/?chart=flows&embed=true&lang=en", maxheight="300")
    assert capped["height"] == 300 and int(iframe_of(capped)["height"]) == 300


def test_the_thumbnail_is_the_pages_share_card():
    found = embed(f"{ORIGIN}/timeline?lang=en")
    assert found["thumbnail_url"].startswith(f"{ORIGIN}/download/card/timeline.png")
    card = get(SITE, found["thumbnail_url"].removeprefix(ORIGIN))
    assert card.status == 200 and png_size(card.body) == (found["thumbnail_width"], found["thumbnail_height"])


def test_a_camp_filtered_donors_links_thumbnail_is_that_views_card():
    found = embed(f"{ORIGIN}/donors?lang=en&camp=pro_trump&actor=hastings")
    thumbnail = found["thumbnail_url"].removeprefix(ORIGIN)
    assert thumbnail == "/download/card/donors.png?lang=en&camp=pro_trump"
    everyone = get(SITE, "/download/card/donors.png?lang=en")
    assert get(SITE, thumbnail).body != everyone.body, "not the pro-Harris card of the unfiltered page"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.page_id)
def test_every_page_names_the_endpoint_for_its_own_link(page):
    html = get(SITE, f"/{page.url_path}?lang=en&camp=skeptic").body.decode()
    found = read_html(html)
    [link] = [link for link in found.links if link.get("type") == "application/json+oembed"]
    assert link["rel"] == "alternate" and link["title"]
    assert query_of(link["href"])["url"] == [f"{ORIGIN}/{page.url_path}?lang=en&camp=skeptic"]
    answer = get(SITE, link["href"].removeprefix(ORIGIN))
    assert answer.status == 200 and json.loads(answer.body)["type"] == "rich"
    assert "embed-height.js" not in html  # only a chart link's page posts its height


def test_a_chart_links_page_names_the_chart_and_loads_the_script_that_posts_its_height():
    html = get(SITE, "/?embed=true&chart=twins&lang=en").body.decode()
    found = read_html(html)
    [link] = [link for link in found.links if link.get("type") == "application/json+oembed"]
    assert link["title"] == chart_title("twins", "en")
    assert query_of(query_of(link["href"])["url"][0]) == {"lang": ["en"], "chart": ["twins"], "embed": ["true"]}
    assert '<script src="app/static/embed-height.js" defer></script>' in html  # beside the page: under any base path
    assert (Path(__file__).parents[2] / "static" / "embed-height.js").exists()


def test_under_a_base_path_the_endpoint_and_the_links_live_there():
    found = embed("http://127.0.0.1/news/tm/donors?lang=en", UNDER_BASE, "/news/tm/oembed")
    assert iframe_of(found)["src"].startswith("http://127.0.0.1/news/tm/?")
    assert ask("http://127.0.0.1/donors?lang=en", UNDER_BASE, "/news/tm/oembed").status == 404
    assert ask("http://127.0.0.1/news/tm/donors", UNDER_BASE, "/oembed").status == 404  # no endpoint there


def test_with_a_public_address_only_links_to_it_are_ours():
    public = Starlette(routes=make_routes(site_root("https://news.example.org/tm/", "127.0.0.1", 80), "", INDEX))
    found = embed("https://news.example.org/tm/money?lang=en", public)
    assert iframe_of(found)["src"].startswith("https://news.example.org/tm/?")
    assert found["thumbnail_url"].startswith("https://news.example.org/tm/download/card/money.png")
    assert ask(f"{ORIGIN}/money?lang=en", public).status == 404
    assert ask("https://news.example.org/money?lang=en", public).status == 404


# --------------------------------------------------------------------------- everything else


@pytest.mark.parametrize(
    "link",
    [
        "http://evil.example/money",
        "https://127.0.0.1/money",
        "http://127.0.0.1:8502/money",
        "http://user@127.0.0.1/money",
        "http://127.0.0.1@evil.example/money",
        "http://127.0.0.1.evil.example/",
        "http://127.0.0.1/download/bundle.zip",
        "http://127.0.0.1/oembed",
        "http://127.0.0.1/money/x",
        "http://127.0.0.1/app/static/embed-height.js",
        "http://127.0.0.1/%6Doney",
        "http://127.0.0.1/Money",
    ],
)
def test_a_link_that_is_not_to_one_of_our_pages_is_not_found(link):
    answer = ask(link)
    assert answer.status == 404 and answer.body == answer.body.strip() and b"127.0.0.1" not in answer.body


@pytest.mark.parametrize(
    "target",
    [
        "/oembed",
        "/oembed?url=",
        "/oembed?url=%2Fmoney",
        "/oembed?url=money",
        "/oembed?url=javascript%3Aalert(1)",
        "/oembed?url=http%3A%2F%2F",
        "/oembed?url=http%3A%2F%2F127.0.0.1%3A99999%2F",
        "/oembed?url=http%3A%2F%2F%5B%3A%3A1%2F",
        "/oembed?url=http%3A%2F%2F127.0.0.1%2Fmoney%20x",
        "/oembed?url=http%3A%2F%2F127.0.0.1%5C%40evil.example%2F",
        "/oembed?url=http%3A%2F%2F127.0.0.1%2F%D8%B9",
        "/oembed?url=http%3A%2F%2F127.0.0.1%2F&url=http%3A%2F%2F127.0.0.1%2F",
        "/oembed?url=http%3A%2F%2F127.0.0.1%2F&maxwidth=abc",
        "/oembed?url=http%3A%2F%2F127.0.0.1%2F&maxwidth=0",
        "/oembed?url=http%3A%2F%2F127.0.0.1%2F&maxheight=-5",
        "/oembed?url=http%3A%2F%2F127.0.0.1%2F&maxheight=1e3",
        "/oembed?url=" + quote(f"{ORIGIN}/?lang=" + "a" * 3000),
    ],
)
def test_a_request_without_a_usable_url_or_size_is_a_bad_request(target):
    answer = get(SITE, target)
    assert answer.status == 400 and answer.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize("fmt", ["xml", "XML", "jsonp", "<script>"])
def test_any_format_but_json_is_not_implemented(fmt):
    answer = ask(f"{ORIGIN}/money", format=fmt)
    assert answer.status == 501 and b"<" not in answer.body
    assert embed(f"{ORIGIN}/money", format="JSON")["type"] == "rich"


def test_hostile_urls_are_refused_and_never_echoed():
    tried = 0
    for payload in XSS_PAYLOADS:
        for link in (payload, f"{ORIGIN}/{payload}", f"http://{payload}/money", f"{ORIGIN}/money#{payload}"):
            answer = ask(link)
            assert answer.status in (200, 400, 404), (link, answer.status)
            assert payload.encode() not in answer.body
            tried += 1
    count("hostile oEmbed url values tried", tried)


def test_hostile_values_in_one_of_our_links_fall_back_as_on_the_page_and_nothing_comes_out_unescaped():
    plain_listener = embed(f"{ORIGIN}/")["html"].partition("</iframe>")[2]
    tried = 0
    for query in HOSTILE_QUERY_STRINGS:
        answer = ask(f"{ORIGIN}/money?{query}")
        assert answer.status in (200, 400), (query, answer.status)  # 400: the link outgrew a URL or left ASCII
        if answer.status == 200:
            assert b"<" not in answer.body and b">" not in answer.body and b"&" not in answer.body  # JSON-escaped
            found = json.loads(answer.body)
            iframe = iframe_of(found)
            assert set(query_of(iframe["src"])) <= {"lang", "camp", "chart", "embed"}
            assert found["html"].partition("</iframe>")[2] == plain_listener
            assert urlsplit(iframe["src"]).netloc == "127.0.0.1"
        tried += 1
    count("hostile queries tried in oEmbed links", tried)


def test_a_broken_dataset_is_a_plain_service_unavailable(data_copy):
    (data_copy / "actors.csv").write_text("not,a,valid\nfile\n", encoding="utf-8")
    answer = ask(f"{ORIGIN}/money")
    assert answer.status == 503 and b"Traceback" not in answer.body


def test_the_readme_names_every_field_the_endpoint_answers():
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `oembed?url="))
    assert set(embed(f"{ORIGIN}/money")) <= set(re.findall(r"`(\w+)`", row.split(" | ")[1]))
