"""The stylesheets' reach into Streamlit (techmoney/ui/internals.py): static/app.css and static/head.css
name Streamlit's elements by their data-testid attributes and by the structure around them
(``[data-testid="stToolbar"] > div > div:last-child``), none of which Streamlit documents. Each whole selector
must still match an element on some page or embed, in one language or the other, at a phone's width or a
desktop's, or an upgrade has silently undone the rule."""

from __future__ import annotations

import re

from techmoney.ui import internals
from tests.e2e import DESKTOP, LANGS, PAGES, PHONE, ROOT, open_all_expanders, page_url

STYLESHEETS = (ROOT / "static" / "app.css", ROOT / "static" / "head.css")
# What a selector asks of the moment rather than of the page's structure: a state, or a pseudo-element.
_MOMENT = re.compile(r"::?(?:hover|focus-visible|focus-within|focus|active|visited|before|after|placeholder)\b")
# What a selector asks of our content inside Streamlit's element rather than of Streamlit: Prism's token
# classes in a code block depend on the code shown, a list in an HTML element on our text (an ordered list
# shows only where a document has one). The selector is checked up to Streamlit's element.
_CONTENT = re.compile(r"(?:\s+\.token\.[\w-]+|(?<=\[data-testid=\"stHtml\"\])\s+(?:ul|ol))$")


def _selectors() -> list[str]:
    """Every selector (each part of a selector list) that names a data-testid, without its states."""
    found = set()
    for sheet in STYLESHEETS:
        css = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for prelude in re.findall(r"([^{}]+)\{", css):
            if prelude.strip().startswith("@"):
                continue
            for selector in prelude.split(","):
                selector = _CONTENT.sub("", _MOMENT.sub("", " ".join(selector.split())))
                if "data-testid" in selector:
                    found.add(selector)
    return sorted(found)


SELECTORS = _selectors()
# A link with a value the app drops shows a notice (the stAlert rules).
NOTICE = "camp=nobody"


def _matched(page, selectors) -> set[str]:
    return {selector for selector in selectors if page.locator(selector).count()}


def test_every_selector_the_stylesheets_aim_at_streamlit_matches_an_element(shared_visit):
    assert len(SELECTORS) > 10, f"too few selectors naming a data-testid found in the stylesheets: {SELECTORS}"
    missing = set(SELECTORS)
    # Some elements exist at one width only (the sidebar's open button where the sidebar is collapsed), some
    # in an embed or beside a notice only: the embed first, then a page with a notice, then the pages the page
    # readers share (tests/e2e/conftest.py), each at both widths before the next, the last page (code,
    # expanders) first, its expanders opened on a desktop as the accessibility tests open them; it stops once
    # every selector is found.
    visits = [
        (DESKTOP, page_url("/", "ar", "embed=true&chart=flows"), True, True),
        (DESKTOP, page_url(PAGES[-1].path, "ar", NOTICE), PAGES[-1].has_charts, False),
    ]
    visits += [
        (viewport, page_url(page.path, lang), page.has_charts, False)
        for lang in LANGS
        for page in reversed(PAGES)
        for viewport in (DESKTOP, PHONE)
    ]
    for viewport, url, charts, embed in visits:
        if not missing:
            break
        shown = shared_visit(url, viewport=viewport, charts=charts, embed=embed).page
        missing -= _matched(shown, missing)
        if missing and not embed and viewport is DESKTOP:
            open_all_expanders(shown)
            missing -= _matched(shown, missing)
    assert not missing, (
        f"Streamlit {internals.VERSION}: the stylesheets' selectors {sorted(missing)} match no "
        "element on any page (static/app.css, static/head.css; techmoney/ui/internals.py)"
    )
