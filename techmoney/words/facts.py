"""The story's domain: which records the dashboard is about, and how a record reads.

Charts, the Story, share cards and the Donors page all speak of the same few facts (the $100M+
estimate, Hastings's gift, the $844,600 cap, the twins' gifts and refunds) and the same camps and
names; this module is their one home, so every page says the same thing about the same record.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from techmoney.data.dataset import Dataset
from techmoney.words.formatting import date_words, figure_text, usd
from techmoney.words.i18n import pick, t
from techmoney.words.locale import locale

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


def fact(dataset: Dataset, fact_id: str) -> pd.Series:
    return dataset.by_id("money_facts")[fact_id]


def fact_text(row: pd.Series, lang: str, compact: bool = True) -> str:
    """A money fact's amount with its bound, as the reader sees it everywhere."""
    return figure_text(row["amount"], row["unit"], row["bound"], lang, compact=compact)


def caveat_text(row: pd.Series, lang: str) -> str:
    """What must travel with a money fact wherever it is shown (reportedly, whose estimate, our assumption);
    "" when nothing must."""
    return pick(row, "caveat", lang)


def qualifier_or_caveat(row: pd.Series, lang: str) -> str:
    """The line under a figure where there is room for one: its caveat, which says what the qualifier would
    and more (whose estimate, reportedly, our assumption), or else its qualifier."""
    return caveat_text(row, lang) or qualifier_text(row, lang)


def qualifier_text(row: pd.Series, lang: str) -> str:
    """How sure a money fact is, in words."""
    if row["qualifier"] == "derived" and row["bound"] == "at_most":
        return f"{t('status_derived', lang)} ({t('bound_at_most', lang)})"
    return t(f"qualifier_{row['qualifier']}", lang)


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


def super_pac_inference(dataset: Dataset, actor_id: str, lang: str) -> Traced | None:
    """Why we read the committee as a super PAC, as our inference with its two figures (the FEC's limit for an
    ordinary PAC, the gift it received); None for any other committee."""
    if actor_id != SUPER_PAC_BY_INFERENCE:
        return None
    gift = next(row for row in dataset.by_id("money_facts").values() if row["payee_id"] == actor_id)
    limit = dataset.by_id("context_facts")[PAC_LIMIT]
    text = t(
        "super_pac_inference", lang, limit=usd(float(limit["value"]), lang), gift=fact_text(gift, lang, compact=False)
    )
    return Traced(text, (PAC_LIMIT, gift["fact_id"]))


@dataclass(frozen=True)
class Source:
    """An outside source as a reader sees it: who published it and when, its title, and where to read it."""

    record_id: str
    name: str  # "Federal Election Commission (FEC), February 2, 2023"
    title: str
    url: str


def source(dataset: Dataset, context_id: str, lang: str) -> Source:
    row = dataset.by_id("context_facts")[context_id]
    when = (
        date_words(row["source_date"], ("year", "month", "day")[row["source_date"].count("-")], lang)
        if row["source_date"]
        else t("cap_undated", lang)
    )
    return Source(
        context_id, locale(lang).join((pick(row, "publisher", lang), when)), row["source_title"], row["source_url"]
    )


def outside_sources(dataset: Dataset, record_ids: tuple[str, ...] | list[str], lang: str) -> list[Source]:
    """The sourced outside facts a text rests on, each once: the public-record rows it names, and those its money
    facts' caveats and its events' dates cite (their ``context_ids``)."""
    context = dataset.by_id("context_facts")
    found: list[str] = []
    for record_id in record_ids:
        refs = [record_id] if record_id in context else []
        for table in ("money_facts", "events"):
            row = dataset.by_id(table).get(record_id)
            if row is not None and row["context_ids"]:
                refs += row["context_ids"].split(";")
        found += [ref for ref in refs if context[ref]["source_title"]]
    sources = [source(dataset, ref, lang) for ref in dict.fromkeys(found)]
    return list({(s.name, s.url): s for s in sources}.values())  # two rows from one report: one link


def english_original(dataset: Dataset, lang: str) -> tuple[Traced, Source, Traced, Traced]:
    """What the Sources page says about CNBC's English report: where we read it (with its headline and link), what
    it says on the PAC and The Information, and what we do not know (its day, its translator)."""
    report = dataset.by_id("context_facts")[ENGLISH_REPORT]
    found = Traced(t("original_found", lang, date=date_words(report["source_date"], "month", lang)), (ENGLISH_REPORT,))
    sunday = dataset.by_id("context_facts")[BIDEN_RECORD]["source_date"]
    unknown = Traced(t("original_unknown", lang, sunday=date_words(sunday, "day", lang)), (BIDEN_RECORD,))
    return found, source(dataset, ENGLISH_REPORT, lang), Traced(t("original_says", lang), (ENGLISH_REPORT,)), unknown


def share_working(dataset: Dataset, lang: str) -> str:
    """How the share of the projected haul is computed, in words, and the assumption it rests on: "$7M out of
    more than $100M, assuming the gift counts toward that estimate, which the article does not say"."""
    gift, goal = (fact(dataset, i) for i in fact(dataset, SHARE_FACT)["inputs"].split(";"))
    return t("share_working", lang, gift=usd(gift["amount"], lang, compact=True), goal=fact_text(goal, lang))
