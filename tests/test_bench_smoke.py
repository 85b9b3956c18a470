"""Smoke test of the benchmark (bench/): 2 readers x 2 reruns and 2 new tabs each against both empty
apps and the app's default page, a cold start with 2 readers, and one Chromium visit per target. It
checks that every measurement was taken without errors, never how fast anything is: machines are
noisy."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "serve.py"

pytest.importorskip("websocket", reason="websocket-client (requirements-dev.txt) is needed by bench/")

from bench import run as bench_run  # noqa: E402  (after the importorskip)
from bench.report import BASELINE, FLOOR, Report, verdicts  # noqa: E402

pytestmark = pytest.mark.timeout(120)
needs_app = pytest.mark.skipif(not APP.exists(), reason="serve.py does not exist: only the empty apps are benchmarked")
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory, baked) -> tuple[Report, str]:
    out = tmp_path_factory.mktemp("bench") / "smoke.md"
    visits = "1" if Path(CHROMIUM).exists() else "0"
    report = bench_run.main([
        "--sessions", "2", "--reruns", "2", "--tabs", "2", "--min-samples", "4", "--pages", "/", "--cold-readers", "2",
        "--visits", visits,
        "--chromium", CHROMIUM, "--meter-window", "0", "--timeout", "30", "--max-minutes", "1.5", "--out", str(out),
    ])  # fmt: skip
    return report, out.read_text(encoding="utf-8")


def _targets(report: Report) -> list[str]:
    return [BASELINE, FLOOR] + (["/"] if report.app else [])


@pytest.mark.parametrize("kind", ["reruns", "new_sessions"])
def test_every_target_is_measured_without_errors(bench: tuple[Report, str], kind: str) -> None:
    report, markdown = bench
    for target in _targets(report):
        series = report.measured(kind, target, 2)
        assert series is not None, f"{target}: no {kind}"
        assert series.errors == 0, series.error_samples()
        assert series.exceptions == 0
        assert all(len(reader.samples) == 2 for run in series.runs for reader in run.readers)  # 2 each
        assert all(ms > 0 for ms in series.latencies_ms)
        assert series.per_second > 0 and series.kb_mean > 0
        assert 0 <= series.others_cores <= os.cpu_count()  # the CPU other processes used meanwhile, in cores
        assert f"| {target} | 2 | {len(series.samples)} |" in markdown


@needs_app
def test_the_app_announces_its_pages_and_runs_them_with_uvicorns_extras(bench: tuple[Report, str]) -> None:
    report, _ = bench
    assert report.pages, "the app's st.navigation announced no pages"
    assert report.stacks["app"] == ["uvloop", "httptools"]  # pinned in requirements.txt


def test_cold_start_serves_the_first_readers_of_a_fresh_server(bench: tuple[Report, str]) -> None:
    report, _ = bench
    assert [c.target for c in report.cold] == [BASELINE] + (["/"] if report.app else [])
    for cold in report.cold:
        assert cold.healthy_after_s > 0
        for wave in (cold.cold, cold.warm):
            assert wave.errors == 0, wave.error_samples()
            assert len(wave.samples) == 2


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} not installed")
def test_first_visits_measure_paint_and_bytes_by_type(bench: tuple[Report, str]) -> None:
    report, _ = bench
    assert [v.target for v in report.visits] == (["/"] if report.app else []) + [BASELINE, FLOOR]
    for row in report.visits:
        assert not row.failures, row.failures
        visit = row.typical
        assert visit is not None and visit.paint_ms and visit.paint_ms > 0
        assert visit.bytes_by_type["document"] > 0 and visit.bytes_by_type["script"] > 0
        assert visit.bytes_by_type["websocket"] > 0


def test_the_report_gives_a_verdict_on_what_was_measured(bench: tuple[Report, str]) -> None:
    report, _ = bench
    found = verdicts(report)
    # Only 2 sessions ran, so the concurrency targets were not measured; the bytes target was.
    assert [v.holds for v in found[:-1]] == [None] * (len(found) - 1)
    story = found[-1]
    if report.app and report.visits:
        assert story.holds is not None and "MB" in story.measured
