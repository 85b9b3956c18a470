"""A reader's first tap on a chart, on a throttled phone: when the app answers it, under each way of loading
the app (bench/vitals.py runs it beside Lighthouse).

Lighthouse does not touch the page, so it cannot say what loading the app on the reader's intent costs the
reader who does. Here a Playwright visit on a Moto G Power screen with touch, throttled as Lighthouse's
DevTools throttling throttles a phone (slow 4G: 562.5 ms per request, 1,474.56 kb/s down, 675 kb/s up; 4x
CPU slowdown), opens the page and, ``tap_at_ms`` after the navigation began, taps the first chart's first
bar; it taps again every half second until the chart answers (Plotly's hover label), as a reader would.

Each visit reports:

* **app answers**: when the app took over from the first screen (``<html data-tm-handover="app">``), from
  the navigation, or, for the app loaded on intent, from the tap that asked for it;
* **first-tap delay**: the Event Timing API's first input: from the tap until its handlers ran (the main
  thread's backlog), and its duration until the next paint;
* **tap answered**: from the first tap until the chart showed its hover label;
* **blocked**: the main thread's blocking time (each long task's time past 50 ms) from the navigation until
  the chart answered: the part of TBT the reader who taps sits through.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import TimeoutError as PlaywrightTimeout

# Lighthouse 12's mobile preset, as its DevTools throttling applies it (constants.throttling.mobileSlow4G).
LATENCY_MS = 150 * 3.75
DOWN_KBPS = 1638.4 * 0.9
UP_KBPS = 750 * 0.9
CPU_SLOWDOWN = 4
SCREEN = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
RETAP_MS = 500
ANSWER_TIMEOUT_MS = 90_000

# Installed before the page's scripts: the first input, long tasks and the hand-over, each at performance.now().
OBSERVE_JS = """window.__tm = {firstInput: null, longTasks: [], handover: null};
new PerformanceObserver(list => { for (const e of list.getEntries()) if (!window.__tm.firstInput)
  window.__tm.firstInput = {start: e.startTime, delay: e.processingStart - e.startTime, duration: e.duration}; })
  .observe({type: "first-input", buffered: true});
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__tm.longTasks.push([e.startTime, e.duration]); })
  .observe({type: "longtask", buffered: true});
new MutationObserver(() => { if (!window.__tm.handover && document.documentElement.dataset.tmHandover)
  window.__tm.handover = {how: document.documentElement.dataset.tmHandover, at: performance.now()}; })
  .observe(document, {attributes: true, subtree: true, attributeFilter: ["data-tm-handover"]});"""

# The first chart (the app's, else the first screen's image in the same box), scrolled into view as a reader
# would (the first screen scrolls the window, the app its own main element): its box in the viewport and, once
# the app has drawn it, its first bar (or marker) relative to that box.
CHART_JS = """() => {
  const plot = document.querySelector('[data-testid="stPlotlyChart"]');
  const chart = plot || document.querySelector('#tm-first-paint .tm-fp-chart');
  if (!chart) return null;
  let box = chart.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight) { chart.scrollIntoView({block: "center"}); box = chart.getBoundingClientRect(); }
  const mark = plot && plot.querySelector('.point path, .scatterlayer .point');
  const r = mark && mark.getBoundingClientRect();
  return {top: box.top, left: box.left, mark: r ? [r.left + r.width / 2 - box.left, r.top + r.height / 2 - box.top] : null};
}"""
ANSWERED_JS = "() => !!document.querySelector('[data-testid=\"stPlotlyChart\"] .hoverlayer .hovertext')"


@dataclass
class TapVisit:
    app_answers_ms: float | None = None
    first_tap_delay_ms: float | None = None
    first_tap_duration_ms: float | None = None
    tap_answered_ms: float | None = None
    blocked_ms: float | None = None
    handover: str | None = None  # what ended the hand-over: "app", or "timeout" (the app came too late to answer)
    failure: str | None = None


@dataclass
class TapRow:
    loading: str  # "load" (shipped) or "intent"
    target: str
    tap_at_ms: int
    visits: list[TapVisit] = field(default_factory=list)

    def median(self, name: str) -> float:
        values = [getattr(v, name) for v in self.visits if getattr(v, name) is not None]
        return statistics.median(values) if values else float("nan")

    @property
    def failures(self) -> list[str]:
        return [v.failure for v in self.visits if v.failure]

    @property
    def timeouts(self) -> int:
        return sum(v.handover == "timeout" for v in self.visits)


def mark_offset(browser: Any, url: str) -> tuple[float, float]:
    """Where the first chart's first bar sits in its box, read from the app unthrottled (the first screen's
    image draws the same figure in the same box)."""
    context = browser.new_context(**SCREEN)
    try:
        tab = context.new_page()
        tab.goto(url, wait_until="load", timeout=60_000)
        tab.wait_for_function("() => document.documentElement.dataset.tmHandover", timeout=ANSWER_TIMEOUT_MS)
        tab.wait_for_function(f"() => ({CHART_JS})().mark", timeout=30_000)
        return tuple(tab.evaluate(CHART_JS)["mark"])  # type: ignore[return-value]
    finally:
        context.close()


def _throttle(context: Any, tab: Any) -> None:
    cdp = context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": LATENCY_MS,
            "downloadThroughput": DOWN_KBPS * 1024 / 8,
            "uploadThroughput": UP_KBPS * 1024 / 8,
        },
    )
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})


def tap_visit(browser: Any, url: str, offset: tuple[float, float], tap_at_ms: int, loading: str) -> TapVisit:
    result = TapVisit()
    context = browser.new_context(**SCREEN)
    try:
        tab = context.new_page()
        tab.add_init_script(OBSERVE_JS)
        _throttle(context, tab)
        tab.goto(url, wait_until="domcontentloaded", timeout=120_000)
        tab.wait_for_function(f"() => performance.now() >= {tap_at_ms}", timeout=tap_at_ms + 120_000, polling=50)
        started = tab.evaluate("performance.now()")
        first_tap = answered = None
        while tab.evaluate("performance.now()") - (first_tap or started) < ANSWER_TIMEOUT_MS:
            chart = tab.evaluate(CHART_JS)  # aimed afresh each time: the app replaces the first screen in between
            if chart is not None:
                first_tap = first_tap if first_tap is not None else tab.evaluate("performance.now()")
                tab.touchscreen.tap(chart["left"] + offset[0], chart["top"] + offset[1])
            try:
                tab.wait_for_function(ANSWERED_JS, timeout=RETAP_MS, polling=50)
                answered = tab.evaluate("performance.now()")
                break
            except PlaywrightTimeout:  # not yet: the reader taps again
                continue
        seen = tab.evaluate("window.__tm")
        intent_at = tab.evaluate("window.tmIntentAt ?? null")
    except Exception as err:  # noqa: BLE001 - a visit that fails is reported, not fatal
        result.failure = f"{type(err).__name__}: {str(err)[:160]}"
        return result
    finally:
        context.close()
    if answered is None:
        result.failure = f"the chart did not answer within {ANSWER_TIMEOUT_MS / 1000:.0f} s"
        return result
    result.tap_answered_ms = answered - first_tap
    handover = seen.get("handover") or {}
    result.handover = handover.get("how")
    if handover.get("how") == "app":
        since = intent_at if loading == "intent" and intent_at is not None else 0.0
        result.app_answers_ms = handover["at"] - since
    if seen.get("firstInput"):
        result.first_tap_delay_ms = seen["firstInput"]["delay"]
        result.first_tap_duration_ms = seen["firstInput"]["duration"]
    result.blocked_ms = sum(
        max(0.0, duration - 50) for start, duration in seen.get("longTasks", []) if start < answered
    )
    return result


def measure_taps(
    browser: Any,
    urls: dict[str, dict[str, str]],
    tap_moments: Sequence[int],
    runs: int,
    log=lambda message: None,
    each_round=lambda rows: None,
) -> list[TapRow]:
    """``urls``: loading -> target -> its URL on the server that loads the app that way; ``each_round(rows)``
    after each round of visits."""
    rows = [TapRow(loading, target, moment) for moment in tap_moments for loading in urls for target in urls[loading]]
    offsets = {target: mark_offset(browser, url) for target, url in next(iter(urls.values())).items()}
    for number in range(runs):  # rows take turns, so a busy minute spreads over all of them
        for row in rows:
            log(f"taps {number + 1}/{runs}: {row.loading} {row.target} at {row.tap_at_ms} ms")
            row.visits.append(
                tap_visit(browser, urls[row.loading][row.target], offsets[row.target], row.tap_at_ms, row.loading)
            )
        each_round(rows)
    return rows
