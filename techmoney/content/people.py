"""The Donors & camps page's content: who is in the selected camps, why, and one actor's records."""

from __future__ import annotations

import pandas as pd

from techmoney.content.html import render
from techmoney.data.dataset import Dataset
from techmoney.words import facts
from techmoney.words.formatting import isolate_latin, rtl
from techmoney.words.i18n import pick, t
from techmoney.words.locale import SOURCE_LANG


def actors_in_camps(dataset: Dataset, camps: tuple[str, ...]) -> pd.DataFrame:
    actors = dataset.actors
    return actors[actors["camp"].isin(camps)]


def actors_table(dataset: Dataset, lang: str, camps: tuple[str, ...]) -> pd.DataFrame:
    """Name, camp, why that camp where it is our judgement call (blank otherwise), role, the public record of
    a gift of theirs where the article takes its figure from filings (blank otherwise: the column named by
    record_column), source sentence."""
    actors = actors_in_camps(dataset, camps)
    records = public_records(dataset)
    return pd.DataFrame(
        {
            t("col_name", lang): [pick(a, "name", lang) for _, a in actors.iterrows()],
            t("col_camp", lang): [facts.camp_label(dataset, c, lang) for c in actors["camp"]],
            t("col_camp_note", lang): [pick(a, "camp_note", lang) for _, a in actors.iterrows()],
            t("col_role", lang): [pick(a, "role", lang) for _, a in actors.iterrows()],
            record_column(lang): [records.get(actor_id, "") for actor_id in actors["actor_id"]],
            t("col_excerpt", lang): list(actors["source_excerpt"]),  # as published; isolated when shown
        },
        index=pd.Index(list(actors["actor_id"]), name="id"),
    )


def record_column(lang: str) -> str:
    """The names table's column of public-record links (public record, not in the article)."""
    return t("col_record", lang)


def public_records(dataset: Dataset) -> dict[str, str]:
    """Giver's actor id -> the address of the public record of their gift (data/public_records.csv)."""
    gifts = dataset.by_id("money_facts")
    found: dict[str, str] = {}
    for _, row in dataset.public_records.iterrows():
        found.setdefault(gifts[row["fact_id"]]["payer_id"], row["url"])
    return found


# Qualifiers the figure's own words already carry ("at least $1,000,000").
_SAID_BY_THE_FIGURE = ("exact", "at_least", "more_than")


def _amount_line(dataset: Dataset, row: pd.Series, lang: str) -> str:
    """ "label: figure. caveat": the caveat (reportedly, whose estimate, our assumption) travels with the
    figure and says what the qualifier would; a figure without one gets its qualifier instead. A gift to the
    committee we read as a super PAC says so, as our inference, with its figures."""
    line = f"{pick(row, 'label', lang)}: {facts.fact_text(row, lang, compact=False)}"
    caveat = pick(row, "caveat", lang)
    if caveat:
        line = f"{line}. {caveat}"
    elif row["qualifier"] not in _SAID_BY_THE_FIGURE:
        line = f"{line} ({facts.qualifier_text(row, lang)})"
    inference = facts.super_pac_inference(dataset, row["payee_id"], lang) if row["kind"] == "donation" else None
    return f"{line} {inference.text}" if inference else line


def _quote_line(row: pd.Series, lang: str) -> str:
    """The article's Arabic words after how the article introduces them (when the words alone would
    mislead); in English, isolated and followed by our back-translation."""
    words = isolate_latin(row["quote_ar"])
    quote = (
        f"«{words}»"
        if lang == SOURCE_LANG
        else (f"{rtl('«' + words + '»')}, {t('quote_translation', lang, text=row['translation_en'])}")
    )
    context = pick(row, "context", lang)
    return f"{context} {quote}" if context else quote


def actor_records(dataset: Dataset, actor_id: str, lang: str) -> dict[str, list[str]]:
    """Why the actor's camp (when it is our call), amounts, stances and quotes that name the actor, as
    lines of text; each key is the translation key of its heading."""
    actor = dataset.by_id("actors")[actor_id]
    money = dataset.money_facts
    mine = money[(money["payer_id"] == actor_id) | (money["payee_id"] == actor_id)]
    ends = dataset.endorsements
    stances = [
        t(f"stance_{row['stance']}", lang, name=facts.actor_name(dataset, row["endorsed_id"], lang))
        for _, row in ends[ends["endorser_id"] == actor_id].iterrows()
    ]
    flows = dataset.money_flows
    stances += [
        t("stance_plans_to_give", lang, name=facts.actor_name(dataset, row["target_id"], lang))
        for _, row in flows[(flows["source_id"] == actor_id) & (flows["status"] == "planned")].iterrows()
    ]
    quotes = dataset.quotes
    camp_note = pick(actor, "camp_note", lang)
    return {
        "actor_camp_note": [camp_note] if camp_note else [],
        "actor_amounts": [_amount_line(dataset, row, lang) for _, row in mine.iterrows()],
        "actor_stances": stances,
        "actor_quotes": [_quote_line(row, lang) for _, row in quotes[quotes["speaker_id"] == actor_id].iterrows()],
    }


def actor_card_html(dataset: Dataset, actor_id: str, lang: str) -> str:
    """A heading naming the actor, and a card with their role, camp and every record that names them."""
    actor = dataset.by_id("actors")[actor_id]
    name = pick(actor, "name", lang)
    lines = [
        f"{t(kind, lang)}: {line}" for kind, items in actor_records(dataset, actor_id, lang).items() for line in items
    ]
    card = render.actor_card(
        name,
        pick(actor, "role", lang),
        facts.camp_label(dataset, actor["camp"], lang),
        facts.camp_color(dataset, actor["camp"]),
        lang,
        lines or [t("actor_none_records", lang)],
    )
    return render.heading(t("actor_records", lang, name=name), lang) + card
