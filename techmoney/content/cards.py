"""Which share card each page offers: the figure, title and camp colour, from the dataset.

Pure: builds a share_card.CardSpec; rendering (Pillow, reshaping) lives in techmoney.content.share_card.
"""

from __future__ import annotations

from dataclasses import replace

from techmoney.content import cap_explainer
from techmoney.words import facts
from techmoney.data.dataset import Dataset
from techmoney.words.formatting import date_words
from techmoney.words.i18n import pick, t
from techmoney.content.share_card import CardSpec
from techmoney.data.schema import CAMPS


def card_for(page: str, dataset: Dataset, lang: str, actor_id: str | None = None,
             camps: tuple[str, ...] = CAMPS) -> CardSpec:
    """The page's card; on Donors, the actor's (``actor_id``) or else the lead actor of the camps shown
    (lead_actor), so a camp-filtered view's card shows someone that view shows."""
    if page == "donors":
        actor_id = actor_id or lead_actor(dataset, camps)
        return _actor_card(dataset, lang, actor_id) if actor_id else _no_camp_card(dataset, lang)
    if page == "money":  # the cap's allocation: how much of each twin's gift was over it
        return _spec(dataset, lang, *cap_explainer.card_text(dataset, lang), "pro_trump")
    if page == "timeline":
        return _timeline_card(dataset, lang)
    if page == "sources":  # the share, with its working and the assumption it rests on
        row = facts.fact(dataset, facts.SHARE_FACT)
        return _spec(dataset, lang, t("goal_title", lang), facts.fact_text(row, lang, compact=False),
                     _sentence(facts.share_working(dataset, lang), lang), "pro_harris")
    row = facts.fact(dataset, facts.GOAL_FACT)
    return _spec(dataset, lang, t("kf_goal", lang), facts.fact_text(row, lang, compact=False),
                 facts.qualifier_or_caveat(row, lang), "pro_harris")


def lead_actor(dataset: Dataset, camps: tuple[str, ...]) -> str | None:
    """Whom the Donors page's card shows for these camps: the giver of the first gift in the data whose
    giver is in them (Hastings's $7M when the pro-Harris camp is shown, a Winklevoss twin's when only the
    pro-Trump camp is), else the first person in them, else the first name in them; None without camps."""
    money = dataset.money_facts
    givers = [payer for payer in money.loc[money["kind"] == "donation", "payer_id"]
              if facts.camp_of(dataset, payer) in camps]
    actors = dataset.actors[dataset.actors["camp"].isin(camps)]
    people = actors.loc[actors["kind"] == "person", "actor_id"]
    return next(iter([*givers, *people, *actors["actor_id"]]), None)


def _no_camp_card(dataset: Dataset, lang: str) -> CardSpec:
    """A Donors view with no camp selected shows no one, and its card names no one."""
    spec = _spec(dataset, lang, t("page_donors", lang), t("card_no_camp", lang), _sentence(t("app_tagline", lang), lang),
                 "context")
    return replace(spec, camp_label="")


def _sentence(text: str, lang: str) -> str:
    """The text as a sentence: capitalised in English, with its full stop."""
    text = text[:1].upper() + text[1:]  # a no-op in Arabic, which has no letter case
    return text if text.endswith(".") else f"{text}."


def _gift_card(dataset: Dataset, lang: str, row, camp: str) -> CardSpec:
    """A gift as its page tells it: who gave what to whom (the record's label), how much, whose word it is,
    where "super PAC" comes from, and a reported refund."""
    refunds = dataset.money_facts
    refunded = ((refunds["kind"] == "refund") & (refunds["payee_id"] == row["payer_id"])).any()
    notes = [facts.qualifier_or_caveat(row, lang), facts.super_pac_source(row["payee_id"], lang),
             t("status_refunded_in_part", lang) if refunded else ""]
    qualifier = " ".join(_sentence(note, lang) for note in notes if note)
    spec = _spec(dataset, lang, pick(row, "label", lang), facts.fact_text(row, lang, compact=False), qualifier, camp)
    return _our_call(spec, dataset, row["payer_id"], lang)


def _our_call(spec: CardSpec, dataset: Dataset, actor_id: str, lang: str) -> CardSpec:
    """The camp chip says "our call" where placing the actor in the camp is ours (actors.csv camp_note)."""
    actor = dataset.by_id("actors").get(actor_id)
    if actor is None or not pick(actor, "camp_note", lang) or not spec.camp_label:
        return spec
    return replace(spec, camp_label=t("card_camp_ours", lang, camp=spec.camp_label))


def _timeline_card(dataset: Dataset, lang: str) -> CardSpec:
    """A timeline item: the event, its date in words, and how the date was resolved (its source)."""
    event = dataset.by_id("events")[facts.TIMELINE_CARD_EVENT]
    when = date_words(event["date"], event["date_precision"], lang, part=event["date_part"] or None)
    reasoning = event[facts.REASONING_COLUMNS[lang]]
    return _spec(dataset, lang, pick(event, "label", lang), when, reasoning, "pro_harris")


def _actor_card(dataset: Dataset, lang: str, actor_id: str) -> CardSpec:
    actor = dataset.actors.loc[dataset.actors["actor_id"] == actor_id].iloc[0]
    money = dataset.money_facts
    paid = money[(money["payer_id"] == actor_id) & (money["kind"] == "donation")]
    if len(paid):
        return _gift_card(dataset, lang, paid.iloc[0], actor["camp"])
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
