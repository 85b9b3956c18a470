"""The stylesheets' reach into Streamlit (techmoney/ui/internals.py): static/app.css and static/head.css
name Streamlit's elements by their data-testid attributes, which Streamlit does not document. Each
selector must still match an element on some page, in one language or the other, or an upgrade has
silently undone the rule."""

from __future__ import annotations

import re

from techmoney.ui import internals
from tests.e2e import DESKTOP, LANGS, PAGES, PHONE, ROOT, open_all_expanders, page_url

STYLESHEETS = (ROOT / "static" / "app.css", ROOT / "static" / "head.css")
SELECTORS = sorted({match for sheet in STYLESHEETS
                    for match in re.findall(r'\[data-testid="[^"]+"\]', sheet.read_text(encoding="utf-8"))})
# A link with a value the app drops shows a notice (the stAlert rules).
NOTICE = "camp=nobody"


def _matched(page) -> set[str]:
    return {selector for selector in SELECTORS if page.locator(selector).count()}


def test_every_data_testid_the_stylesheets_name_matches_an_element(visit):
    assert SELECTORS, "no data-testid selector found in the stylesheets"
    missing = set(SELECTORS)
    # Some elements exist at one width only (the sidebar's open button where the sidebar is collapsed): each page
    # at both widths before the next, the last page (code, expanders) first; it stops once every one is found.
    visits = [(viewport, lang, page) for lang in LANGS for page in reversed(PAGES) for viewport in (DESKTOP, PHONE)]
    for viewport, lang, page in visits:
        if not missing:
            break
        shown = visit(page_url(page.path, lang, NOTICE), viewport=viewport, charts=page.has_charts).page
        missing -= _matched(shown)
        if missing:
            open_all_expanders(shown)
            missing -= _matched(shown)
    assert not missing, (f"Streamlit {internals.VERSION}: the stylesheets' selectors {sorted(missing)} match no "
                         "element on any page (static/app.css, static/head.css; techmoney/ui/internals.py)")
