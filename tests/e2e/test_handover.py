"""The hand-over from the server's first screen to the app (techmoney/content/html/first_paint.py), on every page in
both languages on a phone and a desktop: the app's marker ends it, not the timeout, and the title and the
first chart (or its notice) do not move when the app shows in the first screen's place.

The same measure checks Streamlit's spacing copied into static/head.css on every page: a gap or a height
that differs moves what follows it, so each of the page's elements (each child of the main column: a
fragment, a chart, a row of columns...) must start where the app's does, as far as the first code block:
the first screen draws code in the browser's monospace face, not Streamlit's, so a long snippet wraps into
more lines, and what follows it is not compared.

Every page a test opens carries a script that notes where the first screen's elements are while it is shown
(on every frame and every change to the page), and where the app's are the moment it goes (a MutationObserver
runs before the next frame is painted): tests/e2e/conftest.py, HANDOVER_WATCH_JS. So these tests read the
visits the page readers share (each page once in each language and size) rather than loading the pages again.
"""

from __future__ import annotations

import pytest

from tests.e2e import DESKTOP, LANGS, PAGES, PHONE, page_url

SIZES = {390: PHONE, 1280: DESKTOP}
MOST_PX = 4  # how far the title or the first chart may move at the hand-over


def _handover(shared_visit, app_page, lang: str, width: int) -> tuple[str | None, dict, list[str]]:
    """(how the first screen gave way, where its elements and the app's were, what went wrong on the visit)."""
    visit = shared_visit(page_url(app_page.path, lang), viewport=SIZES[width], charts=app_page.has_charts)
    return visit.handover(), visit.page.evaluate("window.__tmHandover"), visit.problems()


def _moved(before: dict | None, after: dict | None, edges: tuple[str, ...]) -> float:
    assert (before is None) == (after is None), (before, after)
    return max((abs(before[edge] - after[edge]) for edge in edges), default=0.0) if before else 0.0


CASES = [
    pytest.param(p, lang, width, id=f"{p.name}-{lang}-{width}") for width in SIZES for lang in LANGS for p in PAGES
]


@pytest.mark.parametrize(("app_page", "lang", "width"), CASES)
def test_the_app_takes_over_on_its_marker_and_the_title_and_first_chart_stay_put(shared_visit, app_page, lang, width):
    how, found, problems = _handover(shared_visit, app_page, lang, width)
    assert how == "app", "the app's marker ended the hand-over, not the timeout"
    assert problems == []
    before, after = found["before"], found["after"]
    assert before["title"] is not None and after["title"] is not None
    assert _moved(before["title"], after["title"], ("x", "y", "right")) <= MOST_PX, found
    assert (before["chart"] is None) == (not app_page.has_charts), "every chart page has a chart or its notice"
    assert _moved(before["chart"], after["chart"], ("y",)) <= MOST_PX, found


@pytest.mark.parametrize(("app_page", "lang", "width"), CASES)
def test_each_element_of_the_page_starts_where_the_apps_does(shared_visit, app_page, lang, width):
    _, found, _ = _handover(shared_visit, app_page, lang, width)
    first, app = found["before"]["elements"], found["after"]["elements"]
    assert len(first) == len(app), "as many elements as the app draws"
    compared = next((i + 1 for i, element in enumerate(first) if element["code"]), len(first))
    moved = [
        (i, round(app[i]["top"] - first[i]["top"]))
        for i in range(compared)
        if abs(app[i]["top"] - first[i]["top"]) > MOST_PX
    ]
    assert moved == [], "(element, px it moves at the hand-over)"
