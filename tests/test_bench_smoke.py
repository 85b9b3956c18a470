"""Smoke test of the benchmark (bench/): 2 sessions x 2 reruns against the empty app and the app's
default page. It checks the benchmark works (rows present, no errors, latencies measured), never
how fast anything is: machines are noisy."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "serve.py"

pytest.importorskip("websocket", reason="websocket-client (requirements-dev.txt) is needed by bench/")

from bench import run as bench_run  # noqa: E402  (after the importorskip)

pytestmark = pytest.mark.timeout(120)


def _table_rows(markdown: str) -> dict[str, list[str]]:
    """Rows of the '## Reruns' table by target, cells stripped."""
    section = markdown.split("## Reruns", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 13 and cells[0] not in ("Target",) and not cells[0].startswith("---"):
            rows[cells[0]] = cells
    return rows


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> tuple[bench_run.Report, str]:
    out = tmp_path_factory.mktemp("bench") / "smoke.md"
    report = bench_run.main(
        ["--sessions", "2", "--reruns", "2", "--pages", "/", "--timeout", "30", "--max-minutes", "1.5", "--out", str(out)]
    )
    return report, out.read_text(encoding="utf-8")


def _check_cell(cell: bench_run.Cell | None, row: list[str] | None) -> None:
    assert cell is not None and row is not None
    assert cell.errors == 0, cell.error_samples()
    assert cell.reruns == 4  # 2 sessions x 2 reruns
    assert cell.exceptions == 0
    assert all(ms > 0 for ms in cell.latencies_ms)
    assert cell.rps > 0 and cell.kb_per_rerun > 0
    # The rendered row: sessions, reruns, median > 0, errors 0, app exceptions 0.
    assert row[1] == "2" and row[2] == "4"
    assert float(row[3]) > 0 and float(row[4]) > 0
    assert row[8] == "0" and row[9] == "0"


def test_empty_app(bench: tuple[bench_run.Report, str]) -> None:
    report, markdown = bench
    rows = _table_rows(markdown)
    _check_cell(report.cell(bench_run.EMPTY, 2), rows.get(bench_run.EMPTY))
    assert rows[bench_run.EMPTY][10:] == ["1.00×", "1.00×", "1.00×"]
    assert "## Server memory" in markdown


@pytest.mark.skipif(not APP.exists(), reason="serve.py does not exist yet: only the empty app is benchmarked")
def test_app_default_page(bench: tuple[bench_run.Report, str]) -> None:
    report, markdown = bench
    assert report.app is not None
    rows = _table_rows(markdown)
    assert set(rows) == {"/", bench_run.EMPTY}
    _check_cell(report.cell("/", 2), rows.get("/"))
    for ratio in rows["/"][10:]:
        assert ratio.endswith("×") and float(ratio[:-1]) > 0
    memory = {m.name: m for m in report.memory}
    assert memory["app"].idle_kb and memory[bench_run.EMPTY].idle_kb
