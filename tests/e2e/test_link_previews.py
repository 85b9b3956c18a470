"""A shared link unfurls: the running server (``streamlit run serve.py``) answers each page's URL, fetched
as a link-preview crawler fetches it (plain HTTP, no JavaScript), with the tags of the view in the link,
and the image they name is that view's 1200x630 share card."""

from __future__ import annotations

import csv
import re
import urllib.request
from urllib.parse import quote, urlsplit

import pytest

from techmoney.content.html import previews
from techmoney.data.dataset import shared_dataset
from techmoney.site.addresses import query_string
from techmoney.words import facts
from techmoney.words.i18n import t
from tests.conftest import DATA
from tests.e2e import LANGS, PAGES, page_url
from tests.hostile_inputs import HOSTILE_QUERY_STRINGS, XSS_PAYLOADS, parse_qs_lists
from tests.link_preview import png_size, query_of, read_html

CRAWLER = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"
LOCALES = {"ar": "ar_AR", "en": "en_US"}


def _fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"User-Agent": CRAWLER, "Accept": "text/html,*/*"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()


def _preview(app_server, url: str):
    status, headers, body = _fetch(app_server.base_url + url)
    assert status == 200 and headers["content-type"].startswith("text/html"), (url, headers)
    return read_html(body.decode("utf-8"))


def _first(name: str) -> dict[str, str]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return next(csv.DictReader(handle))


@pytest.mark.parametrize(
    ("app_page", "lang"), [pytest.param(p, lang, id=f"{p.name}-{lang}") for p in PAGES for lang in LANGS]
)
def test_a_crawler_finds_the_pages_tags_and_its_share_card(app_server, app_page, lang):
    camp = _first("camps.csv")
    found = _preview(app_server, page_url(app_page.path, lang, f"camp={camp['camp_id']}"))
    assert found.html_attrs["lang"] == lang and found.one("og:locale") == LOCALES[lang]
    assert t("app_title", lang) in found.one("og:title")
    assert found.one("twitter:card") == "summary_large_image"
    url = found.one("og:url")
    assert url.startswith(app_server.base_url + app_page.path) and urlsplit(url).path == app_page.path
    assert query_of(url).get("lang", ["ar"]) == [lang] and query_of(url)["camp"] == [camp["camp_id"]]
    assert camp[f"label_{lang}"] in found.one("og:description")
    image = found.one("og:image")
    assert image.startswith(f"{app_server.base_url}/download/card/{app_page.name}.png")
    status, headers, png = _fetch(image)
    assert status == 200 and headers["content-type"] == "image/png"
    assert png_size(png) == (1200, 630) == (int(found.one("og:image:width")), int(found.one("og:image:height")))


def test_a_donors_link_with_a_donor_previews_that_donor(app_server):
    with (DATA / "money_facts.csv").open(encoding="utf-8") as handle:
        # Not the donor the page's own card tells of (Hastings): the two cards would be the same.
        donor = next(
            row["payer_id"]
            for row in csv.DictReader(handle)
            if row["kind"] == "donation" and row["fact_id"] != facts.HASTINGS_FACT
        )
    with (DATA / "actors.csv").open(encoding="utf-8") as handle:
        actor = next(row for row in csv.DictReader(handle) if row["actor_id"] == donor)
    found = _preview(app_server, f"/donors?lang=en&actor={actor['actor_id']}")
    assert actor["name_en"] in found.one("og:title")
    image = found.one("og:image")
    assert query_of(image)["actor"] == [actor["actor_id"]]
    _, _, card = _fetch(image)
    _, _, page_card = _fetch(f"{app_server.base_url}/download/card/donors.png?lang=en")
    assert png_size(card) == (1200, 630) and card != page_card, "the actor's own card, not the page's"


def test_hostile_values_in_the_link_stay_text_in_the_tags(app_server):
    """Each hostile link's page has the markup of the view it falls back to (the camps shown change the page)."""
    queries = [f"{key}={quote(payload)}" for payload in XSS_PAYLOADS[:8] for key in ("actor", "camp", "lang", "x")]
    for query in [*queries, *HOSTILE_QUERY_STRINGS]:
        found = _preview(app_server, f"/donors?{query}")
        view = previews.read_view(shared_dataset(), parse_qs_lists(query))
        assert found.shape == _preview(app_server, f"/donors?{query_string(view)}").shape, query
        assert not any(name.startswith("on") for _, names in found.shape for name in names), query


def test_the_server_prints_the_address_to_open_once_it_is_ready_from_the_bake(app_server):
    log = app_server.log_between(0, app_server.log_size())
    assert re.search(r"is ready \(loading from the bake .*\): " + re.escape(app_server.base_url + "/") + r"\n", log), (
        log
    )
