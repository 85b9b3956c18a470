"""Which share card each page offers: the figure, title and camp colour, from the dataset, and the card
drawn (by techmoney.content.share_card: Pillow, reshaping), once per card.
"""

from __future__ import annotations

from dataclasses import replace

from techmoney.content import share_card
from techmoney.content.share_card import CardSpec
from techmoney.data.built_once import built_once
from techmoney.data.dataset import Dataset
from techmoney.data.schema import CAMPS
from techmoney.site.addresses import ViewState
from techmoney.words import facts
from techmoney.words.bound import Words
from techmoney.words.formatting import date_words
from techmoney.words.i18n import pick, t


def card_for(
    page: str, dataset: Dataset, lang: str, actor_id: str | None = None, camps: tuple[str, ...] = CAMPS
) -> CardSpec:
    """A page's share card. Each stands alone, out of its page: who, how much, to whom, with a figure from the
    article (the Timeline's is the day the story starts, which the article calls "Sunday"). On Donors, the
    actor's (``actor_id``) or else the lead actor of the camps shown (lead_actor), so a camp-filtered view's
    card shows someone that view shows."""
    if page == "donors":
        actor_id = actor_id or lead_actor(dataset, camps)
        return _actor_card(dataset, lang, actor_id) if actor_id else _no_camp_card(dataset, lang)
    if page == "money":
        return _twins_card(dataset, lang)
    if page == "timeline":
        return _timeline_card(dataset, lang)
    goal = Words(dataset, lang).figure(facts.GOAL_FACT)
    if page == "sources":  # the article itself: the figure its headline carries; a source is no camp's
        report = dataset.by_id("context_facts")[facts.ENGLISH_REPORT]
        title = t("card_sources_title", lang, when=date_words(report["source_date"], "month", lang))
        return replace(
            _spec(
                dataset,
                lang,
                title,
                goal.full_text,
                t("card_sources_qualifier", lang),
                "context",
            ),
            camp_label="",
        )
    return _spec(
        dataset,
        lang,
        t("card_story_title", lang),
        goal.full_text,
        t("card_story_qualifier", lang),
        "pro_harris",
    )


def lead_actor(dataset: Dataset, camps: tuple[str, ...]) -> str | None:
    """Whom the Donors page's card shows for these camps: the giver of the first gift in the data whose
    giver is in them (Hastings's $7M when the pro-Harris camp is shown, a Winklevoss twin's when only the
    pro-Trump camp is), else the first person in them, else the first name in them; None without camps."""
    money = dataset.money_facts
    givers = [
        payer for payer in money.loc[money["kind"] == "donation", "payer_id"] if facts.camp_of(dataset, payer) in camps
    ]
    actors = dataset.actors[dataset.actors["camp"].isin(camps)]
    people = actors.loc[actors["kind"] == "person", "actor_id"]
    return next(iter([*givers, *people, *actors["actor_id"]]), None)


def _no_camp_card(dataset: Dataset, lang: str) -> CardSpec:
    """A Donors view with no camp selected shows no one, and its card names no one."""
    spec = _spec(
        dataset,
        lang,
        t("page_donors", lang),
        t("card_no_camp", lang),
        _sentence(t("app_tagline", lang), lang),
        "context",
    )
    return replace(spec, camp_label="")


def _sentence(text: str, lang: str) -> str:
    """The text as a sentence: capitalised in English, with its full stop."""
    text = text[:1].upper() + text[1:]  # a no-op in Arabic, which has no letter case
    return text if text.endswith(".") else f"{text}."


def _gift_card(dataset: Dataset, lang: str, row, camp: str) -> CardSpec:
    """A gift as its page tells it: who gave what to whom (the record's label), how much, whose word it is, and a
    reported refund."""
    refunds = dataset.money_facts
    refunded = ((refunds["kind"] == "refund") & (refunds["payee_id"] == row["payer_id"])).any()
    figure = Words(dataset, lang).figure(row["fact_id"])
    notes = [figure.note, t("status_refunded_in_part", lang) if refunded else ""]
    qualifier = " ".join(_sentence(note, lang) for note in notes if note)
    spec = _spec(dataset, lang, pick(row, "label", lang), figure.full_text, qualifier, camp)
    return _our_call(spec, dataset, row["payer_id"], lang)


def _twins_card(dataset: Dataset, lang: str) -> CardSpec:
    """The Money page's card: both twins, their gift each (at least, in bitcoin), to Trump 47, on the FEC's
    filings, and the cap that sent part of it back."""
    words = Words(dataset, lang)
    gift = words.figure(facts.TWIN_FACTS["winklevoss_cameron"][0])  # both twins gave the same minimum
    cap = words.figure(facts.LIMIT_FACT)
    spec = _spec(
        dataset,
        lang,
        t("card_money_title", lang),
        t("figure_each", lang, figure=gift.full_text),
        t("card_money_qualifier", lang, cap=cap.full_text),
        "pro_trump",
    )
    return replace(spec, camp_label=t("card_camp_ours", lang, camp=spec.camp_label))


def _our_call(spec: CardSpec, dataset: Dataset, actor_id: str, lang: str) -> CardSpec:
    """The camp chip says "our call" where placing the actor in the camp is ours (actors.csv camp_note)."""
    actor = dataset.by_id("actors").get(actor_id)
    if actor is None or not pick(actor, "camp_note", lang) or not spec.camp_label:
        return spec
    return replace(spec, camp_label=t("card_camp_ours", lang, camp=spec.camp_label))


def _timeline_card(dataset: Dataset, lang: str) -> CardSpec:
    """The day the story starts: Biden withdrew and endorsed Harris, and her allies began calling donors; the day in
    words, and where it comes from. No camp chip: a date is no camp's."""
    event = dataset.by_id("events")[facts.TIMELINE_CARD_EVENT]
    when = date_words(event["date"], event["date_precision"], lang, part=event["date_part"] or None)
    spec = _spec(dataset, lang, t("card_timeline_title", lang), when, t("card_timeline_qualifier", lang), "context")
    return replace(spec, camp_label="")


def _actor_card(dataset: Dataset, lang: str, actor_id: str) -> CardSpec:
    actor = dataset.actors.loc[dataset.actors["actor_id"] == actor_id].iloc[0]
    money = dataset.money_facts
    paid = money[(money["payer_id"] == actor_id) & (money["kind"] == "donation")]
    if len(paid):
        return _gift_card(dataset, lang, paid.iloc[0], actor["camp"])
    # No amount: the camp stands in the figure's place (so no chip repeats it), "our call" where it is, and the
    # role under it.
    camp = facts.camp_label(dataset, actor["camp"], lang)
    if pick(actor, "camp_note", lang):
        camp = t("card_camp_ours", lang, camp=camp)
    spec = _spec(dataset, lang, pick(actor, "name", lang), camp, pick(actor, "role", lang), actor["camp"])
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


def card_key(dataset: Dataset, page: str, view: ViewState) -> tuple[str | None, tuple[str, ...]]:
    """(actor, camps) that decide a page's card: on Donors the actor picked, else the camps' lead actor
    (one card per actor, however many camp choices lead to them); elsewhere the page's one card."""
    if page != "donors":
        return None, CAMPS
    actor = view.actor or lead_actor(dataset, view.camps)
    return actor, CAMPS if actor else ()


@built_once(maxsize=256)  # every card: 5 pages and 2 languages, and each actor's on donors
def card_png(dataset: Dataset, page: str, lang: str, actor: str | None, camps: tuple[str, ...]) -> bytes:
    """The card drawn as a PNG; raises ValueError for text share_card cannot fit or draw."""
    return share_card.render_card(card_for(page, dataset, lang, actor, camps))
