"""The Donors & camps page's content: who is in the selected camps, why, and one actor's records, as text in
one language (techmoney/content/page_content.py renders it)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from techmoney.data.dataset import Dataset
from techmoney.words import facts
from techmoney.words.bound import Words
from techmoney.words.formatting import isolate_latin, rtl
from techmoney.words.locale import SOURCE_LANG


def actors_in_camps(dataset: Dataset, camps: tuple[str, ...]) -> pd.DataFrame:
    actors = dataset.actors
    return actors[actors["camp"].isin(camps)]


def actors_table(words: Words, camps: tuple[str, ...]) -> pd.DataFrame:
    """Name, camp, why that camp where it is our judgement call (blank otherwise), role, the public record of
    a gift of theirs where the article takes its figure from filings (blank otherwise: the column named by
    record_column), source sentence."""
    actors = actors_in_camps(words.dataset, camps)
    records = public_records(words.dataset)
    return pd.DataFrame(
        {
            words.t("col_name"): [words.pick(a, "name") for _, a in actors.iterrows()],
            words.t("col_camp"): [words.camp_label(c) for c in actors["camp"]],
            words.t("col_camp_note"): [words.pick(a, "camp_note") for _, a in actors.iterrows()],
            words.t("col_role"): [words.pick(a, "role") for _, a in actors.iterrows()],
            record_column(words): [records.get(actor_id, "") for actor_id in actors["actor_id"]],
            words.t("col_excerpt"): list(actors["source_excerpt"]),  # as published; isolated when shown
        },
        index=pd.Index(list(actors["actor_id"]), name="id"),
    )


def record_column(words: Words) -> str:
    """The names table's column of public-record links (public record, not in the article)."""
    return words.t("col_record")


def public_records(dataset: Dataset) -> dict[str, str]:
    """Giver's actor id -> the address of the public record of their gift (data/public_records.csv)."""
    gifts = dataset.by_id("money_facts")
    found: dict[str, str] = {}
    for _, row in dataset.public_records.iterrows():
        found.setdefault(gifts[row["fact_id"]]["payer_id"], row["url"])
    return found


# Qualifiers the figure's own words already carry ("at least $1,000,000").
_SAID_BY_THE_FIGURE = ("exact", "at_least", "more_than")


def _amount_line(words: Words, row: pd.Series) -> str:
    """ "label: figure. caveat": the caveat (reportedly, whose estimate, our assumption) travels with the
    figure and says what the qualifier would; a figure without one gets its qualifier instead. A gift to the
    committee we read as a super PAC says so, as our inference, with its figures."""
    figure = words.figure(row["fact_id"])
    line = f"{words.pick(row, 'label')}: {figure.full_text}"
    if figure.caveat:
        line = f"{line}. {figure.caveat}"
    elif row["qualifier"] not in _SAID_BY_THE_FIGURE:
        line = f"{line} ({figure.qualifier})"
    inference = words.super_pac_inference(row["payee_id"]) if row["kind"] == "donation" else None
    return f"{line} {inference.text}" if inference else line


def _quote_line(words: Words, row: pd.Series) -> str:
    """The article's Arabic words after how the article introduces them (when the words alone would
    mislead); in English, isolated and followed by our back-translation."""
    quoted = isolate_latin(row["quote_ar"])
    quote = (
        f"«{quoted}»"
        if words.lang == SOURCE_LANG
        else (f"{rtl('«' + quoted + '»')}, {words.t('quote_translation', text=row['translation_en'])}")
    )
    context = words.pick(row, "context")
    return f"{context} {quote}" if context else quote


def actor_records(words: Words, actor_id: str) -> dict[str, list[str]]:
    """Why the actor's camp (when it is our call), amounts, stances and quotes that name the actor, as
    lines of text; each key is the translation key of its heading."""
    dataset = words.dataset
    actor = dataset.by_id("actors")[actor_id]
    money = dataset.money_facts
    mine = money[(money["payer_id"] == actor_id) | (money["payee_id"] == actor_id)]
    ends = dataset.endorsements
    stances = [
        words.t(f"stance_{row['stance']}", name=words.actor_name(row["endorsed_id"]))
        for _, row in ends[ends["endorser_id"] == actor_id].iterrows()
    ]
    flows = dataset.money_flows
    stances += [
        words.t("stance_plans_to_give", name=words.actor_name(row["target_id"]))
        for _, row in flows[(flows["source_id"] == actor_id) & (flows["status"] == "planned")].iterrows()
    ]
    quotes = dataset.quotes
    camp_note = words.pick(actor, "camp_note")
    return {
        "actor_camp_note": [camp_note] if camp_note else [],
        "actor_amounts": [_amount_line(words, row) for _, row in mine.iterrows()],
        "actor_stances": stances,
        "actor_quotes": [_quote_line(words, row) for _, row in quotes[quotes["speaker_id"] == actor_id].iterrows()],
    }


@dataclass(frozen=True)
class ActorCard:
    heading: str  # "<name>'s records"
    name: str
    role: str
    camp_label: str
    color: str  # the camp's colour
    lines: tuple[str, ...]  # every record that names the actor, each after its kind; or that there is none


def actor_card(words: Words, actor_id: str) -> ActorCard:
    """A heading naming the actor, and a card with their role, camp and every record that names them."""
    actor = words.dataset.by_id("actors")[actor_id]
    name = words.pick(actor, "name")
    lines = [f"{words.t(kind)}: {line}" for kind, items in actor_records(words, actor_id).items() for line in items]
    return ActorCard(
        words.t("actor_records", name=name),
        name,
        words.pick(actor, "role"),
        words.camp_label(actor["camp"]),
        facts.camp_color(words.dataset, actor["camp"]),
        tuple(lines or [words.t("actor_none_records")]),
    )
