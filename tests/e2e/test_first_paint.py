"""The first screen from the server, in a browser: the HTML holds the view, a reader without JavaScript reads
the whole page, and the app takes over from it in place, on the view in the link (techmoney/web/first_paint.py)."""

from __future__ import annotations

import urllib.request

import pytest

from techmoney.content import story
from techmoney.data.dataset import shared_dataset
from techmoney.words.addresses import ViewState
from techmoney.words.i18n import t
from tests.conftest import page_title
from tests.e2e import DESKTOP, LANGS, PHONE, page_url
from tests.e2e.conftest import SCREENSHOTS
from tests.content.test_render import Parsed

TITLE_BOX = """(selector) => { const e = document.querySelector(selector); if (!e) return null;
    const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }"""


def _plain(text: str) -> str:
    return " ".join(text.replace("\u2066", "").replace("\u2069", "").split())


def _html_text(base_url: str, path: str) -> str:
    """The text of the page's HTML as the server sends it (tags dropped, entities decoded)."""
    with urllib.request.urlopen(base_url + path, timeout=30) as answer:  # noqa: S310 - our own local server
        return Parsed(answer.read().decode("utf-8")).all_text


@pytest.mark.parametrize("lang", LANGS)
def test_the_servers_html_holds_the_views_key_figures(app_server, lang):
    html = _plain(_html_text(app_server.base_url, page_url("/", lang)))
    figures = story.key_figures(shared_dataset(), lang, ViewState().camps)
    assert figures
    for figure in figures:
        assert _plain(figure.value) in html and _plain(figure.qualifier) in html


@pytest.mark.parametrize(("path", "lang"), [("/", "en"), ("/sources", "ar"), ("/money", "ar")])
def test_a_reader_without_javascript_reads_the_whole_page(browser, app_server, path, lang):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(app_server.base_url + page_url(path, lang))
        text = _plain(tab.inner_text("body"))
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"first-paint-nojs{path.replace('/', '-')}-{lang}.png"))
    finally:
        context.close()
    dataset = shared_dataset()
    assert _plain(t("source_line", lang, version=dataset.version)) in text or path == "/sources"
    if path == "/":
        for figure in story.key_figures(dataset, lang, ViewState().camps):
            assert _plain(figure.label) in text and _plain(figure.value) in text
        for section in story.sections(dataset, lang, ViewState().camps):
            assert _plain(section.title) in text
    if path == "/sources":
        lines = [line for line in dataset.article.split("\n") if line.strip()]
        assert all(_plain(line) in text for line in lines), "the whole article"


def test_the_app_takes_over_in_place_on_the_view_in_the_link(browser, app_server):
    context = browser.new_context(viewport=DESKTOP)  # the sidebar, with the camps picked, is open
    try:
        tab = context.new_page()
        tab.goto(app_server.base_url + "/money?lang=en&camp=pro_trump", wait_until="domcontentloaded")
        first = tab.evaluate(TITLE_BOX, "#tm-first-paint h1")
        assert first is not None, "the server's first screen is drawn before the app"
        assert tab.evaluate("document.documentElement.classList.contains('tm-handover')")
        tab.wait_for_selector("#tm-first-paint", state="detached", timeout=60_000)
        assert not tab.evaluate("document.documentElement.classList.contains('tm-handover')")
        tab.wait_for_timeout(500)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / "first-paint-handover-money-en.png"))
        title = tab.locator('[data-testid="stMain"] h1')
        assert title.inner_text().strip() == page_title("money", "en") and title.is_visible()
        assert tab.evaluate(TITLE_BOX, '[data-testid="stMain"] h1') == pytest.approx(first, abs=2), \
            "the title stays where the first screen drew it"
        chips = tab.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] [data-tag]').all_inner_texts()
        labels = {row["camp_id"]: row["label_en"] for _, row in shared_dataset().camps.iterrows()}
        assert [chip.strip() for chip in chips] == [labels["pro_trump"]]
        assert "camp=pro_trump" in tab.url and "lang=en" in tab.url
        assert tab.locator(".js-plotly-plot").count() >= 1
    finally:
        context.close()
