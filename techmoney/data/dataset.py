"""Load data/ into pandas DataFrames, refusing anything that does not hold up.

Every number the dashboard shows comes through here. Loading validates types and allowed values
(pydantic row models in techmoney.data.schema), unique ids, references between files, that every
excerpt is verbatim in the article, and recomputes derived figures. Any problem is reported as
``file:row:column: message`` (row as a spreadsheet shows it: the header is row 1), and the files
are only ever read.
"""

from __future__ import annotations

import csv
import io
import os
import re
import threading
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from pydantic import ValidationError

from techmoney.data import allocation, derive
from techmoney.data.schema import (
    LIST_SEPARATOR,
    TABLES,
    TABLES_BY_NAME,
    VERBATIM_COLUMNS,
    Table,
    date_matches_precision,
    date_precision_of,
)

_REPO_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DATA_DIR_ENV = "TECH_MONEY_DATA_DIR"


def default_data_dir() -> Path:
    """data/ of the repo, or the directory named by $TECH_MONEY_DATA_DIR (read at each call, so tests
    can point an already-imported app at a copy)."""
    return Path(os.environ.get(DATA_DIR_ENV) or _REPO_DATA_DIR)


DATA_DIR = default_data_dir()
ARTICLE_FILE = "source/article_ar.txt"
CHANGELOG_FILE = "CHANGELOG.md"
CORRECTIONS_AR_FILE = "CORRECTIONS_ar.md"  # the changelog's corrections, in Arabic
DICTIONARY_FILE = "README.md"
PUBLISHER_FILE = "publisher.toml"  # the edition's publisher settings (contact); optional
PUBLISHER_KEYS = ("contact",)
# A contact the footer may link: an https:// page or a mailto: address, nothing markup or a query would escape.
_CONTACT = re.compile(
    r"(https://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~!$'()*+,;=:@%/-]*)?(?:\?[A-Za-z0-9._~!$'()*+,;=:@%/?-]*)?"
    r"|mailto:[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})"
)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.message}"


class DatasetError(Exception):
    """The dataset failed validation; ``problems`` lists each one with file, row and column."""

    def __init__(self, problems: list[Problem]):
        self.problems = tuple(sorted(set(problems)))
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: caches key on the loaded object
class Dataset:
    article: str
    version: str
    tables: dict[str, pd.DataFrame] = field(repr=False)
    documents: dict[str, str] = field(default_factory=dict, repr=False)  # README.md and CHANGELOG.md, as read
    released: str = ""  # the version's date in the changelog (ISO), "" when it gives none
    contact: str = (
        ""  # where readers reach the publisher (publisher.toml): an https:// or mailto: address, or "" for none
    )
    data_dir: Path | None = field(
        default=None, repr=False
    )  # where it was read from: a data file's download serves its bytes

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def by_id(self, table: str) -> dict[object, pd.Series]:
        """Rows of a table keyed by their id (built once: the charts look rows up on every build)."""
        cache = self.__dict__.setdefault("_by_id", {})
        if table not in cache:
            frame = self.tables[table]
            cache[table] = {row[frame.columns[0]]: row for _, row in frame.iterrows()}
        return cache[table]

    @property
    def article_lines_all(self) -> list[str]:
        return self.article.split("\n")


def load_dataset(data_dir: Path | str | None = None) -> Dataset:
    """Read and validate every file in ``data_dir`` (default: :func:`default_data_dir`); raise
    DatasetError listing all problems."""
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    problems: list[Problem] = []
    article = _read_text(data_dir, ARTICLE_FILE, problems)
    rows_by_table: dict[str, list[tuple[int, dict]]] = {}
    for table in TABLES:
        rows_by_table[table.name] = _read_table(data_dir, table, problems)
    if article is not None:
        problems += _check_verbatim(rows_by_table, article)
    problems += _check_ids_and_references(rows_by_table)
    problems += _check_rules(rows_by_table)
    money_facts, derive_problems = _with_derived_amounts(rows_by_table["money_facts"])
    problems += derive_problems
    context_facts, context_problems = _with_context_values(rows_by_table["context_facts"], money_facts)
    problems += context_problems
    publisher = read_publisher(data_dir, problems)
    if problems:
        raise DatasetError(problems)
    tables = {t.name: pd.DataFrame([r for _, r in rows_by_table[t.name]], columns=list(t.columns)) for t in TABLES}
    tables["money_facts"] = money_facts
    tables["context_facts"] = context_facts
    for frame in tables.values():
        # A blank text cell reads as "" (not NaN), so `if row["note"]` means what it says.
        text_columns = [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])]
        frame[text_columns] = frame[text_columns].fillna("")
    documents = {
        name: (data_dir / name).read_text(encoding="utf-8")
        for name in (DICTIONARY_FILE, CHANGELOG_FILE, CORRECTIONS_AR_FILE)
        if (data_dir / name).exists()
    }
    version, released = read_release(data_dir)
    return Dataset(
        article=article or "",
        version=version,
        tables=tables,
        documents=documents,
        released=released,
        contact=publisher["contact"],
        data_dir=data_dir,
    )


_shared: dict[str, Dataset] = {}  # $TECH_MONEY_DATA_DIR ("" = data/) -> its dataset
_shared_lock = threading.Lock()


def shared_dataset() -> Dataset:
    """The dataset of :func:`default_data_dir`, loaded once per process and shared by the app's pages
    and its download routes (raises DatasetError; a failed load is tried again on the next call).

    Called dozens of times a rerun, so the fast path is one environment lookup and one dict lookup.
    """
    key = os.environ.get(DATA_DIR_ENV, "")
    found = _shared.get(key)
    if found is None:
        with _shared_lock:
            found = _shared.get(key)
            if found is None:
                found = _shared[key] = load_dataset(default_data_dir())
    return found


def forget_shared_dataset() -> None:
    """Load the files again on next use (tests that edit a copy of data/; the app never reloads)."""
    _shared.clear()


def read_version(data_dir: Path | str | None = None) -> str:
    """The dataset version: the first ``## x.y.z`` heading of data/CHANGELOG.md."""
    return read_release(data_dir)[0]


def read_release(data_dir: Path | str | None = None) -> tuple[str, str]:
    """The dataset version and its date, from the first ``## x.y.z — YYYY-MM-DD`` heading of
    data/CHANGELOG.md ("unversioned" and "" when there is none)."""
    path = Path(data_dir if data_dir is not None else default_data_dir()) / CHANGELOG_FILE
    if not path.exists():
        return "unversioned", ""
    match = re.search(
        r"^##\s+(\d+\.\d+\.\d+)(?:\s+\S+\s+(\d{4}-\d{2}-\d{2}))?", path.read_text(encoding="utf-8"), re.MULTILINE
    )
    return (match.group(1), match.group(2) or "") if match else ("unversioned", "")


def is_contact(value: str) -> bool:
    """Whether a publisher's contact is one a page may link: an https:// or a mailto: address."""
    return bool(_CONTACT.fullmatch(value))


def read_publisher(data_dir: Path, problems: list[Problem]) -> dict[str, str]:
    """The publisher's settings (publisher.toml): every key of PUBLISHER_KEYS, "" when the file or the key is
    absent. A file that is not TOML, an unknown key, a value that is not text or a contact that is not an
    https:// or mailto: address is a problem, named by file, line and key."""
    found = dict.fromkeys(PUBLISHER_KEYS, "")
    path = data_dir / PUBLISHER_FILE
    if not path.exists():
        return found
    text = _read_text(data_dir, PUBLISHER_FILE, problems)
    if text is None:
        return found
    try:
        settings = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        problems.append(Problem(PUBLISHER_FILE, getattr(err, "lineno", 0), "-", f"not TOML: {err}"))
        return found

    def line_of(key: str) -> int:
        return next(
            (n for n, line in enumerate(text.splitlines(), 1) if re.match(rf"\s*{re.escape(key)}\s*=", line)), 0
        )

    for key, value in settings.items():
        if key not in PUBLISHER_KEYS:
            problems.append(Problem(PUBLISHER_FILE, line_of(key), key, "unknown setting (not in the data dictionary)"))
        elif not isinstance(value, str):
            problems.append(Problem(PUBLISHER_FILE, line_of(key), key, f"must be text in quotes (found {value!r})"))
        elif value.strip() and not is_contact(value.strip()):
            problems.append(
                Problem(
                    PUBLISHER_FILE,
                    line_of(key),
                    key,
                    f"must be an https:// address or a mailto: address, or empty (found {value!r})",
                )
            )
        else:
            found[key] = value.strip()
    return found


def _read_text(data_dir: Path, name: str, problems: list[Problem]) -> str | None:
    path = data_dir / name
    if not path.exists():
        problems.append(Problem(name, 0, "-", "file is missing"))
        return None
    try:
        raw = path.read_bytes()
    except OSError as err:
        problems.append(Problem(name, 0, "-", f"cannot be read: {err.strerror or err}"))
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        row = raw[: err.start].count(b"\n") + 1
        problems.append(Problem(name, row, "-", f"not valid UTF-8 (byte 0x{raw[err.start]:02x})"))
        return None


def _read_table(data_dir: Path, table: Table, problems: list[Problem]) -> list[tuple[int, dict]]:
    path = data_dir / table.file
    if not path.exists():
        problems.append(Problem(table.file, 0, "-", "file is missing"))
        return []
    try:
        raw = path.read_bytes()
    except OSError as err:
        problems.append(Problem(table.file, 0, "-", f"cannot be read: {err.strerror or err}"))
        return []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        problems.append(_decode_problem(table, raw, err))
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as err:
        problems.append(Problem(table.file, reader.line_num, "-", f"malformed CSV: {err}"))
        return []
    if not records:
        problems.append(Problem(table.file, 1, "-", "file is empty: expected a header row"))
        return []
    header, body = records[0], records[1:]
    for column in table.columns:
        if column not in header:
            message = (
                "required column is missing"
                if column in table.required_columns
                else "optional column is missing (its cells may be blank, but the column must be there)"
            )
            problems.append(Problem(table.file, 1, column, message))
    for column in header:
        if column not in table.columns:
            problems.append(Problem(table.file, 1, column or "-", "unknown column (not in the data dictionary)"))
    if any(p.file == table.file and p.row == 1 for p in problems):
        return []
    rows = []
    for index, record in enumerate(body):
        row_number = index + 2
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            problems.append(
                Problem(
                    table.file,
                    row_number,
                    header[min(len(record), len(header)) - 1] if record else "-",
                    f"expected {len(header)} cells, found {len(record)} (a missing or extra comma, or a truncated row)",
                )
            )
            continue
        cells = dict(zip(header, record, strict=True))
        try:
            model = table.model.model_validate(cells)
        except ValidationError as err:
            for error in err.errors():
                column = str(error["loc"][0]) if error["loc"] else "-"
                value = cells.get(column, "")
                problems.append(Problem(table.file, row_number, column, f"{error['msg']} (found {value!r})"))
            continue
        rows.append((row_number, model.model_dump()))
    return rows


def _decode_problem(table: Table, raw: bytes, err: UnicodeDecodeError) -> Problem:
    line_start = raw.rfind(b"\n", 0, err.start) + 1
    row = raw[: err.start].count(b"\n") + 1
    header = next(csv.reader([raw.split(b"\n", 1)[0].decode("utf-8", errors="replace").strip()]), [])
    # Parse the row up to the bad byte as CSV, so commas inside quoted cells are not counted.
    prefix = raw[line_start : err.start].decode("utf-8", errors="replace") + "x"
    cell_index = len(next(csv.reader([prefix]), [""])) - 1
    column = header[cell_index] if cell_index < len(header) else "-"
    return Problem(table.file, row, column, f"not valid UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8")


def _check_verbatim(rows_by_table: dict[str, list[tuple[int, dict]]], article: str) -> list[Problem]:
    problems = []
    article_lines = article.split("\n")
    for table in TABLES:
        for row_number, row in rows_by_table[table.name]:
            for column in VERBATIM_COLUMNS:
                excerpt = row.get(column)
                if excerpt and excerpt not in article:
                    problems.append(
                        Problem(
                            table.file,
                            row_number,
                            column,
                            f"not a verbatim excerpt of {ARTICLE_FILE}: {excerpt[:60]!r}",
                        )
                    )
    for row_number, row in rows_by_table["article_lines"]:
        number = row["line_number"]
        actual = article_lines[number - 1] if number <= len(article_lines) else None
        if actual != row["text"]:
            problems.append(
                Problem("article_lines.csv", row_number, "text", f"differs from line {number} of the article")
            )
    return problems


def _check_ids_and_references(rows_by_table: dict[str, list[tuple[int, dict]]]) -> list[Problem]:
    problems = []
    ids: dict[str, set] = {}
    for table in TABLES:
        seen: dict[object, int] = {}
        for row_number, row in rows_by_table[table.name]:
            key = row[table.id_column]
            for column in (table.id_column, *table.references):
                value = row.get(column)
                if isinstance(value, str) and any(part != part.strip() for part in value.split(LIST_SEPARATOR)):
                    problems.append(Problem(table.file, row_number, column, f"{value!r} has spaces around an id"))
            if key in seen:
                problems.append(
                    Problem(
                        table.file, row_number, table.id_column, f"duplicate id {key!r} (first used in row {seen[key]})"
                    )
                )
            seen.setdefault(key, row_number)
        ids[table.name] = set(seen)
    for table in TABLES:
        for row_number, row in rows_by_table[table.name]:
            for column, target in table.references.items():
                value = row.get(column)
                if not value:
                    continue
                for ref in str(value).split(LIST_SEPARATOR):
                    if ref.strip() not in ids[target]:
                        problems.append(
                            Problem(
                                table.file,
                                row_number,
                                column,
                                f"{ref.strip()!r} is not an id in {TABLES_BY_NAME[target].file}",
                            )
                        )
    return problems


def _check_rules(rows_by_table: dict[str, list[tuple[int, dict]]]) -> list[Problem]:
    """Rules that span columns of one row."""
    problems = []
    for row_number, row in rows_by_table["money_facts"]:
        derived = row["qualifier"] == "derived"
        if derived and not (row["derivation"] and row["inputs"] and row["formula_en"]):
            problems.append(
                Problem(
                    "money_facts.csv",
                    row_number,
                    "derivation",
                    "a derived row names its derivation, inputs and formula_en",
                )
            )
        if not derived and row["derivation"]:
            problems.append(
                Problem(
                    "money_facts.csv", row_number, "qualifier", "a row with a derivation must have qualifier 'derived'"
                )
            )
        if not derived and row["amount"] is None:
            problems.append(
                Problem("money_facts.csv", row_number, "amount", "amount is required unless the row is derived")
            )
        if not date_matches_precision(row["date"], row["date_precision"]):
            problems.append(
                Problem(
                    "money_facts.csv",
                    row_number,
                    "date",
                    f"{row['date']!r} does not match date_precision {row['date_precision']!r}",
                )
            )
    for row_number, row in rows_by_table["events"]:
        if not date_matches_precision(row["date"], row["date_precision"]):
            problems.append(
                Problem(
                    "events.csv",
                    row_number,
                    "date",
                    f"{row['date']!r} does not match date_precision {row['date_precision']!r}",
                )
            )
    gifts = {row["fact_id"]: row for _, row in rows_by_table["money_facts"]}
    for row_number, row in rows_by_table["public_records"]:
        gift = gifts.get(row["fact_id"])
        if gift is not None and (gift["kind"] != "donation" or not gift["payer_id"]):
            problems.append(
                Problem(
                    "public_records.csv",
                    row_number,
                    "fact_id",
                    "a public record is of a gift: a donation row with a payer_id",
                )
            )
    return problems


def _with_derived_amounts(fact_rows: list[tuple[int, dict]]) -> tuple[pd.DataFrame, list[Problem]]:
    """Money facts with derived amounts filled in (and typed-in derived amounts checked)."""
    problems = []
    by_id = {row["fact_id"]: row for _, row in fact_rows}
    records = []
    for row_number, row in fact_rows:
        record = dict(row)
        if row["derivation"] and row["inputs"]:
            input_ids = [i.strip() for i in row["inputs"].split(LIST_SEPARATOR)]
            inputs = [by_id.get(i) for i in input_ids]
            amounts = [i["amount"] if i else None for i in inputs]
            if None in amounts:
                problems.append(
                    Problem("money_facts.csv", row_number, "inputs", "every input must be a fact with an amount")
                )
            else:
                try:
                    value = derive.derived_value(row["derivation"], amounts)
                    bound = derive.derived_bound(row["derivation"], [i["bound"] for i in inputs])
                except ValueError as err:
                    problems.append(Problem("money_facts.csv", row_number, "derivation", str(err)))
                else:
                    if row["amount"] is not None and abs(row["amount"] - value) > 1e-9:
                        problems.append(
                            Problem(
                                "money_facts.csv",
                                row_number,
                                "amount",
                                f"typed-in {row['amount']} differs from the derivation's {value:g}",
                            )
                        )
                    if bound != row["bound"]:
                        problems.append(
                            Problem(
                                "money_facts.csv",
                                row_number,
                                "bound",
                                f"the inputs make this value {bound!r}, not {row['bound']!r}",
                            )
                        )
                    record["amount"] = value
        records.append(record)
    columns = list(TABLES_BY_NAME["money_facts"].columns)
    frame = pd.DataFrame(records, columns=columns)
    frame["amount"] = frame["amount"].astype("float64")
    return frame, problems


CONTEXT_FILE = TABLES_BY_NAME["context_facts"].file


def _with_context_values(
    context_rows: list[tuple[int, dict]], money_facts: pd.DataFrame
) -> tuple[pd.DataFrame, list[Problem]]:
    """The context table with its derived values computed (techmoney.data.allocation), after the rules
    that span its columns and its references to money_facts.csv are checked."""
    problems = _check_context_rows(context_rows, set(money_facts["fact_id"]))
    row_number = {row["context_id"]: number for number, row in context_rows}
    columns = list(TABLES_BY_NAME["context_facts"].columns)
    if not problems:
        values, failures = allocation.evaluate(
            [r for _, r in context_rows], allocation.money_operands(money_facts.to_dict("records"))
        )
        problems += [Problem(CONTEXT_FILE, row_number[i], column, message) for i, column, message in failures]
        problems += _check_steps_reach_the_cap(context_rows, values, money_facts)
    else:
        values = {}
    records = [
        {**row, "value": int(values[row["context_id"]]) if row["context_id"] in values else row["value"]}
        for _, row in context_rows
    ]
    frame = pd.DataFrame(records, columns=columns)
    frame[["value", "step"]] = frame[["value", "step"]].astype("Int64")
    return frame, problems


def _check_context_rows(context_rows: list[tuple[int, dict]], money_ids: set[str]) -> list[Problem]:
    """One row at a time: a derived row names its inputs and leaves its value to the loader; a sourced
    row names its source; an inferred row states its assumption; units, steps and dates make sense."""
    problems = []
    context_ids = {row["context_id"] for _, row in context_rows}

    def problem(number: int, column: str, message: str) -> None:
        problems.append(Problem(CONTEXT_FILE, number, column, message))

    for number, row in context_rows:
        derived, confidence = row["derivation"] is not None, row["confidence"]
        if row["context_id"] in money_ids:
            problem(
                number,
                "context_id",
                f"{row['context_id']!r} is also an id in money_facts.csv: inputs naming it would be ambiguous",
            )
        if derived and not row["inputs"]:
            problem(number, "inputs", "a derived row names its inputs")
        if not derived and row["inputs"]:
            problem(number, "derivation", "a row with inputs names its derivation (sum, product, difference, quotient)")
        if derived and row["value"] is not None:
            problem(number, "value", f"a derived row leaves value blank: the loader computes it (found {row['value']})")
        if confidence in allocation.DERIVED and not derived:
            problem(number, "derivation", f"a row of confidence {confidence!r} names its derivation and inputs")
        if confidence in allocation.PUBLIC_RECORD:
            for column in ("source_title", "publisher_ar", "publisher_en"):
                if not row[column]:
                    problem(
                        number,
                        column,
                        f"a row of confidence {confidence!r} names its source "
                        "(source_title, publisher_ar, publisher_en)",
                    )
                    break
        if confidence == "our_inference":
            for column in ("assumption_ar", "assumption_en"):
                if not row[column]:
                    problem(number, column, "an inferred row states its assumption in both languages")
        if (row["value"] is not None or derived) and row["unit"] is None:
            problem(number, "unit", "a row with a value (typed or derived) names its unit")
        if row["unit"] is not None and row["value"] is None and not derived:
            problem(number, "unit", "a unit without a value: give the value, or leave unit blank")
        if (row["step"] is not None) != (row["kind"] == "allocation_step"):
            problem(number, "step", "a row has a step exactly when its kind is 'allocation_step'")
        date = row["source_date"]
        if date is not None and not date_matches_precision(date, date_precision_of(date)):
            problem(number, "source_date", f"{date!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
        for ref in (row["inputs"] or "").split(LIST_SEPARATOR) if row["inputs"] else ():
            if ref != ref.strip():
                problem(number, "inputs", f"{row['inputs']!r} has spaces around an id")
            elif ref not in context_ids and ref not in money_ids:
                problem(number, "inputs", f"{ref!r} is not an id in {CONTEXT_FILE} or money_facts.csv")
    steps = sorted((row["step"], number) for number, row in context_rows if row["step"] is not None)
    for position, (step, number) in enumerate(steps, 1):
        if step != position:
            problem(
                number,
                "step",
                f"steps are numbered 1, 2, 3 … without gaps or repeats; expected {position}, found {step}",
            )
            break
    return problems


def _check_steps_reach_the_cap(
    context_rows: list[tuple[int, dict]], values: dict, money_facts: pd.DataFrame
) -> list[Problem]:
    """The allocation steps add up to the article's cap they are computed from (a legal_limit fact)."""
    steps = [(number, row) for number, row in context_rows if row["step"] is not None]
    if not steps or any(row["context_id"] not in values for _, row in steps):
        return []
    context = {row["context_id"]: row for _, row in context_rows}
    limits = money_facts.loc[money_facts["kind"] == "legal_limit"].set_index("fact_id")["amount"]
    caps = {ref for _, row in steps for ref in allocation.sources_of(context, row["context_id"]) if ref in limits.index}
    number, _last = max(steps, key=lambda step: step[1]["step"])
    total = sum(values[row["context_id"]] for _, row in steps)
    if len(caps) != 1:
        return [
            Problem(
                CONTEXT_FILE,
                number,
                "inputs",
                "the steps should be computed from exactly one legal_limit of money_facts.csv, "
                f"found {sorted(caps) or 'none'}",
            )
        ]
    (cap,) = caps
    if total != limits[cap]:
        return [
            Problem(
                CONTEXT_FILE,
                number,
                "inputs",
                f"the steps add up to {allocation.shown_number(total)}, "
                f"not the {cap} of {allocation.shown_number(limits[cap])}",
            )
        ]
    return []
