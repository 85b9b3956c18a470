"""What an embedded chart is beside the chart: which page shows it in full, the credit under it that names
the site and links back, with the data's release and licence, and the iframe's height without script.

An embed lives inside someone else's article, so it must say where it comes from and lead the reader
back to the full view (same language and camps) in a new tab. (Which chart a page's link embeds is read
from the page's layout: techmoney/content/layouts.main_chart.)
"""

from __future__ import annotations

from techmoney.content import charts
from techmoney.content.html import render
from techmoney.data.dataset import Dataset
from techmoney.site import addresses, links
from techmoney.site.addresses import ViewState
from techmoney.site.sitemap import PAGES_BY_ID
from techmoney.words.formatting import date_words
from techmoney.words.i18n import t

# The page that shows each chart with its data table and the story around it.
HOME_PAGES = {
    "goal": "money",
    "twins": "money",
    "allocation": "money",
    "flows": "money",
    "camps": "donors",
    "timeline": "timeline",
}

# The embed page around the figure, in pixels, the same at every width, so the iframe's first height (the
# snippet's) is its last: the main column's padding above (static/head.css, .streamlit-embedded) and below
# (Streamlit's), Streamlit's gap between elements (chart to credit, credit to the hand-over marker,
# shell.show_rendered), and the credit's box, which its template reserves at its two lines however wide the
# iframe (each line fits one line of a 360 px phone: static/app.css, .tm-embed-credit).
PADDING_TOP_PX = 8
PADDING_BOTTOM_PX = 16
GAP_PX = 16
FRAME_PX = PADDING_TOP_PX + PADDING_BOTTOM_PX + 2 * GAP_PX
CREDIT_PX = 45
FALLBACK_PX = 560  # a chart without a figure: its notice, far shorter


def embed_height(chart: charts.Chart) -> int:
    """The iframe's height when no script can follow the content: the figure's own, fixed, height plus
    the embed page's margin and credit, so nothing scrolls inside it."""
    if chart.figure is None or not chart.figure.layout.height:
        return FALLBACK_PX
    return int(chart.figure.layout.height) + FRAME_PX + CREDIT_PX


def full_view_href(chart_id: str, lang: str, camps: tuple[str, ...]) -> str:
    """The chart's page in the same language and camps, relative to the app's root (where embeds live)."""
    query = addresses.query_string(ViewState(lang=lang, camps=camps))
    path = PAGES_BY_ID[HOME_PAGES[chart_id]].url_path or "./"
    return f"{path}?{query}" if query else path


def credit_html(chart_id: str, lang: str, camps: tuple[str, ...], dataset: Dataset) -> str:
    """The credit under an embedded chart: the site's name, linked to the full view in a new tab (its footer
    holds the method, the corrections, the contact and the citation), then the data's version, date and
    licence."""
    released = date_words(dataset.released, "day", lang) if dataset.released else t("date_unknown", lang)
    return render.render(
        "embed_credit.html",
        href=full_view_href(chart_id, lang, camps),
        lang=lang,
        label=t("embed_credit", lang, site=t("app_title", lang)),
        new_tab=t("new_tab", lang),
        release=t("embed_release", lang, version=dataset.version, date=released),
        licence=addresses.DATA_LICENCE,
        licence_href=addresses.DATA_LICENCE_URL,
        height=CREDIT_PX,
    )


def embed_snippet(base_url: str | None, view: ViewState, chart_id: str, title: str, height: int = FALLBACK_PX) -> str:
    """The iframe to copy for a chart; ``height`` in pixels (each figure has a fixed height:
    techmoney/content/chart_layout.py)."""
    return render.embed_snippet(links.embed_link(base_url, view, chart_id), title, height)
