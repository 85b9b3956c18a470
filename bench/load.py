"""What many readers do at once, measured from the client side (threads in this process).

Two patterns; in both, every reader starts at the same moment:

- `reruns`: each reader opens the page (that first run is not counted), then, together with the
  others, asks for reruns one after the other, as a reader changing a widget does.
- `new_sessions`: each reader opens fresh tabs one after the other. A tab is what a browser does for
  a new visit: GET the page, GET the health check (which sets the XSRF cookie), open the websocket,
  and wait for the page's first full run.
"""

from __future__ import annotations

import dataclasses
import statistics
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from harness.protocol import PageInfo, ProtocolError, RerunResult, Session
from harness.servers import HOST


@dataclass
class Reader:
    """One simulated reader: what it measured, or why it stopped."""

    samples: list[RerunResult] = field(default_factory=list)
    error: str | None = None
    upstream: str | None = None  # the replica that served it (only behind the bench's nginx)
    pages: list[PageInfo] = field(default_factory=list)  # as the app's st.navigation announced them
    finished_at: float = 0.0  # time.perf_counter() at the end of its last sample


@dataclass
class LoadRun:
    readers: list[Reader]
    wall_s: float  # from the common start to the end of the last sample
    rss_kb: int | None = None  # the server's RSS while every reader was still connected
    others_cores: float = float("nan")  # cores used by other processes meanwhile (bench/machine.py)


def _describe(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, ProtocolError) else f"{type(exc).__name__}: {exc}"


def _seconds_left(deadline: float, timeout: float) -> float:
    left = min(timeout, deadline - time.monotonic())
    if left <= 0:
        raise ProtocolError("time budget of the load run exceeded")
    return left


def reruns(
    port: int,
    pages: Sequence[str],
    readers: int,
    reruns_each: int,
    *,
    query: str = "",
    timeout: float,
    budget_s: float,
    read_rss: Callable[[], int | None] | None = None,
    client_prefix: str = "r",
) -> LoadRun:
    """`readers` tabs, reader i on pages[i % len(pages)], each doing `reruns_each` reruns once all
    are open. With `read_rss`, the tabs stay open after their reruns until the server's RSS is read."""
    all_open = threading.Barrier(readers + 1, timeout=budget_s)
    reruns_over = [threading.Event() for _ in range(readers)]
    may_close = threading.Event()
    deadline = time.monotonic() + budget_s

    def reader(i: int) -> Reader:
        result = Reader()
        session = Session(
            HOST, port, page=pages[i % len(pages)], query_string=query, client_id=f"{client_prefix}{i}", timeout=timeout
        )
        try:
            try:
                session.connect()
                session.rerun(deadline_s=timeout)  # the page's first run: measured by new_sessions
            finally:
                all_open.wait()
            for _ in range(reruns_each):
                result.samples.append(session.rerun(deadline_s=_seconds_left(deadline, timeout)))
        except Exception as exc:  # noqa: BLE001 - a reader reports its failure; it never stops the benchmark
            result.error = _describe(exc)
        finally:
            result.finished_at = time.perf_counter()
            result.upstream, result.pages = session.upstream, session.pages
            reruns_over[i].set()
            if read_rss is not None:
                may_close.wait(budget_s)
            session.close()
        return result

    with ThreadPoolExecutor(max_workers=readers, thread_name_prefix="reader") as pool:
        futures = [pool.submit(reader, i) for i in range(readers)]
        try:
            all_open.wait()
        except threading.BrokenBarrierError:
            pass  # the readers that could not open say so in their error
        start = time.perf_counter()
        for event in reruns_over:
            event.wait(budget_s + timeout)
        rss = None
        if read_rss is not None:
            time.sleep(0.3)  # let the server finish its bookkeeping after the last run
            rss = read_rss()
        may_close.set()
        results = [f.result() for f in futures]
    return LoadRun(results, _wall(results, start), rss)


def open_tab(port: int, page: str, *, query: str, client_id: str, timeout: float) -> RerunResult:
    """A new browser tab on `page`: its latency runs from the page's GET to the end of its first run."""
    start = time.perf_counter()
    session = Session(HOST, port, page=page, query_string=query, client_id=client_id, timeout=timeout)
    try:
        session.connect()
        first_run = session.rerun(deadline_s=timeout)
        return dataclasses.replace(first_run, latency_s=time.perf_counter() - start)
    finally:
        session.close()


def new_sessions(
    port: int, page: str, readers: int, tabs_each: int, *, query: str = "", timeout: float, budget_s: float
) -> LoadRun:
    """`readers` readers arriving together, each opening `tabs_each` new tabs one after the other."""
    start_line = threading.Barrier(readers + 1, timeout=budget_s)
    deadline = time.monotonic() + budget_s

    def reader(i: int) -> Reader:
        result = Reader()
        try:
            start_line.wait()
            for tab in range(tabs_each):
                tab_timeout = _seconds_left(deadline, timeout)
                result.samples.append(open_tab(port, page, query=query, client_id=f"n{i}.{tab}", timeout=tab_timeout))
        except Exception as exc:  # noqa: BLE001 - a reader reports its failure; it never stops the benchmark
            result.error = _describe(exc)
        finally:
            result.finished_at = time.perf_counter()
        return result

    with ThreadPoolExecutor(max_workers=readers, thread_name_prefix="newcomer") as pool:
        futures = [pool.submit(reader, i) for i in range(readers)]
        try:
            start_line.wait()
        except threading.BrokenBarrierError:
            pass
        start = time.perf_counter()
        results = [f.result() for f in futures]
    return LoadRun(results, _wall(results, start))


def _wall(results: Sequence[Reader], start: float) -> float:
    return max((r.finished_at for r in results), default=start) - start


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil without floats drifting
    return ordered[int(rank) - 1]


@dataclass
class Series:
    """The samples of one kind (reruns, or new sessions) for one target at one concurrency, pooled
    over every run of it (the baseline is measured again before each page)."""

    target: str
    readers: int
    runs: list[LoadRun] = field(default_factory=list)

    @property
    def samples(self) -> list[RerunResult]:
        return [s for run in self.runs for r in run.readers for s in r.samples]

    @property
    def latencies_ms(self) -> list[float]:
        return [s.latency_s * 1000 for s in self.samples]

    @property
    def p50_ms(self) -> float:
        latencies = self.latencies_ms
        return statistics.median(latencies) if latencies else float("nan")

    @property
    def p95_ms(self) -> float:
        return percentile(self.latencies_ms, 95)

    @property
    def max_ms(self) -> float:
        return max(self.latencies_ms, default=float("nan"))

    @property
    def per_second(self) -> float:
        wall = sum(run.wall_s for run in self.runs)
        return len(self.samples) / wall if wall > 0 else float("nan")

    @property
    def kb_mean(self) -> float:
        sizes = [s.bytes for s in self.samples]
        return statistics.fmean(sizes) / 1024 if sizes else float("nan")

    @property
    def errors(self) -> int:
        return sum(1 for run in self.runs for r in run.readers if r.error)

    @property
    def exceptions(self) -> int:
        return sum(1 for s in self.samples if s.exceptions)

    @property
    def element_types(self) -> set[str]:
        return {t for s in self.samples for t in s.element_types}

    @property
    def others_cores(self) -> float:
        """The most any of its runs saw other processes use (a disturbed run spoils the pool)."""
        return max(
            (run.others_cores for run in self.runs if run.others_cores == run.others_cores), default=float("nan")
        )

    @property
    def rss_kb(self) -> int | None:
        return max((run.rss_kb for run in self.runs if run.rss_kb), default=None)

    def error_samples(self) -> list[str]:
        return sorted({r.error for run in self.runs for r in run.readers if r.error})[:3]
