"""Every number a reader sees is a formatted value of the records its text declares, and carries their
qualifiers (issue 12 §2; docs/EDITORIAL.md).

Each piece of shown text declares its records: a key figure, a story paragraph, a share card, a
sentence of the cap's explainer, a chart's title and subtitle. For each, in both languages:

1. erase the article's own words (verbatim quotes), the names that hold digits (Trump 47, 501(c)(4)),
   and every formatted value of the declared records (and of their inputs, for a derived figure):
   no digit and no number word may be left;
2. for every record whose value appears in a sentence, that sentence says the record's qualifiers in
   words: at least / more than / at most (its bound), an estimate (a projection), our derivation (a
   derived figure), reportedly (a refund);
3. every declared money fact is shown (a declaration cannot be padded).

The units are collected from the builders' output, so a new sentence on a page is checked the moment a
page shows it, and a figure in it that no record declares fails here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd
import pytest

from techmoney.content import cap_explainer, cards, charts, page_content, story
from techmoney.data.dataset import load_dataset
from techmoney.data.schema import CAMPS
from techmoney.site.sitemap import CHART_IDS, PAGE_IDS
from techmoney.words import facts
from techmoney.words.bound import Words
from techmoney.words.formatting import date_words, figure_text, share, usd
from techmoney.words.i18n import LANGS
from tests.conftest import DATA

DATASET = load_dataset(DATA)
MONEY = DATASET.by_id("money_facts")
CONTEXT = DATASET.by_id("context_facts")
EVENTS = DATASET.by_id("events")

# The records the charts' titles and subtitles and the share cards state (an undeclared figure fails).
TITLE_RECORDS = {
    "goal": (facts.SHARE_FACT, facts.GOAL_FACT, facts.HASTINGS_FACT),
    "twins": (facts.TWIN_FACTS["winklevoss_cameron"][0], facts.LIMIT_FACT),
    "timeline": charts.TIMELINE_TITLE_EVENTS,
    "allocation": (facts.TWIN_FACTS["winklevoss_cameron"][0], facts.LIMIT_FACT, cap_explainer.ORDER_ID),
}
CARD_RECORDS = {
    "story": (facts.GOAL_FACT,),
    "donors": (facts.HASTINGS_FACT,),
    "timeline": (facts.TIMELINE_CARD_EVENT,),
    "sources": (facts.GOAL_FACT, facts.ENGLISH_REPORT),
    "money": (facts.TWIN_FACTS["winklevoss_cameron"][0], facts.LIMIT_FACT),
}


def actor_card_records(actor_id: str) -> tuple[str, ...]:
    """An actor's card may state the actor's donations and the events that name the actor."""
    paid = [fact_id for fact_id, row in MONEY.items() if row["payer_id"] == actor_id and row["kind"] == "donation"]
    named = [event_id for event_id, row in EVENTS.items() if actor_id in row["actor_ids"].split(";")]
    return (*paid, *named)


# Names that hold digits; everything else with a digit must come from a record.
NAMES = re.compile(r"ترامب 47|Trump 47|501\(c\)\(4\)")
NUMBER = re.compile(
    r"[0-9٠-٩]|\b(?:million|thousand|billion)s?\b"
    r"|(?<![\u0621-\u064A])[وبلف]?(?:مليون|ملايين|ألف|آلاف|مليار|مليارات)(?:ًا|ا|ان|ين)?(?![\u0621-\u064A])"
)
QUOTED = re.compile(r"«([^«»]*)»|“([^“”]*)”")
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")

# The words that say a qualifier, in each language (any one will do).
HEDGES = {
    "at_least": {"en": ("at least", "minimum"), "ar": ("على الأقل", "لا يقل عن", "حد أدنى")},
    "more_than": {"en": ("more than",), "ar": ("أكثر من",)},
    "at_most": {"en": ("at most",), "ar": ("كحد أقصى", "حد أقصى", "على الأكثر")},
    "estimate": {"en": ("estimate", "projected", "projection"), "ar": ("تقدير", "متوقع")},
    "derived": {
        "en": ("our derivation", "our computation", "derived", "our estimate", "our arithmetic"),
        "ar": ("بحسابنا", "حسابنا", "حساب منا", "محسوب", "تقديرنا"),
    },
    "reportedly": {"en": ("reportedly",), "ar": ("بحسب ما ورد",)},
}


def hedges_of(record_id: str) -> list[str]:
    """The qualifiers a money fact's text must say wherever its value is shown."""
    if record_id not in MONEY:
        return []
    row = MONEY[record_id]
    needed = [row["bound"]] if row["bound"] in ("at_least", "more_than", "at_most") else []
    needed += ["estimate"] if row["qualifier"] in ("projected", "estimated") else []
    needed += ["derived"] if row["qualifier"] == "derived" else []
    needed += ["reportedly"] if row["kind"] == "refund" else []
    return needed


def inputs_of(record_id: str) -> list[str]:
    row = MONEY.get(record_id)
    return [i for i in (row["inputs"] or "").split(";") if i] if row is not None else []


def renderings(record_id: str, lang: str) -> set[str]:
    """Every way the app writes the record's value."""
    if record_id in MONEY:
        row = MONEY[record_id]
        amount = float(row["amount"])
        if row["unit"] == "share":
            return {share(amount, lang), figure_text(amount, "share", row["bound"], lang)}
        return {
            text
            for compact in (True, False)
            for text in (usd(amount, lang, compact), figure_text(amount, "usd", row["bound"], lang, compact))
        }
    if record_id in CONTEXT:
        row = CONTEXT[record_id]
        dates = {cap_explainer.date_text(row["source_date"], lang)} if row["source_date"] else set()
        if pd.isna(row["value"]):
            return dates
        return dates | {cap_explainer.value_text(row, lang, noun) for noun in (None, *cap_explainer._NOUNS)}
    if record_id in EVENTS and EVENTS[record_id]["date"]:
        row = EVENTS[record_id]
        return {row["date"][:4], date_words(row["date"], row["date_precision"], lang, part=row["date_part"] or None)}
    return set()


def _without_quotes(text: str) -> str:
    """The article's own words (verbatim quotes) replaced by a mark: they carry the article's numbers."""
    return QUOTED.sub(lambda m: "«…»" if (m.group(1) or m.group(2) or "") in DATASET.article else m.group(0), text)


def _plain(text: str) -> str:
    return re.sub(r"[\u2066-\u2069]", "", re.sub(r"<br>", " ", text))


def check(where: str, text: str, records: tuple[str, ...], lang: str, *, by_sentence: bool) -> list[str]:
    problems = []
    text = _without_quotes(_plain(text))
    known = {
        r: {_plain(s) for s in renderings(r, lang)} for r in {*records, *(i for r in records for i in inputs_of(r))}
    }
    # 1. No number left once the declared records' values are erased.
    left = NAMES.sub("", text)
    for value in sorted({v for values in known.values() for v in values}, key=len, reverse=True):
        left = left.replace(value, " ")
    if NUMBER.search(left):
        problems.append(
            f"{where}: a number no declared record gives ({', '.join(records) or 'none declared'}): {text!r}"
        )
    # 2. Each record's qualifiers in the sentence that shows its value.
    for sentence in SENTENCE_END.split(text) if by_sentence else [text]:
        for record, values in known.items():
            if not any(value in sentence for value in values):
                continue
            for hedge in hedges_of(record):
                if not any(word in sentence.lower() for word in HEDGES[hedge][lang]):
                    problems.append(f"{where}: {record} is shown without saying {hedge!r}: {sentence!r}")
    # 3. Every declared money fact is shown.
    for record in records:
        if record in MONEY and not any(value in text for value in known[record]):
            problems.append(f"{where}: declares {record} but does not show it: {text!r}")
    return problems


def units(lang: str) -> Iterator[tuple[str, str, tuple[str, ...], bool]]:
    """(where, text, declared records, check sentence by sentence) for everything the pages say."""
    for page in PAGE_IDS:  # each page's headline (issue 31)
        headline = page_content.headline(Words(DATASET, lang), page)
        yield f"headline {page}", headline.text, headline.records, True
    for number, said in enumerate(Words(DATASET, lang).english_original()):  # Sources: the English original
        if isinstance(said, facts.Traced):
            yield f"English original {number}", said.text, said.records, True
    for fact_id, row in MONEY.items():  # a gift as the Donors records tell it, with our super-PAC inference
        inference = Words(DATASET, lang).super_pac_inference(row["payee_id"])
        if inference is not None:
            yield f"super PAC inference {fact_id}", inference.text, inference.records, True
    for figure in story.key_figures(Words(DATASET, lang), CAMPS):
        yield f"key figure {figure.label!r}", figure.traced.text, figure.traced.records, False
    for section in story.sections(Words(DATASET, lang), CAMPS):
        for number, paragraph in enumerate(section.paragraphs):
            yield f"story {section.chart_id} paragraph {number}", paragraph.text, paragraph.records, True
    specs = [(page, cards.card_for(page, DATASET, lang), CARD_RECORDS[page]) for page in PAGE_IDS]
    specs += [
        (f"donors/{actor}", cards.card_for("donors", DATASET, lang, actor), actor_card_records(actor))
        for actor in DATASET.by_id("actors")
    ]
    for name, spec, records in specs:
        yield f"card {name}", " ".join((spec.title, spec.key_figure, spec.qualifier)), records, False
    for sentence in cap_explainer.explainer(Words(DATASET, lang)):
        yield f"explainer {sentence.key}", sentence.text, sentence.record_ids, True
    for chart_id in CHART_IDS:
        built = charts.build_chart(Words(DATASET, lang), chart_id, CAMPS)
        yield (
            f"chart {chart_id} title and subtitle",
            f"{built.title}. {built.subtitle}",
            TITLE_RECORDS.get(chart_id, ()),
            True,
        )


@pytest.mark.parametrize("lang", LANGS)
def test_every_shown_number_is_a_value_of_its_declared_records_with_their_qualifiers(lang):
    problems = [
        p
        for where, text, records, by_sentence in units(lang)
        for p in check(where, text, records, lang, by_sentence=by_sentence)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_the_check_catches_an_undeclared_number_a_missing_qualifier_and_a_padded_declaration(lang):
    refund = "refund_cameron_min"
    shown = usd(float(MONEY[refund]["amount"]), lang)
    assert check("t", f"{shown}.", (), lang, by_sentence=True), "a number no record declares"
    assert any("reportedly" in p for p in check("t", f"{shown}.", (refund,), lang, by_sentence=True))
    assert check("t", "no figure here.", (facts.HASTINGS_FACT,), lang, by_sentence=True), "padding"
    fine = " ".join(word for hedge in hedges_of(refund) for word in HEDGES[hedge][lang][:1])
    assert check("t", f"{shown} {fine}.", (refund,), lang, by_sentence=True) == []
