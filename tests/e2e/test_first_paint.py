"""The first screen from the server, in a browser: the HTML holds the view, a reader without JavaScript reads
the whole page and changes the view with its camp filter and name picker, and the app takes over from it in
place, on the view in the link (techmoney/content/html/first_paint.py). (Where things land at the hand-over on every
page: tests/e2e/test_handover.py.)"""

from __future__ import annotations

import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest

from techmoney.content import layouts, story
from techmoney.content import page_content as contents
from techmoney.content.chart_images import SCREEN_WIDTHS_PX
from techmoney.data.dataset import shared_dataset
from techmoney.site.addresses import ViewState
from techmoney.words import facts
from techmoney.words.bound import Words
from techmoney.words.i18n import t
from tests.conftest import page_title
from tests.content.html.test_render import Parsed
from tests.e2e import DESKTOP, LANGS, PHONE, page_url
from tests.e2e.conftest import SCREENSHOTS, new_context

TITLE_BOX = """(selector) => { const e = document.querySelector(selector); if (!e) return null;
    const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }"""


def _plain(text: str) -> str:
    """Text without the isolates our strings and the charts' lines carry."""
    return " ".join(text.replace("\u2066", "").replace("\u2068", "").replace("\u2069", "").split())


def _html_text(base_url: str, path: str) -> str:
    """The text of the page's HTML as the server sends it (tags dropped, entities decoded)."""
    with urllib.request.urlopen(base_url + path, timeout=30) as answer:
        return Parsed(answer.read().decode("utf-8")).all_text


@pytest.mark.parametrize("lang", LANGS)
def test_the_servers_html_holds_the_views_key_figures(app_server, lang):
    html = _plain(_html_text(app_server.base_url, page_url("/", lang)))
    figures = story.key_figures(Words(shared_dataset(), lang), ViewState().camps)
    assert figures
    for figure in figures:
        assert _plain(figure.value) in html and _plain(figure.qualifier) in html


# Each chart of the first screen: the rendering shown (its drawn width), its box and the box it is drawn in.
_CHARTS_JS = """() => [...document.querySelectorAll('#tm-first-paint .tm-fp-chart')].map(figure => {
  const shown = [...figure.querySelectorAll('svg')].filter(svg => svg.getBoundingClientRect().height > 0);
  const box = figure.getBoundingClientRect();
  return {drawn: shown.map(svg => svg.viewBox.baseVal.width), name: shown.map(svg => svg.getAttribute('aria-label')),
          box: [box.width, box.height], image: shown.map(svg => { const r = svg.getBoundingClientRect();
            return [r.left - box.left, r.top - box.top, r.width, r.height]; })};
})"""


def _charts_drawn(tab, page: str, lang: str, viewport: dict) -> None:
    """Every chart of the page is drawn in its place, the rendering nearest its box's width (the phone's below
    640 px), named by its alt text, in the box the interactive chart takes."""
    layout = layouts.cached(shared_dataset(), page, lang, ViewState().camps)
    charts = [
        block.content
        for block in layouts.walk(layout)
        if isinstance(block, layouts.Chart) and block.content.figure is not None
    ]
    found = tab.evaluate(_CHARTS_JS)
    assert len(found) == len(charts) > 0
    narrow, wide = SCREEN_WIDTHS_PX
    for chart, place in zip(charts, found, strict=True):
        width, height = place["box"]
        assert place["drawn"] == [narrow if width < 640 else wide], (viewport, place)
        assert place["name"] == [chart.alt] and height == chart.figure.layout.height
        _left, top, image_width, image_height = place["image"][0]
        assert top == 0 and image_width == pytest.approx(width, abs=1) and image_height == height, "fills its box"


@pytest.mark.parametrize(("path", "lang"), [("/", "en"), ("/sources", "ar"), ("/money", "ar")])
def test_a_reader_without_javascript_reads_the_whole_page(browser, app_server, path, lang):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(app_server.base_url + page_url(path, lang))
        text = _plain(tab.inner_text("body"))
        # A chart's words are its image's text (no part of innerText): its lines one after another, unspaced.
        drawn = "".join(
            _plain(
                tab.evaluate(
                    "[...document.querySelectorAll('#tm-first-paint svg')].map(svg => svg.textContent).join(' ')"
                )
            ).split()
        )
        if path != "/sources":
            _charts_drawn(tab, "story" if path == "/" else "money", lang, PHONE)
        # Under each chart its tools, at the top the link to the view and its card, at the foot the footer.
        tools = tab.locator(".tm-fp-main .tm-tools:not(.tm-share)").count()
        shown = [
            tab.locator(selector).count() for selector in (".tm-fp-main .tm-share", ".tm-fp-main footer.tm-footer")
        ]
        places = tab.locator(".tm-fp-main .tm-fp-chart").count()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"first-paint-nojs{path.replace('/', '-')}-{lang}.png"))
    finally:
        context.close()
    dataset = shared_dataset()
    assert "".join(_plain(t("source_line", lang, version=dataset.version)).split()) in drawn or path == "/sources"
    assert tools == places and shown == [1, 1]
    if path == "/":
        for figure in story.key_figures(Words(dataset, lang), ViewState().camps):
            assert _plain(figure.label) in text and _plain(figure.value) in text
        for section in story.sections(Words(dataset, lang), ViewState().camps):
            assert _plain(section.title) in text
    if path == "/sources":
        lines = [line for line in dataset.article.split("\n") if line.strip()]
        assert all(_plain(line) in text for line in lines), "the whole article"


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_every_chart_is_drawn_on_a_desktop_too(browser, app_server, lang):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        tab = context.new_page()
        for path, page in (("/", "story"), ("/money", "money")):  # charts beside text, and across the column
            tab.goto(app_server.base_url + page_url(path, lang))
            _charts_drawn(tab, page, lang, DESKTOP)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"first-paint-nojs-money-{lang}-desktop.png"))
    finally:
        context.close()


def test_the_app_takes_over_in_place_on_the_view_in_the_link(browser, app_server):
    context = new_context(browser, viewport=DESKTOP)  # the sidebar, with the camps picked, is open
    try:
        tab = context.new_page()
        tab.goto(app_server.base_url + "/money?lang=en&camp=pro_trump", wait_until="domcontentloaded")
        first = tab.evaluate(TITLE_BOX, "#tm-first-paint h1")
        assert first is not None, "the server's first screen is drawn before the app"
        assert tab.evaluate("document.documentElement.classList.contains('tm-handover')")
        tab.wait_for_selector("#tm-first-paint", state="detached", timeout=60_000)
        assert not tab.evaluate("document.documentElement.classList.contains('tm-handover')")
        assert tab.evaluate("document.documentElement.dataset.tmHandover") == "app", "the app's marker ended it"
        tab.wait_for_timeout(500)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / "first-paint-handover-money-en.png"))
        title = tab.locator('[data-testid="stMain"] h1')
        assert title.inner_text().strip() == page_title("money", "en") and title.is_visible()
        assert tab.evaluate(TITLE_BOX, '[data-testid="stMain"] h1') == pytest.approx(first, abs=2), (
            "the title stays where the first screen drew it"
        )
        chips = tab.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] [data-tag]').all_inner_texts()
        labels = {row["camp_id"]: row["label_en"] for _, row in shared_dataset().camps.iterrows()}
        assert [chip.strip() for chip in chips] == [labels["pro_trump"]]
        assert "camp=pro_trump" in tab.url and "lang=en" in tab.url
        assert tab.locator(".js-plotly-plot").count() >= 1
    finally:
        context.close()


# --------------------------------------------------------------------------- the controls before the app


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def _camp_label(camp: str, lang: str) -> str:
    return facts.camp_label(shared_dataset(), camp, lang)


def _app_camps(visit) -> list[str]:
    """The camps the app's filter shows (its chips, read whether or not the sidebar is open)."""
    return visit.page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stSidebar"] [data-testid="stMultiSelect"] [data-tag]')].map(chip => chip.textContent.trim())""")


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_each_camp_is_a_link_that_hides_or_shows_it_and_the_app_then_shows_that_choice(
    browser, app_server, visit, lang
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(app_server.base_url + page_url("/money", lang))
        # On a phone Streamlit's sidebar is closed: a link in its button's place (in the header band, on the
        # reading side) leads to the filter. (Without JavaScript the page's summary comes first: <noscript>.)
        to_camps = tab.get_by_role("link", name=t("camp_filter", lang), exact=True)
        box, top = to_camps.bounding_box(), tab.locator("#tm-first-paint").bounding_box()["y"]
        assert box["y"] - top < 60 and (
            box["x"] + box["width"] > PHONE["width"] - 40 if lang == "ar" else box["x"] < 40
        )
        to_camps.focus()
        tab.keyboard.press("Enter")
        assert urlsplit(tab.url).fragment == "tm-fp-camps"
        camps = tab.locator("#tm-fp-camps")  # the filter it leads to (the pills at the top are the same links)
        hide = camps.get_by_role("link", name=t("camp_hide", lang, camp=_camp_label("pro_harris", lang)))
        assert hide.is_visible()
        hide.focus()
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        assert _query(tab.url) == {
            "camp": ["pro_trump", "skeptic", "context"],
            **({"lang": ["en"]} if lang == "en" else {}),
        }
        # The estimate is the pro-Harris camp's: its chart gives way to its notice; the camp can be shown again.
        goal = contents.cached(shared_dataset(), "money", lang, ViewState().camps).goal.chart.title
        assert _plain(t("chart_empty", lang, title=goal)) in _plain(tab.inner_text("#tm-first-paint"))
        assert (
            tab.locator("#tm-fp-camps")
            .get_by_role("link", name=t("camp_add", lang, camp=_camp_label("pro_harris", lang)))
            .is_visible()
        )
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"first-paint-nojs-camps-{lang}.png"), full_page=True)
        chosen = tab.url
    finally:
        context.close()
    app = visit(chosen.removeprefix(app_server.base_url), viewport=DESKTOP)
    assert app.handover() == "app" and app.problems() == []
    assert _app_camps(app) == [_camp_label(camp, lang) for camp in ("pro_trump", "skeptic", "context")]


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_name_picker_is_a_form_that_opens_the_name_in_the_views_camps_and_the_app_keeps_it(
    browser, app_server, visit, lang
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    name = facts.actor_name(shared_dataset(), "hastings", lang)
    try:
        tab = context.new_page()
        tab.goto(app_server.base_url + page_url("/donors", lang, "camp=pro_harris&camp=context"))
        tab.get_by_label(t("actor_select", lang)).select_option("hastings")
        tab.get_by_role("button", name=t("actor_show", lang)).focus()
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        assert _query(tab.url) == {
            "actor": ["hastings"],
            "camp": ["pro_harris", "context"],
            **({"lang": ["en"]} if lang == "en" else {}),
        }
        assert _plain(name) in _plain(tab.locator("#tm-first-paint .tm-card").inner_text())
        assert tab.get_by_label(t("actor_select", lang)).input_value() == "hastings", "the picker shows the name"
        chosen = tab.url
    finally:
        context.close()
    app = visit(chosen.removeprefix(app_server.base_url), viewport=PHONE)
    assert app.handover() == "app" and app.problems() == []
    picker = app.page.locator('[data-testid="stMain"] [data-testid="stSelectbox"] input[role="combobox"]')
    assert _plain(picker.input_value()) == _plain(name)
    assert _app_camps(app) == [_camp_label(camp, lang) for camp in ("pro_harris", "context")]


_SIDES_JS = """(rtl) => {
  const box = selector => document.querySelector(selector).getBoundingClientRect();
  const chips = [...document.querySelectorAll('.tm-fp-chips a')].map(chip => chip.getBoundingClientRect());
  return {sidebar: box('.tm-fp-sidebar').left, main: box('.tm-fp-main').left,
          chipsInOrder: chips.every((chip, i) => !i || Math.abs(chip.top - chips[i - 1].top) > 2
                                    || (rtl ? chip.right < chips[i - 1].left : chip.left > chips[i - 1].right))};
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_screens_sidebar_and_its_camps_read_from_the_readers_side(browser, app_server, lang):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(app_server.base_url + page_url("/donors", lang))
        found = tab.evaluate(_SIDES_JS, lang == "ar")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"first-paint-nojs-donors-{lang}-desktop.png"))
    finally:
        context.close()
    assert (found["sidebar"] > found["main"]) == (lang == "ar"), "the sidebar on the side a reader starts from"
    assert found["chipsInOrder"], "the camps run in the reading direction"
