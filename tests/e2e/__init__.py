"""End-to-end tests: the real app (`streamlit run app.py`) driven in headless Chromium by Playwright.

Shared facts about the app the tests rely on live here (conftest.py holds the fixtures).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from techmoney.data.schema import CAMPS  # noqa: F401 - shared with the browser tests
from techmoney.site import sitemap
from techmoney.words.i18n import LANGS  # noqa: F401 - shared with the browser tests

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # from `npm ci`; never a CDN


@dataclass(frozen=True)
class AppPage:
    name: str  # used in test ids and screenshot names
    path: str  # URL path of the st.Page
    has_charts: bool


PAGES = tuple(AppPage(page.page_id, "/" + page.url_path, page.page_id != "sources") for page in sitemap.PAGES)

# Data tables: Streamlit's st.table, or the app's own accessible HTML table (techmoney/content/html/render.py).
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
        page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=15_000)
    # Streamlit fades elements while a rerun replaces them: wait until none is stale, and for the fade.
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=15_000)
    page.wait_for_timeout(400)
    page.evaluate(
        """() => document.querySelectorAll('[data-testid="stMain"] [data-testid="stHtml"] details')
                 .forEach(d => { d.open = true; })"""
    )
