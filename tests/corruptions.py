"""Ways to break a copy of data/, shared by the loader's tests (tests/data/test_dataset.py) and the app's
(tests/ui/test_broken_data_app.py).

Each case edits a private copy and returns where the loader must report the problem, as
(file, row, column) worked out from the copy's own rows, never typed: row as a spreadsheet shows it
(header = 1, 0 for a missing file), column "-" where no single column is at fault.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def snapshot(root: Path) -> dict[str, str]:
    """The SHA-256 of every file under ``root``: the loader and the app must only read the files."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def row_of(data: Path, file: str, row_id: str) -> int:
    """The spreadsheet row (header = 1) of the line that starts with ``row_id``, counted in the raw file."""
    lines = (data / file).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if line.startswith(f"{row_id},"))


def rewrite(data: Path, file: str, change: Callable[[list[list[str]]], None]) -> None:
    with (data / file).open(encoding="utf-8", newline="") as f:
        records = list(csv.reader(f))
    change(records)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    (data / file).write_text(out.getvalue(), encoding="utf-8", newline="")


def set_cell(data: Path, file: str, row_id: str, column: str, value: str) -> tuple[str, int, str]:
    row = row_of(data, file, row_id)

    def change(records):
        records[row - 1][records[0].index(column)] = value

    rewrite(data, file, change)
    return file, row, column


def drop_column(data: Path, file: str, column: str) -> tuple[str, int, str]:
    def change(records):
        index = records[0].index(column)
        for record in records:
            del record[index]

    rewrite(data, file, change)
    return file, 1, column


def recode_cell(data: Path, file: str, row_id: str, column: str, value: str, encoding: str) -> tuple[str, int, str]:
    """Write one cell in a legacy encoding, the rest of the file staying UTF-8."""
    row = row_of(data, file, row_id)
    sentinel = "\u2063CELL\u2063"
    set_cell(data, file, row_id, column, sentinel)
    raw = (data / file).read_bytes()
    (data / file).write_bytes(raw.replace(sentinel.encode("utf-8"), value.encode(encoding)))
    return file, row, column


def truncate_in_cell(data: Path, file: str, row_id: str, cell_index: int, keep_chars: int) -> tuple[str, int, str]:
    """Cut the file (at a character boundary) inside a cell of the row, as an interrupted save would."""
    text = (data / file).read_text(encoding="utf-8")
    row = row_of(data, file, row_id)
    start = sum(len(line) + 1 for line in text.split("\n")[: row - 1])
    record = next(csv.reader([text[start:].split("\n", 1)[0]]))
    prefix = ",".join(record[:cell_index]) + ","
    assert text[start:].startswith(prefix), "choose a row whose cells before the cut need no quoting"
    (data / file).write_text(text[: start + len(prefix) + keep_chars], encoding="utf-8", newline="")
    return file, row, text.split("\n", 1)[0].split(",")[cell_index]


def truncate_inside_last_quoted_cell(data: Path, file: str, row_id: str) -> tuple[str, int, str]:
    text = (data / file).read_text(encoding="utf-8")
    row = row_of(data, file, row_id)
    start = sum(len(line) + 1 for line in text.split("\n")[: row - 1])
    end = text.index("\n", start)
    open_quote = text.rindex(',"', start, end) + 2
    (data / file).write_text(text[: (open_quote + end) // 2], encoding="utf-8", newline="")
    return file, row, text.split("\n", 1)[0].split(",")[-1]


def delete(data: Path, file: str) -> tuple[str, int, str]:
    (data / file).unlink()
    return file, 0, "-"


@dataclass(frozen=True)
class Broken:
    """One way to break a copy of data/: ``apply`` returns where the problem is (file, row, column)."""

    apply: Callable[[Path], tuple[str, int, str]]
    says: str  # a fragment the message must contain
    columns: tuple[str, ...] = ()  # other acceptable column names (besides the one apply returns)


BROKEN = {
    "a word for an amount": Broken(
        lambda d: set_cell(d, "money_facts.csv", "gift_hastings_7m", "amount", "seven million"), "'seven million'"
    ),
    "an unknown camp": Broken(lambda d: set_cell(d, "actors.csv", "harris", "camp", "pro_biden"), "'pro_biden'"),
    "a dangling id": Broken(
        lambda d: set_cell(d, "money_flows.csv", "flow_hastings_to_pac", "source_id", "nobody"),
        "'nobody' is not an id in actors.csv",
    ),
    "a dangling id in a list": Broken(
        lambda d: set_cell(d, "events.csv", "ev_tiktok_bill_signed", "actor_ids", "biden;tiktok;nobody"),
        "'nobody' is not an id in actors.csv",
    ),
    "a quote not in the article": Broken(
        lambda d: set_cell(d, "quotes.csv", "q_harris_tiktok", "quote_ar", "لا تنوي حظر فيسبوك"),
        "not a verbatim excerpt",
    ),
    "an excerpt with a changed figure": Broken(
        lambda d: set_cell(
            d,
            "money_facts.csv",
            "gift_hastings_7m",
            "source_excerpt",
            "بتبرع بقيمة 8 ملايين دولار للجنة العمل السياسي المؤيدة لهاريس",
        ),
        "not a verbatim excerpt",
    ),
    "a missing required column": Broken(
        lambda d: drop_column(d, "events.csv", "label_en"), "required column is missing"
    ),
    "a cell saved as cp1256": Broken(
        lambda d: recode_cell(d, "actors.csv", "hoffman", "name_ar", "ريد هوفمان", "cp1256"), "not valid UTF-8"
    ),
    "a cell saved as latin-1": Broken(
        lambda d: recode_cell(
            d, "money_facts.csv", "gift_hastings_7m", "label_en", "Reed Hastings's gift (café)", "latin-1"
        ),
        "not valid UTF-8",
    ),
    "a file cut mid-row": Broken(
        lambda d: truncate_in_cell(d, "events.csv", "ev_tiktok_divestiture_deadline", cell_index=2, keep_chars=3),
        "truncated row",
    ),
    "an id collision": Broken(
        lambda d: set_cell(d, "quotes.csv", "q_hastings_congrats", "quote_id", "q_hastings_delegates"), "duplicate id"
    ),
    "a missing file": Broken(lambda d: delete(d, "quotes.csv"), "file is missing"),
    "a missing article": Broken(lambda d: delete(d, "source/article_ar.txt"), "file is missing"),
    "a derived amount typed in wrongly": Broken(
        lambda d: set_cell(d, "money_facts.csv", "refund_cameron_min", "amount", "200000"),
        "differs from the derivation",
    ),
    "a derived bound typed in wrongly": Broken(
        lambda d: set_cell(d, "money_facts.csv", "share_hastings_goal", "bound", "exact"), "'at_most'"
    ),
}

# The public-record links: each of a gift, at a web address.
BROKEN.update(
    {
        "a public record of something that is not a gift": Broken(
            lambda d: set_cell(d, "public_records.csv", "fec_winklevoss_cameron", "fact_id", "limit_trump47_person"),
            "a public record is of a gift",
        ),
        "a public record at no web address": Broken(
            lambda d: set_cell(d, "public_records.csv", "fec_winklevoss_tyler", "url", "fec.gov/data"), "'fec.gov/data'"
        ),
    }
)

# The context table (public record behind the $844,600 cap): its own rules, and arithmetic that must hold.
BROKEN.update(
    {
        "a context limit that no longer splits the cap into whole state parties": Broken(
            lambda d: (
                set_cell(d, "context_facts.csv", "fec_pac", "value", "5100"),
                place(d, "context_facts.csv", "t47_state_party_count", "inputs"),
            )[1],
            "not a whole number",
        ),
        "a computed context value typed in": Broken(
            lambda d: set_cell(d, "context_facts.csv", "t47_before_states", "value", "424600"), "leaves value blank"
        ),
        "a context input that names nothing": Broken(
            lambda d: set_cell(d, "context_facts.csv", "rnc_max_year", "inputs", "fec_national_party_main;nobody"),
            "'nobody' is not an id in context_facts.csv or money_facts.csv",
        ),
        "a public-record row without its publisher": Broken(
            lambda d: set_cell(d, "context_facts.csv", "fec_pac", "publisher_en", ""), "names its source"
        ),
        "an unknown confidence": Broken(
            lambda d: set_cell(d, "context_facts.csv", "t47_cap_hill", "confidence", "likely"), "'likely'"
        ),
        "a source URL that is not a web address": Broken(
            lambda d: set_cell(d, "context_facts.csv", "fec_pac", "source_url", "fec.gov/updates"), "'fec.gov/updates'"
        ),
        "an inferred row without its assumption": Broken(
            lambda d: set_cell(d, "context_facts.csv", "t47_state_party_count", "assumption_en", ""),
            "states its assumption",
        ),
        "an impossible source date": Broken(
            lambda d: set_cell(d, "context_facts.csv", "fec_pac", "source_date", "2023-02-30"), "'2023-02-30'"
        ),
        "units that do not mix": Broken(
            lambda d: set_cell(d, "context_facts.csv", "rnc_max_year", "unit", "count"), "value in usd"
        ),
        "allocation steps that miss the article's cap": Broken(
            lambda d: set_cell(
                d,
                "context_facts.csv",
                "t47_step_state_parties",
                "inputs",
                "t47_state_party_count_wapo;fec_state_party_federal",
            ),
            "legal_limit",
        ),
    }
)


def set_publisher(data: Path, line: str) -> tuple[str, int, str]:
    """Write ``line`` as the publisher settings' last line (key = value); the problem is on that line, at its key."""
    path = data / "publisher.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [kept for kept in lines if not kept.startswith(line.split("=")[0].strip() + " ")] + [line]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "publisher.toml", len(lines), line.split("=")[0].strip() if "=" in line else "-"


BROKEN.update(
    {
        "a contact that is a script, not an address": Broken(
            lambda d: set_publisher(d, 'contact = "javascript:alert(1)"'),
            "must be an https:// address or a mailto: address",
        ),
        "a publisher setting the dictionary does not know": Broken(
            lambda d: set_publisher(d, 'email = "news@example.org"'), "unknown setting"
        ),
    }
)


def place(data: Path, file: str, row_id: str, column: str) -> tuple[str, int, str]:
    """Where a problem must be reported when the edit is made elsewhere (a derived row downstream)."""
    return file, row_of(data, file, row_id), column


# Broken copies the loader does not yet refuse correctly (see each reason). strict=True: when the
# loader is fixed the test XPASSes and fails, so the mark must be removed.
# Cases that once slipped past the loader (found when these tests were written, fixed since).
BROKEN.update(
    {
        name: case
        for name, (case, _was) in {
            "a non-UTF-8 cell after a quoted comma": (
                Broken(
                    lambda d: recode_cell(
                        d,
                        "actors.csv",
                        "allies_effort",
                        "source_excerpt",
                        "حملة الضغط التي قام بها كونواي وهوفمان وآخرون",
                        "cp1256",
                    ),
                    "not valid UTF-8",
                ),
                "dataset._decode_problem finds the column by counting commas, including the comma inside the quoted "
                "role_en cell, so it names 'note' instead of 'source_excerpt'",
            ),
            "a file cut inside its last quoted cell": (
                Broken(
                    lambda d: truncate_inside_last_quoted_cell(d, "money_facts.csv", "share_hastings_goal"),
                    "",
                    columns=("-",),
                ),
                "csv.reader is not strict: an unterminated quote at end of file is accepted, so the cut note loads "
                "silently",
            ),
            "a missing optional column": (
                Broken(lambda d: drop_column(d, "money_flows.csv", "note"), "missing"),
                "only required columns are checked: a file without its note column loads and every note is lost "
                "silently",
            ),
            "an impossible calendar date": (
                Broken(lambda d: set_cell(d, "events.csv", "ev_tiktok_bill_signed", "date", "2024-13"), "2024-13"),
                "date_matches_precision only checks the shape (\\d{4}-\\d{2}), so month 13 (or 2024-02-31) is accepted",
            ),
            "an id with a stray space": (
                Broken(
                    lambda d: set_cell(d, "money_flows.csv", "flow_hastings_to_pac", "source_id", " hastings"),
                    "hastings",
                ),
                "references are compared after .strip() but the stored value keeps the space, so ' hastings' "
                "passes validation yet matches no actor_id when the app joins the tables",
            ),
        }.items()
    }
)
