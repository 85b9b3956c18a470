"""End-to-end tests: the real app (`streamlit run app.py`) driven in headless Chromium by Playwright.

Shared facts about the app the tests rely on live here (conftest.py holds the fixtures).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from components import site
from components.i18n import LANGS  # noqa: F401 - shared with the browser tests
from components.schema import CAMPS  # noqa: F401 - shared with the browser tests

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # from `npm ci`; never a CDN


@dataclass(frozen=True)
class AppPage:
    name: str  # used in test ids and screenshot names
    path: str  # URL path of the st.Page
    has_charts: bool


PAGES = tuple(AppPage(page.page_id, "/" + page.url_path, page.page_id != "sources") for page in site.PAGES)

# Data tables: Streamlit's st.table, or the app's own accessible HTML table (components/render.py).
TABLES = '[data-testid="stTable"], .tm-table'

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def page_url(path: str, lang: str, extra: str = "") -> str:
    """``/money`` + ``?lang=en`` (Arabic is the default, so it gets no parameter) + ``extra``."""
    params = [p for p in ("lang=en" if lang == "en" else "", extra) if p]
    return path + ("?" + "&".join(params) if params else "")


def open_all_expanders(page) -> None:
    """Open every expander and disclosure, as a reader would, so axe also checks what is inside them.

    Streamlit expanders are clicked (the app builds some of their content on that rerun); the app's own
    HTML <details> (chart tables, key-figure sources, documents) are opened directly.
    """
    summaries = page.locator('[data-testid="stMain"] [data-testid="stExpander"] details:not([open]) > summary')
    for _ in range(summaries.count()):
        summaries.first.click()
        page.wait_for_timeout(150)
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=15_000
        )
    # Streamlit fades elements while a rerun replaces them: wait until none is stale, and for the fade.
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=15_000)
    page.wait_for_timeout(400)
    page.evaluate(
        """() => document.querySelectorAll('[data-testid="stMain"] [data-testid="stHtml"] details')
                 .forEach(d => { d.open = true; })"""
    )


# Text of each figure (titles, subtitles, source notes) that lies outside the figure's box.
CHART_TEXT_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => {
  const box = plot.getBoundingClientRect();
  const title = plot.querySelector('.gtitle')?.textContent ?? '?';
  return [...plot.querySelectorAll('.infolayer text, .annotation text')]
    .map(el => ({el, r: el.getBoundingClientRect()}))
    .filter(({r}) => r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1))
    .map(({el, r}) => `${title} / ${el.getAttribute('class')}: ${Math.round(Math.max(box.left - r.left, r.right - box.right))}px outside: ${el.textContent.slice(0, 50)}`);
})"""
