"""A reader's first visit, in headless Chromium: when the page's content appears, and how many bytes
the visit transferred, by resource type.

Each visit uses a fresh browser context (empty cache, no cookies), as a reader opening a shared link
for the first time. Bytes are what Chromium received on the wire: for HTTP, headers plus the encoded
(possibly compressed) body of every finished request (Playwright's `request.sizes()`, from Chromium's
`encodedDataLength`); for the websocket, the payload of every frame received.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Playwright starts Chromium with a --disable-features list of its own, and Chromium keeps only the last
# --disable-features it is given: ours repeats Playwright's (playwright-core's chromiumSwitches.ts;
# tests/harness/test_browser.py holds it to the installed Playwright's) and adds the address bar's popups, which
# headless Chromium otherwise builds for every window as web pages in a renderer of their own: about 0.8
# core-seconds a page load, a fifth of what Chromium spends on one of our pages.
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
)
ADDRESS_BAR_POPUPS = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + ADDRESS_BAR_POPUPS),
)
# performance.now() (ms since navigation start) once `selector` matches an element with a size.
PAINTED_AT = """(selector) => {
    const element = document.querySelector(selector);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return (box.width > 0 && box.height > 0) ? performance.now() : false;
}"""
# Playwright's resource types, grouped as the report shows them; anything else is "other".
RESOURCE_GROUPS = {
    "document": "document",
    "script": "script",
    "stylesheet": "stylesheet",
    "font": "font",
    "image": "image",
    "fetch": "fetch/xhr",
    "xhr": "fetch/xhr",
    "websocket": "websocket",
}


@dataclass
class Visit:
    paint_ms: float | None = None
    bytes_by_type: Counter[str] = field(default_factory=Counter)
    failure: str | None = None

    @property
    def total_bytes(self) -> int:
        return sum(self.bytes_by_type.values())


@dataclass
class VisitSeries:
    """Every first visit to one target. `selector` is what "painted" waits for."""

    target: str
    selector: str
    visits: list[Visit] = field(default_factory=list)

    @property
    def paint_ms(self) -> list[float]:
        return [v.paint_ms for v in self.visits if v.paint_ms is not None]

    @property
    def paint_median_ms(self) -> float:
        times = self.paint_ms
        return statistics.median(times) if times else float("nan")

    @property
    def typical(self) -> Visit | None:
        """The visit with the median total of bytes (they barely differ)."""
        measured = sorted((v for v in self.visits if v.failure is None), key=lambda v: v.total_bytes)
        return measured[len(measured) // 2] if measured else None

    @property
    def failures(self) -> list[str]:
        return [v.failure for v in self.visits if v.failure]


@contextmanager
def chromium(executable: str) -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=list(CHROMIUM_FLAGS))
        try:
            yield browser
        finally:
            browser.close()


def visit(browser: Any, url: str, selector: str, timeout_s: float, screenshot: Path | None = None) -> Visit:
    """Open `url` in a fresh context; wait until `selector` is painted, then until no request has
    been in flight for half a second (fonts and lazy chunks may still come after the paint)."""
    from playwright.sync_api import Error as PlaywrightError

    result = Visit()
    finished: list[Any] = []
    in_flight: set[Any] = set()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        tab = context.new_page()
        tab.on("request", lambda request: in_flight.add(request))
        tab.on("requestfinished", lambda request: (in_flight.discard(request), finished.append(request)))
        tab.on("requestfailed", lambda request: in_flight.discard(request))
        tab.on("websocket", lambda ws: ws.on("framereceived", lambda payload: _count_frame(result, payload)))
        try:
            tab.goto(url, wait_until="commit", timeout=timeout_s * 1000)
            painted = tab.wait_for_function(PAINTED_AT, arg=selector, polling="raf", timeout=timeout_s * 1000)
            result.paint_ms = float(painted.json_value())
            _wait_until_quiet(tab, in_flight, timeout_s)
        except PlaywrightError as exc:
            result.failure = _describe_failure(tab, exc, selector, screenshot)
        for request in finished:
            sizes = request.sizes()
            group = RESOURCE_GROUPS.get(request.resource_type, "other")
            result.bytes_by_type[group] += sizes["responseHeadersSize"] + sizes["responseBodySize"]
    finally:
        context.close()
    return result


def _wait_until_quiet(tab: Any, in_flight: set[Any], timeout_s: float, quiet_ms: int = 500) -> None:
    quiet, waited = 0, 0
    while quiet < quiet_ms and waited < timeout_s * 1000:
        tab.wait_for_timeout(100)
        waited += 100
        quiet = 0 if in_flight else quiet + 100


def _count_frame(result: Visit, payload: str | bytes) -> None:
    result.bytes_by_type["websocket"] += len(payload)


def _describe_failure(tab: Any, exc: Exception, selector: str, screenshot: Path | None) -> str:
    """What the page showed when the wait gave up; a screenshot next to the report if asked."""
    text = str(exc).splitlines()[0][:100]
    try:
        state = tab.evaluate(
            """(selector) => ({
                targets: document.querySelectorAll(selector).length,
                exceptions: document.querySelectorAll('[data-testid="stException"]').length,
                h1: (document.querySelector('h1') || {}).textContent || '',
            })""",
            selector,
        )
        text += (
            f" (page had {state['targets']} `{selector}`, {state['exceptions']} exception(s), h1 {state['h1'][:40]!r})"
        )
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(screenshot), full_page=True)
            text += f"; screenshot {screenshot.name}"
    except Exception as diag_exc:  # noqa: BLE001 - diagnostics must not hide the original failure
        text += f" (no diagnostics: {type(diag_exc).__name__})"
    return text
