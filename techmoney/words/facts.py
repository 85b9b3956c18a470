"""The story's domain: which records the dashboard is about, and how a record is named.

Charts, the Story, share cards and the Donors page all speak of the same few facts (the $100M+
estimate, Hastings's gift, the $844,600 cap, the twins' gifts and refunds) and the same camps and
names; this module is their one home, so every page says the same thing about the same record. How a
money fact reads in a language (its figure, qualifier, caveat and sources) is techmoney/words/bound.py's.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from techmoney.data.dataset import Dataset
from techmoney.words.i18n import pick, t

# The facts the dashboard is built around; ids are stable once published (data/CHANGELOG.md).
GOAL_FACT = "goal_allies_100m"
HASTINGS_FACT = "gift_hastings_7m"
SHARE_FACT = "share_hastings_goal"
LIMIT_FACT = "limit_trump47_person"
TWIN_FACTS = {  # twin actor id -> (gift fact, refund fact)
    "winklevoss_cameron": ("gift_cameron_btc", "refund_cameron_min"),
    "winklevoss_tyler": ("gift_tyler_btc", "refund_tyler_min"),
}
# The committee the article and CNBC's English report call a PAC, which we read as a super PAC: an ordinary PAC may
# take only the FEC's per-person limit a year (PAC_LIMIT), far less than the gift. Where it is named with its gift,
# that inference is said as ours, with both figures (docs/EDITORIAL.md rule 5).
SUPER_PAC_BY_INFERENCE = "pro_harris_pac"
PAC_LIMIT = "fec_pac"
# Outside sources the Sources page cites: CNBC's English report (the article's original), and the public record
# that dates Biden's withdrawal, the "Sunday" the report counts from.
ENGLISH_REPORT = "cnbc_report"
BIDEN_RECORD = "biden_x_2024_07_21"
# The timeline item the Timeline page's share card shows: the day the story starts.
TIMELINE_CARD_EVENT = "ev_biden_withdraws"

# The events' worked-out dates, explained in each language (the English column has no suffix).
REASONING_COLUMNS = {"ar": "date_reasoning_ar", "en": "date_reasoning"}


@dataclass(frozen=True)
class Traced:
    """Text a reader sees, with the records its figures and qualifiers come from (ids in money_facts.csv
    or context_facts.csv). tests/content/test_traceability.py holds every shown number to a formatted value of
    these records, and every qualifier of theirs to the same sentence."""

    text: str
    records: tuple[str, ...]


def camp_of(dataset: Dataset, actor_id: str | None) -> str | None:
    actor = dataset.by_id("actors").get(actor_id) if actor_id else None
    return actor["camp"] if actor is not None else None


def camp_color(dataset: Dataset, camp_id: str) -> str:
    return dataset.by_id("camps")[camp_id]["color"]


def camp_label(dataset: Dataset, camp_id: str, lang: str) -> str:
    return pick(dataset.by_id("camps")[camp_id], "label", lang)


def camp_descriptions(dataset: Dataset, lang: str) -> list[tuple[str, str]]:
    """(camp, who is in it and why, our judgement calls named) for every camp, in the app's order."""
    return [(pick(row, "label", lang), pick(row, "description", lang)) for row in dataset.by_id("camps").values()]


def actor_name(dataset: Dataset, actor_id: str, lang: str) -> str:
    return pick(dataset.by_id("actors")[actor_id], "name", lang)


def record_label(dataset: Dataset, table: str, record_id: str, lang: str) -> str:
    """A record as a reader knows it (a name or a label, never its id): a flow is "giver to recipient",
    a quote or an endorsement its speaker's name."""
    row = dataset.by_id(table)[record_id]
    if f"label_{lang}" in row:
        return pick(row, "label", lang)
    if f"name_{lang}" in row:
        return pick(row, "name", lang)
    if table == "money_flows":
        return t(
            "flows_row",
            lang,
            source=actor_name(dataset, row["source_id"], lang),
            target=actor_name(dataset, row["target_id"], lang),
        )
    return actor_name(dataset, row["speaker_id"] if table == "quotes" else row["endorser_id"], lang)


def actor_names(dataset: Dataset, lang: str, camps: tuple[str, ...]) -> dict[str, str]:
    """id -> name of every actor in the selected camps, in data order."""
    actors = dataset.actors
    return {row["actor_id"]: pick(row, "name", lang) for _, row in actors[actors["camp"].isin(camps)].iterrows()}


def gift_to(dataset: Dataset, actor_id: str) -> pd.Series:
    """The first money fact paid to ``actor_id``."""
    return next(row for row in dataset.by_id("money_facts").values() if row["payee_id"] == actor_id)


@dataclass(frozen=True)
class Source:
    """An outside source as a reader sees it: who published it and when, its title, and where to read it."""

    record_id: str
    name: str  # "Federal Election Commission (FEC), February 2, 2023"
    title: str
    url: str
