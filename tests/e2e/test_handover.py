"""The hand-over from the server's first screen to the app (techmoney/content/html/first_paint.py), on every page in
both languages on a phone and a desktop: the app's marker ends it, not the timeout, and the title and the
first chart (or its notice) do not move when the app shows in the first screen's place.

The same measure checks Streamlit's spacing copied into static/head.css on every page: a gap or a height
that differs moves what follows it, so each of the page's elements (each child of the main column: a
fragment, a chart, a row of columns...) must start where the app's does, as far as the first code block:
the first screen draws code in the browser's monospace face, not Streamlit's, so a long snippet wraps into
more lines, and what follows it is not compared.

A script in the page notes where the first screen's elements are while it is shown (on every frame and
every change to the page), and where the app's are the moment it goes (a MutationObserver runs before the
next frame is painted).
"""

from __future__ import annotations

import pytest

from tests.e2e import LANGS, PAGES, page_url
from tests.e2e.conftest import READY_TIMEOUT, Visitor

WIDTHS = (390, 1280)
HEIGHT = 900
MOST_PX = 4  # how far the title or the first chart may move at the hand-over
pytestmark = pytest.mark.timeout(600)

_WATCH_JS = """(() => {
  const box = (root, selector) => {
    const element = root && root.querySelector(selector);
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return {x: r.left, y: r.top, right: r.right};
  };
  const CHART = {first: '.tm-fp-main .tm-fp-chart, .tm-fp-main .tm-fp-columns .tm-fp-notice',
                 app: '[data-testid="stPlotlyChart"], [data-testid="stColumn"] [data-testid="stAlert"]'};
  // The page's elements, after the language control; the app's last, its hand-over marker, has no height.
  const elements = {
    first: block => [...block.querySelector('.tm-fp-main').children].slice(1)
      .map(e => ({top: e.getBoundingClientRect().top, code: e.matches('pre') || !!e.querySelector('pre')})),
    app: main => [...main.querySelector('[data-testid="stVerticalBlock"]').children].slice(1)
      .filter(e => e.getBoundingClientRect().height > 0).map(e => ({top: e.getBoundingClientRect().top})),
  };
  window.__tmHandover = {before: null, after: null};
  const note = () => {
    const block = document.getElementById('tm-first-paint');
    if (block && block.querySelector('h1')) {
      window.__tmHandover.before = {title: box(block, 'h1'), chart: box(block, CHART.first), elements: elements.first(block)};
    }
    return block;
  };
  const watch = () => { if (note()) requestAnimationFrame(watch); };
  requestAnimationFrame(watch);
  new MutationObserver((records, observer) => {
    if (note() || !window.__tmHandover.before) return;
    const main = document.querySelector('[data-testid="stMain"]');
    window.__tmHandover.after = {title: box(main, 'h1'), chart: box(main, CHART.app), elements: elements.app(main)};
    observer.disconnect();
  }).observe(document, {childList: true, subtree: true});
})();"""


def _moved(before: dict | None, after: dict | None, edges: tuple[str, ...]) -> float:
    assert (before is None) == (after is None), (before, after)
    return max((abs(before[edge] - after[edge]) for edge in edges), default=0.0) if before else 0.0


@pytest.fixture(scope="module")
def handovers(browser, app_server):
    """Every page in one language at one width, loaded together (the hand-over of each measured in its own
    page): ``handovers(width, lang)`` -> {page: (how it ended, positions, problems)}."""
    visitor = Visitor(browser, app_server)
    measured: dict = {}

    def at(width: int, lang: str) -> dict:
        if (width, lang) not in measured:
            visits = {
                p.name: visitor(
                    page_url(p.path, lang),
                    viewport={"width": width, "height": HEIGHT},
                    ready=False,
                    init_script=_WATCH_JS,
                )
                for p in PAGES
            }
            for visit in visits.values():
                visit.page.wait_for_selector("#tm-first-paint", state="detached", timeout=READY_TIMEOUT)
            for visit in visits.values():
                visit.log_end = app_server.log_size()
            measured[width, lang] = {
                name: (visit.handover(), visit.page.evaluate("window.__tmHandover"), visit.problems())
                for name, visit in visits.items()
            }
            visitor.close()
        return measured[width, lang]

    yield at
    visitor.close()


CASES = [
    pytest.param(p, lang, width, id=f"{p.name}-{lang}-{width}") for width in WIDTHS for lang in LANGS for p in PAGES
]


@pytest.mark.parametrize(("app_page", "lang", "width"), CASES)
def test_the_app_takes_over_on_its_marker_and_the_title_and_first_chart_stay_put(handovers, app_page, lang, width):
    how, found, problems = handovers(width, lang)[app_page.name]
    assert how == "app", "the app's marker ended the hand-over, not the timeout"
    assert problems == []
    before, after = found["before"], found["after"]
    assert before["title"] is not None and after["title"] is not None
    assert _moved(before["title"], after["title"], ("x", "y", "right")) <= MOST_PX, found
    assert (before["chart"] is None) == (not app_page.has_charts), "every chart page has a chart or its notice"
    assert _moved(before["chart"], after["chart"], ("y",)) <= MOST_PX, found


@pytest.mark.parametrize(("app_page", "lang", "width"), CASES)
def test_each_element_of_the_page_starts_where_the_apps_does(handovers, app_page, lang, width):
    _, found, _ = handovers(width, lang)[app_page.name]
    first, app = found["before"]["elements"], found["after"]["elements"]
    assert len(first) == len(app), "as many elements as the app draws"
    compared = next((i + 1 for i, element in enumerate(first) if element["code"]), len(first))
    moved = [
        (i, round(app[i]["top"] - first[i]["top"]))
        for i in range(compared)
        if abs(app[i]["top"] - first[i]["top"]) > MOST_PX
    ]
    assert moved == [], "(element, px it moves at the hand-over)"
