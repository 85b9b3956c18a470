"""Core Web Vitals of a first visit on a phone: every page in both languages and one embed, beside the peer
(a default-config Streamlit app with a title and one Plotly chart, bench/peer_app.py) and the floor (a static
page with the same title and chart, plotly.min.js deferred, gzip-compressed).

    python -m bench.vitals                  # every target, 3 Lighthouse runs each (~45 min on 2 busy cores)
    python -m bench.vitals --runs 1 --targets /,/money?lang=en,peer,floor
    python -m bench.vitals --before ../tm-before    # + rows "before:/..." from another checkout of the app

Lighthouse 12 from npm (package.json; `npm ci`), its default mobile preset (simulated slow 4G, 4x CPU
slowdown, Moto G Power screen), headless Debian Chromium. Each metric is the median of the runs. "Bytes to
first paint": what the browser had received, compressed as sent, when it first painted (Lighthouse's
network requests that ended before its observed, unthrottled first paint); "Streamlit JS": the main-thread
time Lighthouse's bootup-time gives Streamlit's bundle (static/js/), the part of TBT Streamlit's own code
costs. The LCP element is read in a separate Playwright visit at the same screen size (a
PerformanceObserver's last largest-contentful-paint entry): Lighthouse 12.2.3's element audits fail on
Debian's Chromium traces ("Cannot read properties of undefined (reading 'frame_sequence')").

Not a timed test: run it on a quiet machine, and say when and under what load it ran (the report does).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import plotly

from harness.browser import chromium
from harness.servers import HOST, ROOT, StreamlitServer, default_config_server, free_port, running, temp_dir

CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
PEER_APP = Path(__file__).resolve().parent / "peer_app.py"
DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "vitals.md"
PAGES = ("/", "/money", "/donors", "/timeline", "/sources")
EMBED = "/?embed=true&chart=flows"
# web.dev's "good" thresholds, and issue 22's bytes before the first paint
TARGETS = {"lcp": 2500, "fcp": 1800, "cls": 0.1, "first_paint_bytes": 100_000}


def default_targets() -> list[str]:
    pages = [path + ("?lang=en" if lang == "en" else "") for path in PAGES for lang in ("ar", "en")]
    return [*pages, EMBED, EMBED.replace("?", "?lang=en&"), "peer", "floor"]


@dataclass
class Run:
    lcp: float
    fcp: float
    cls: float
    tbt: float
    speed_index: float
    total_bytes: int
    first_paint_bytes: int
    streamlit_js_ms: float


@dataclass
class Row:
    target: str
    runs: list[Run] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    lcp_element: str = ""

    def median(self, name: str) -> float:
        values = [getattr(run, name) for run in self.runs]
        return statistics.median(values) if values else float("nan")


def read_report(report: dict) -> Run:
    audits = report["audits"]
    value = lambda name: float(audits[name].get("numericValue") or 0)  # noqa: E731
    painted = float(audits["metrics"]["details"]["items"][0]["observedFirstContentfulPaint"])
    requests = audits["network-requests"]["details"]["items"]
    bootup = audits.get("bootup-time", {}).get("details", {}).get("items", [])
    return Run(
        lcp=value("largest-contentful-paint"), fcp=value("first-contentful-paint"),
        cls=value("cumulative-layout-shift"), tbt=value("total-blocking-time"), speed_index=value("speed-index"),
        total_bytes=int(value("total-byte-weight")),
        first_paint_bytes=sum(int(item.get("transferSize", 0)) for item in requests
                              if float(item.get("networkEndTime", float("inf"))) <= painted),
        streamlit_js_ms=sum(float(item.get("scripting", 0)) for item in bootup if "/static/js/" in str(item.get("url"))),
    )


# Installed before the page's own scripts; each entry's element is described when the entry comes (the
# server's first screen is gone by the end of the visit).
LCP_OBSERVER_JS = """window.__lcp = "";
new PerformanceObserver(list => {
    const all = list.getEntries(), e = all[all.length - 1].element;
    if (!e) return;
    const name = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
        + (typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().split(/\\s+/)[0] : "");
    const where = e.closest("#tm-first-paint") ? " (server's first screen)" : "";
    window.__lcp = name + where + ": " + (e.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 30);
}).observe({type: "largest-contentful-paint", buffered: true});"""


def lcp_element(browser, url: str, settle_ms: int = 10_000) -> str:
    """The page's largest contentful paint element once the page has settled (the app drawn)."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True)
    try:
        tab = context.new_page()
        tab.add_init_script(LCP_OBSERVER_JS)
        tab.goto(url, wait_until="load", timeout=60_000)
        tab.wait_for_timeout(settle_ms)
        return str(tab.evaluate("window.__lcp"))
    finally:
        context.close()


def lighthouse(url: str, out: Path, timeout_s: float) -> dict:
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    argv = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
            "--only-categories=performance", f"--chrome-flags={CHROME_FLAGS}", "--max-wait-for-load=60000"]
    subprocess.run(argv, env=env, check=True, timeout=timeout_s, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------- the floor: a static page

def floor_page() -> bytes:
    from bench.peer_app import FIGURE, TITLE

    figure = FIGURE.to_json()
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{TITLE}</title>
<script defer src="plotly.min.js"></script>
<style>body {{ font-family: sans-serif; margin: 0; padding: 6rem 1rem; }} #chart {{ height: 400px; }}</style></head>
<body><h1>{TITLE}</h1><div id="chart"></div>
<script>addEventListener("DOMContentLoaded", () => {{ const f = {figure}; Plotly.newPlot("chart", f.data, f.layout); }});</script>
</body></html>""".encode()


def serve_floor() -> tuple[ThreadingHTTPServer, int]:
    files = {"/": (floor_page(), "text/html; charset=utf-8"),
             "/plotly.min.js": ((Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_bytes(),
                                "text/javascript")}
    compressed = {path: (gzip.compress(body, 9), kind) for path, (body, kind) in files.items()}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            found = compressed.get(self.path.split("?")[0])
            if found is None:
                self.send_error(404)
                return
            body, kind = found
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    port = free_port()
    server = ThreadingHTTPServer((HOST, port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, port


# ------------------------------------------------------------------------------- the run

BEFORE = "before:"  # a target on the app of --before


def measure(targets: Sequence[str], runs: int, timeout_s: float, before: Path | None = None,
            before_targets: Sequence[str] = (), each_round: Callable[[list[Row], int], None] = lambda rows, n: None
            ) -> list[Row]:
    """Every target ``runs`` times, taking turns; ``each_round(rows, rounds done)`` after each round (the
    report so far, should the run be cut short)."""
    with temp_dir("tm-vitals-") as tmp:
        app = StreamlitServer("serve.py", tmp, name="app")
        peer = default_config_server(PEER_APP, tmp, name="peer")
        servers = [app, peer]
        if before is not None:
            servers.append(StreamlitServer("serve.py", tmp, name="before", cwd=before))
            targets = [*targets, *(BEFORE + target for target in before_targets)]
        floor, floor_port = serve_floor()
        try:
            with running(servers):
                urls = {"peer": f"http://{HOST}:{peer.port}/", "floor": f"http://{HOST}:{floor_port}/"}
                if before is not None:
                    urls.update({target: f"http://{HOST}:{servers[2].port}{target.removeprefix(BEFORE)}"
                                 for target in targets if target.startswith(BEFORE)})
                rows = [Row(target) for target in targets]
                for number in range(runs):  # targets take turns, so a busy minute spreads over all of them
                    for row in rows:
                        url = urls.get(row.target, f"http://{HOST}:{app.port}{row.target}")
                        out = tmp / f"lh-{number}.json"
                        print(f"run {number + 1}/{runs}: {row.target}", file=sys.stderr, flush=True)
                        try:
                            row.runs.append(read_report(lighthouse(url, out, timeout_s)))
                        except (subprocess.SubprocessError, OSError, KeyError, ValueError) as err:
                            row.failures.append(f"{type(err).__name__}: {str(err)[:200]}")
                    each_round(rows, number + 1)
                with chromium(CHROMIUM) as browser:
                    for row in rows:
                        row.lcp_element = lcp_element(browser, urls.get(row.target, f"http://{HOST}:{app.port}{row.target}"))
                return rows
        finally:
            floor.shutdown()


def _verdict(row: Row) -> str:
    misses = [name for name, limit in TARGETS.items() if not row.median(name) <= limit]
    return "meets" if not misses else "misses " + ", ".join(misses)


def render(rows: Sequence[Row], runs: int, load: str) -> str:
    lines = [f"Lighthouse 12.2.3, mobile preset, median of {runs} run(s) per target; {load}.", "",
             "| target | LCP (s) | FCP (s) | CLS | TBT (ms) | Streamlit JS (ms) | Speed Index (s) | bytes to first paint (kB) "
             "| bytes (kB) | LCP element | targets |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|"]
    for row in rows:
        if not row.runs:
            lines.append(f"| `{row.target}` | failed: {'; '.join(row.failures)[:120]} |||||||||| ")
            continue
        element = row.lcp_element.replace("|", "/").replace("`", "'")
        lines.append(
            f"| `{row.target}` | {row.median('lcp') / 1000:.1f} | {row.median('fcp') / 1000:.1f} | {row.median('cls'):.2f} "
            f"| {row.median('tbt'):.0f} | {row.median('streamlit_js_ms'):.0f} | {row.median('speed_index') / 1000:.1f} "
            f"| {row.median('first_paint_bytes') / 1000:.0f} | {row.median('total_bytes') / 1000:.0f} | {element} "
            f"| {_verdict(row)} |")
    return "\n".join(lines) + "\n"


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {one:.1f} (1 min) {five:.1f} (5 min) on {os.cpu_count()} cores"


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.vitals", description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", type=int, default=3, help="Lighthouse runs per target (default 3; the median is reported)")
    p.add_argument("--targets", default=",".join(default_targets()),
                   help="comma-separated: app paths with their query, 'peer', 'floor' (default: all)")
    p.add_argument("--timeout", type=float, default=180.0, help="seconds: one Lighthouse run")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT)
    p.add_argument("--before", type=Path, help="another checkout of the project: its app's pages measured too")
    p.add_argument("--before-targets", default=f"/,/money,{EMBED}", help="its pages measured (default: /, /money, an embed)")
    args = p.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run `npm ci` first", file=sys.stderr)
        return 2
    load_before = _load()
    args.out.parent.mkdir(parents=True, exist_ok=True)

    def write(rows: list[Row], rounds: int) -> str:
        report = render(rows, rounds, f"started {load_before}; ended {_load()}")
        args.out.write_text(report, encoding="utf-8")
        return report

    before_targets = args.before_targets.split(",") if args.before_targets else []
    rows = measure(args.targets.split(","), args.runs, args.timeout, args.before, before_targets, write)
    print(write(rows, args.runs))
    return 0 if all(row.runs for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
