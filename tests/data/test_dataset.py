"""The dataset in data/, specified: what must hold of the real files, and what the loader must refuse.

1. The real data loads, ids are unique, every excerpt and quote is verbatim in the article, and every
   reference resolves. These checks read the CSVs with pandas rather than trusting the loader.
2. Coverage: every amount of money, year and date expression in the article's story text (and title)
   is in the data, or is listed below as deliberately left out, with the reason.
3. Derived figures recompute from their inputs.
4. Broken copies of data/ are refused, by ``load_dataset`` and by ``python -m techmoney.data.validate``,
   with a message naming the right ``file:row:column``. The real data/ is never written.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest

from techmoney.data import validate
from techmoney.data.dataset import Dataset, DatasetError, load_dataset, read_version
from techmoney.data.schema import TABLES, TABLES_BY_NAME
from tests.corruptions import BROKEN, set_cell, snapshot

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
ARTICLE = DATA / "source" / "article_ar.txt"


@pytest.fixture(scope="module", autouse=True)
def real_data_is_never_written():
    """Nothing in this module (loader, CLI, tests) may change a byte of data/."""
    before = snapshot(DATA)
    yield
    assert snapshot(DATA) == before, "data/ changed while tests/data/test_dataset.py ran"


@pytest.fixture(scope="module")
def raw() -> dict[str, pd.DataFrame]:
    """The CSVs as plain text, read independently of the loader."""
    return {t.name: pd.read_csv(DATA / t.file, dtype=str, keep_default_na=False, encoding="utf-8") for t in TABLES}


@pytest.fixture(scope="module")
def article() -> str:
    return ARTICLE.read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(DATA)


# --- 1. The real data -------------------------------------------------------------------------------

# Which columns point at which file. Written out here (not read from the schema) so that the check
# below is independent of components/; the last test of this section holds the schema to it.
REFERENCES: dict[str, dict[str, str]] = {
    "camps": {},
    "actors": {"camp": "camps", "affiliation_id": "actors"},
    "money_facts": {
        "payer_id": "actors",
        "payee_id": "actors",
        "inputs": "money_facts",
        "context_ids": "context_facts",
    },
    "money_flows": {"source_id": "actors", "target_id": "actors", "fact_id": "money_facts"},
    "endorsements": {"endorser_id": "actors", "endorsed_id": "actors", "event_id": "events"},
    "quotes": {"speaker_id": "actors", "reported_by_id": "actors", "event_id": "events"},
    "events": {"actor_ids": "actors", "context_ids": "context_facts"},
    "article_lines": {},
    "context_facts": {},  # `inputs` names rows of context_facts.csv or money_facts.csv: checked below
    "public_records": {"fact_id": "money_facts"},
}
ID_COLUMNS = {
    "camps": "camp_id",
    "actors": "actor_id",
    "money_facts": "fact_id",
    "money_flows": "flow_id",
    "endorsements": "endorsement_id",
    "quotes": "quote_id",
    "events": "event_id",
    "article_lines": "line_number",
    "context_facts": "context_id",
    "public_records": "record_id",
}


def test_the_real_data_loads_with_every_row_and_the_changelog_version(dataset, raw):
    for name, frame in raw.items():
        assert len(dataset.tables[name]) == len(frame) > 0, name
    assert re.fullmatch(r"\d+\.\d+\.\d+", dataset.version)
    assert dataset.version == read_version(DATA)
    assert dataset.article == ARTICLE.read_text(encoding="utf-8")


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.file)
def test_every_file_has_exactly_the_schema_columns_in_order(table):
    with (DATA / table.file).open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert header == list(table.columns)


@pytest.mark.parametrize("name", list(ID_COLUMNS))
def test_ids_are_unique_and_never_blank(raw, name):
    ids = raw[name][ID_COLUMNS[name]]
    assert (ids.str.strip() != "").all()
    duplicates = sorted(ids[ids.duplicated()])
    assert not duplicates, f"{name}: duplicate ids {duplicates}"


def test_every_excerpt_and_quote_is_verbatim_in_the_article(raw, article):
    missing = [
        f"{name}.csv:{index + 2}:{column}"
        for name, frame in raw.items()
        for column in ("source_excerpt", "quote_ar")
        if column in frame
        for index, text in frame[column].items()
        if text and text not in article
    ]
    assert not missing, f"not verbatim in the article: {missing}"
    for name, frame in raw.items():
        if "source_excerpt" in frame:
            assert (frame["source_excerpt"] != "").all(), f"{name}: every row cites the article"


def test_every_quote_is_inside_its_own_excerpt(raw):
    quotes = raw["quotes"]
    assert all(q in e for q, e in zip(quotes["quote_ar"], quotes["source_excerpt"], strict=True))


def test_article_lines_are_the_articles_lines_and_the_title_is_one_of_them(raw, article):
    lines = article.split("\n")
    for number, text in zip(raw["article_lines"]["line_number"], raw["article_lines"]["text"], strict=True):
        assert lines[int(number) - 1] == text, f"line {number}"
    assert (raw["article_lines"]["kind"] == "title").sum() == 1


@pytest.mark.parametrize("name", list(REFERENCES))
def test_every_reference_resolves(raw, name):
    dangling = []
    for column, target in REFERENCES[name].items():
        known = set(raw[target][ID_COLUMNS[target]])
        for index, cell in raw[name][column].items():
            refs = cell.split(";") if cell else []
            dangling += [f"{name}.csv:{index + 2}:{column}: {ref!r}" for ref in refs if ref not in known]
    assert not dangling, dangling


def test_context_inputs_name_context_or_money_facts_and_no_id_is_both(raw):
    context, money = set(raw["context_facts"]["context_id"]), set(raw["money_facts"]["fact_id"])
    assert not context & money, "an id in both files would make inputs ambiguous"
    dangling = [
        f"context_facts.csv:{index + 2}:inputs: {ref!r}"
        for index, cell in raw["context_facts"]["inputs"].items()
        for ref in (cell.split(";") if cell else [])
        if ref not in context | money
    ]
    assert not dangling, dangling


def test_computed_context_values_are_left_blank_and_sourced_rows_name_their_source(raw):
    """Public record is cited, never mixed with the article; our figures are computed, never typed."""
    for _, row in raw["context_facts"].iterrows():
        if row["derivation"]:
            assert row["value"] == "", f"{row['context_id']}: a computed value is never typed in"
        if row["confidence"] in ("certain", "reported"):
            assert row["source_title"] and row["publisher_en"] and row["publisher_ar"], row["context_id"]
        else:
            assert row["derivation"] and row["inputs"], row["context_id"]
        if row["confidence"] == "our_inference":
            assert row["assumption_en"] and row["assumption_ar"], row["context_id"]


def test_the_schema_declares_the_same_references():
    assert {t.name: dict(t.references) for t in TABLES} == REFERENCES
    assert {t.name: t.id_column for t in TABLES} == ID_COLUMNS


# --- 2. Coverage: everything the article says about money and dates is in the data ------------------

# "<number> <scale> دولار", "<scale> دولار" (one of the scale) or "<number> دولار".
_SCALES = {"ألف": 10**3, "آلاف": 10**3, "مليون": 10**6, "ملايين": 10**6, "مليار": 10**9, "مليارات": 10**9}
_NUMBER_WORDS = {
    "واحد": 1, "اثنان": 2, "اثنين": 2, "ثلاثة": 3, "أربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7,
    "ثمانية": 8, "تسعة": 9, "عشرة": 10, "مئة": 100, "مائة": 100,
}  # fmt: skip
AMOUNT = re.compile(
    r"(?:(?P<number>\d[\d,]*)\s+|(?P<word>" + "|".join(_NUMBER_WORDS) + r")\s+)?"
    r"(?P<scale>" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")?\s*دولار"
)
YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")

# Date expressions, each optionally led by a one-letter clitic (و، ف، ب، ل) as in "وبعد شهر واحد".
_MONTHS = (
    "يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|"
    "كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول"
)
_DAYS = "أحد|اثنين|إثنين|ثلاثاء|أربعاء|خميس|جمعة|سبت"
_SPANS = (
    "يوم واحد|يومين|أيام|أسبوع واحد|أسبوعين|أسابيع|شهر واحد|شهرين|أشهر|شهور|عام واحد|عامين|أعوام|"
    "سنة|سنتين|سنوات|فترة وجيزة|فترة قصيرة|فترة طويلة"
)
DATE_PATTERNS = (
    rf"(?:يوم )?ال(?:{_DAYS})",  # يوم الأحد
    rf"(?:{_MONTHS})(?:/(?:{_MONTHS}))?",  # مارس/آذار
    rf"(?:بعد|قبل|منذ) (?:{_SPANS})",  # بعد يومين، بعد شهر واحد، بعد فترة وجيزة، منذ فترة طويلة
    r"(?:ال)?(?:عام|سنة|شهر|أسبوع) (?:ال)?(?:ماضي|ماضية|مقبل|مقبلة|قادم|قادمة|حالي|حالية)",  # العام الماضي
    r"(?:ال)?(?:سنوات|أعوام|أشهر|شهور|أسابيع|أيام) (?:ال)?(?:أخيرة|ماضية|مقبلة|قادمة)",  # السنوات الأخيرة
    r"(?:أوائل|أواخر|منتصف|بداية|نهاية) (?:عام|العام|شهر|الشهر|سنة)",  # أوائل عام
    r"حتى الآن|الآن|اليوم|أمس|غدًا|غدا",
)
DATE_EXPRESSION = re.compile(r"(?<!\w)[وفبل]?(?P<expr>" + "|".join(DATE_PATTERNS) + r")(?!\w)")

# Time words in the article that are not events, so no events row covers them.
NOT_EVENTS = {
    "منذ فترة طويلة": "Hastings is 'a long-time Democratic donor': a description, not a dated event.",
    "حتى الآن": "'So far' the campaign's results are mixed: the time of writing, not an event.",
    "الآن": "'Now': the time of writing (line 34) and inside Hastings's quote 'now it's time to win' (line 20).",
}


@pytest.fixture(scope="module")
def covered_text(dataset) -> str:
    """The story text (every non-blank line not marked as title, related link or boilerplate) plus the
    headline (which carries a figure)."""
    lines = dataset.article_lines
    title = lines.loc[lines["kind"] == "title", "text"]
    marked = set(lines["line_number"])
    story = [line for i, line in enumerate(dataset.article_lines_all, 1) if line.strip() and i not in marked]
    return "\n".join([*title, *story])


def _line_of(text: str, position: int) -> str:
    return text[text.rfind("\n", 0, position) + 1 : (text.find("\n", position) + 1 or len(text) + 1) - 1]


def _amount(match: re.Match) -> int:
    number, word, scale = match["number"], match["word"], match["scale"]
    if number is None and word is None:
        assert scale in ("ألف", "مليون", "مليار"), f"{match.group()!r}: a plural scale needs a number"
        return _SCALES[scale]
    base = int(number.replace(",", "")) if number else _NUMBER_WORDS[word]
    return base * _SCALES.get(scale, 1)


def test_the_amount_pattern_reads_the_forms_the_article_uses():
    found = [
        _amount(m)
        for m in AMOUNT.finditer("100 مليون دولار، 7 ملايين دولار، مليون دولار، 844600 دولار، سبعة ملايين دولار")
    ]
    assert found == [100_000_000, 7_000_000, 1_000_000, 844_600, 7_000_000]


def test_every_amount_in_the_article_is_a_money_fact(covered_text, raw):
    matches = [m for m in AMOUNT.finditer(covered_text) if m["number"] or m["word"] or m["scale"]]
    assert len(matches) == covered_text.count("دولار"), "an amount in the article is in a form the pattern misses"
    assert {_amount(m) for m in matches} == {100_000_000, 7_000_000, 1_000_000, 844_600}
    facts = raw["money_facts"]
    for match in matches:
        rows = facts[
            (facts["amount"] == str(_amount(match))) & facts["source_excerpt"].str.contains(match.group(), regex=False)
        ]
        assert len(rows), f"{match.group()!r} has no money_facts row with that amount citing it"


def test_every_year_in_the_article_is_an_event_dated_that_year(covered_text, raw):
    events = raw["events"]
    years = [(m.group(), _line_of(covered_text, m.start())) for m in YEAR.finditer(covered_text)]
    assert [y for y, _ in years] == ["2011", "2019", "2025"]
    for year, line in years:
        rows = events[
            events["date"].str.startswith(year)
            & events["source_excerpt"].str.contains(year, regex=False)
            & events["source_excerpt"].map(lambda e, line=line: e in line)
        ]
        assert len(rows), f"year {year} (in {line[:40]!r}…) has no events row"


def test_every_date_expression_is_an_event_or_a_documented_exclusion(covered_text, raw):
    events = raw["events"]
    found = [(m["expr"], m.group(), _line_of(covered_text, m.start())) for m in DATE_EXPRESSION.finditer(covered_text)]
    expressions = {expr for expr, _, _ in found}
    assert {
        "يوم الأحد",
        "بعد فترة وجيزة",
        "بعد يومين",
        "العام الماضي",
        "مارس/آذار",
        "بعد شهر واحد",
        "أوائل عام",
        "السنوات الأخيرة",
    } <= expressions
    uncovered = []
    for expr, matched, line in found:
        if expr in NOT_EVENTS:
            continue
        covering = events[events["source_excerpt"].map(lambda e, m=matched, l=line: m in e and e in l)]
        if covering.empty or (covering["date_reasoning"] == "").any():
            uncovered.append(matched)
    assert not uncovered, f"date expressions with no events row citing them: {uncovered}"
    stale = set(NOT_EVENTS) - expressions
    assert not stale, f"NOT_EVENTS lists expressions the article no longer has: {stale}"


def test_dates_worked_out_rather_than_read_are_marked_approximate(raw):
    for _, event in raw["events"].iterrows():
        relative = DATE_EXPRESSION.search(event["source_excerpt"]) is not None
        year_given = bool(event["date"]) and event["date"][:4] in event["source_excerpt"]
        if relative or not year_given:
            assert event["date_approximate"] == "true", f"{event['event_id']} is worked out: mark it approximate"
        else:
            assert event["date_precision"] == "year", f"{event['event_id']}: the article gives only the year"
        assert event["date_reasoning"].strip(), event["event_id"]


def test_unnamed_amounts_are_left_blank_rather_than_guessed(raw):
    """Flows the article gives no amount for have no fact; no fact has an amount absent from the article."""
    flows = raw["money_flows"].set_index("flow_id")
    for flow in (
        "flow_effort_to_campaign",
        "flow_effort_to_pacs",
        "flow_effort_to_dark_money",
        "flow_andreessen_to_pro_trump_pac",
        "flow_horowitz_to_pro_trump_pac",
    ):
        assert flows.loc[flow, "fact_id"] == ""
    typed = {int(a) for a in raw["money_facts"]["amount"] if a}
    assert typed == {100_000_000, 7_000_000, 1_000_000, 844_600}


# --- 3. Derived figures ------------------------------------------------------------------------------


def _fact(raw, fact_id: str) -> pd.Series:
    return raw["money_facts"].set_index("fact_id").loc[fact_id]


@pytest.mark.parametrize("twin", ["cameron", "tyler"])
def test_refund_per_twin_is_the_gift_minus_the_legal_limit_and_a_minimum(raw, dataset, twin):
    gift, limit = _fact(raw, f"gift_{twin}_btc"), _fact(raw, "limit_trump47_person")
    refund_raw = _fact(raw, f"refund_{twin}_min")
    assert refund_raw["amount"] == "", "a derived amount is computed, never typed in"
    assert refund_raw["inputs"] == f"gift_{twin}_btc;limit_trump47_person"
    assert (gift["bound"], limit["bound"]) == ("at_least", "exact")
    expected = int(gift["amount"]) - int(limit["amount"])
    assert expected == 155_400
    refund = dataset.money_facts.set_index("fact_id").loc[f"refund_{twin}_min"]
    assert refund["amount"] == expected
    assert refund["bound"] == "at_least"


def test_hastings_share_of_the_goal_is_seven_percent_at_most(raw, dataset):
    gift, goal = _fact(raw, "gift_hastings_7m"), _fact(raw, "goal_allies_100m")
    share_raw = _fact(raw, "share_hastings_goal")
    assert share_raw["amount"] == ""
    assert share_raw["inputs"] == "gift_hastings_7m;goal_allies_100m"
    assert (gift["bound"], goal["bound"]) == ("exact", "more_than")
    expected = Fraction(int(gift["amount"]), int(goal["amount"]))
    assert expected == Fraction(7, 100)
    share = dataset.money_facts.set_index("fact_id").loc["share_hastings_goal"]
    assert share["amount"] == pytest.approx(float(expected))
    assert share["bound"] == "at_most"
    assert share["unit"] == "share"


def test_every_derived_row_recomputes_from_its_inputs(raw, dataset):
    facts = raw["money_facts"].set_index("fact_id")
    loaded = dataset.money_facts.set_index("fact_id")
    derived = facts[facts["qualifier"] == "derived"]
    assert len(derived) == 3
    for fact_id, row in derived.iterrows():
        a, b = (Fraction(int(facts.loc[i, "amount"])) for i in row["inputs"].split(";"))
        value = {"difference": a - b, "ratio": a / b}[row["derivation"]]
        assert row["amount"] == ""
        assert loaded.loc[fact_id, "amount"] == pytest.approx(float(value)), fact_id


# --- 4. Broken copies are refused with file:row:column --------------------------------------------------


CASES = [pytest.param(case, id=name) for name, case in BROKEN.items()]


@pytest.fixture
def copy(tmp_path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    return data


def _names_the_place(messages: list[str], file: str, row: int, columns: tuple[str, ...], says: str) -> bool:
    places = tuple(f"{file}:{row}:{column}: " for column in columns)
    return any(m.startswith(places) and says in m for m in messages)


@pytest.mark.parametrize("case", CASES)
def test_a_broken_copy_is_refused_naming_file_row_and_column(copy, case, capsys):
    file, row, column = case.apply(copy)
    columns = (column, *case.columns)
    broken = snapshot(copy)

    with pytest.raises(DatasetError) as refused:
        load_dataset(copy)
    messages = [str(p) for p in refused.value.problems]
    assert _names_the_place(messages, file, row, columns, case.says), (
        f"expected {file}:{row}:{'|'.join(columns)}: …{case.says}…, got:\n" + "\n".join(messages[:10])
    )

    # The command-line check (in process here; run as a command below) says the same.
    assert validate.main([str(copy)]) == 1
    printed = capsys.readouterr().out
    assert _names_the_place(printed.splitlines(), file, row, columns, case.says), printed

    assert snapshot(copy) == broken, "the loader must only read the files"


def test_the_command_line_check_refuses_a_broken_copy_without_a_traceback(copy):
    file, row, column = BROKEN["a word for an amount"].apply(copy)
    cli = subprocess.run(
        [sys.executable, "-m", "techmoney.data.validate", str(copy)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert cli.returncode == 1, cli.stdout + cli.stderr
    assert any(line.startswith(f"{file}:{row}:{column}: ") for line in cli.stdout.splitlines()), cli.stdout
    assert "Traceback" not in cli.stderr


def test_an_unbroken_copy_passes_the_command_line_check(copy):
    cli = subprocess.run(
        [sys.executable, "-m", "techmoney.data.validate", str(copy)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert cli.returncode == 0, cli.stdout + cli.stderr
    assert cli.stdout.startswith("data OK (version ")


def test_the_helpers_break_exactly_one_cell(copy):
    """Guards the cases above: an edit changes the named cell and nothing else of the file."""
    before = pd.read_csv(copy / "money_facts.csv", dtype=str, keep_default_na=False)
    file, row, column = set_cell(copy, "money_facts.csv", "gift_hastings_7m", "amount", "seven million")
    after = pd.read_csv(copy / file, dtype=str, keep_default_na=False)
    changed = [
        (r + 2, c)
        for r in range(len(before))
        for c in before.columns
        if before.iat[r, before.columns.get_loc(c)] != after.iat[r, after.columns.get_loc(c)]
    ]
    assert changed == [(row, column)] == [(3, "amount")]
    assert TABLES_BY_NAME["money_facts"].columns == tuple(after.columns)
