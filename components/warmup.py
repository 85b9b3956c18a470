"""Warm the caches every page needs before the server takes its first reader.

The pages build their charts, tables and HTML through cached builders (components.ui), filled on
first use. After a deploy the first readers arrive together and each fills the same caches at once
(measured: ten readers on Donors waited ~0.9-1.4 s each instead of ~30 ms). serve.py calls
:func:`warm` in the server's lifespan, before it accepts connections: every page in both languages
with the default camps (what a shared link opens), plus the share cards link previews point at.

:func:`warm_view` is the one place that knows what a page needs; when the pages read one cached view
model per (page, language, camps), it builds that instead.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from components import cards, charts, downloads, ui
from components.i18n import LANGS
from components.url_state import CAMPS, ViewState

_LOG = logging.getLogger("tech_money")


def _story(view: ViewState) -> None:
    _, sections = ui.story_content(view.lang, view.camps)
    ui.story_head_html(view)
    for section in sections:
        ui.section_html(section, view.lang, view.camps)


def _money(view: ViewState) -> None:
    ui.head_html("page_money", view)
    ui.intro_html("money", view, "money_intro")
    for chart_id in ("goal", "twins", "flows"):
        ui.chart_table_html(chart_id, view.lang, view.camps)
    ui.limits_section_html(view.lang)


def _donors(view: ViewState) -> None:
    ui.head_html("page_donors", view)
    ui.intro_html("donors", view, "donors_intro")
    ui.labels("actors", "name", view.lang)
    ui.chart_table_html("camps", view.lang, view.camps)
    ui.actors_section_html(view.lang, view.camps, view.actor)


def _timeline(view: ViewState) -> None:
    ui.head_html("page_timeline", view)
    ui.intro_html("timeline", view, "timeline_intro")
    ui.chart_table_html("timeline", view.lang, view.camps)
    ui.undated_events_html(view.lang, view.camps)


def _sources(view: ViewState) -> None:
    ui.head_html("page_sources", view)
    ui.intro_html("sources", view, "sources_intro")
    for chart_id in charts.CHART_IDS:  # the embed picker names every chart
        ui.chart(chart_id, view.lang, view.camps)
    ui.sources_downloads_html(view)
    ui.article_html(view.lang)
    ui.sources_docs_html(view.lang)


PAGES: dict[str, Callable[[ViewState], None]] = {
    "story": _story, "money": _money, "donors": _donors, "timeline": _timeline, "sources": _sources,
}


def warm_view(page: str, view: ViewState) -> None:
    """Build what ``page`` shows for ``view`` (and what app.py shows around it) into the caches."""
    ui.labels("camps", "label", view.lang)  # the sidebar's camp picker
    PAGES[page](view)


def warm() -> float:
    """Every page in every language with the default camps, and the share cards; returns seconds taken.
    Raises DatasetError if the data does not validate (the pages then show the failure)."""
    start = time.perf_counter()
    ui.dataset()
    for lang in LANGS:
        for page in PAGES:
            warm_view(page, ViewState(lang=lang, camps=CAMPS))
        for page in cards.PAGES:
            downloads.resolve(f"card/{page}.png", {"lang": [lang]})
    return time.perf_counter() - start
