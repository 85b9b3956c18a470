"""The Story page's content: key figures and narrative sections, filled from the dataset.

Section texts live in the translation table with placeholders; this module fills them with
figures and verbatim quotes from data/, so the page only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from techmoney.data.dataset import Dataset
from techmoney.words import facts
from techmoney.words.bound import Words
from techmoney.words.facts import Traced


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str
    qualifier: str  # how sure the figure is, in words: "" when its caveat says it
    caveat: str  # reportedly, whose estimate, our assumption: "" when the figure needs none
    excerpt: str  # the article's sentence, verbatim
    camp: str
    records: tuple[str, ...]  # the money facts the figure and its words come from
    sources: tuple[facts.Source, ...] = ()  # the outside sources its caveat cites, linked where it is shown

    @property
    def traced(self) -> Traced:
        return Traced(" ".join(p for p in (self.label, self.value, self.qualifier, self.caveat) if p), self.records)


@dataclass(frozen=True)
class Section:
    title: str
    paragraphs: tuple[Traced, ...]  # our own prose, each paragraph with the records it states
    chart_id: str  # the chart beside it, which carries its figures
    camp: str
    sources: tuple[facts.Source, ...] = ()  # the outside sources its paragraphs rest on, linked under them


def key_figures(words: Words, camps: tuple[str, ...]) -> list[KeyFigure]:
    figures = [
        ("kf_goal", facts.GOAL_FACT, "pro_harris"),
        ("kf_hastings", facts.HASTINGS_FACT, "pro_harris"),
        ("kf_limit", facts.LIMIT_FACT, "pro_trump"),
        ("kf_refund", facts.TWIN_FACTS["winklevoss_cameron"][1], "pro_trump"),
    ]
    out = []
    for label_key, fact_id, camp in figures:
        if camp not in camps:
            continue
        caveat = words.caveat(fact_id)  # says what the qualifier would, and more: the figure's one note
        out.append(
            KeyFigure(
                words.t(label_key),
                words.fact_text(fact_id),
                "" if caveat else words.qualifier(fact_id),
                caveat,
                words.fact(fact_id)["source_excerpt"],
                camp,
                (fact_id,),
                tuple(words.outside_sources((fact_id,))),
            )
        )
    return out


def _quote(dataset: Dataset, quote_id: str) -> str:
    quotes = dataset.quotes
    return quotes.loc[quotes["quote_id"] == quote_id, "quote_ar"].iloc[0]


def sections(words: Words, camps: tuple[str, ...]) -> list[Section]:
    """The sections for the camps shown, each with the outside sources its paragraphs rest on."""
    dataset = words.dataset
    goal = words.fact(facts.GOAL_FACT)
    twin_gift, twin_refund = facts.TWIN_FACTS["winklevoss_cameron"]  # both twins gave the same minimum
    gift_twin, refund_twin = words.fact(twin_gift), words.fact(twin_refund)
    events = dataset.by_id("events")
    record = {"facebook": "ev_harris_facebook_remark", "ai": "ev_white_house_ai_meeting"}  # the record's years
    all_sections = [
        # The push and Hastings's gift share one section: the estimate chart carries both figures, and the
        # gift's share of the estimate, with its working.
        Section(
            words.t("section_push_title"),
            (
                Traced(words.t("section_push_body", goal=words.usd(goal["amount"], compact=True)), (facts.GOAL_FACT,)),
                Traced(
                    words.t(
                        "section_hastings_body",
                        gift=words.fact_text(facts.HASTINGS_FACT),
                        quote=_quote(dataset, "q_hastings_congrats"),
                    ),
                    (facts.HASTINGS_FACT,),
                ),
            ),
            "goal",
            "pro_harris",
        ),
        Section(words.t("section_flows_title"), (Traced(words.t("section_flows_body"), ()),), "flows", "pro_harris"),
        Section(
            words.t("section_twins_title"),
            (
                Traced(
                    words.t(
                        "section_twins_body",
                        gift=words.usd(gift_twin["amount"], compact=True),
                        limit=words.fact_text(facts.LIMIT_FACT, compact=False),
                        refund=words.usd(refund_twin["amount"]),
                    ),
                    (twin_gift, facts.LIMIT_FACT, twin_refund),
                ),
            ),
            "twins",
            "pro_trump",
        ),
        Section(
            words.t("section_skeptics_title"),
            (
                Traced(
                    words.t(
                        "section_skeptics_body",
                        quote=_quote(dataset, "q_adviser_doubt"),
                        **{name: events[event_id]["date"][:4] for name, event_id in record.items()},
                    ),
                    tuple(record.values()),
                ),
            ),
            "timeline",
            "skeptic",
        ),
    ]
    return [
        replace(s, sources=tuple(words.outside_sources([r for p in s.paragraphs for r in p.records])))
        for s in all_sections
        if s.camp in camps
    ]
