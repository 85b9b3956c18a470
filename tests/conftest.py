"""Shared fixtures for the in-process app tests (Streamlit's AppTest) and the data-copy tests.

* ``REPO`` / ``repo``: the repository root.
* ``app_test(query=..., page=..., embedded=...)``: a fresh AppTest of app.py (one new session),
  with the query string set before the first run and, if given, the page to open on that first run.
  It does not run the app: call ``.run()``.
* ``baked``: the folder of the bake of data/ (built once if ``make test`` did not).
* ``data_copy``: a copy of data/ in ``tmp_path``; ``TECH_MONEY_DATA_DIR`` points the app at it for
  the test, and Streamlit's caches are cleared before and after, so the app reads the copy and later
  tests read data/ again.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import pytest

from techmoney.site import sitemap
from techmoney.words.bound import Words

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "app.py"
DATA = REPO / "data"
DATA_DIR_ENV = "TECH_MONEY_DATA_DIR"

# Page file (relative to app.py) by page id.
PAGES: dict[str, str] = {page.page_id: page.script for page in sitemap.PAGES}


def page_title(page_id: str, lang: str) -> str:
    """A page's h1: its headline (the product's name is the kicker above it)."""
    from techmoney.content import page_content
    from techmoney.data.dataset import load_dataset

    return page_content.headline(Words(load_dataset(DATA), lang), page_id).text


def csv_rows(name: str) -> list[dict[str, str]]:
    """The rows of a file in data/ as written (strings), read without the app's loader."""
    with (DATA / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def csv_rows_by_id(name: str) -> dict[str, dict[str, str]]:
    """The rows of a file in data/ by their id (the first column)."""
    return {row[next(iter(row))]: row for row in csv_rows(name)}


def page_titles(at) -> list[str]:
    return [title.value for title in at.title]


def html_text(at) -> str:
    """Every HTML fragment the run showed (st.html), joined."""
    return "\n".join(element.value for element in at.html if not element.value.startswith("<style>"))


def section_text(section) -> str:
    """A story section's paragraphs as one text (techmoney/content/story.py)."""
    return "\n".join(paragraph.text for paragraph in section.paragraphs)


def switch_language(at, lang: str):
    """Click the language control (the segmented control above every page) and rerun."""
    return at.button_group(key="w_lang").set_value(lang).run()


# What the run reports at its end: counters the tests fill ("query strings tried", ...) and sections of
# lines (the browser tests' accessibility summary). Under xdist each worker hands its own to the controller.
COUNTS: dict[str, int] = {}
SECTIONS: dict[str, list[str]] = {}


def count(name: str, n: int = 1) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + n


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["counts"], workeroutput["sections"] = COUNTS, SECTIONS


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    for name, n in node.workeroutput.get("counts", {}).items():
        count(name, n)
    for title, lines in node.workeroutput.get("sections", {}).items():
        SECTIONS.setdefault(title, []).extend(lines)


# The browser tests in two groups of about the same time, one a worker (make test: ``-n 2``); a browser test is
# bound by the machine's two cores (each page's load draws Streamlit and Plotly in Chromium), so more groups
# only slow each other down. Tests that read the same pages share a group, since a group's tests share one
# visit per page and size (the ``shared_visit`` fixture): the desktop and phone readers in the first. Each
# group starts its own server (ready in about a second with the bake) and Chromium; a module not named here
# joins the last group.
BROWSER_GROUPS = {
    "browser-readers": (
        "test_accessibility",
        "test_downloads",
        "test_pages",
        "test_share_views",
        "test_view_tools",
        "test_phone",
        "test_handover",
        "test_internals",
        "test_embed",
    ),
}
OTHER_BROWSER_GROUP = "browser-others"


def browser_group(nodeid: str) -> str | None:
    """Which group of the browser tests a test belongs to; None for any other test."""
    if not nodeid.startswith("tests/e2e/"):
        return None
    module = nodeid.removeprefix("tests/e2e/").split(".py", 1)[0]
    return next((group for group, modules in BROWSER_GROUPS.items() if module in modules), OTHER_BROWSER_GROUP)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The browser tests first, so that each group goes to a worker of its own at the start."""
    items.sort(key=lambda item: browser_group(item.nodeid) is None)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """With workers, each group of the browser tests runs in one worker (its tests share a server and a
    Chromium), and each other module in one worker, so its module-scoped fixtures (the benchmark's run, a
    module's drawings) are built once, not once per worker; the modules are spread over both workers as
    they come free. (xdist's own ``xdist_group`` marks cannot be added from a conftest.)"""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class BrowserGroupsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return browser_group(nodeid) or nodeid.split("::", 1)[0]

    return BrowserGroupsTogether(config, log)


def pytest_terminal_summary(terminalreporter) -> None:
    for title, lines in SECTIONS.items():
        terminalreporter.section(title)
        for line in lines:
            terminalreporter.write_line(line)
    if COUNTS:
        terminalreporter.write_sep("-", "hostile-input counts")
        for name, n in sorted(COUNTS.items()):
            terminalreporter.write_line(f"{name}: {n}")


def clear_streamlit_caches() -> None:
    import streamlit as st

    from techmoney.data.dataset import forget_shared_dataset
    from techmoney.ui import shell

    st.cache_resource.clear()
    st.cache_data.clear()
    forget_shared_dataset()
    shell.forget_page_contents()


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


@pytest.fixture(scope="session")
def baked() -> Path:
    """The bake of data/ with this code: ``make test`` bakes it before pytest (one bake per run, shared by
    every test and test server); built here, once, when pytest runs without it."""
    from techmoney.bake import build
    from techmoney.content import release
    from techmoney.ui import bake

    folder, _ = build.ensure(bake.frontend(), DATA)
    release.forget()
    return folder


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


def drawn_or_skip(draw: Callable[[], object]) -> object:
    """``draw()`` (chart images through Chromium); skipped with the reason when Chromium is missing, failed
    instead when CI=true (CI installs it)."""
    import os

    from techmoney.content.chart_images import ChromiumMissing

    try:
        return draw()
    except ChromiumMissing as err:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and chart images cannot be drawn: {err}", pytrace=False)
        pytest.skip(str(err))
