"""Every page in both languages on a 390x844 phone: nothing scrolls sideways, charts and tables fit,
the other language is a tap away at the top, the collapsed sidebar stays out of the way, and it can be
opened."""

from __future__ import annotations

import pytest

from techmoney.words.i18n import t
from tests.e2e import LANGS, PAGES, PHONE, TABLES, page_url

PAGE_PARAMS = [pytest.param(p, lang, id=f"{p.name}-{lang}") for p in PAGES for lang in LANGS]


def _open(shared_visit, app_page, lang):
    visit = shared_visit(page_url(app_page.path, lang), viewport=PHONE, charts=app_page.has_charts)
    visit.screenshot(app_page.name, lang, "phone")
    return visit


_WIDTHS_JS = """(tables) => {
  const vw = window.innerWidth;
  const main = document.querySelector('[data-testid="stMain"]');
  // The box an element must fit: its column (Story sections) or its element.
  const cell = (el) => el.closest('[data-testid="stColumn"], [data-testid="stElementContainer"]');
  const fits = (el, box) => {
    const r = el.getBoundingClientRect(), c = box.getBoundingClientRect();
    return {width: Math.round(r.width), box: Math.round(c.width), left: Math.round(r.left), right: Math.round(r.right),
            ok: r.width <= c.width + 1 && r.left >= -1 && r.right <= vw + 1};
  };
  return {
    innerWidth: vw,
    documentScrollWidth: document.documentElement.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth,
    mainScrollWidth: main.scrollWidth, mainClientWidth: main.clientWidth,
    charts: [...document.querySelectorAll('.js-plotly-plot')].map(el => fits(el, cell(el))),
    tables: [...document.querySelectorAll(tables)].map(el => fits(el, cell(el))),
  };
}"""


@pytest.mark.parametrize(("app_page", "lang"), PAGE_PARAMS)
def test_no_sideways_scroll_and_everything_fits(shared_visit, app_page, lang):
    visit = _open(shared_visit, app_page, lang)
    assert visit.problems() == []
    found = visit.page.evaluate(_WIDTHS_JS, TABLES)
    assert found["documentScrollWidth"] <= found["innerWidth"] + 1, found
    assert found["bodyScrollWidth"] <= found["innerWidth"] + 1, found
    assert found["mainScrollWidth"] <= found["mainClientWidth"] + 1, found
    if app_page.has_charts:
        assert found["charts"], "no chart drawn"
    assert all(c["ok"] for c in found["charts"]), found["charts"]
    assert all(t["ok"] for t in found["tables"]), found["tables"]


@pytest.mark.parametrize(("app_page", "lang"), PAGE_PARAMS)
def test_the_other_language_is_one_tap_away_with_the_sidebar_closed(shared_visit, app_page, lang):
    visit = _open(shared_visit, app_page, lang)
    other = t("lang_en", "en") if lang == "ar" else t("lang_ar", "ar")
    link = visit.page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"]').get_by_role("radio", name=other)
    assert link.count() == 1 and link.is_visible()
    box = link.bounding_box()
    assert _inside_viewport(box, PHONE["width"]) and box["y"] < PHONE["height"] / 2, box
    assert box["height"] >= 20, "a tap target, not a speck"


_SIDEBAR_LEAK_JS = """() => {
  const vw = window.innerWidth, vh = window.innerHeight;
  const sidebar = document.querySelector('[data-testid="stSidebar"]');
  return [...sidebar.querySelectorAll('*')].filter(el => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) return false;
    return r.right > 0 && r.left < vw && r.bottom > 0 && r.top < vh;
  }).slice(0, 5).map(el => `${el.tagName.toLowerCase()}[${el.dataset.testid || ''}] at x=${Math.round(el.getBoundingClientRect().left)}: ${(el.innerText || '').slice(0, 30)}`);
}"""


def _inside_viewport(box: dict | None, width: int) -> bool:
    return box is not None and box["width"] > 0 and box["x"] >= -1 and box["x"] + box["width"] <= width + 1


# A table row shown as a card: the labels drawn with nothing after them (every disclosure opened, then closed).
_EMPTY_LABELS_JS = """() => {
  const closed = [...document.querySelectorAll('[data-testid="stMain"] details:not([open])')];
  closed.forEach(d => { d.open = true; });
  const empty = [...document.querySelectorAll('.tm-table td[data-label]')]
    .filter(td => !td.textContent.trim() && td.getBoundingClientRect().height > 0).map(td => td.dataset.label);
  closed.forEach(d => { d.open = false; });
  return [...new Set(empty)];
}"""


@pytest.mark.parametrize(("app_page", "lang"), PAGE_PARAMS)
def test_table_cards_show_no_label_without_a_value(shared_visit, app_page, lang):
    visit = _open(shared_visit, app_page, lang)
    assert visit.page.evaluate(_EMPTY_LABELS_JS) == []


# Last in the module: it opens the sidebar on the shared visits, and closes it again for the page readers after it.
@pytest.mark.parametrize(("app_page", "lang"), PAGE_PARAMS)
def test_sidebar_is_out_of_the_way_and_reachable(shared_visit, app_page, lang):
    visit = _open(shared_visit, app_page, lang)
    page = visit.page
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_attribute("data-collapsed") == "true", "on a phone the sidebar starts collapsed"
    assert page.evaluate(_SIDEBAR_LEAK_JS) == [], "the collapsed sidebar's contents show over the page"

    opener = page.locator('[data-testid="stExpandSidebarButton"]')
    assert opener.is_visible()
    assert _inside_viewport(opener.bounding_box(), PHONE["width"])
    box = opener.bounding_box()
    assert (box["x"] + box["width"] / 2 > PHONE["width"] / 2) == (lang == "ar"), "the opener sits on the sidebar's side"
    opener.click()
    page.wait_for_function(
        """() => { const s = document.querySelector('[data-testid="stSidebar"]');
                   const r = s.getBoundingClientRect();
                   return s.dataset.collapsed === 'false' && r.left >= -1 && r.right <= window.innerWidth + 1 && r.width > 100; }""",
        timeout=5_000,
    )
    page.wait_for_timeout(400)  # the slide-in transition
    for testid in ("stMultiSelect", "stSidebarNav"):
        widget = sidebar.locator(f'[data-testid="{testid}"]')
        assert widget.is_visible(), testid
        assert _inside_viewport(widget.bounding_box(), PHONE["width"]), (testid, widget.bounding_box())
    sidebar.locator('[data-testid="stSidebarCollapseButton"] button').click()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stSidebar\"]').dataset.collapsed === 'true'", timeout=5_000
    )
