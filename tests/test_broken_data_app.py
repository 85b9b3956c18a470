"""The app on a broken copy of data/: one failure page naming file:row:column, no traceback, and the
files left exactly as they were (the app only reads them).

Each case breaks a private copy (``data_copy`` points TECH_MONEY_DATA_DIR at it); the expected
``file:row:column`` is worked out from the copy's own rows, not typed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from components.i18n import LANGS, t
from tests.conftest import count, make_app_test

PROBLEM_LINE = re.compile(r"^(?P<file>[^:\s]+):(?P<row>\d+):(?P<column>[^:\s]+): \S.*$")


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.reader(handle))
    return records[0], records[1:]


def _write(path: Path, header: list[str], body: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(body)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _row_of(body: list[list[str]], header: list[str], column: str, value: str) -> int:
    """Spreadsheet row number (header = 1) of the row whose ``column`` is ``value``."""
    index = header.index(column)
    return next(i for i, record in enumerate(body) if record[index] == value) + 2


# Each case breaks the copy and returns the "file:row:column" the failure page must name.


def missing_file(data: Path) -> str:
    (data / "camps.csv").unlink()
    return "camps.csv:0:-"


def missing_article(data: Path) -> str:
    (data / "source" / "article_ar.txt").unlink()
    return "source/article_ar.txt:0:-"


def truncated_csv(data: Path) -> str:
    """money_facts.csv cut off in the middle of a row (as an interrupted save or copy leaves it)."""
    path = data / "money_facts.csv"
    header, body = _read(path)
    raw = path.read_text(encoding="utf-8")
    lines = raw.split("\n")
    row = 5  # the file's 5th line: cut it after its 5th cell
    cells = next(csv.reader([lines[row - 1]]))
    kept = ",".join(cells[:5])
    assert lines[row - 1].startswith(kept), "the first cells of that row have no quoting"
    path.write_text("\n".join(lines[: row - 1] + [kept]), encoding="utf-8")
    return f"money_facts.csv:{row}:{header[4]}"


def wrong_type_in_amount(data: Path) -> str:
    path = data / "money_facts.csv"
    header, body = _read(path)
    body[1][header.index("amount")] = "seven million"
    _write(path, header, body)
    return "money_facts.csv:3:amount"


def unknown_camp(data: Path) -> str:
    path = data / "actors.csv"
    header, body = _read(path)
    row = _row_of(body, header, "actor_id", "hastings")
    body[row - 2][header.index("camp")] = "pro_netflix"
    _write(path, header, body)
    return f"actors.csv:{row}:camp"


def id_collision(data: Path) -> str:
    path = data / "actors.csv"
    header, body = _read(path)
    first = body[0][header.index("actor_id")]
    row = _row_of(body, header, "actor_id", "musk")
    body[row - 2][header.index("actor_id")] = first
    _write(path, header, body)
    return f"actors.csv:{row}:actor_id"


def not_utf8(data: Path) -> str:
    path = data / "quotes.csv"
    header, body = _read(path)
    row = 3
    body[row - 2][header.index("translation_en")] = "\x00MARK\x00"
    _write(path, header, body)
    path.write_bytes(path.read_bytes().replace(b"\x00MARK\x00", b"caf\xe9"))
    return f"quotes.csv:{row}:translation_en"


def excerpt_not_in_article(data: Path) -> str:
    path = data / "events.csv"
    header, body = _read(path)
    body[0][header.index("source_excerpt")] = "جملة لا ترد في المقال"
    _write(path, header, body)
    return "events.csv:2:source_excerpt"


def missing_column(data: Path) -> str:
    path = data / "money_flows.csv"
    header, body = _read(path)
    index = header.index("status")
    _write(path, header[:index] + header[index + 1 :], [r[:index] + r[index + 1 :] for r in body])
    return "money_flows.csv:1:status"


def empty_file(data: Path) -> str:
    (data / "endorsements.csv").write_bytes(b"")
    return "endorsements.csv:1:-"


def dangling_reference(data: Path) -> str:
    path = data / "money_flows.csv"
    header, body = _read(path)
    body[2][header.index("target_id")] = "nobody_at_all"
    _write(path, header, body)
    return "money_flows.csv:4:target_id"


CASES: dict[str, Callable[[Path], str]] = {
    "missing file": missing_file,
    "missing article": missing_article,
    "truncated CSV": truncated_csv,
    "wrong type in amount": wrong_type_in_amount,
    "unknown camp": unknown_camp,
    "id collision": id_collision,
    "not UTF-8": not_utf8,
    "excerpt not in article": excerpt_not_in_article,
    "missing column": missing_column,
    "empty file": empty_file,
    "dangling reference": dangling_reference,
}


def _snapshot(data: Path) -> dict[str, str]:
    return {
        str(path.relative_to(data)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(data.rglob("*"))
        if path.is_file()
    }


def _problem_lines(at) -> list[str]:
    assert len(at.code) == 1, "one code block lists the problems"
    return at.code[0].value.split("\n")


@pytest.mark.parametrize("case", list(CASES))
def test_a_broken_dataset_shows_the_failure_page_naming_file_row_and_column(data_copy, case):
    expected = CASES[case](data_copy)
    before = _snapshot(data_copy)
    at = make_app_test(query={"lang": "en"}).run()

    assert not at.exception
    assert [h.value for h in at.header] == [t("data_failed_title", lang) for lang in LANGS]
    assert not at.title and not at.metric and not at.get("plotly_chart")
    assert not any("<table" in m.value or "tm-kf" in m.value for m in at.markdown)
    assert not at.sidebar.multiselect, "nothing past the failure page runs"
    lines = _problem_lines(at)
    assert lines and all(PROBLEM_LINE.match(line) for line in lines), lines
    assert any(line.startswith(expected + ": ") for line in lines), (expected, lines)
    assert _snapshot(data_copy) == before, "the app changed a file of the dataset"
    count("broken-data cases tried")


def test_the_failure_page_shows_on_any_page_and_in_any_language(data_copy):
    expected = wrong_type_in_amount(data_copy)
    before = _snapshot(data_copy)
    for page, lang in (("money", "ar"), ("donors", "en"), ("sources", "xx")):
        at = make_app_test(query={"lang": lang, "camp": "<script>"}, page=page).run()
        assert not at.exception
        assert [h.value for h in at.header] == [t("data_failed_title", lang) for lang in LANGS]
        assert any(line.startswith(expected + ": ") for line in _problem_lines(at))
        assert not at.warning, "the URL is not looked at before the data loads"
    assert _snapshot(data_copy) == before


def test_the_app_reads_the_copy_it_is_pointed_at(data_copy):
    """The other tests' failure pages could come from anywhere; prove the copy is what the app reads."""
    path = data_copy / "camps.csv"
    header, body = _read(path)
    label = body[1][header.index("label_en")] + " (copy)"
    body[1][header.index("label_en")] = label
    _write(path, header, body)
    before = _snapshot(data_copy)
    at = make_app_test(query={"lang": "en"}).run()
    assert not at.exception
    assert t("data_failed_title", "en") not in [h.value for h in at.header]
    assert label in at.sidebar.multiselect[0].options
    assert _snapshot(data_copy) == before
