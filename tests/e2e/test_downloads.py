"""Every download on every page is a link the real server (``streamlit run serve.py``) answers: the
page's share card, each chart's CSV and images under it, and on Sources every table and the bundle."""

from __future__ import annotations

import pytest

from tests.e2e import LANGS, PAGES, page_url

_LINKS_JS = """() => [...document.querySelectorAll('[data-testid="stMain"] a[download]')].map(a => ({
  url: new URL(a.getAttribute('href'), location.href).href, file: a.getAttribute('download'), label: a.innerText.trim(),
}))"""
TYPES = {".png": "image/png", ".svg": "image/svg+xml", ".csv": "text/csv", ".zip": "application/zip"}
MAGIC = {".png": b"\x89PNG", ".svg": b"<", ".zip": b"PK"}


@pytest.mark.parametrize(
    ("app_page", "lang"), [pytest.param(p, lang, id=f"{p.name}-{lang}") for p in PAGES for lang in LANGS]
)
def test_every_download_link_is_served(shared_visit, app_page, lang):
    visit = shared_visit(page_url(app_page.path, lang), charts=app_page.has_charts)
    links = visit.page.evaluate(_LINKS_JS)
    cards = [link for link in links if "/download/card/" in link["url"]]
    assert len(cards) == 1, links
    if app_page.has_charts:
        csvs = [link for link in links if "/download/chart/" in link["url"] and link["file"].endswith(".csv")]
        assert len(csvs) == visit.page.locator(".js-plotly-plot").count(), "one CSV link per chart"
    for link in links:
        assert link["url"].startswith(visit.server.base_url + "/download/"), link
        response = visit.page.request.get(link["url"])
        assert response.status == 200, link
        extension = link["file"][link["file"].rindex(".") :]
        assert response.headers["content-type"].startswith(TYPES[extension]), (link, response.headers)
        assert response.headers["content-disposition"] == f'attachment; filename="{link["file"]}"'
        body = response.body()
        if extension == ".csv":
            assert body.startswith(b"\xef\xbb\xbf") and len(body.decode("utf-8-sig").splitlines()) >= 2, link
        else:
            assert body.startswith(MAGIC[extension]), link


def test_clicking_the_share_card_link_downloads_the_png(shared_visit):
    money = shared_visit(page_url("/money", "en"), charts=True)
    with money.page.expect_download() as download:
        money.page.locator('a[download][href*="download/card/"]').click()
    assert download.value.suggested_filename == "tech-money-2024-money-en.png"
    with open(download.value.path(), "rb") as png:
        assert png.read(8) == b"\x89PNG\r\n\x1a\n"


def test_an_unknown_download_is_a_plain_404(shared_visit, app_server):
    story = shared_visit(page_url("/", "en"), charts=True)
    response = story.page.request.get(app_server.base_url + "/download/card/nope.png")
    assert response.status == 404 and "Traceback" not in response.text()
