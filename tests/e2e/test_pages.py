"""Every page in both languages, in a desktop browser: loads cleanly, reads in the right direction
and language, and draws Arabic with the bundled Noto Sans Arabic font."""

from __future__ import annotations

import re

import pytest

from tests.conftest import page_title
from tests.e2e import LANGS, PAGES, TABLES, open_all_expanders, page_url

PAGE_PARAMS = [pytest.param(p, lang, id=f"{p.name}-{lang}") for p in PAGES for lang in LANGS]
ARABIC_FONT = "Noto Sans Arabic"
ARABIC_FONT_FILE = "/app/static/fonts/NotoSansArabic-Regular.woff2"


def _open(shared_visit, app_page, lang):
    visit = shared_visit(page_url(app_page.path, lang), charts=app_page.has_charts)
    visit.screenshot(app_page.name, lang, "desktop")  # overwritten by later tests: same view
    return visit


def _title(app_page, lang) -> str:
    """The page's h1 as the browser shows it: its headline, isolates drawn rather than typed."""
    return re.sub("[\u2066-\u2069]", "", page_title(app_page.name, lang))


@pytest.mark.parametrize(("app_page", "lang"), PAGE_PARAMS)
def test_page_loads_without_errors(shared_visit, app_page, lang):
    visit = _open(shared_visit, app_page, lang)
    assert visit.problems() == []
    assert visit.path() == app_page.path, "the app navigated away from the requested page"
    assert visit.query() == ({"lang": ["en"]} if lang == "en" else {}), "the app rewrote a valid link"
    shown = visit.page.locator('[data-testid="stMain"] h1').first.inner_text().strip()
    assert re.sub("[\u2066-\u2069]", "", shown) == _title(app_page, lang)
    if app_page.has_charts:
        assert visit.page.locator(".js-plotly-plot").count() >= 1


_DIRECTIONS_JS = """(tables) => {
  const dir = el => el ? getComputedStyle(el).direction : null;
  const prose = [...document.querySelectorAll('.tm-prose')];
  const narrative = prose.length ? prose : [document.querySelector('[data-testid="stMainBlockContainer"]')];
  return {
    narrative: narrative.map(dir),
    narrativeLang: narrative.map(el => el.closest('[lang]')?.getAttribute('lang') ?? null),
    main: dir(document.querySelector('[data-testid="stMain"]')),
    sidebar: dir(document.querySelector('[data-testid="stSidebar"]')),
    sidebarWidgets: [...document.querySelectorAll('[data-testid="stSidebar"] [data-testid="stWidgetLabel"]')].map(dir),
    tables: [...document.querySelectorAll(tables)].map(dir),
    tableCells: [...document.querySelectorAll(tables)].flatMap(t => [...t.querySelectorAll('td')].slice(0, 5)).map(dir),
  };
}"""


@pytest.mark.parametrize(("app_page", "lang"), PAGE_PARAMS)
def test_direction_and_language(shared_visit, app_page, lang):
    visit = _open(shared_visit, app_page, lang)
    want = "rtl" if lang == "ar" else "ltr"
    open_all_expanders(visit.page)  # charts' data tables are built when their expander opens
    found = visit.page.evaluate(_DIRECTIONS_JS, TABLES)
    assert found["narrative"] and set(found["narrative"]) == {want}, found
    assert set(found["narrativeLang"]) == {lang}, found
    assert found["main"] == want, found
    assert found["sidebar"] == want, found
    assert set(found["sidebarWidgets"]) == {want}, found
    assert set(found["tables"]) <= {want}, found
    assert set(found["tableCells"]) <= {want}, found
    if app_page.name != "sources":  # every other page shows at least one table
        assert found["tables"], "expected at least one data table on this page"


_FONTS_JS = """async (family) => {
  await document.fonts.ready;
  const unquote = s => s.replace(/^["']|["']$/g, '');
  const faces = [...document.fonts].map(f => ({family: unquote(f.family), weight: f.weight, status: f.status}));
  const first = el => el ? unquote(getComputedStyle(el).fontFamily.split(',')[0].trim()) : null;
  const arabicText = document.querySelector('.tm-prose[lang="ar"], [lang="ar"]');
  return {
    check: document.fonts.check(`16px "${family}"`, 'ب'),
    faces: faces.filter(f => f.family === family),
    arabicFamily: first(arabicText),
    headingFamily: first(document.querySelector('[data-testid="stMain"] h1')),
    htmlOfArabic: arabicText ? arabicText.outerHTML.slice(0, 120) : null,
  };
}"""


@pytest.mark.parametrize(("app_page", "lang"), PAGE_PARAMS)
def test_bundled_arabic_font_is_used(shared_visit, app_page, lang):
    visit = _open(shared_visit, app_page, lang)
    fetched = [(status, url) for status, url in visit.responses if url.endswith(ARABIC_FONT_FILE)]
    assert (200, visit.server.base_url + ARABIC_FONT_FILE) in fetched, f"font file not fetched with 200: {fetched}"
    fonts = visit.page.evaluate(_FONTS_JS, ARABIC_FONT)
    assert fonts["check"], fonts
    assert any(face["status"] == "loaded" for face in fonts["faces"]), fonts
    # Arabic text on the page (the narrative on Arabic pages, quotes/article lines on English ones).
    if lang == "ar" or fonts["arabicFamily"] is not None:
        assert fonts["arabicFamily"] == ARABIC_FONT, fonts
    if lang == "ar":
        assert fonts["headingFamily"] == ARABIC_FONT, fonts


# In a right-to-left line the first letter is the right-most one. Checked for every SVG text in the
# charts that starts with an Arabic letter (bidi controls and spaces skipped).
_CHART_BIDI_JS = r"""() => [...document.querySelectorAll('.js-plotly-plot text')]
  .filter(t => /^[\u0600-\u06FF]/.test(t.textContent.replace(/[\s\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '')))
  .map(t => {
    let firstRight = null, right = -Infinity;
    for (let i = 0; i < t.getNumberOfChars(); i++) {
      let box; try { box = t.getExtentOfChar(i); } catch (e) { continue; }
      if (!box.width || /\s/.test(t.textContent[i] ?? '')) continue;
      if (firstRight === null) firstRight = box.x + box.width;
      right = Math.max(right, box.x + box.width);
    }
    return {text: t.textContent.slice(0, 60), ok: firstRight !== null && firstRight >= right - 1};
  })
  .filter(found => !found.ok).map(found => found.text)"""


@pytest.mark.parametrize("app_page", [p for p in PAGES if p.has_charts], ids=lambda p: p.name)
def test_arabic_chart_text_reads_right_to_left(shared_visit, app_page):
    visit = _open(shared_visit, app_page, "ar")
    assert visit.page.evaluate(_CHART_BIDI_JS) == [], "Arabic chart labels laid out in the wrong order"
