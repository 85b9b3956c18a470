"""techmoney/ui/internals.py: canaries, one a reach into Streamlit's internals. Each fails naming the
reach and the installed Streamlit version, so an upgrade that undoes one says which (the stylesheets'
data-testid selectors have theirs in tests/e2e/test_internals.py)."""

from __future__ import annotations

import re

from techmoney.ui import internals


def _broken(reach: str, what: str) -> str:
    return f"Streamlit {internals.VERSION}: the {reach} reach no longer holds: {what} (techmoney/ui/internals.py)"


def test_static_dir_holds_the_frontend():
    static = internals.static_dir()
    assert (static / "index.html").is_file(), _broken("static_dir", f"no index.html in {static}")
    bundles = static / "static" / "js"
    assert bundles.is_dir() and any(bundles.glob("*.js")), _broken("static_dir", f"no bundles in {bundles}")


def test_index_html_keeps_what_the_page_routes_replace():
    html = internals.index_html().read_text(encoding="utf-8")
    for name, pattern in {"<html> tag": r"<html\b[^>]*>", "<title>": r"<title>.*?</title>",
                          "<noscript>": r"<noscript>.*?</noscript>", '<div id="root">': r"<div id=\"root\">"}.items():
        assert re.search(pattern, html, re.S | re.I), _broken("index_html", f"index.html has no {name}")


def test_importing_streamlit_makes_its_plotly_template_the_default_one():
    import plotly.io

    assert plotly.io.templates.default == internals.PLOTLY_TEMPLATE, _broken(
        "PLOTLY_TEMPLATE", f"the default Plotly template is {plotly.io.templates.default!r}: baked figures would "
        "not be the app's")
