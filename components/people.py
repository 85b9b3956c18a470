"""The Donors & camps page's content: who is in the selected camps, and one actor's records."""

from __future__ import annotations

import pandas as pd

from components import facts, render
from components.dataset import Dataset
from components.i18n import pick, t


def actors_in_camps(dataset: Dataset, camps: tuple[str, ...]) -> pd.DataFrame:
    actors = dataset.actors
    return actors[actors["camp"].isin(camps)]


def actors_table(dataset: Dataset, lang: str, camps: tuple[str, ...]) -> pd.DataFrame:
    actors = actors_in_camps(dataset, camps)
    return pd.DataFrame(
        {
            t("col_name", lang): [pick(a, "name", lang) for _, a in actors.iterrows()],
            t("col_camp", lang): [facts.camp_label(dataset, c, lang) for c in actors["camp"]],
            t("col_role", lang): [pick(a, "role", lang) for _, a in actors.iterrows()],
            t("col_excerpt", lang): list(actors["source_excerpt"]),
        },
        index=pd.Index(list(actors["actor_id"]), name="id"),
    )


def actor_records(dataset: Dataset, actor_id: str, lang: str) -> dict[str, list[str]]:
    """Amounts, stances and quotes that name the actor, as lines of text."""
    money = dataset.money_facts
    mine = money[(money["payer_id"] == actor_id) | (money["payee_id"] == actor_id)]
    amounts = [
        f"{pick(row, 'label', lang)}: {facts.fact_text(row, lang, compact=False)} ({facts.qualifier_text(row, lang)})"
        for _, row in mine.iterrows()
    ]
    ends = dataset.endorsements
    stances = [
        f"{t('stance_' + row['stance'], lang)} → {facts.actor_name(dataset, row['endorsed_id'], lang)}"
        for _, row in ends[ends["endorser_id"] == actor_id].iterrows()
    ]
    quotes = dataset.quotes
    said = [f"«{row['quote_ar']}»" for _, row in quotes[quotes["speaker_id"] == actor_id].iterrows()]
    return {"actor_amounts": amounts, "actor_stances": stances, "actor_quotes": said}


def actor_card_html(dataset: Dataset, actor_id: str, lang: str) -> str:
    """A heading naming the actor, and a card with their role, camp and every record that names them."""
    actor = dataset.by_id("actors")[actor_id]
    name = pick(actor, "name", lang)
    lines = [f"{t(kind, lang)}: {line}" for kind, items in actor_records(dataset, actor_id, lang).items()
             for line in items]
    card = render.actor_card(name, pick(actor, "role", lang), facts.camp_label(dataset, actor["camp"], lang),
                             facts.camp_color(dataset, actor["camp"]), lang, lines or [t("actor_none_records", lang)])
    return render.heading(t("actor_records", lang, name=name), lang) + card
