"""axe-core on every page in both languages (no serious or critical violations), and every chart's
text alternative: each chart sits next to a disclosure holding its data as a table (after the chart;
on the Story page, at the end of the section text beside it).

axe-core comes from node_modules (``npm ci``), injected into the page; never from a CDN. Every
violation, whatever its impact, is printed at the end of the run ("axe-core violations").
"""

from __future__ import annotations

import pytest

from tests.e2e import AXE_JS, LANGS, PAGES, TABLES, open_all_expanders, page_url
from tests.e2e.conftest import new_context

PAGE_PARAMS = [pytest.param(p, lang, id=f"{p.name}-{lang}") for p in PAGES for lang in LANGS]
TABLE_LABEL = {"ar": "البيانات كجدول", "en": "Data as a table"}
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` (make node-deps)", pytrace=False)
    return AXE_JS.read_text(encoding="utf-8")


def _open(shared_visit, app_page, lang):
    return shared_visit(page_url(app_page.path, lang), charts=app_page.has_charts)


_ALTERNATIVES_JS = """(tables) => [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
  const title = plot.querySelector('.gtitle')?.textContent ?? null;
  const own = plot.closest('[data-testid="stElementContainer"]');
  // Story sections: the text (ending with the table) sits in the column beside the chart; elsewhere the
  // table follows the chart.
  const row = own.closest('[data-testid="stHorizontalBlock"]');
  const details = (row ?? own.nextElementSibling)?.querySelector('details.tm-chart-table');
  if (details) {
    const table = [...details.querySelectorAll(tables)].map(t => t.querySelector('table')).find(Boolean);
    const label = details.querySelector('summary')?.innerText.trim() ?? null;
    return {title, label, caption: table?.querySelector('caption')?.innerText.trim() ?? null,
            rows: table ? table.querySelectorAll('tbody tr').length : 0,
            visible: !!table && table.getBoundingClientRect().height > 0};
  }
  return {title, label: null, caption: null, rows: 0, visible: false};
})"""


@pytest.mark.parametrize(("app_page", "lang"), [p for p in PAGE_PARAMS if p.values[0].has_charts])
def test_every_chart_has_a_table_alternative(shared_visit, app_page, lang):
    visit = _open(shared_visit, app_page, lang)
    open_all_expanders(visit.page)
    charts = visit.page.evaluate(_ALTERNATIVES_JS, TABLES)
    assert charts, "no chart on a page that should have charts"
    for chart in charts:
        assert chart["label"] and TABLE_LABEL[lang] in chart["label"], chart
        assert chart["rows"] > 0 and chart["visible"], chart
        # The table is this chart's: its caption is the chart's title (the figure wraps long titles).
        assert chart["caption"] and chart["caption"].replace(" ", "") == (chart["title"] or "").replace(" ", ""), chart


_AXE_JS = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ').slice(-120) + ' :: ' + (n.failureSummary || '').split('\\n').slice(1, 2).join(' ').slice(0, 200))}));
}"""


def _axe(visit, axe_source: str) -> list[dict]:
    page = visit.page
    open_all_expanders(page)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source)
    return page.evaluate(_AXE_JS)


def _describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}) x{v['count']}: {v['help']}\n  " + "\n  ".join(v["nodes"]) for v in violations
    )


@pytest.mark.parametrize(("app_page", "lang"), PAGE_PARAMS)
def test_axe_finds_no_serious_violations(shared_visit, axe_source, axe_log, app_page, lang):
    visit = _open(shared_visit, app_page, lang)
    result = _axe(visit, axe_source)
    axe_log.append((app_page.name, lang, result))
    for violation in result:
        print(
            f"axe {app_page.name}-{lang}: {violation['id']} ({violation['impact']}) x{violation['count']}: {violation['help']}"
        )
    blocking = [v for v in result if v["impact"] in BLOCKING]
    assert blocking == [], _describe(blocking)
    assert visit.problems() == []


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_serious_violations_in_an_embedded_chart(shared_visit, axe_source, axe_log, lang):
    embedded = shared_visit(page_url("/", lang, "embed=true&chart=flows"), charts=True, embed=True)
    result = _axe(embedded, axe_source)
    axe_log.append(("embed", lang, result))
    blocking = [v for v in result if v["impact"] in BLOCKING]
    assert blocking == [], _describe(blocking)


_FIRST_SCREEN_AXE_JS = """async () => {
  const r = await axe.run('#tm-first-paint', {resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ').slice(-120) + ' :: ' + (n.failureSummary || '').split('\\n').slice(1, 2).join(' ').slice(0, 200))}));
}"""


@pytest.fixture(scope="module")
def without_the_app(browser):
    """A context whose tabs never get the app's bundle, so the server's first screen stays."""
    context = new_context(browser, viewport={"width": 1280, "height": 900})
    context.route("**/static/js/**", lambda route: route.abort())
    yield context
    context.close()


@pytest.mark.parametrize(("app_page", "lang"), PAGE_PARAMS)
def test_axe_finds_no_serious_violations_in_the_first_screen(
    without_the_app, app_server, axe_source, axe_log, app_page, lang
):
    """The server's first screen with its camp links and name form, as a reader sees it before the app: here the
    app's bundle is held back, so the first screen stays (techmoney/content/html/first_paint.py)."""
    page = without_the_app.new_page()
    try:
        page.goto(app_server.base_url + page_url(app_page.path, lang), wait_until="domcontentloaded")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.add_script_tag(content=axe_source)
        result = page.evaluate(_FIRST_SCREEN_AXE_JS)
    finally:
        page.close()
    axe_log.append((f"{app_page.name} (first screen)", lang, result))
    blocking = [v for v in result if v["impact"] in BLOCKING]
    assert blocking == [], _describe(blocking)
