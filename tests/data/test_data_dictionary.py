"""data/README.md is the data dictionary; these tests keep it true to techmoney/data/schema.py.

Each CSV file has a section headed ``### `file.csv` `` holding a table whose first column names the
file's columns. The tests fail when a column is added to the schema without being documented, when a
documented column no longer exists, when an allowed value is missing from the docs, or when an
example is not taken from the real file.
"""

from __future__ import annotations

import hashlib
import re
import types
import typing
from pathlib import Path

import pandas as pd
import pytest

from techmoney.data.schema import TABLES

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
README = DATA / "README.md"

_SECTION = re.compile(r"^#{2,4}\s+`(?P<file>[A-Za-z0-9_]+\.csv)`", re.MULTILINE)
_HEADING = re.compile(r"^#{1,4}\s", re.MULTILINE)
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_CODE = re.compile(r"`([^`]*)`")


def _cells(line: str) -> list[str]:
    """The cells of one markdown table row (``\\|`` is a literal pipe inside a cell)."""
    inner = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip().replace("\\|", "|") for cell in _UNESCAPED_PIPE.split(inner)]


def documented_tables(text: str) -> dict[str, list[dict[str, str]]]:
    """file name -> the rows of the first table in its section, as {header: cell}."""
    tables: dict[str, list[dict[str, str]]] = {}
    for match in _SECTION.finditer(text):
        body_start = match.end()
        following = _HEADING.search(text, text.index("\n", body_start) + 1)
        body = text[body_start : following.start() if following else len(text)]
        lines = [line for line in body.splitlines() if line.strip().startswith("|")]
        assert len(lines) >= 2, f"section {match['file']} has no table"
        header = [cell.lower() for cell in _cells(lines[0])]
        rows = [dict(zip(header, _cells(line), strict=True)) for line in lines[2:]]
        assert match["file"] not in tables, f"{match['file']} is documented twice"
        tables[match["file"]] = rows
    return tables


@pytest.fixture(scope="module")
def docs() -> dict[str, list[dict[str, str]]]:
    return documented_tables(README.read_text(encoding="utf-8"))


def _literal_values(annotation: object) -> list[str]:
    """Allowed values of a Literal field (also inside ``Literal[...] | None``)."""
    if typing.get_origin(annotation) is typing.Literal:
        return [str(v) for v in typing.get_args(annotation)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [v for arg in typing.get_args(annotation) for v in _literal_values(arg)]
    return []


def test_every_data_file_has_a_section_and_no_section_documents_a_file_that_does_not_exist(docs):
    assert sorted(docs) == sorted(t.file for t in TABLES)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.file)
def test_the_section_documents_exactly_the_schema_columns_in_file_order(docs, table):
    documented = [row["column"].strip("`") for row in docs[table.file]]
    missing = [c for c in table.columns if c not in documented]
    unknown = [c for c in documented if c not in table.columns]
    assert not missing, f"{table.file}: columns in the schema but not in data/README.md: {missing}"
    assert not unknown, f"{table.file}: columns in data/README.md but not in the schema: {unknown}"
    assert documented == list(table.columns), f"{table.file}: document the columns in the file's order"


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.file)
def test_every_column_has_a_type_meaning_allowed_values_and_example(docs, table):
    for row in docs[table.file]:
        for header in ("type", "meaning", "allowed values", "example"):
            assert row.get(header), f"{table.file}: column {row['column']} has no {header!r}"


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.file)
def test_required_and_optional_agree_with_the_schema(docs, table):
    for row in docs[table.file]:
        column = row["column"].strip("`")
        required = table.model.model_fields[column].is_required()
        word = "required" if required else "optional"
        assert word in row["type"], f"{table.file}: {column} is {word} in the schema; its type says {row['type']!r}"


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.file)
def test_every_allowed_value_of_the_schema_is_documented(docs, table):
    for row in docs[table.file]:
        column = row["column"].strip("`")
        allowed = _literal_values(table.model.model_fields[column].annotation)
        documented = _CODE.findall(row["allowed values"])
        missing = [v for v in allowed if v not in documented]
        assert not missing, f"{table.file}: {column} allows {missing} but data/README.md does not list them"


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.file)
def test_every_example_is_taken_from_the_real_file(docs, table):
    frame = pd.read_csv(DATA / table.file, dtype=str, keep_default_na=False, encoding="utf-8")
    for row in docs[table.file]:
        column = row["column"].strip("`")
        examples = _CODE.findall(row["example"])
        assert examples, f"{table.file}: {column} has no example in backticks"
        example = examples[0]
        assert frame[column].str.contains(example, regex=False).any(), (
            f"{table.file}: example {example!r} for {column} does not occur in the file"
        )


def test_the_article_is_the_evidence_copy_the_readme_names():
    """The README pins the article's SHA-256: the evidence is kept byte for byte."""
    stated = re.search(r"SHA-256 `([0-9a-f]{64})`", README.read_text(encoding="utf-8"))
    assert stated, "data/README.md must state the article's SHA-256"
    actual = hashlib.sha256((DATA / "source" / "article_ar.txt").read_bytes()).hexdigest()
    assert actual == stated[1]


def test_the_parser_reads_escaped_pipes_and_sections():
    text = (
        "### `a.csv`\n\n| column | type |\n| --- | --- |\n| x | `\\|`, `/` |\n"
        "## Next\n| column |\n| --- |\n| not_a_column |\n"
    )
    assert documented_tables(text) == {"a.csv": [{"column": "x", "type": "`|`, `/`"}]}
