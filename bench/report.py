"""What one benchmark run found, the targets it checks, and the Markdown report."""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version

from bench.load import Series
from bench.machine import DISTURBED_CORES
from harness.browser import RESOURCE_GROUPS, VisitSeries
from harness.protocol import PageInfo

BASELINE = "empty app, default config"  # what the targets compare against
FLOOR = "empty app, our config"  # for information: the least any page of ours can cost
STORY_MAX_BYTES = 2_500_000  # issue 15: a fresh visit to the Story page transfers at most 2.5 MB


@dataclass(frozen=True)
class Target:
    """A speed target of issue 16: a page's figure as a multiple of the baseline's, same run."""

    what: str
    kind: str  # "reruns" or "new_sessions"
    stat: str  # a Series property: "p50_ms", "p95_ms" or "per_second"
    sessions: int
    limit: float
    scope: str  # "every page" (the worst page decides) or "heaviest page" (the slowest one decides)

    @property
    def higher_is_better(self) -> bool:
        return self.stat == "per_second"


TARGETS = (
    Target("Rerun p50", "reruns", "p50_ms", 1, 0.2, "every page"),
    Target("Rerun p95", "reruns", "p95_ms", 10, 0.25, "every page"),
    Target("New-session p95", "new_sessions", "p95_ms", 10, 0.25, "every page"),
    Target("Throughput (reruns/s)", "reruns", "per_second", 50, 5.0, "heaviest page"),
)


@dataclass
class Memory:
    name: str
    idle_kb: int | None = None  # after the warm-up
    connected_kb: int | None = None  # max while the readers of the highest concurrency were connected
    after_kb: int | None = None
    sessions: int = 0


@dataclass
class ColdStart:
    target: str
    healthy_after_s: float  # from starting the server to its first healthy answer
    cold: Series  # the first readers, arriving together as soon as it is healthy
    warm: Series  # as many again, right after


@dataclass
class ReplicaRow:
    setup: str
    series: Series
    split: Counter[str]  # readers per replica
    rss_kb: list[int | None]


@dataclass
class Report:
    args: argparse.Namespace
    app: str | None
    pages: list[PageInfo] = field(default_factory=list)
    series_by_key: dict[tuple[str, str, int], Series] = field(default_factory=dict)
    visits: list[VisitSeries] = field(default_factory=list)
    cold: list[ColdStart] = field(default_factory=list)
    memory: list[Memory] = field(default_factory=list)
    stacks: dict[str, list[str]] = field(default_factory=dict)  # server -> uvicorn extras it loaded
    replicas: list[ReplicaRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    load_before: tuple[float, float, float] | None = None
    load_after: tuple[float, float, float] | None = None

    def series(self, kind: str, target: str, sessions: int) -> Series:
        """The series of `kind` ("reruns" or "new_sessions") for a target and concurrency (made if new)."""
        key = (kind, target, sessions)
        if key not in self.series_by_key:
            self.series_by_key[key] = Series(target, sessions)
        return self.series_by_key[key]

    def measured(self, kind: str, target: str, sessions: int) -> Series | None:
        found = self.series_by_key.get((kind, target, sessions))
        return found if found is not None and found.samples else None

    def targets_in(self, kind: str, sessions: int) -> list[str]:
        """Page rows first, in the order measured, then the baseline and the floor."""
        found = [t for (k, t, n) in self.series_by_key if k == kind and n == sessions]
        return [t for t in found if t not in (BASELINE, FLOOR)] + [t for t in (BASELINE, FLOOR) if t in found]

    @property
    def page_labels(self) -> list[str]:
        """The app's pages, in the order measured."""
        return list(dict.fromkeys(t for (_, t, _) in self.series_by_key if t not in (BASELINE, FLOOR)))

    def skip(self, note: str) -> None:
        if note not in self.notes:
            self.notes.append(note)


# -- targets ------------------------------------------------------------------------------------


@dataclass
class Verdict:
    what: str
    measured: str
    holds: bool | None  # None: not measured in this run
    disturbed: bool = False  # other processes used the CPU while it was measured


def disturbed(series: Series) -> bool:
    return series.others_cores > DISTURBED_CORES


def ratio(value: float, base: float) -> float:
    return value / base if base and base == base and value == value else float("nan")


def check(report: Report, target: Target) -> Verdict:
    what = f"{target.what} at {target.sessions} session{'s' if target.sessions > 1 else ''}, {target.scope}: " + (
        f"≥ {target.limit:g}× the baseline" if target.higher_is_better else f"≤ {target.limit:g}× the baseline"
    )
    base = report.measured(target.kind, BASELINE, target.sessions)
    pages = [s for t in report.page_labels if (s := report.measured(target.kind, t, target.sessions))]
    if base is None or not pages:
        return Verdict(what, "not measured in this run", None)
    stat: Callable[[Series], float] = lambda s: getattr(s, target.stat)  # noqa: E731
    if target.scope == "heaviest page":
        decisive = min(pages, key=stat)
    else:
        decisive = max(pages, key=lambda s: ratio(stat(s), stat(base)))
    value = ratio(stat(decisive), stat(base))
    holds = value >= target.limit if target.higher_is_better else value <= target.limit
    unit = "/s" if target.higher_is_better else " ms"
    measured = f"{value:.2f}× on {decisive.target} ({stat(decisive):.1f}{unit} vs {stat(base):.1f}{unit})"
    return Verdict(what, measured, holds, disturbed(decisive) or disturbed(base))


def check_story_bytes(report: Report) -> Verdict:
    what = f"First visit to the Story page (the default page, /): ≤ {STORY_MAX_BYTES / 1e6:g} MB transferred"
    story = next((v for v in report.visits if v.target == "/"), None)
    visit = story.typical if story else None
    if visit is None:
        return Verdict(what, "not measured in this run", None)
    return Verdict(what, f"{visit.total_bytes / 1e6:.2f} MB", visit.total_bytes <= STORY_MAX_BYTES)


def verdicts(report: Report) -> list[Verdict]:
    return [check(report, t) for t in TARGETS] + [check_story_bytes(report)]


# -- Markdown -----------------------------------------------------------------------------------


def _f(x: float | None, digits: int = 1) -> str:
    return "–" if x is None or x != x else f"{x:.{digits}f}"  # None or NaN -> dash


def _x(value: float, base: float) -> str:
    r = ratio(value, base)
    return "–" if r != r else f"{r:.2f}×"


def _mb(kb: int | None) -> str:
    return "–" if kb is None else f"{kb / 1024:.1f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]], numeric_from: int = 1) -> list[str]:
    align = ["---" if i < numeric_from else "--:" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def _load(avg: tuple[float, float, float] | None) -> str:
    return "?" if avg is None else " / ".join(f"{x:.2f}" for x in avg)


def header_section(report: Report) -> list[str]:
    a = report.args
    return [
        "# Benchmark: Tech Money 2024, as readers feel it",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {platform.node()} · {os.cpu_count()} CPUs · "
        f"Python {platform.python_version()} · Streamlit {_version('streamlit')} · uvicorn {_version('uvicorn')} · "
        f"sessions {','.join(map(str, sorted(set(a.sessions))))} · {a.reruns} reruns and {a.tabs} new tabs each, "
        f"at least {a.min_samples} in all · query `{a.query or '(none)'}` · "
        "load generator: threads in this process (shares the CPUs)",
        "",
        f"Machine load averages (1/5/15 min): {_load(report.load_before)} at the start, "
        f"{_load(report.load_after)} at the end.",
        "",
        f"Baseline: `bench/empty_app.py` ({BASELINE}: run from a directory without .streamlit/, no "
        f"~/.streamlit, no STREAMLIT_* variables). Floor, for information: the same app on our "
        f".streamlit/config.toml ({FLOOR}).",
    ]


def targets_section(report: Report) -> list[str]:
    rows = [(v.what, v.measured, _verdict_text(v)) for v in verdicts(report)]
    return ["## Targets (against the baseline, same run)", "", *_table(("Target", "Measured", "Verdict"), rows, 99)]


def _verdict_text(v: Verdict) -> str:
    text = "–" if v.holds is None else ("holds" if v.holds else "**fails**")
    return text + (" (disturbed: repeat it)" if v.disturbed else "")


def _series_rows(report: Report, kind: str) -> list[list[object]]:
    rows: list[list[object]] = []
    for n in sorted(set(report.args.sessions)):
        base = report.measured(kind, BASELINE, n)
        for label in report.targets_in(kind, n):
            s = report.series(kind, label, n)
            b = base or s
            rows.append([
                label, n, len(s.samples), _f(s.p50_ms), _f(s.p95_ms), _f(s.per_second), _f(s.kb_mean),
                s.errors, s.exceptions, _x(s.p50_ms, b.p50_ms), _x(s.p95_ms, b.p95_ms),
            ] + ([_x(s.per_second, b.per_second)] if kind == "reruns" else []) + [_f(s.others_cores, 2)])  # fmt: skip
    return rows


def reruns_section(report: Report) -> list[str]:
    header = (
        "Target", "Sessions", "Reruns", "p50 ms", "p95 ms", "Reruns/s", "KB/rerun", "Errors", "App exceptions",
        "p50 ×baseline", "p95 ×baseline", "Throughput ×baseline", "Others' CPU (cores)",
    )  # fmt: skip
    return [
        "## Reruns",
        "",
        "Each reader opens the page, then, all together, asks for reruns one after the other (as a click on a "
        "widget does). Latency: `rerun_script` sent → `script_finished` received.",
        "",
        *_table(header, _series_rows(report, "reruns")),
    ]


def new_sessions_section(report: Report) -> list[str]:
    header = (
        "Target", "Sessions", "New sessions", "p50 ms", "p95 ms", "New sessions/s", "KB first run", "Errors",
        "App exceptions", "p50 ×baseline", "p95 ×baseline", "Others' CPU (cores)",
    )  # fmt: skip
    return [
        "## New sessions",
        "",
        "Each reader opens new tabs one after the other, all readers together. Latency: GET of the page → "
        "health check → websocket → end of the page's first full run.",
        "",
        *_table(header, _series_rows(report, "new_sessions")),
    ]


def cold_section(report: Report) -> list[str]:
    n = report.args.cold_readers
    rows = []
    for c in report.cold:
        main_run = report.measured("new_sessions", c.target, n)
        rows.append([
            c.target, _f(c.healthy_after_s), _f(c.cold.p50_ms, 0), _f(c.cold.max_ms, 0), _f(c.warm.p50_ms, 0),
            _f(c.warm.max_ms, 0), _f(main_run.p95_ms, 0) if main_run else "–", c.cold.errors + c.warm.errors,
            _f(max(c.cold.others_cores, c.warm.others_cores), 2),
        ])  # fmt: skip
    header = (
        "Target", "Start → healthy s", f"First {n}: p50 ms", f"First {n}: max ms", f"Next {n}: p50 ms",
        f"Next {n}: max ms", f"Warm server, {n} sessions: new-session p95 ms", "Errors", "Others' CPU (cores)",
    )  # fmt: skip
    return [
        "## Cold start after a deploy",
        "",
        f"A freshly started server; {n} readers open the page together as soon as it answers its health check, "
        f"then {n} more right after.",
        "",
        *_table(header, rows),
    ]


def visits_section(report: Report) -> list[str]:
    groups = [g for g in dict.fromkeys([*RESOURCE_GROUPS.values(), "other"]) if _any_bytes(report, g)]
    base = next((v for v in report.visits if v.target == BASELINE), None)
    rows = []
    for row in report.visits:
        typical = row.typical
        kb = [_f(typical.bytes_by_type.get(g, 0) / 1024, 0) if typical else "–" for g in groups]
        total = _f(typical.total_bytes / 1e6, 2) if typical else "–"
        paint_x = _x(row.paint_median_ms, base.paint_median_ms) if base else "–"
        rows.append(
            [row.target, f"`{row.selector}`", _f(row.paint_median_ms, 0), paint_x, *kb, total, len(row.failures)]
        )
    header = (
        "Target",
        "Paint waits for",
        "First paint ms",
        "Paint ×baseline",
        *(f"{g} KB" for g in groups),
        "Total MB",
        "Failures",
    )
    return [
        "## First visit (headless Chromium, fresh context)",
        "",
        f"Median first paint of {report.args.visits} visit(s) per target, taking turns; bytes transferred (headers + "
        "encoded bodies; websocket frames received) of the visit with the median total, 1 MB = 10⁶ bytes.",
        "",
        *_table(header, rows, 2),
    ]


def _any_bytes(report: Report, group: str) -> bool:
    return any(v.typical and v.typical.bytes_by_type.get(group) for v in report.visits)


def memory_section(report: Report) -> list[str]:
    top = max(report.args.sessions)
    rows = []
    for m in report.memory:
        per_connected = (
            (m.connected_kb - m.idle_kb) / m.sessions if m.connected_kb and m.idle_kb and m.sessions else None
        )
        rows.append([m.name, _mb(m.idle_kb), _mb(m.connected_kb), _mb(m.after_kb), _f(per_connected, 0)])
    header = ("Server", "Idle MB", f"{top} sessions connected MB", "After the run MB", "Per connected session KB")
    return ["## Server memory (RSS)", "", *_table(header, rows)]


def stack_section(report: Report) -> list[str]:
    lines = [
        f"- {name}: {', '.join(found) if found else 'neither (asyncio loop, h11)'}"
        for name, found in report.stacks.items()
    ]
    return [
        "## Server stack",
        "",
        "uvicorn's standard extras loaded in each server process (`/proc/PID/maps`):",
        "",
        *lines,
    ]


def replicas_section(report: Report) -> list[str]:
    rows = []
    for r in report.replicas:
        s = r.series
        split = " / ".join(str(count) for _, count in sorted(r.split.items()))
        rss = " + ".join(_mb(kb) for kb in r.rss_kb)
        rows.append(
            [
                r.setup,
                s.readers,
                len(s.samples),
                _f(s.p50_ms),
                _f(s.p95_ms),
                _f(s.per_second),
                s.errors,
                s.exceptions,
                split,
                rss,
            ]
        )
    header = (
        "Setup",
        "Sessions",
        "Reruns",
        "p50 ms",
        "p95 ms",
        "Reruns/s",
        "Errors",
        "App exceptions",
        "Sessions per replica",
        "RSS per replica MB",
    )
    lines = ["## Replicas (readers spread over all pages, through nginx)", "", *_table(header, rows)]
    if len(report.replicas) == 2:
        one, two = (r.series.per_second for r in report.replicas)
        lines += ["", f"Throughput 2 replicas / 1 replica: {_x(two, one)}"]
    return lines


def notes_section(report: Report) -> list[str]:
    errors = [
        f"- error, {s.target} ({kind.replace('_', ' ')}) at {s.readers} sessions: {e}"
        for (kind, _, _), s in report.series_by_key.items()
        for e in s.error_samples()
    ]
    errors += [
        f"- error, cold start of {c.target}: {e}"
        for c in report.cold
        for e in c.cold.error_samples() + c.warm.error_samples()
    ]
    errors += [f"- visit failure, {v.target}: {v.failures[0]}" for v in report.visits if v.failures]
    hit = [
        f"{kind.replace('_', ' ')} of {s.target} at {s.readers} ({s.others_cores:.2f})"
        for (kind, _, _), s in report.series_by_key.items()
        if disturbed(s)
    ]
    hit += [
        f"cold start of {c.target} ({max(c.cold.others_cores, c.warm.others_cores):.2f})"
        for c in report.cold
        if disturbed(c.cold) or disturbed(c.warm)
    ]
    if hit:
        errors.append(
            f"- Disturbed: other processes used more than {DISTURBED_CORES} of a core on average while these were "
            f"measured (cores in brackets); repeat them: {'; '.join(hit)}."
        )
    lines = [f"- {n}" for n in report.notes] + errors
    return ["## Notes", "", *lines] if lines else []


def render(report: Report) -> str:
    sections = [header_section(report), targets_section(report), reruns_section(report), new_sessions_section(report)]
    if report.cold:
        sections.append(cold_section(report))
    if report.visits:
        sections.append(visits_section(report))
    if report.memory:
        sections.append(memory_section(report))
    if report.stacks:
        sections.append(stack_section(report))
    if report.replicas:
        sections.append(replicas_section(report))
    sections.append(notes_section(report))
    elapsed = time.monotonic() - report.started
    sections.append([f"Total benchmark time: {elapsed:.0f} s."])
    return "\n\n".join("\n".join(s) for s in sections if s) + "\n"


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"
