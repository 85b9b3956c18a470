"""The Donors & camps page's content: who is in the selected camps, and one actor's records."""

from __future__ import annotations

import pandas as pd

from components import charts
from components.dataset import Dataset
from components.i18n import pick, t


def actors_in_camps(dataset: Dataset, camps: tuple[str, ...]) -> pd.DataFrame:
    actors = dataset.actors
    return actors[actors["camp"].isin(camps)]


def actors_table(dataset: Dataset, lang: str, camps: tuple[str, ...]) -> pd.DataFrame:
    actors = actors_in_camps(dataset, camps)
    camp_label = {row["camp_id"]: pick(row, "label", lang) for _, row in dataset.camps.iterrows()}
    return pd.DataFrame(
        {
            t("col_name", lang): [pick(a, "name", lang) for _, a in actors.iterrows()],
            t("col_camp", lang): [camp_label[c] for c in actors["camp"]],
            t("col_role", lang): [pick(a, "role", lang) for _, a in actors.iterrows()],
            t("col_excerpt", lang): list(actors["source_excerpt"]),
        },
        index=pd.Index(list(actors["actor_id"]), name="id"),
    )


def actor_records(dataset: Dataset, actor_id: str, lang: str) -> dict[str, list[str]]:
    """Amounts, stances and quotes that name the actor, as lines of text."""
    facts = dataset.money_facts
    mine = facts[(facts["payer_id"] == actor_id) | (facts["payee_id"] == actor_id)]
    amounts = [
        f"{pick(row, 'label', lang)}: {charts.fact_text(row, lang, compact=False)} ({charts.qualifier_text(row, lang)})"
        for _, row in mine.iterrows()
    ]
    ends = dataset.endorsements
    stances = [
        f"{t('stance_' + row['stance'], lang)} → {charts.actor_name(dataset, row['endorsed_id'], lang)}"
        for _, row in ends[ends["endorser_id"] == actor_id].iterrows()
    ]
    quotes = dataset.quotes
    said = [f"«{row['quote_ar']}»" for _, row in quotes[quotes["speaker_id"] == actor_id].iterrows()]
    return {"actor_amounts": amounts, "actor_stances": stances, "actor_quotes": said}
