"""Which share card each page offers: the figure, title and camp colour, from the dataset.

Pure: builds a share_card.CardSpec; rendering (Pillow, reshaping) lives in techmoney.content.share_card.
"""

from __future__ import annotations

from dataclasses import replace

from techmoney.content import cap_explainer
from techmoney.words import facts
from techmoney.data.dataset import Dataset
from techmoney.words.i18n import pick, t
from techmoney.content.share_card import CardSpec


def card_for(page: str, dataset: Dataset, lang: str, actor_id: str | None = None) -> CardSpec:
    if page == "donors" and actor_id:
        return _actor_card(dataset, lang, actor_id)
    if page == "money":  # the cap's allocation: how much of each twin's gift was over it
        refund_id = facts.TWIN_FACTS["winklevoss_cameron"][1]
        return _spec(dataset, lang, *cap_explainer.card_text(dataset, lang), "pro_trump")
    fact_id, title_key, camp = {
        "story": (facts.GOAL_FACT, "kf_goal", "pro_harris"),
        "donors": (facts.HASTINGS_FACT, "kf_hastings", "pro_harris"),
        "timeline": (facts.LIMIT_FACT, "kf_limit", "pro_trump"),
        "sources": (facts.SHARE_FACT, "goal_title", "pro_harris"),
    }[page]
    row = facts.fact(dataset, fact_id)
    return _spec(dataset, lang, t(title_key, lang), facts.fact_text(row, lang, compact=False),
                 facts.qualifier_or_caveat(row, lang), camp)


def _actor_card(dataset: Dataset, lang: str, actor_id: str) -> CardSpec:
    actor = dataset.actors.loc[dataset.actors["actor_id"] == actor_id].iloc[0]
    money = dataset.money_facts
    paid = money[(money["payer_id"] == actor_id) & (money["kind"] == "donation")]
    if len(paid):
        row = paid.iloc[0]
        figure, qualifier = facts.fact_text(row, lang, compact=False), facts.qualifier_or_caveat(row, lang)
        return _spec(dataset, lang, pick(actor, "name", lang), figure, qualifier, actor["camp"])
    # No amount: the camp stands in the figure's place (so no chip repeats it) and the role under it.
    spec = _spec(dataset, lang, pick(actor, "name", lang), facts.camp_label(dataset, actor["camp"], lang),
                 pick(actor, "role", lang), actor["camp"])
    return replace(spec, camp_label="")


def _spec(dataset: Dataset, lang: str, title: str, figure: str, qualifier: str, camp_id: str) -> CardSpec:
    camp = dataset.camps.loc[dataset.camps["camp_id"] == camp_id].iloc[0]
    return CardSpec(
        lang=lang,
        title=title,
        key_figure=figure,
        qualifier=qualifier,
        camp_label=pick(camp, "label", lang),
        camp_color=camp["color"],
        source_line=t("card_source", lang),
        app_name=t("app_title", lang),
    )
