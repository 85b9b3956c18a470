"""An embedded chart (``?embed=true&chart=<id>``) shows that chart alone: its title in the figure and
its source line, and none of the page around it (sidebar, page title, narrative)."""

from __future__ import annotations

import pytest

from techmoney.words.i18n import t
from tests.e2e import LANGS, page_url

_EMBED_JS = r"""() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const visible = el => !!el && el.getBoundingClientRect().width > 0 && getComputedStyle(el).visibility !== 'hidden';
  return {
    charts: document.querySelectorAll('.js-plotly-plot').length,
    figureTitles: [...document.querySelectorAll('.js-plotly-plot .gtitle')].map(el => el.textContent.trim()),
    sources: [...document.querySelectorAll('.js-plotly-plot .annotation-text')].map(el => el.textContent.replace(/\s/g, '')),
    captions: main.querySelectorAll('[data-testid="stCaptionContainer"]').length,
    sidebar: visible(document.querySelector('[data-testid="stSidebar"]')),
    sidebarNav: document.querySelectorAll('[data-testid="stSidebarNav"]').length,
    headings: [...main.querySelectorAll('h1, h2, h3, [data-testid="stHeading"]')].map(el => el.innerText.trim()),
    prose: main.querySelectorAll('.tm-prose').length,
    expanders: main.querySelectorAll('[data-testid="stExpander"]').length,
    widgets: main.querySelectorAll('[data-testid="stSelectbox"], [data-testid="stMultiSelect"], [data-testid="stRadio"], [data-testid="stDownloadButton"]').length,
    alerts: main.querySelectorAll('[data-testid="stAlert"]').length,
    direction: getComputedStyle(main).direction,
  };
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_embedded_chart_stands_alone(shared_visit, lang):
    embedded = shared_visit(page_url("/", lang, "embed=true&chart=flows"), charts=True, embed=True)
    embedded.screenshot("embed-flows", lang, "desktop")
    found = embedded.page.evaluate(_EMBED_JS)
    source_prefix = t("source_line", lang, version="\0").split("\0")[0]

    assert found["charts"] == 1, found
    # Plotly breaks a long title into lines (tspans, joined without spaces): compare without spaces.
    assert [title.replace(" ", "") for title in found["figureTitles"]] == [t("flows_title", lang).replace(" ", "")], (
        found
    )
    # The source line is drawn in the figure (Plotly breaks it into lines; compare without spaces), once.
    assert sum(text.startswith(source_prefix.replace(" ", "")) for text in found["sources"]) == 1, found
    assert found["captions"] == 0, found
    assert not found["sidebar"] and found["sidebarNav"] == 0, "the sidebar shows in the embed"
    assert found["headings"] == [], "a page title or section heading shows in the embed"
    assert found["prose"] == 0, "the narrative shows in the embed"
    assert found["expanders"] == 0 and found["widgets"] == 0 and found["alerts"] == 0, found
    assert found["direction"] == ("rtl" if lang == "ar" else "ltr")
    assert embedded.problems() == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_keyboard_reaches_the_link_back_which_opens_the_full_view_in_a_new_tab(visit, lang):
    embedded = visit(f"/?embed=true&chart=camps&lang={lang}&camp=pro_trump", charts=True, embed=True)
    page = embedded.page
    for _ in range(30):  # past the chart's own controls
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('.tm-embed-credit')"):
            break
    name = page.evaluate("() => document.activeElement.closest('.tm-embed-credit') && document.activeElement.innerText")
    assert name and t("app_title", lang) in name
    with page.context.expect_page() as opened:
        page.keyboard.press("Enter")
    full = opened.value
    full.wait_for_load_state("domcontentloaded")
    assert full.url == f"{embedded.server.base_url}/donors?" + ("lang=en&" if lang == "en" else "") + "camp=pro_trump"
    assert embedded.problems() == []
