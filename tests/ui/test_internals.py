"""techmoney/ui/internals.py: canaries, one a reach into Streamlit's internals. Each fails naming the
reach and the installed Streamlit version, so an upgrade that undoes one says which (the stylesheets'
data-testid selectors have theirs in tests/e2e/test_internals.py)."""

from __future__ import annotations

import re

from techmoney.content.html import first_paint
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
    for name, pattern in {
        "<html> tag": r"<html\b[^>]*>",
        "<title>": r"<title>.*?</title>",
        "<noscript>": r"<noscript>.*?</noscript>",
        '<div id="root">': r"<div id=\"root\">",
    }.items():
        assert re.search(pattern, html, re.S | re.I), _broken("index_html", f"index.html has no {name}")


def test_importing_streamlit_makes_its_plotly_template_the_default_one():
    import plotly.io

    assert plotly.io.templates.default == internals.PLOTLY_TEMPLATE, _broken(
        "PLOTLY_TEMPLATE",
        f"the default Plotly template is {plotly.io.templates.default!r}: baked figures would not be the app's",
    )


def _frontend_text() -> str:
    """Streamlit's frontend as shipped: index.html and every JavaScript bundle."""
    static = internals.static_dir()
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in (static / "index.html", *sorted((static / "static" / "js").glob("*.js")))
    )


def test_the_hand_overs_names_are_still_streamlits_and_plotlys():
    """The first screen's hand-over reads the app's DOM (techmoney/content/html/first_paint.py, HANDOVER_DOM): each
    name must still be in the frontend Streamlit ships (Plotly's classes are in its bundled plotly.js)."""
    frontend = _frontend_text()
    assert re.search(r'<div id="{}">'.format(first_paint.HANDOVER_DOM["root_id"]), frontend), _broken(
        "hand-over", "index.html has no root element by that id"
    )
    for name, value in first_paint.HANDOVER_DOM.items():
        assert value.strip('[]="').removeprefix('data-testid="') in frontend, _broken(
            "hand-over", f"the frontend no longer names {value!r} ({name})"
        )


def test_every_streamlit_route_the_app_uses_is_under_the_prefixes_the_404_policy_lets_through():
    """techmoney/web/headers.py answers a plain 404 for every path that is not ours or Streamlit's; Streamlit's are
    those under internals.STREAMLIT_PREFIXES. A route Streamlit adds elsewhere would be 404'd: this says so."""
    from unittest import mock

    from streamlit.web.server.starlette.starlette_app import create_streamlit_routes

    paths = {getattr(route, "path", "") for route in create_streamlit_routes(mock.MagicMock())}
    served = {path.lstrip("/") for path in paths if path and path.lstrip("/") not in internals.UNUSED_ROUTES}
    assert served, _broken("STREAMLIT_PREFIXES", "no route found in Streamlit's route table")
    outside = sorted(path for path in served if not path.startswith(internals.STREAMLIT_PREFIXES))
    assert not outside, _broken(
        "STREAMLIT_PREFIXES", f"Streamlit serves {outside} outside {internals.STREAMLIT_PREFIXES}"
    )
