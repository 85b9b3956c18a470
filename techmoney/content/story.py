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
        figure = words.figure(fact_id)  # its caveat says what its qualifier would, and more: the figure's one note
        out.append(
            KeyFigure(
                words.t(label_key),
                figure.text,
                "" if figure.caveat else figure.qualifier,
                figure.caveat,
                figure.record["source_excerpt"],
                camp,
                (fact_id,),
                figure.sources,
            )
        )
    return out


def _quote(dataset: Dataset, quote_id: str) -> str:
    quotes = dataset.quotes
    return quotes.loc[quotes["quote_id"] == quote_id, "quote_ar"].iloc[0]


def sections(words: Words, camps: tuple[str, ...]) -> list[Section]:
    """The sections for the camps shown, each with the outside sources its paragraphs rest on."""
    dataset = words.dataset
    twin_gift, twin_refund = facts.TWIN_FACTS["winklevoss_cameron"]  # both twins gave the same minimum
    ids = (facts.GOAL_FACT, facts.HASTINGS_FACT, facts.LIMIT_FACT, twin_gift, twin_refund)
    goal, gift, limit, gift_twin, refund_twin = (words.figure(fact_id) for fact_id in ids)
    hastings_says, adviser_says = _quote(dataset, "q_hastings_congrats"), _quote(dataset, "q_adviser_doubt")
    events = dataset.by_id("events")
    record = {"facebook": "ev_harris_facebook_remark", "ai": "ev_white_house_ai_meeting"}  # the record's years
    all_sections = [
        # The push and Hastings's gift share one section: the estimate chart carries both figures, and the
        # gift's share of the estimate, with its working.
        Section(
            words.t("section_push_title"),
            (
                Traced(words.t("section_push_body", goal=goal.amount), (facts.GOAL_FACT,)),
                Traced(
                    words.t(
                        "section_hastings_body",
                        gift=gift.text,
                        quote=hastings_says,
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
                        gift=gift_twin.amount,
                        limit=limit.full_text,
                        refund=refund_twin.amount,
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
                        quote=adviser_says,
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
