"""techmoney/ui/bake.py: the bake is handed Streamlit's frontend, so what it bakes is what the app shows."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io
import pytest

from techmoney.ui import bake, internals


@pytest.fixture
def plotly_default():
    """Plotly's own template as the default meanwhile: as in a process that has not imported Streamlit."""
    kept = plotly.io.templates.default
    plotly.io.templates.default = "plotly"
    yield
    plotly.io.templates.default = kept


def test_the_bakes_figures_carry_the_template_the_apps_figures_carry(plotly_default):
    apps = go.Figure(layout={"template": internals.PLOTLY_TEMPLATE}).to_dict()["layout"]["template"]
    assert go.Figure().to_dict()["layout"]["template"] != apps
    bake.frontend().use()
    assert go.Figure().to_dict()["layout"]["template"] == apps


def test_the_bake_fills_streamlits_page_shell():
    assert bake.frontend().index_html == internals.index_html().read_text(encoding="utf-8")
