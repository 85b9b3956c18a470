"""Fixtures for the browser tests: one Streamlit server and one Chromium per worker, a browser tab per page visit.

* ``app_server`` starts ``streamlit run serve.py`` from the bake (the ``baked`` fixture) on a free port
  (cwd = repo root, this venv's Python), waits for ``/_stcore/health`` and stops it at the end
  (terminate, then kill). Its log
  goes to ``test-artifacts/e2e-streamlit-<worker>.log``.
* ``browser`` launches Debian's ``/usr/bin/chromium`` (or ``$E2E_CHROMIUM``; Playwright's own
  Chromium if that is missing). If no browser can start, the tests are skipped, or fail loudly
  when ``CI=true``.
* ``visit(path, ...)`` opens a URL in a new tab (of one context per window size; ``fresh=True``: in a brand-new
  context), waits until the app has finished its run (and the charts are drawn), and records console errors,
  page errors, failed requests, HTTP responses >= 400, dialogs and fetched fonts; ``Visit.problems()`` lists what
  went wrong. The wait fails when the server's first screen gave way to the app by its timeout rather than on the
  app's marker (``<html data-tm-handover>``, techmoney/content/html/first_paint.py): the app then had not drawn what
  the first screen promised.
* ``shared_visit(path, ...)``: the same, but one visit per URL and window size for the whole run (the page
  readers' tests).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from harness.browser import CHROMIUM_FLAGS  # one set of flags for the benchmark's browser and ours
from tests.conftest import SECTIONS
from tests.e2e import DESKTOP, ROOT

ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"

SYSTEM_CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")  # override: another binary
SERVER_START_TIMEOUT = 240  # seconds: ready at once with the bake, the default views first without one
# The first screen gives way to the app after 30 s at most (a reader sees the static copy till then); a test page
# gives the app longer (window.tmHandoverWaitMs, techmoney/content/html/templates/first_paint_handover.html), so a
# busy machine's slow app is told apart from an app that never draws: the hand-over must still end on the app's
# marker, and a test fails if it ends on this longer timeout.
HANDOVER_WAIT_MS = 150_000
READY_TIMEOUT = HANDOVER_WAIT_MS + 30_000  # ms for a page to finish its first run


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.e2e)
            if item.get_closest_marker("timeout") is None:  # a module may allow its tests longer
                item.add_marker(pytest.mark.timeout(180))


# --------------------------------------------------------------------------- server


@dataclass
class AppServer:
    base_url: str
    process: subprocess.Popen
    log_path: Path

    def log_size(self) -> int:
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def log_between(self, start: int, end: int) -> str:
        with self.log_path.open("rb") as handle:
            handle.seek(start)
            return handle.read(max(0, end - start)).decode("utf-8", errors="replace")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(base_url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    last_error = ""
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
            pytest.fail(
                f"streamlit exited with code {process.returncode} before it was healthy:\n{tail}", pytrace=False
            )
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError) as exc:
            last_error = str(exc)
        time.sleep(0.25)
    pytest.fail(f"streamlit not healthy after {SERVER_START_TIMEOUT}s ({last_error})", pytrace=False)


@pytest.fixture(scope="package")
def app_server(baked) -> Iterator[AppServer]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    log_path = ARTIFACTS / f"e2e-streamlit-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}.log"  # a server a worker
    base_url = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "serve.py",
                "--server.address",
                "127.0.0.1",
                "--server.port",
                str(port),
                "--server.headless",
                "true",
            ],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            _wait_healthy(base_url, process, log_path)
            yield AppServer(base_url, process, log_path)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


# --------------------------------------------------------------------------- browser


def _browser_unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and the browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


# Package scope, not session: a live sync Playwright holds this thread's event loop, and the bench smoke
# test, outside this package, starts a Playwright of its own once these are closed.
@pytest.fixture(scope="package")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - depends on the environment
        _browser_unavailable(f"playwright is not installed: {exc}")
    playwright = sync_playwright().start()
    options: dict = {"args": list(CHROMIUM_FLAGS)}
    if Path(SYSTEM_CHROMIUM).exists():
        options["executable_path"] = SYSTEM_CHROMIUM
    try:
        chromium = playwright.chromium.launch(**options)
    except Exception as exc:  # noqa: BLE001 - any launch failure means "no browser here"
        playwright.stop()
        _browser_unavailable(f"Chromium could not start ({options.get('executable_path', 'Playwright build')}): {exc}")
    yield chromium
    chromium.close()
    playwright.stop()


# --------------------------------------------------------------------------- visiting a page

# Streamlit's frontend, opened on a page other than the root (e.g. /money), first looks for its
# server under that page's path and gets 404 for /money/_stcore/health and /money/_stcore/host-config,
# then finds it at the root. Known and harmless: https://github.com/streamlit/streamlit/issues/7074
_BASE_PATH_PROBE = re.compile(r"^https?://[^/]+/[^/?#]+/_stcore/(health|host-config)(\?.*)?$")

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)\b.*")

_READY_JS = """({charts, embed}) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return false;
  // A script error will not fix itself: stop waiting (the caller reports the box's text).
  if (app.dataset.testScriptState === 'notRunning' && document.querySelector('[data-testid="stException"]')) return 'exception';
  if (document.documentElement.dataset.tmHandover === 'timeout') return 'timeout';
  if (app.dataset.testScriptState !== 'notRunning' || app.dataset.testConnectionState !== 'CONNECTED') return false;
  if (document.querySelector('[data-testid="stStatusWidget"]') || document.querySelector('[data-stale="true"]')) return false;
  // The server's first screen gives way once the app has drawn the view (techmoney/content/html/first_paint.py).
  if (document.getElementById('tm-first-paint')) return false;
  // The app's stylesheet (st.html) is applied a moment after the first elements appear.
  if (![...document.querySelectorAll('style')].some(s => s.textContent.includes('.tm-prose'))) return false;
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main || (!embed && !main.querySelector('h1'))) return false;
  if (charts) {
    const boxes = main.querySelectorAll('[data-testid="stPlotlyChart"]');
    if (!boxes.length) return false;
    for (const box of boxes) if (!box.querySelector('.js-plotly-plot .main-svg')) return false;
  }
  return true;
}"""


# In every page a Visitor opens: where the first screen's title, first chart and elements are while it shows, and
# where the app's are the moment it goes (``window.__tmHandover``; tests/e2e/test_handover.py reads it).
HANDOVER_WATCH_JS = """(() => {
  const box = (root, selector) => {
    const element = root && root.querySelector(selector);
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return {x: r.left, y: r.top, right: r.right};
  };
  const CHART = {first: '.tm-fp-main .tm-fp-chart, .tm-fp-main .tm-fp-columns .tm-fp-notice',
                 app: '[data-testid="stPlotlyChart"], [data-testid="stColumn"] [data-testid="stAlert"]'};
  // The page's elements, after the language control; the app's last, its hand-over marker, has no height.
  const elements = {
    first: block => [...block.querySelector('.tm-fp-main').children].slice(1)
      .map(e => ({top: e.getBoundingClientRect().top, code: e.matches('pre') || !!e.querySelector('pre')})),
    app: main => [...main.querySelector('[data-testid="stVerticalBlock"]').children].slice(1)
      .filter(e => e.getBoundingClientRect().height > 0).map(e => ({top: e.getBoundingClientRect().top})),
  };
  window.__tmHandover = {before: null, after: null};
  const note = () => {
    const block = document.getElementById('tm-first-paint');
    if (block && block.querySelector('h1')) {
      window.__tmHandover.before = {title: box(block, 'h1'), chart: box(block, CHART.first), elements: elements.first(block)};
    }
    return block;
  };
  const watch = () => { if (note()) requestAnimationFrame(watch); };
  requestAnimationFrame(watch);
  new MutationObserver((records, observer) => {
    if (note() || !window.__tmHandover.before) return;
    const main = document.querySelector('[data-testid="stMain"]');
    window.__tmHandover.after = {title: box(main, 'h1'), chart: box(main, CHART.app), elements: elements.app(main)};
    observer.disconnect();
  }).observe(document, {childList: true, subtree: true});
})();"""


@dataclass
class Visit:
    page: object  # playwright Page
    server: AppServer
    log_offset: int  # the server log from here...
    log_end: int = 0  # ...to here (moved on by wait_ready) belongs to this visit
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    responses: list[tuple[int, str]] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    shots: set = field(default_factory=set)

    # Recording ---------------------------------------------------------------------------
    def attach(self) -> None:
        page = self.page
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("requestfailed", self._on_request_failed)
        page.on("response", self._on_response)
        page.on("dialog", self._on_dialog)

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        where = (message.location or {}).get("url", "")
        if _BASE_PATH_PROBE.match(where):
            return
        self.console_errors.append(f"{message.text} (at {where})")

    def _on_request_failed(self, request) -> None:
        self.failed_requests.append(f"{request.method} {request.url}: {request.failure}")

    def _on_response(self, response) -> None:
        self.responses.append((response.status, response.url))
        if response.status >= 400 and not _BASE_PATH_PROBE.match(response.url):
            self.bad_responses.append(f"{response.status} {response.url}")

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    # Waiting -----------------------------------------------------------------------------
    def wait_ready(self, *, charts: bool = False, embed: bool = False, timeout: int = READY_TIMEOUT) -> None:
        """Wait until the app's run is over, its stylesheet applied, and (if asked) every chart drawn."""
        page = self.page
        page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
        arg = {"charts": charts, "embed": embed}
        # A run can start right after another (the URL rewrite, a widget callback): ready twice in a row.
        for attempt in range(2):
            if attempt:
                page.wait_for_timeout(250)
            state = page.wait_for_function(_READY_JS, arg=arg, timeout=timeout, polling=100).json_value()
            if state == "exception":
                self.log_end = self.server.log_size()
                pytest.fail(
                    f"{page.url}: the app shows an exception box: {self.exception_boxes()}\n"
                    f"server log: {self.server_errors()[:5]}",
                    pytrace=False,
                )
            if state == "timeout":
                pytest.fail(
                    f"{page.url}: the first screen gave way to the app by its timeout, not on the app's "
                    f"marker: the app had not drawn every chart of the view ({self.handover()})",
                    pytrace=False,
                )
        page.evaluate("document.fonts.ready.then(() => true)")
        self.log_end = self.server.log_size()

    # Reading -----------------------------------------------------------------------------
    def handover(self) -> str | None:
        """How the server's first screen gave way: "app" (the app's marker), "timeout", or None (not yet, or
        no first screen)."""
        return self.page.evaluate("document.documentElement.dataset.tmHandover ?? null")

    def exception_boxes(self) -> list[str]:
        return self.page.locator('[data-testid="stException"]').all_inner_texts()

    def server_errors(self) -> list[str]:
        """Errors the server logged during this visit: each traceback's final line, and ERROR lines."""
        text = _ANSI.sub("", self.server.log_between(self.log_offset, max(self.log_end, self.log_offset)))
        return [
            line.strip()
            for line in text.splitlines()
            if _EXCEPTION_LINE.match(line.strip()) or re.search(r"\bERROR\b", line)
        ]

    def problems(self) -> list[str]:
        """Everything that went wrong on this visit, one line each (empty list = clean)."""
        found = [f"exception box: {text[:300]}" for text in self.exception_boxes()]
        found += [f"console error: {text}" for text in self.console_errors]
        found += [f"page error: {text}" for text in self.page_errors]
        found += [f"request failed: {text}" for text in self.failed_requests]
        found += [f"HTTP {text}" for text in self.bad_responses]
        found += [f"server log: {line}" for line in self.server_errors()]
        if self.handover() == "timeout":
            found.append("the first screen gave way to the app by its timeout")
        return found

    def screenshot(self, page_name: str, lang: str, kind: str) -> Path:
        """``test-artifacts/screenshots/<page>-<lang>-<desktop|phone>.png`` (once per visit and name)."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{page_name}-{lang}-{kind}.png"
        if path not in self.shots:
            self.page.screenshot(path=str(path))
            self.shots.add(path)
        return path

    def query(self) -> dict[str, list[str]]:
        from urllib.parse import parse_qs, urlsplit

        return parse_qs(urlsplit(self.page.url).query, keep_blank_values=True)

    def path(self) -> str:
        from urllib.parse import urlsplit

        return urlsplit(self.page.url).path


def new_context(browser, **options):
    """A browser context whose pages give the app the tests' longer hand-over wait (HANDOVER_WAIT_MS)."""
    context = browser.new_context(**options)
    context.add_init_script(f"window.tmHandoverWaitMs = {HANDOVER_WAIT_MS};")
    return context


class Visitor:
    """Opens URLs of the app. Each in a fresh browser context (an empty cache, as a reader opening a shared link for
    the first time), or with ``tabs``, as tabs of one context per window size that share its HTTP cache, as a
    reader's tabs do: Streamlit's bundle is then fetched and compiled once a size, not once a page. ``cache`` also
    keeps each visit for the next test that asks for the same URL and size (the page readers' shared visits).

    In a context of several tabs only the active one draws frames (requestAnimationFrame, Plotly's redraws), so a
    tab a test comes back to is brought to the front."""

    def __init__(self, browser, server: AppServer, *, tabs: bool = False, cache: bool = False) -> None:
        self.browser = browser
        self.server = server
        self.tabs = tabs or cache
        self.cache: dict | None = {} if cache else None
        self.by_size: dict = {}  # the contexts whose tabs are shared, by window size
        self.own: list = []  # the contexts of fresh visits, closed with the test's tabs

    def _context(self, viewport: dict, fresh: bool):
        size = (viewport["width"], viewport["height"])
        if self.tabs and not fresh and size in self.by_size:
            return self.by_size[size]
        context = new_context(self.browser, viewport=viewport, locale="en-US")
        context.set_default_timeout(30_000)
        context.add_init_script(HANDOVER_WATCH_JS)  # so any visit can tell how its first screen gave way
        if self.tabs and not fresh:
            self.by_size[size] = context
        else:
            self.own.append(context)
        return context

    def __call__(
        self,
        url: str,
        *,
        viewport: dict | None = None,
        charts: bool = False,
        embed: bool = False,
        ready: bool = True,
        fresh: bool = False,
    ) -> Visit:
        viewport = viewport or DESKTOP
        key = (url, viewport["width"], viewport["height"])
        if self.cache is not None and key in self.cache:
            self.cache[key].page.bring_to_front()
            return self.cache[key]
        page = self._context(viewport, fresh).new_page()
        result = Visit(page=page, server=self.server, log_offset=self.server.log_size())
        result.attach()
        page.goto(self.server.base_url + url, wait_until="domcontentloaded")
        if ready:
            result.wait_ready(charts=charts, embed=embed)
        if self.cache is not None:
            self.cache[key] = result
        return result

    def close_tabs(self) -> None:
        """Close the tabs opened so far (also those a page opened) and the fresh visits' contexts; the shared
        contexts stay for later tests."""
        for context in self.by_size.values():
            for page in context.pages:
                page.close()
        for context in self.own:
            context.close()
        self.own.clear()

    def close(self) -> None:
        self.close_tabs()
        for context in self.by_size.values():
            context.close()
        self.by_size.clear()


@pytest.fixture(scope="package")
def _tabs(browser, app_server: AppServer) -> Iterator[Visitor]:
    visitor = Visitor(browser, app_server, tabs=True)
    yield visitor
    visitor.close()


@pytest.fixture
def visit(_tabs: Visitor) -> Iterator[Visitor]:
    """``visit(url, viewport=DESKTOP, charts=False, embed=False, ready=True, fresh=False)`` -> Visit: a new tab of the
    window size's context (``fresh``: in a brand-new context), closed at the end of the test."""
    yield _tabs
    _tabs.close_tabs()


@pytest.fixture(scope="package")
def shared_visit(browser, app_server: AppServer) -> Iterator[Visitor]:
    """Like ``visit``, but every test of the run shares one visit per (URL, viewport): each page is loaded
    once in each language and size. Only for tests that read a page, or whose changes (an expander
    opened, the sidebar shown) later tests do not mind."""
    visitor = Visitor(browser, app_server, cache=True)
    yield visitor
    visitor.close()


# --------------------------------------------------------------------------- axe summary


@pytest.fixture(scope="session")
def axe_log() -> Iterator[list]:
    """(page, lang, violations) rows; summed up in the run's closing report (tests/conftest.py)."""
    rows: list = []
    yield rows
    if not rows:
        return
    lines, totals = [], {}
    for page_name, lang, violations in sorted(rows, key=lambda r: (r[0], r[1])):
        summary = ", ".join(f"{v['id']}/{v['impact']}×{v['count']}" for v in violations) or "none"
        lines.append(f"{page_name:9} {lang}: {summary}")
        for v in violations:
            key = (v["id"], v["impact"] or "?")
            totals[key] = totals.get(key, 0) + v["count"]
    lines.append("total: " + (", ".join(f"{k[0]}/{k[1]}×{n}" for k, n in sorted(totals.items())) or "no violations"))
    SECTIONS["axe-core violations (all impacts)"] = lines
