"""The shape of every file in data/: one pydantic row model per CSV, plus the references between them.

Kept apart from the loader so the data dictionary test (tests/data/test_data_dictionary.py) and the
validator read the same definition of what a column is and which values it allows.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, ValidationInfo, field_validator

CampId = Literal["pro_harris", "pro_trump", "skeptic", "context"]
CAMPS: tuple[str, ...] = get_args(CampId)  # the one list of camps, in the order the app shows them
Qualifier = Literal["exact", "at_least", "more_than", "estimated", "projected", "derived"]
Bound = Literal["exact", "at_least", "more_than", "at_most"]
DatePrecision = Literal["day", "month", "year", "none"]
DatePart = Literal["early", "mid", "late"]  # narrows a month or a year: "late July 2024", "early 2025"

_ID = r"^[a-z0-9][a-z0-9_]*$"
_DATE_BY_PRECISION = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
    "none": re.compile(r"^$"),
}


class Row(BaseModel):
    """Every CSV cell arrives as text; blank cells mean "not given" and become None."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and value.strip() == "" else value


class CampRow(Row):
    camp_id: CampId
    label_ar: str
    label_en: str
    color: str = Field(pattern=r"^#[0-9A-Fa-f]{6}$")
    pattern: Literal["/", "x", ".", "\\", "-", "|", "+"] | None = None
    description_ar: str
    description_en: str


class ActorRow(Row):
    actor_id: str = Field(pattern=_ID)
    name_ar: str
    name_en: str
    kind: Literal["person", "company", "committee", "group", "agency", "media", "institution"]
    camp: CampId
    camp_note_ar: str | None = None
    camp_note_en: str | None = None
    role_ar: str
    role_en: str
    affiliation_id: str | None = None
    source_excerpt: str
    note: str | None = None


class MoneyFactRow(Row):
    fact_id: str = Field(pattern=_ID)
    kind: Literal["estimate", "donation", "legal_limit", "refund", "share"]
    label_ar: str
    label_en: str
    amount: NonNegativeInt | None = None
    unit: Literal["usd", "share"]
    qualifier: Qualifier
    bound: Bound
    payer_id: str | None = None
    payee_id: str | None = None
    medium: Literal["bitcoin", "cash"] | None = None
    date: str | None = None
    date_precision: DatePrecision | None = None
    date_approximate: bool | None = None
    status: Literal["projected", "reported", "legal", "refunded_in_part", "derived", "planned"]
    derivation: Literal["difference", "ratio"] | None = None
    inputs: str | None = None
    formula_en: str | None = None
    caveat_ar: str | None = None
    caveat_en: str | None = None
    context_ids: str | None = None  # the public-record rows its caveat cites (context_facts.csv)
    source_excerpt: str
    note: str | None = None


class MoneyFlowRow(Row):
    flow_id: str = Field(pattern=_ID)
    source_id: str
    target_id: str
    fact_id: str | None = None
    status: Literal["projected", "reported", "refunded_in_part", "planned"]
    source_excerpt: str
    note: str | None = None


class EndorsementRow(Row):
    endorsement_id: str = Field(pattern=_ID)
    endorser_id: str
    endorsed_id: str
    stance: Literal["endorsed", "said_will_back", "vocal_supporter", "donated", "undecided", "doubts"]
    event_id: str | None = None
    source_excerpt: str
    note: str | None = None


class QuoteRow(Row):
    quote_id: str = Field(pattern=_ID)
    speaker_id: str
    quote_ar: str
    translation_en: str
    context_ar: str | None = None
    context_en: str | None = None
    reported_by_id: str | None = None
    event_id: str | None = None
    source_excerpt: str
    note: str | None = None


class EventRow(Row):
    event_id: str = Field(pattern=_ID)
    date: str | None = None
    date_precision: DatePrecision
    date_part: DatePart | None = None
    date_approximate: bool
    date_reasoning: str
    date_reasoning_ar: str
    label_ar: str
    label_en: str
    actor_ids: str
    context_ids: str | None = None  # the public-record rows its date or label rests on (context_facts.csv)
    source_excerpt: str
    note: str | None = None

    @field_validator("date_part")
    @classmethod
    def _part_narrows_a_month_or_a_year(cls, part: str | None, info: ValidationInfo) -> str | None:
        if part is not None and info.data.get("date_precision") not in ("month", "year"):
            raise ValueError("date_part narrows a month or a year: date_precision must be month or year")
        return part


class ContextFactRow(Row):
    """A fact from outside the article (public record), or one we compute from such facts.

    The dashboard shows these as a separate layer, labelled "public record, not in the article"
    (docs/EDITORIAL.md rule 10). Cross-column rules (a derived row names its inputs, a sourced row names
    its source, ...) are checked by the loader, which also computes the derived values.
    """

    context_id: str = Field(pattern=_ID)
    kind: Literal[
        "contribution_limit",
        "limit_count",
        "rule",
        "committee",
        "reported_cap",
        "member_count",
        "subtotal",
        "allocation_step",
        "report",
        "record",
    ]
    label_ar: str
    label_en: str
    applies_to_ar: str
    applies_to_en: str
    value: NonNegativeInt | None = None
    unit: Literal["usd", "count", "days"] | None = None
    step: int | None = Field(default=None, ge=1)
    derivation: Literal["sum", "product", "difference", "quotient"] | None = None
    inputs: str | None = None
    confidence: Literal["certain", "reported", "our_derivation", "our_inference"]
    assumption_ar: str | None = None
    assumption_en: str | None = None
    source_title: str | None = None
    publisher_ar: str | None = None
    publisher_en: str | None = None
    source_date: str | None = None
    source_url: str | None = Field(default=None, pattern=r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:/[^\s]*)?$")
    note: str | None = None


class PublicRecordRow(Row):
    """Where a reader can check a gift in the public record, for a gift whose figure the article takes from
    public filings (the twins' "according to FEC filings"): a search of those records, shown as public record,
    not in the article (docs/EDITORIAL.md rule 10). The loader checks that ``fact_id`` is a gift with a giver."""

    record_id: str = Field(pattern=_ID)
    fact_id: str
    label_ar: str
    label_en: str
    url: str = Field(pattern=r"^https://www\.fec\.gov/[^\s]*$")  # the FEC's: the one public record the article cites
    source_excerpt: str
    note: str | None = None


class ArticleLineRow(Row):
    line_number: int = Field(ge=1)
    kind: Literal["title", "related_link", "boilerplate"]
    text: str
    note: str | None = None


@dataclass(frozen=True)
class Table:
    """One CSV file: its row model, its id column, and which columns point at which tables."""

    file: str
    model: type[Row]
    id_column: str
    references: dict[str, str]  # column -> table name; a ";"-separated column lists several ids

    @property
    def name(self) -> str:
        return self.file.removesuffix(".csv")

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(self.model.model_fields)

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(n for n, f in self.model.model_fields.items() if f.is_required())


TABLES: tuple[Table, ...] = (
    Table("camps.csv", CampRow, "camp_id", {}),
    Table("actors.csv", ActorRow, "actor_id", {"camp": "camps", "affiliation_id": "actors"}),
    Table(
        "money_facts.csv",
        MoneyFactRow,
        "fact_id",
        {"payer_id": "actors", "payee_id": "actors", "inputs": "money_facts", "context_ids": "context_facts"},
    ),
    Table(
        "money_flows.csv",
        MoneyFlowRow,
        "flow_id",
        {"source_id": "actors", "target_id": "actors", "fact_id": "money_facts"},
    ),
    Table(
        "endorsements.csv",
        EndorsementRow,
        "endorsement_id",
        {"endorser_id": "actors", "endorsed_id": "actors", "event_id": "events"},
    ),
    Table(
        "quotes.csv",
        QuoteRow,
        "quote_id",
        {"speaker_id": "actors", "reported_by_id": "actors", "event_id": "events"},
    ),
    Table("events.csv", EventRow, "event_id", {"actor_ids": "actors", "context_ids": "context_facts"}),
    Table("article_lines.csv", ArticleLineRow, "line_number", {}),
    # `inputs` may name rows of this file or of money_facts.csv: the loader resolves it (dataset.py).
    Table("context_facts.csv", ContextFactRow, "context_id", {}),
    Table("public_records.csv", PublicRecordRow, "record_id", {"fact_id": "money_facts"}),
)
TABLES_BY_NAME = {t.name: t for t in TABLES}
# Columns whose text must appear verbatim in the article.
VERBATIM_COLUMNS = ("source_excerpt", "quote_ar")
LIST_SEPARATOR = ";"


def date_precision_of(date: str) -> str | None:
    """The precision a date's shape implies ("2024-03" is a month), or None for no known shape."""
    return next((p for p, shape in _DATE_BY_PRECISION.items() if p != "none" and shape.match(date)), None)


def date_matches_precision(date: str | None, precision: str | None) -> bool:
    """The date has the shape its precision says, and is a real calendar date (no 2024-02-31)."""
    if precision is None:
        return date is None
    if not _DATE_BY_PRECISION[precision].match(date or ""):
        return False
    if precision in ("day", "month"):
        try:
            datetime.date.fromisoformat(date if precision == "day" else f"{date}-01")
        except ValueError:
            return False
    return True
