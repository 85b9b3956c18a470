"""The site map: every page once, with its URL path, title and script.

Navigation (techmoney/ui/shell.py), links (techmoney/site/links.py), share cards and link previews all read
pages from here, so a page is added or renamed in one place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    page_id: str
    url_path: str  # "" for the default page, served at the app's root
    title_key: str  # the page's title in techmoney/words/i18n.py
    icon: str
    script: str  # relative to app.py

    @property
    def is_default(self) -> bool:
        return self.url_path == ""


PAGES: tuple[Page, ...] = (
    Page("story", "", "page_story", "📰", "app_pages/story.py"),
    Page("money", "money", "page_money", "💵", "app_pages/money.py"),
    Page("donors", "donors", "page_donors", "👥", "app_pages/donors.py"),
    Page("timeline", "timeline", "page_timeline", "🗓️", "app_pages/timeline.py"),
    Page("sources", "sources", "page_sources", "📚", "app_pages/sources.py"),
)
PAGES_BY_ID = {page.page_id: page for page in PAGES}
PAGE_IDS = tuple(PAGES_BY_ID)
URL_PATHS = tuple(page.url_path for page in PAGES if not page.is_default)
# Every chart a link can name (``chart=…``, ``download/chart/<id>…``); techmoney.content.charts builds each.
CHART_IDS = ("goal", "twins", "flows", "camps", "timeline", "allocation")
