"""Benchmark the app against an empty Streamlit app.

    python -m bench.run                              # = make bench
    python -m bench.run --sessions 1,10 --reruns 3   # quicker
    python -m bench.run --replicas --paint           # + 2 replicas behind nginx, + first paint

See bench/README.md for what each column means.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from bench.protocol import PageInfo, SessionResult, run_session
from bench.servers import HOST, ROOT, StreamlitServer, find_nginx, replicas_behind_nginx, temp_dir

EMPTY_APP = Path(__file__).resolve().parent / "empty_app.py"
DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "latest.md"
# Used only when the app does not announce its pages (no st.navigation message).
FALLBACK_PAGES = ("", "money", "donors", "timeline", "sources")
EMPTY = "empty app"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil without floats drifting
    return ordered[int(rank) - 1]


# -- measurements -------------------------------------------------------------------------------


@dataclass
class Cell:
    """All sessions of one target (a page of the app, or the empty app) at one concurrency.
    The empty app's cell pools every interleaved measurement at that concurrency."""

    target: str
    sessions: int
    results: list[SessionResult] = field(default_factory=list)
    wall_s: float = 0.0  # summed over the measurements pooled into this cell
    selector: str = ""

    def add(self, results: list[SessionResult], wall_s: float) -> None:
        self.results.extend(results)
        self.wall_s += wall_s

    @property
    def latencies_ms(self) -> list[float]:
        return [r.latency_s * 1000 for s in self.results for r in s.reruns]

    @property
    def reruns(self) -> int:
        return sum(len(s.reruns) for s in self.results)

    @property
    def median_ms(self) -> float:
        lat = self.latencies_ms
        return statistics.median(lat) if lat else float("nan")

    @property
    def p95_ms(self) -> float:
        return percentile(self.latencies_ms, 95)

    @property
    def rps(self) -> float:
        return self.reruns / self.wall_s if self.wall_s > 0 else float("nan")

    @property
    def kb_per_rerun(self) -> float:
        sizes = [r.bytes for s in self.results for r in s.reruns]
        return statistics.fmean(sizes) / 1024 if sizes else float("nan")

    @property
    def kb_first(self) -> float:
        sizes = [s.reruns[0].bytes for s in self.results if s.reruns]
        return statistics.fmean(sizes) / 1024 if sizes else float("nan")

    @property
    def errors(self) -> int:
        return sum(1 for s in self.results if s.error)

    @property
    def exceptions(self) -> int:
        return sum(1 for s in self.results for r in s.reruns if r.exceptions)

    @property
    def element_types(self) -> set[str]:
        return {t for s in self.results for r in s.reruns for t in r.element_types}

    def error_samples(self) -> list[str]:
        return sorted({s.error for s in self.results if s.error})[:3]


@dataclass
class LoadRun:
    results: list[SessionResult]
    wall_s: float
    rss_connected_kb: int | None = None


def load(
    port: int,
    pages: Sequence[str],
    sessions: int,
    reruns: int,
    *,
    timeout: float,
    budget_s: float,
    rss: Callable[[], int | None] | None = None,
    client_prefix: str = "c",
    query: str = "",
) -> LoadRun:
    """`sessions` concurrent websockets (threads), session i on pages[i % len(pages)], each doing
    `reruns` reruns. Wall time runs from the common start to the last session's last rerun.
    With `rss`, all sessions stay connected after their reruns until the server's RSS is read."""
    go = threading.Event()
    hold = threading.Event() if rss is not None else None
    remaining = [sessions]
    finished_at = [0.0]
    lock = threading.Lock()
    all_done = threading.Event()

    def done() -> None:
        with lock:
            remaining[0] -= 1
            if remaining[0] == 0:
                finished_at[0] = time.perf_counter()
                all_done.set()

    def one(i: int) -> SessionResult:
        go.wait(30)
        return run_session(
            HOST,
            port,
            page=pages[i % len(pages)],
            query_string=query,
            reruns=reruns,
            client_id=f"{client_prefix}{i}",
            timeout=timeout,
            deadline=time.monotonic() + budget_s,
            hold=hold,
            hold_timeout=budget_s,
            on_done=done,
        )

    with ThreadPoolExecutor(max_workers=sessions, thread_name_prefix="bench") as pool:
        futures = [pool.submit(one, i) for i in range(sessions)]
        time.sleep(0.05)  # let the threads reach the start line
        start = time.perf_counter()
        go.set()
        all_done.wait(budget_s + timeout + 10)
        wall = (finished_at[0] or time.perf_counter()) - start
        connected = None
        if rss is not None:
            time.sleep(0.3)  # let the server settle (session bookkeeping after the last run)
            connected = rss()
            assert hold is not None
            hold.set()
        results = [f.result(timeout=budget_s + timeout + 30) for f in futures]
    return LoadRun(results, wall, connected)


# -- the benchmark ------------------------------------------------------------------------------


@dataclass
class Memory:
    name: str
    idle_kb: int | None = None
    connected_kb: int | None = None  # max over the runs at the highest concurrency
    after_kb: int | None = None
    sessions: int = 0


@dataclass
class ReplicaRow:
    setup: str
    cell: Cell
    split: str
    rss: str


@dataclass
class PaintRow:
    target: str
    selector: str
    times_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times_ms) if self.times_ms else float("nan")


@dataclass
class Report:
    args: argparse.Namespace
    app: str | None
    pages: list[PageInfo] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    memory: list[Memory] = field(default_factory=list)
    replicas: list[ReplicaRow] = field(default_factory=list)
    paint: list[PaintRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def cell(self, target: str, sessions: int) -> Cell | None:
        return next((c for c in self.cells if c.target == target and c.sessions == sessions), None)


def page_label(url: str) -> str:
    return "/" + url


def warm_up(port: int, pages: Sequence[str], timeout: float, query: str = "") -> tuple[list[PageInfo], list[str]]:
    """One session per page, one rerun each: fills st.cache_data and imports, learns the pages."""
    announced: list[PageInfo] = []
    problems = []
    for page in pages:
        res = run_session(HOST, port, page=page, query_string=query, reruns=1, client_id="warmup", timeout=timeout)
        if res.error:
            problems.append(f"warm-up of {page_label(page)} failed: {res.error}")
        announced = announced or res.pages
    return announced, problems


def run_benchmark(args: argparse.Namespace) -> Report:
    app_path = Path(args.app)
    if not app_path.is_absolute():
        app_path = ROOT / app_path
    report = Report(args=args, app=str(args.app) if app_path.exists() else None)
    if report.app is None:
        report.notes.append(f"{args.app} not found: only the empty app was measured.")
    levels = sorted(set(args.sessions))
    top = levels[-1]
    deadline = report.started + args.max_minutes * 60

    with temp_dir() as tmp:
        empty = StreamlitServer(EMPTY_APP, tmp, name="empty app")
        app = StreamlitServer(app_path, tmp, name="app") if report.app else None
        try:
            log(f"starting the empty app{' and the app' if app else ''} ...")
            empty.start()
            if app is not None:
                app.start()

            # Warm-up: every page once, then idle RSS.
            warm_up(empty.port, [""], args.timeout)
            pages: list[str] = []
            if app is not None:
                announced, problems = warm_up(app.port, [""], args.timeout, args.query)
                report.pages = announced
                if args.pages is not None:
                    pages = args.pages
                elif announced:
                    pages = [p.url_pathname for p in announced]
                else:
                    pages = list(FALLBACK_PAGES)
                    report.notes.append("The app announced no pages (no st.navigation): used FALLBACK_PAGES.")
                _, problems2 = warm_up(app.port, pages, args.timeout, args.query)
                report.notes.extend(problems + problems2)
            time.sleep(1.0)
            mem_empty = Memory(EMPTY, idle_kb=empty.rss_kb(), sessions=top)
            mem_app = Memory("app", idle_kb=app.rss_kb(), sessions=top) if app else None

            # Load: at each concurrency, alternate empty app / page so drift hits both alike.
            for n in levels:
                empty_cell = Cell(EMPTY, n, selector="h1")
                report.cells.append(empty_cell)
                rounds = pages if app is not None else [None]
                for page in rounds:
                    if time.monotonic() > deadline:
                        report.notes.append(f"Time budget ({args.max_minutes} min) spent: skipped the rest at {n} sessions.")
                        break
                    budget = max(30.0, min(args.cell_budget, deadline - time.monotonic()))
                    watch = n == top
                    run = load(
                        empty.port, [""], n, args.reruns, timeout=args.timeout, budget_s=budget, query=args.query,
                        rss=empty.rss_kb if watch else None,
                    )  # fmt: skip
                    empty_cell.add(run.results, run.wall_s)
                    if watch and run.rss_connected_kb:
                        mem_empty.connected_kb = max(mem_empty.connected_kb or 0, run.rss_connected_kb)
                    if page is None or app is None:
                        continue
                    target = page_label(page)
                    cell = report.cell(target, n) or Cell(target, n)
                    if cell not in report.cells:
                        report.cells.append(cell)
                    run = load(
                        app.port, [page], n, args.reruns, timeout=args.timeout, budget_s=budget, query=args.query,
                        rss=app.rss_kb if watch else None,
                    )  # fmt: skip
                    cell.add(run.results, run.wall_s)
                    assert mem_app is not None
                    if watch and run.rss_connected_kb:
                        mem_app.connected_kb = max(mem_app.connected_kb or 0, run.rss_connected_kb)
                    log(f"  {n:>3} sessions  {target:<12} median {cell.median_ms:7.1f} ms  (empty {empty_cell.median_ms:.1f} ms)")
                if app is None:
                    log(f"  {n:>3} sessions  empty app median {empty_cell.median_ms:7.1f} ms")
            time.sleep(1.0)
            mem_empty.after_kb = empty.rss_kb()
            report.memory.append(mem_empty)
            if app is not None and mem_app is not None:
                mem_app.after_kb = app.rss_kb()
                report.memory.insert(0, mem_app)
                for c in report.cells:
                    c.selector = "h1" if c.target == EMPTY else (".js-plotly-plot" if "plotly_chart" in c.element_types else "h1")

            if args.paint:
                paint(report, app, empty, pages)
        finally:
            for server in (app, empty):
                if server is not None:
                    server.stop()
        if args.replicas and report.app:
            replicas(report, app_path, pages, tmp)
        elif args.replicas:
            report.notes.append("Replicas mode needs the app: skipped.")
    return report


def replicas(report: Report, app_path: Path, pages: Sequence[str], tmp: Path) -> None:
    """The same mixed load (session i on page i % pages) through nginx: 1 replica, then 2."""
    args = report.args
    if find_nginx() is None:
        report.notes.append("Replicas mode: nginx not found, skipped.")
        return
    n = args.replica_sessions
    for count in (1, 2):
        if time.monotonic() > report.started + args.max_minutes * 60:
            report.notes.append("Replicas mode: time budget spent, skipped.")
            return
        sub = tmp / f"replicas{count}"
        sub.mkdir()
        log(f"replicas mode: {count} replica(s) behind nginx, {n} sessions ...")
        with replicas_behind_nginx(app_path, sub, n=count) as (proxy, servers):
            for server in servers:
                warm_up(server.port, list(pages), args.timeout, args.query)
            run = load(
                proxy.port, list(pages), n, args.reruns, timeout=args.timeout,
                budget_s=args.cell_budget, client_prefix=f"r{count}-", query=args.query,
            )  # fmt: skip
            cell = Cell(f"{count} replica{'s' if count > 1 else ''}", n)
            cell.add(run.results, run.wall_s)
            by_port = {f"{HOST}:{s.port}": f"replica {i + 1}" for i, s in enumerate(servers)}
            split = Counter(by_port.get(r.upstream or "", r.upstream or "?") for r in run.results)
            split_txt = " / ".join(f"{split.get(name, 0)}" for name in by_port.values())
            if set(split) - set(by_port.values()):
                split_txt += f" (+{sum(v for k, v in split.items() if k not in by_port.values())} unknown)"
            rss = " + ".join(_mb(s.rss_kb()) for s in servers)
            report.replicas.append(ReplicaRow(f"{count} × app behind nginx", cell, split_txt, rss))


def paint(report: Report, app: StreamlitServer | None, empty: StreamlitServer, pages: Sequence[str]) -> None:
    """Time to first meaningful paint in a fresh headless Chromium context: ms from navigation
    start until the first target element is visible. Alternates empty app / page."""
    args = report.args
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        report.notes.append("--paint: Playwright is not installed, skipped.")
        return
    chromium = args.chromium
    if not Path(chromium).exists():
        report.notes.append(f"--paint: {chromium} not found, skipped.")
        return
    js = """(sel) => {
        const el = document.querySelector(sel);
        if (!el) return false;
        const r = el.getBoundingClientRect();
        return (r.width > 0 && r.height > 0) ? performance.now() : false;
    }"""
    empty_row = PaintRow(EMPTY, "h1")
    rows = [empty_row]
    if app is not None:
        for page in pages:
            cell = report.cell(page_label(page), min(report.args.sessions))
            selector = cell.selector if cell and cell.selector else ".js-plotly-plot"
            rows.append(PaintRow(page_label(page), selector))
    log("paint: headless Chromium ...")
    deadline = report.started + args.max_minutes * 60
    wait_ms = args.paint_timeout * 1000
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            headless=True,
            args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        )  # fmt: skip
        try:
            for _ in range(args.paint_repeats):
                for row in rows[1:] or [None]:
                    if time.monotonic() > deadline:
                        report.notes.append("--paint: time budget spent, some page loads skipped.")
                        report.paint = rows
                        return
                    targets = [(empty_row, empty.port, "")]
                    if row is not None and app is not None:
                        targets.append((row, app.port, row.target.lstrip("/")))
                    for prow, port, path in targets:
                        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                        tab = None
                        try:
                            tab = ctx.new_page()
                            qs = f"?{args.query}" if args.query and prow is not empty_row else ""
                            tab.goto(f"http://{HOST}:{port}/{path}{qs}", wait_until="commit", timeout=wait_ms)
                            handle = tab.wait_for_function(js, arg=prow.selector, polling="raf", timeout=wait_ms)
                            prow.times_ms.append(float(handle.json_value()))
                        except PlaywrightError as exc:
                            prow.failures.append(_paint_failure(tab, exc, prow, report.args.out))
                        finally:
                            ctx.close()
        finally:
            browser.close()
    report.paint = rows


def _paint_failure(page: object, exc: Exception, row: PaintRow, out: Path) -> str:
    """Say what the page showed when the wait gave up; keep a screenshot next to the report."""
    text = str(exc).splitlines()[0][:100]
    try:
        state = page.evaluate(  # type: ignore[attr-defined]
            """(sel) => ({
                targets: document.querySelectorAll(sel).length,
                exceptions: document.querySelectorAll('[data-testid="stException"]').length,
                h1: (document.querySelector('h1') || {}).textContent || '',
                running: !!document.querySelector('[data-testid="stStatusWidget"]'),
            })""",
            row.selector,
        )
        text += (
            f" (page had {state['targets']} `{row.selector}`, {state['exceptions']} exception(s), "
            f"h1 {state['h1'][:40]!r}, script {'running' if state['running'] else 'idle'})"
        )
        shot = out.parent / f"paint-failure{row.target.replace('/', '-')}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot), full_page=True)  # type: ignore[attr-defined]
        text += f"; screenshot {shot.name}"
    except Exception as diag_exc:  # diagnostics must not hide the original failure
        text += f" (no diagnostics: {type(diag_exc).__name__})"
    return text


# -- output -------------------------------------------------------------------------------------


def _f(x: float, digits: int = 1) -> str:
    return "–" if x != x else f"{x:.{digits}f}"  # NaN -> dash


def _ratio(a: float, b: float) -> str:
    return "–" if a != a or b != b or b == 0 else f"{a / b:.2f}×"


def _mb(kb: int | None) -> str:
    return "–" if kb is None else f"{kb / 1024:.1f}"


def _per_session(kb: int | None, idle: int | None, n: int) -> str:
    if kb is None or idle is None or not n:
        return "–"
    return f"{(kb - idle) / n:.0f}"


def render(report: Report) -> str:
    a = report.args
    out = [
        "# Benchmark: Tech Money 2024 vs an empty Streamlit app",
        "",
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC · {platform.node()} · {os.cpu_count()} CPUs · "
        f"Python {platform.python_version()} · Streamlit {_streamlit_version()} · "
        f"sessions {','.join(map(str, sorted(set(a.sessions))))} × {a.reruns} reruns · "
        f"query `{a.query or '(none)'}` · load generator: threads in this process (shares the CPUs)",
        "",
        "## Reruns",
        "",
    ]
    if report.pages:
        names = ", ".join(f"`{page_label(p.url_pathname)}` {p.page_name}" for p in report.pages)
        out += [f"Pages announced by the app's st.navigation: {names}.", ""]
    out += [
        "| Target | Sessions | Reruns | Median ms | p95 ms | Reruns/s | KB/rerun | KB first run | Errors | App exceptions | Median ×empty | p95 ×empty | Throughput ×empty |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for n in sorted(set(a.sessions)):
        base = report.cell(EMPTY, n)
        for c in [x for x in report.cells if x.sessions == n and x.target != EMPTY] + ([base] if base else []):
            is_base = c is base
            out.append(
                f"| {c.target} | {n} | {c.reruns} | {_f(c.median_ms)} | {_f(c.p95_ms)} | {_f(c.rps)} | "
                f"{_f(c.kb_per_rerun)} | {_f(c.kb_first)} | {c.errors} | {c.exceptions} | "
                + (
                    "1.00× | 1.00× | 1.00× |"
                    if is_base
                    else f"{_ratio(c.median_ms, base.median_ms if base else float('nan'))} | "
                    f"{_ratio(c.p95_ms, base.p95_ms if base else float('nan'))} | "
                    f"{_ratio(c.rps, base.rps if base else float('nan'))} |"
                )
            )
    if report.memory:
        top = max(a.sessions)
        out += [
            "",
            "## Server memory (RSS, MB; per session in KB)",
            "",
            f"| Server | Idle (after warm-up) | {top} sessions connected | After the {top}-session runs | Per connected session KB | Per session retained KB |",
            "|---|--:|--:|--:|--:|--:|",
        ]
        for m in report.memory:
            out.append(
                f"| {m.name} | {_mb(m.idle_kb)} | {_mb(m.connected_kb)} | {_mb(m.after_kb)} | "
                f"{_per_session(m.connected_kb, m.idle_kb, m.sessions)} | {_per_session(m.after_kb, m.idle_kb, m.sessions)} |"
            )
    if report.replicas:
        out += [
            "",
            f"## Replicas ({a.replica_sessions} sessions spread over all pages, {a.reruns} reruns each, via nginx)",
            "",
            "| Setup | Sessions | Reruns | Median ms | p95 ms | Reruns/s | Errors | App exceptions | Sessions per replica | RSS per replica MB |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        for r in report.replicas:
            c = r.cell
            out.append(
                f"| {r.setup} | {c.sessions} | {c.reruns} | {_f(c.median_ms)} | {_f(c.p95_ms)} | {_f(c.rps)} | "
                f"{c.errors} | {c.exceptions} | {r.split} | {r.rss} |"
            )
        if len(report.replicas) == 2:
            one, two = report.replicas
            out.append("")
            out.append(f"Throughput 2 replicas / 1 replica: {_ratio(two.cell.rps, one.cell.rps)}")
    if report.paint:
        base = report.paint[0]
        out += [
            "",
            f"## First meaningful paint (headless Chromium, fresh context, median of {a.paint_repeats})",
            "",
            "| Target | Waits for | Median ms | Min ms | Max ms | ×empty | Failures |",
            "|---|---|--:|--:|--:|--:|--:|",
        ]
        for p in report.paint[1:] + [base]:
            lo = min(p.times_ms) if p.times_ms else float("nan")
            hi = max(p.times_ms) if p.times_ms else float("nan")
            out.append(
                f"| {p.target} | `{p.selector}` | {_f(p.median_ms, 0)} | {_f(lo, 0)} | {_f(hi, 0)} | "
                f"{'1.00×' if p is base else _ratio(p.median_ms, base.median_ms)} | {len(p.failures)} |"
            )
    errors = [(c.target, c.sessions, e) for c in report.cells + [r.cell for r in report.replicas] for e in c.error_samples()]
    failures = [(p.target, f) for p in report.paint for f in p.failures[:1]]
    if report.notes or errors or failures:
        out += ["", "## Notes", ""]
        out += [f"- {n}" for n in report.notes]
        out += [f"- error, {t} at {n} sessions: {e}" for t, n, e in errors]
        out += [f"- paint failure, {t}: {f}" for t, f in failures]
    elapsed = time.monotonic() - report.started
    out += ["", f"Total benchmark time: {elapsed:.0f} s.", ""]
    return "\n".join(out)


def _streamlit_version() -> str:
    try:
        from importlib.metadata import version

        return version("streamlit")
    except Exception:  # metadata missing: report, do not fail
        return "?"


# -- CLI ----------------------------------------------------------------------------------------


def _int_list(text: str) -> list[int]:
    values = [int(x) for x in text.split(",") if x.strip()]
    if not values or min(values) < 1 or max(values) > 200:
        raise argparse.ArgumentTypeError("sessions: comma-separated integers between 1 and 200")
    return values


def _page_list(text: str) -> list[str]:
    """'/,money' -> ['', 'money'] ('/' or '' is the default page)."""
    return [p.strip().strip("/") for p in text.split(",")]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    p.add_argument("--sessions", type=_int_list, default=[1, 10, 50], help="concurrency levels (default 1,10,50)")
    p.add_argument("--reruns", type=int, default=5, help="reruns per session (default 5)")
    p.add_argument(
        "--pages",
        type=_page_list,
        default=None,
        help="url paths, comma-separated, '/' = default page (default: every page the app's st.navigation announces)",
    )
    p.add_argument("--app", default="serve.py", help="the app to run, relative to the project (default serve.py: app.py plus its download routes)")
    p.add_argument("--query", default="", help="query string sent with every rerun, e.g. lang=en")
    p.add_argument("--replicas", action="store_true", help="also: 1 vs 2 app replicas behind nginx")
    p.add_argument("--replica-sessions", type=int, default=50, help="sessions in replicas mode (default 50)")
    p.add_argument("--paint", action="store_true", help="also: first meaningful paint in headless Chromium")
    p.add_argument("--all", action="store_true", help="= --replicas --paint")
    p.add_argument("--paint-repeats", type=int, default=3, help="page loads per target for --paint (default 3)")
    p.add_argument("--paint-timeout", type=float, default=30.0, help="seconds: one page load for --paint")
    p.add_argument("--chromium", default="/usr/bin/chromium", help="Chromium binary for --paint")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds: any socket read / page wait")
    p.add_argument("--cell-budget", type=float, default=180.0, help="seconds: one load run at most")
    p.add_argument("--max-minutes", type=float, default=9.0, help="stop starting new runs after this")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"Markdown output (default {DEFAULT_OUT.relative_to(ROOT)})")
    args = p.parse_args(argv)
    if args.all:
        args.replicas = args.paint = True
    if not 1 <= args.reruns <= 100:
        p.error("--reruns: 1..100")
    if not 1 <= args.replica_sessions <= 200:
        p.error("--replica-sessions: 1..200")
    if not 1 <= args.paint_repeats <= 20:
        p.error("--paint-repeats: 1..20")
    return args


def main(argv: Sequence[str] | None = None) -> Report:
    args = parse_args(argv)
    report = run_benchmark(args)
    text = render(report)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    log(f"written to {args.out}")
    return report


if __name__ == "__main__":
    main()
