"""Shared fixtures for the in-process app tests (Streamlit's AppTest) and the data-copy tests.

* ``REPO`` / ``repo``: the repository root.
* ``app_test(query=..., page=..., embedded=...)``: a fresh AppTest of app.py (one new session),
  with the query string set before the first run and, if given, the page to open on that first run.
  It does not run the app: call ``.run()``.
* ``data_copy``: a copy of data/ in ``tmp_path``; ``TECH_MONEY_DATA_DIR`` points the app at it for
  the test, and Streamlit's caches are cleared before and after, so the app reads the copy and later
  tests read data/ again.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs

import pytest

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "app.py"
DATA = REPO / "data"
DATA_DIR_ENV = "TECH_MONEY_DATA_DIR"

# Page file (relative to app.py) by page id; "story" is the default page ("/").
PAGES: dict[str, str] = {
    "story": "app_pages/story.py",
    "money": "app_pages/money.py",
    "donors": "app_pages/donors.py",
    "timeline": "app_pages/timeline.py",
    "sources": "app_pages/sources.py",
}
# The i18n key of each page's title, its h1 (the Story page's title is the app title).
PAGE_TITLE_KEYS: dict[str, str] = {
    "story": "app_title",
    "money": "page_money",
    "donors": "page_donors",
    "timeline": "page_timeline",
    "sources": "page_sources",
}


class _HeadParser(HTMLParser):
    """The h1 texts and the language links (``.tm-lang a``) in a page's HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.titles: list[str] = []
        self.links: list[dict[str, str | None]] = []
        self._in: str | None = None
        self._nav_depth = 0

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "h1":
            self._in = "h1"
            self.titles.append("")
        elif tag == "nav" and "tm-lang" in (found.get("class") or ""):
            self._nav_depth = 1
        elif tag == "a" and self._nav_depth:
            self._in = "a"
            self.links.append({**found, "text": ""})

    def handle_endtag(self, tag):
        if tag in ("h1", "a"):
            self._in = None
        elif tag == "nav":
            self._nav_depth = 0

    def handle_data(self, data):
        if self._in == "h1":
            self.titles[-1] += data
        elif self._in == "a":
            self.links[-1]["text"] += data


def _head(at) -> _HeadParser:
    parser = _HeadParser()
    for element in at.markdown:
        parser.feed(element.value)
    return parser


def page_titles(at) -> list[str]:
    """The page's h1 titles (each page's title is in its first HTML element: components.ui.head_html)."""
    return _head(at).titles


def language_links(at) -> list[dict[str, str | None]]:
    """The page's language links: their attributes (href, hreflang, lang, target) and "text"."""
    return _head(at).links


def follow_language_link(at, page: str | None = None, **kwargs):
    """What a click on the language link opens: a new session on the same page with the link's query."""
    (link,) = language_links(at)
    href = link["href"] or ""
    assert href.startswith("?"), href
    query = {key: values if len(values) > 1 else values[0]
             for key, values in parse_qs(href[1:], keep_blank_values=True).items()}
    return make_app_test(query=query, page=page, **kwargs)


# Counters the tests fill ("query strings tried", ...), printed at the end of the run.
COUNTS: dict[str, int] = {}


def count(name: str, n: int = 1) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + n


def pytest_terminal_summary(terminalreporter) -> None:
    if COUNTS:
        terminalreporter.write_sep("-", "hostile-input counts")
        for name, n in sorted(COUNTS.items()):
            terminalreporter.write_line(f"{name}: {n}")


def clear_streamlit_caches() -> None:
    import streamlit as st

    from components import ui

    st.cache_resource.clear()
    st.cache_data.clear()
    ui.forget_dataset()


def make_app_test(
    query: Mapping[str, str | Sequence[str]] | None = None,
    page: str | None = None,
    *,
    embedded: bool = False,
    timeout: float = 60,
):
    """A new AppTest session of app.py with ``query`` as its URL query and ``page`` as its first page.

    ``page`` is a page id from :data:`PAGES` (or a path relative to app.py). Each page's url_path is
    its file name, so ``switch_page`` before the first run opens that page on the first run, the way
    a deep link does. ``embedded`` stands for the browser reporting the app as embedded (the page
    was loaded with ``?embed=true``).
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=timeout)
    for key, value in (query or {}).items():
        at.query_params[key] = list(value) if not isinstance(value, str) else value
    if embedded:
        at.context["is_embedded"] = True
    if page is not None and page != "story":
        at.switch_page(PAGES.get(page, page))
    return at


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture
def app_test() -> Callable[..., object]:
    """Factory: ``app_test(query={"lang": "en"}, page="money").run()``."""
    return make_app_test


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of data/ that the app (and ``load_dataset()``) reads during the test."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setenv(DATA_DIR_ENV, str(copy))
    clear_streamlit_caches()
    yield copy
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    clear_streamlit_caches()
