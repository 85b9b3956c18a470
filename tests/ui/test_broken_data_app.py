"""The app on a broken copy of data/: one failure page naming file:row:column, no traceback, and the
files left exactly as they were (the app only reads them).

Each case breaks a private copy (``data_copy`` points TECH_MONEY_DATA_DIR at it); the expected
``file:row:column`` is worked out from the copy's own rows, not typed.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from techmoney.words.i18n import LANGS, t
from tests.conftest import count, html_text, make_app_test
from tests.corruptions import BROKEN, set_cell, snapshot

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


# One case of each kind the loader refuses (tests/data/test_dataset.py tries them all without an app).
APP_CASES = (
    "a missing file",
    "a missing article",
    "a file cut mid-row",
    "a word for an amount",
    "an unknown camp",
    "an id collision",
    "a cell saved as latin-1",
    "a quote not in the article",
    "a missing required column",
    "a dangling id",
    "a derived amount typed in wrongly",
    "a computed context value typed in",
)


def _problem_lines(at) -> list[str]:
    assert len(at.code) == 1, "one code block lists the problems"
    return at.code[0].value.split("\n")


@pytest.mark.parametrize("case", APP_CASES)
def test_a_broken_dataset_shows_the_failure_page_naming_file_row_and_column(data_copy, case):
    file, row, column = BROKEN[case].apply(data_copy)
    expected = [f"{file}:{row}:{name}" for name in (column, *BROKEN[case].columns)]
    before = snapshot(data_copy)
    at = make_app_test(query={"lang": "en"}).run()

    assert not at.exception
    assert [h.value for h in at.header] == [t("data_failed_title", lang) for lang in LANGS]
    assert not at.title and not at.metric and not at.get("plotly_chart")
    assert "<table" not in html_text(at) and "tm-kf" not in html_text(at)
    assert not at.sidebar.multiselect, "nothing past the failure page runs"
    lines = _problem_lines(at)
    assert lines and all(PROBLEM_LINE.match(line) for line in lines), lines
    assert any(line.startswith(place + ": ") for line in lines for place in expected), (expected, lines)
    assert snapshot(data_copy) == before, "the app changed a file of the dataset"
    count("broken-data cases tried")


def test_the_failure_page_shows_on_any_page_and_in_any_language(data_copy):
    file, row, column = set_cell(data_copy, "money_facts.csv", "gift_hastings_7m", "amount", "seven million")
    expected = f"{file}:{row}:{column}"
    before = snapshot(data_copy)
    for page, lang in (("money", "ar"), ("donors", "en"), ("sources", "xx")):
        at = make_app_test(query={"lang": lang, "camp": "<script>"}, page=page).run()
        assert not at.exception
        assert [h.value for h in at.header] == [t("data_failed_title", lang) for lang in LANGS]
        assert any(line.startswith(expected + ": ") for line in _problem_lines(at))
        assert not at.warning, "the URL is not looked at before the data loads"
    assert snapshot(data_copy) == before


def test_the_app_reads_the_copy_it_is_pointed_at(data_copy):
    """The other tests' failure pages could come from anywhere; prove the copy is what the app reads."""
    path = data_copy / "camps.csv"
    header, body = _read(path)
    label = body[1][header.index("label_en")] + " (copy)"
    body[1][header.index("label_en")] = label
    _write(path, header, body)
    before = snapshot(data_copy)
    at = make_app_test(query={"lang": "en"}).run()
    assert not at.exception
    assert t("data_failed_title", "en") not in [h.value for h in at.header]
    assert label in at.sidebar.multiselect[0].options
    assert snapshot(data_copy) == before
