"""``python -m techmoney.ui.bake [DATA_DIR]``: bake the release (techmoney/bake/build.py) for Streamlit's frontend.

The bake sits below both hosts and imports no Streamlit; the Streamlit host hands it what it needs of the
frontend its pages are served with: Streamlit's index.html, which every page's HTML fills, and the Plotly
template Streamlit makes the default, which every figure the app builds carries (techmoney/ui/internals.py).
"""

from __future__ import annotations

from techmoney.bake import build
from techmoney.content.html import previews
from techmoney.ui import internals


def frontend() -> build.Frontend:
    return build.Frontend(
        previews.read_index(internals.index_html()), internals.PLOTLY_TEMPLATE, internals.plotly_template()
    )


if __name__ == "__main__":
    build.main(frontend())
