"""Every reach into Streamlit beyond its documented API, in one place.

Streamlit has no right-to-left mode (streamlit/streamlit#552) and serves one static index.html for
every page (#853), so a few things here lean on how the installed release is built rather than on
what it documents. Each reach is named below and has a canary test (tests/ui/test_internals.py, and
tests/e2e/test_internals.py for the stylesheet's selectors) that fails naming the reach and the
installed Streamlit version when a release stops honouring it:

* ``static_dir``: where the frontend's files are (``file_util.get_static_dir``, internal); the
  compressed copies and the page HTML start from it.
* ``index_html``: the frontend's one index.html, which the page routes answer with the view's own
  head and first screen (``techmoney.content.html.previews``, ``techmoney.content.html.first_paint``); it must keep an
  ``<html>`` tag, a ``<title>``, a ``<noscript>``, a ``<div id="root">``, and its bundle as one
  ``<script type="module" src>`` with ``<link rel="modulepreload">`` siblings (the page asks for them
  after its first paint; tests/content/html/test_first_paint.py checks that none is lost).
* ``PLOTLY_TEMPLATE``: importing Streamlit makes its own Plotly template the default
  (``streamlit.elements.plotly_chart`` on import), so every figure a process builds once Streamlit is
  imported carries it, and the frontend themes it. The bake (techmoney/bake/build.py) is handed the template
  (``plotly_template``, by techmoney/ui/bake.py), so the figures it bakes are those the app would build.
* the stylesheets (static/app.css, static/head.css) name Streamlit's elements by their ``data-testid``
  attributes and the structure around them, which are not a documented API: tests/e2e/test_internals.py
  checks that each whole selector still matches an element.
* the first screen's hand-over (techmoney/content/html/templates/first_paint_handover.html) knows the app
  has drawn the view by its DOM, the names in techmoney.content.html.first_paint.HANDOVER_DOM: the root
  index.html renders into, a chart drawn once its ``.js-plotly-plot`` holds a ``.main-svg``, an element
  whose code is still loading a ``[data-testid="stSkeleton"]``; static/head.css hides ``#root`` meanwhile.
  The canary looks for each name in the frontend Streamlit ships; tests/e2e/test_handover.py fails when
  the app shows before it is drawn (the title moves) or never counts as drawn (the timeout ends it).
* ``STREAMLIT_PREFIXES``: where Streamlit's own routes live (its route table is internal); the 404 policy
  (techmoney/web/headers.py) lets these through and closes ``UNUSED_ROUTES``.

Nothing outside techmoney/ui and the composition root (techmoney/server.py) imports this module; the web side
is handed paths and prefixes, the bake the index.html and the template.
"""

from __future__ import annotations

from pathlib import Path

import plotly.io
import streamlit
from streamlit import file_util

VERSION = streamlit.__version__
PLOTLY_TEMPLATE = "streamlit"
# Where Streamlit serves its own routes, relative to the app's root: the 404 policy lets these through.
STREAMLIT_PREFIXES = ("_stcore/", "app/static/", "component/", "media/")
# Streamlit's routes this app does not use (no login): the 404 policy closes them.
UNUSED_ROUTES = frozenset({"auth/login", "auth/logout", "oauth2callback"})


def static_dir() -> Path:
    """The folder Streamlit serves its frontend from (index.html, static/js, static/css, ...)."""
    return Path(file_util.get_static_dir())


def index_html() -> Path:
    """Streamlit's index.html, the shell of every page."""
    return static_dir() / "index.html"


def plotly_template() -> dict:
    """Streamlit's Plotly template, as JSON."""
    return plotly.io.templates[PLOTLY_TEMPLATE].to_plotly_json()
