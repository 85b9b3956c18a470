"""Benchmark the app the way readers feel it, against an empty app on Streamlit's default config.

    python -m bench.run                          # = make bench (3.5–6 minutes on 2 cores)
    python -m bench.run --sessions 1,10 --reruns 3 --visits 0 --cold-readers 0   # quicker
    python -m bench.run --replicas               # + 1 vs 2 app replicas behind nginx

See bench/README.md for what is measured, how, and the targets.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import load, machine
from bench.load import LoadRun, Series
from bench.report import BASELINE, FLOOR, ColdStart, Memory, ReplicaRow, Report, render
from harness import browser
from harness.protocol import PageInfo
from harness.servers import (
    HOST,
    ROOT,
    StreamlitServer,
    default_config_server,
    find_nginx,
    replicas_behind_nginx,
    running,
    temp_dir,
)

EMPTY_APP = Path(__file__).resolve().parent / "empty_app.py"
DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "latest.md"
# Used only when the app does not announce its pages (no st.navigation message).
FALLBACK_PAGES = ("", "money", "donors", "timeline", "sources")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def page_label(url: str) -> str:
    return "/" + url


@dataclass
class Target:
    """Something to measure: a server and the page readers open on it."""

    label: str
    server: StreamlitServer
    memory: Memory  # of the server (the app's pages share one)
    page: str = ""


class Benchmark:
    """One run: which servers, in which order, what is measured on each."""

    def __init__(self, args: argparse.Namespace, log_dir: Path) -> None:
        self.args = args
        self.log_dir = log_dir
        app_path = Path(args.app) if Path(args.app).is_absolute() else ROOT / args.app
        self.app_path = app_path if app_path.exists() else None
        self.report = Report(args=args, app=str(args.app) if self.app_path else None)
        self.deadline = self.report.started + args.max_minutes * 60
        self.servers: Sequence[StreamlitServer] = []  # running now: their CPU time is ours
        if self.app_path is None:
            self.report.notes.append(f"{args.app} not found: only the empty apps were measured.")

    def time_left(self) -> bool:
        return time.monotonic() < self.deadline

    def budget(self) -> float:
        return max(30.0, min(self.args.cell_budget, self.deadline - time.monotonic()))

    # -- servers ---------------------------------------------------------------------------------

    def baseline_server(self, name: str = BASELINE) -> StreamlitServer:
        return default_config_server(EMPTY_APP, self.log_dir, name=name)

    def floor_server(self) -> StreamlitServer:
        return StreamlitServer(EMPTY_APP, self.log_dir, name=FLOOR)

    def app_server(self, name: str = "app") -> StreamlitServer:
        assert self.app_path is not None
        return StreamlitServer(self.app_path, self.log_dir, name=name)

    # -- the run ---------------------------------------------------------------------------------

    def run(self) -> Report:
        self.report.load_before = os.getloadavg()
        servers = [self.baseline_server(), self.floor_server()] + ([self.app_server()] if self.app_path else [])
        log("starting " + ", ".join(s.name for s in servers) + " ...")
        with running(servers):
            self.servers = servers
            baseline, floor, *app = servers
            pages = self.warm_up(baseline, floor, app[0] if app else None)
            self.report.stacks = {s.name: s.extensions() for s in servers}
            self.report.memory = [Memory(s.name, idle_kb=s.rss_kb()) for s in servers]
            memory_of = {m.name: m for m in self.report.memory}
            page_targets = [Target(page_label(p), app[0], memory_of[app[0].name], p) for p in pages] if app else []
            baseline_target = Target(BASELINE, baseline, memory_of[BASELINE])
            floor_target = Target(FLOOR, floor, memory_of[FLOOR])
            self.load_all(baseline_target, floor_target, page_targets)
            for server in servers:
                memory_of[server.name].after_kb = server.rss_kb()
            if self.args.visits:
                self.first_visits([*page_targets, baseline_target, floor_target])
        if self.args.cold_readers:
            self.cold_starts(pages if self.app_path else [])
        if self.args.replicas:
            self.replicas(pages)
        self.report.load_after = os.getloadavg()
        return self.report

    def warm_up(self, baseline: StreamlitServer, floor: StreamlitServer, app: StreamlitServer | None) -> list[str]:
        """One tab on every page of every server (imports, caches); learn the app's pages."""
        for server in (baseline, floor):
            self.warm_pages(server, [""])
        if app is None:
            return []
        announced = self.warm_pages(app, [""])
        self.report.pages = announced
        if self.args.pages is not None:
            pages = self.args.pages
        elif announced:
            pages = [p.url_pathname for p in announced]
        else:
            pages = list(FALLBACK_PAGES)
            self.report.notes.append("The app announced no pages (no st.navigation): used FALLBACK_PAGES.")
        self.warm_pages(app, pages)
        return pages

    def warm_pages(self, server: StreamlitServer, pages: Sequence[str]) -> list[PageInfo]:
        announced: list[PageInfo] = []
        for page in pages:
            run = load.reruns(server.port, [page], 1, 0, query=self.args.query, timeout=self.args.timeout, budget_s=60)
            reader = run.readers[0]
            if reader.error:
                self.report.notes.append(f"warm-up of {page_label(page)} on {server.name} failed: {reader.error}")
            announced = announced or reader.pages
        return announced

    def load_all(self, baseline: Target, floor: Target, pages: Sequence[Target]) -> None:
        """At each concurrency: the baseline, every page, the baseline again (pooled with the first,
        so drift on this shared machine hits it as it hits the pages), then the floor."""
        top = max(self.args.sessions)
        for n in sorted(set(self.args.sessions)):
            for target in [baseline, *pages, baseline, floor]:
                self.measure(target, n, watch_memory=n == top)
            for page in pages:
                s = self.report.series("reruns", page.label, n)
                b = self.report.series("reruns", BASELINE, n)
                log(f"  {n:>3} sessions  {page.label:<12} rerun p50 {s.p50_ms:7.1f} ms  (baseline {b.p50_ms:.1f} ms)")

    def measure(self, target: Target, n: int, *, watch_memory: bool) -> None:
        if not self.time_left():
            self.report.skip(
                f"Time budget ({self.args.max_minutes} min) spent: skipped {target.label} at {n} sessions."
            )
            return
        args = self.args
        rss = target.server.rss_kb if watch_memory else None
        run = self.watching_others(lambda: load.reruns(
            target.server.port, [target.page], n, self.per_reader(args.reruns, n),
            query=args.query, timeout=args.timeout, budget_s=self.budget(), read_rss=rss,
        ))  # fmt: skip
        self.report.series("reruns", target.label, n).runs.append(run)
        if run.rss_kb:
            target.memory.connected_kb = max(target.memory.connected_kb or 0, run.rss_kb)
            target.memory.sessions = n
        run = self.watching_others(lambda: load.new_sessions(
            target.server.port, target.page, n, self.per_reader(args.tabs, n),
            query=args.query, timeout=args.timeout, budget_s=self.budget(),
        ))  # fmt: skip
        self.report.series("new_sessions", target.label, n).runs.append(run)

    def per_reader(self, each: int, readers: int) -> int:
        """`each`, or more so that the readers take at least --min-samples in all (at 1 session a
        median of 5 is one sample's luck: reruns there take ~5.5 or ~10 ms)."""
        return max(each, math.ceil(self.args.min_samples / readers))

    def watching_others(self, measure: Callable[[], LoadRun]) -> LoadRun:
        """`measure()`, with the CPU other processes used meanwhile (this machine is shared)."""
        with machine.others_cpu(self.our_pids, self.args.meter_window) as others:
            run = measure()
        run.others_cores = others.cores
        return run

    def our_pids(self) -> list[int]:
        return [s.pid for s in self.servers if s.alive()]

    # -- first visits in Chromium ----------------------------------------------------------------

    def first_visits(self, targets: Sequence[Target]) -> None:
        """`--visits` fresh visits per target, taking turns (a, b, c, a, b, c, ...)."""
        if not Path(self.args.chromium).exists():
            self.report.notes.append(f"First visits: {self.args.chromium} not found, skipped.")
            return
        rows = [browser.VisitSeries(t.label, self.paint_selector(t.label)) for t in targets]
        self.report.visits = rows
        log("first visits in headless Chromium ...")
        with browser.chromium(self.args.chromium) as chromium:
            for _ in range(self.args.visits):
                for target, row in zip(targets, rows, strict=True):
                    if not self.time_left():
                        self.report.skip("First visits: time budget spent, some visits skipped.")
                        return
                    query = f"?{self.args.query}" if self.args.query else ""
                    url = f"http://{HOST}:{target.server.port}/{target.page}{query}"
                    shot = self.args.out.parent / f"visit-failure{target.label.replace('/', '-').replace(' ', '')}.png"
                    row.visits.append(browser.visit(chromium, url, row.selector, self.args.visit_timeout, shot))

    def paint_selector(self, label: str) -> str:
        """The first chart for pages that draw one (seen in their websocket output), else the title."""
        drawn = {t for n in self.args.sessions for t in self.report.series("new_sessions", label, n).element_types}
        return ".js-plotly-plot" if "plotly_chart" in drawn else "h1"

    # -- cold start after a deploy ---------------------------------------------------------------

    def cold_starts(self, pages: Sequence[str]) -> None:
        """For each page, a freshly started server and `--cold-readers` readers arriving together as
        soon as it answers its health check; then as many again, on the now warm server."""
        targets = [(BASELINE, self.baseline_server, "")] + [(page_label(p), self.app_server, p) for p in pages]
        for label, make_server, page in targets:
            if not self.time_left():
                self.report.skip("Cold start: time budget spent, some pages skipped.")
                return
            log(f"cold start: {label} ...")
            server = make_server(f"fresh server for {label}")
            with running([server]):
                self.servers = [server]
                waves = [self.arrive_together(server, page) for _ in ("cold", "warm")]
            self.report.cold.append(ColdStart(label, server.healthy_after_s, *waves))

    def arrive_together(self, server: StreamlitServer, page: str) -> Series:
        n = self.args.cold_readers
        run = self.watching_others(lambda: load.new_sessions(
            server.port, page, n, 1, query=self.args.query, timeout=self.args.timeout, budget_s=self.budget()
        ))  # fmt: skip
        return Series(page_label(page), n, [run])

    # -- replicas --------------------------------------------------------------------------------

    def replicas(self, pages: Sequence[str]) -> None:
        """The same mixed load (reader i on page i % pages) through nginx: 1 replica, then 2."""
        if self.app_path is None or find_nginx() is None:
            self.report.notes.append("Replicas: needs the app and nginx; skipped.")
            return
        n = self.args.replica_sessions
        for count in (1, 2):
            if not self.time_left():
                self.report.skip("Replicas: time budget spent, skipped.")
                return
            sub = self.log_dir / f"replicas{count}"
            sub.mkdir()
            log(f"replicas: {count} behind nginx, {n} sessions ...")
            with replicas_behind_nginx(self.app_path, sub, n=count) as (proxy, servers):
                for server in servers:
                    self.warm_pages(server, pages)
                run = load.reruns(
                    proxy.port, list(pages), n, self.args.reruns,
                    query=self.args.query, timeout=self.args.timeout, budget_s=self.budget(),
                    client_prefix=f"r{count}-",
                )  # fmt: skip
                by_port = {f"{HOST}:{s.port}": s.name for s in servers}
                split = Counter(by_port.get(r.upstream or "", "unknown") for r in run.readers)
                rss = [s.rss_kb() for s in servers]
            label = f"{count} × app behind nginx"
            self.report.replicas.append(ReplicaRow(label, Series(label, n, [run]), split, rss))


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
    p.add_argument("--reruns", type=int, default=5, help="reruns per reader (default 5)")
    p.add_argument("--tabs", type=int, default=2, help="new tabs per reader, one after the other (default 2)")
    p.add_argument(
        "--min-samples",
        type=int,
        default=20,
        help="readers do more reruns and tabs to take at least this many (default 20)",
    )
    p.add_argument(
        "--pages", type=_page_list, default=None,
        help="url paths, comma-separated, '/' = default page (default: every page the app's st.navigation announces)",
    )  # fmt: skip
    p.add_argument("--app", default="serve.py", help="the app, relative to the project (default serve.py)")
    p.add_argument("--query", default="", help="query string of every tab, e.g. lang=en")
    p.add_argument("--visits", type=int, default=3, help="fresh Chromium visits per target (default 3; 0 = none)")
    p.add_argument("--visit-timeout", type=float, default=30.0, help="seconds: one Chromium visit")
    p.add_argument("--chromium", default="/usr/bin/chromium", help="Chromium binary for the visits")
    p.add_argument(
        "--cold-readers", type=int, default=10, help="readers arriving on a fresh server (default 10; 0 = none)"
    )
    p.add_argument("--replicas", action="store_true", help="also: 1 vs 2 app replicas behind nginx")
    p.add_argument("--replica-sessions", type=int, default=50, help="sessions in replicas mode (default 50)")
    p.add_argument(
        "--meter-window", type=float, default=machine.MIN_WINDOW_S,
        help="seconds: the shortest window over which others' CPU is counted (default 1; shorter is coarser)",
    )  # fmt: skip
    p.add_argument("--timeout", type=float, default=60.0, help="seconds: any socket read")
    p.add_argument("--cell-budget", type=float, default=180.0, help="seconds: one load run at most")
    p.add_argument("--max-minutes", type=float, default=20.0, help="stop starting new measurements after this")
    p.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"Markdown output (default {DEFAULT_OUT.relative_to(ROOT)})"
    )
    args = p.parse_args(argv)
    for name, low, high in (
        ("reruns", 1, 100),
        ("tabs", 1, 100),
        ("min_samples", 1, 1000),
        ("visits", 0, 20),
        ("cold_readers", 0, 200),
        ("replica_sessions", 1, 200),
    ):
        if not low <= getattr(args, name) <= high:
            p.error(f"--{name.replace('_', '-')}: {low}..{high}")
    return args


def main(argv: Sequence[str] | None = None) -> Report:
    args = parse_args(argv)
    with temp_dir() as log_dir:
        report = Benchmark(args, log_dir).run()
    text = render(report)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    log(f"written to {args.out}")
    return report


if __name__ == "__main__":
    main()
