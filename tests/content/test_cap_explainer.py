"""techmoney/content/cap_explainer.py: every sentence beside the allocation chart is traceable to its records.

For each sentence, in both languages: every number shown is a formatted value (or source date) of a
record the sentence declares; the qualifiers of those records (at least, reportedly, our inference,
our derivation and its assumption) are in the words; the label says where the sentence comes from, and its
public-record sources are named and linked beside it; public record is never labelled as the article's. Records are read
from the CSVs with the csv module.
"""

from __future__ import annotations

import re

import pytest

from techmoney.content import cap_explainer
from techmoney.data.dataset import load_dataset
from techmoney.words.bound import Words
from techmoney.words.formatting import LRI, PDI
from techmoney.words.i18n import LANGS
from tests.conftest import DATA, csv_rows_by_id

DATASET = load_dataset(DATA)


CONTEXT = csv_rows_by_id("context_facts.csv")
FACTS = csv_rows_by_id("money_facts.csv")
LOADED = DATASET.by_id("context_facts")  # computed values (the file leaves them blank)
SENTENCES = {lang: cap_explainer.explainer(Words(DATASET, lang)) for lang in LANGS}
NUMBER = re.compile(r"\d+(?:,\d{3})*")
NAMES = ("Trump 47", "ترامب 47")  # numbers that are part of a name
WORDS = {
    "at_least": {"en": ("at least",), "ar": ("على الأقل", "لا يقل عن")},
    "reportedly": {"en": ("reportedly",), "ar": ("بحسب ما ورد",)},
    "inference": {"en": ("our inference",), "ar": ("استنتاجنا",)},
    "derivation": {"en": ("our derivation",), "ar": ("حسابنا",)},
    "assumption": {"en": ("Assuming", "Assume"), "ar": ("افترضنا", "لنفترض")},
    "public_record": {"en": ("public record, not in the article",), "ar": ("سجل عام، ليس من المقال",)},
}


def says(text: str, word: str, lang: str) -> bool:
    return any(w in text for w in WORDS[word][lang])


def record_numbers(record_id: str) -> set[str]:
    """Every way a record's figure or source date may be written as digits."""
    if record_id in CONTEXT:
        row = CONTEXT[record_id]
        found = {row["source_date"][:4]} if row["source_date"] else set()
        if row["source_date"] and len(row["source_date"]) == 10:
            found.add(str(int(row["source_date"][8:])))
        number = int(LOADED[record_id]["value"]) if row["value"] or row["derivation"] else None
        return found | ({f"{number:,}", str(number)} if number is not None else set())
    amount = int(float(DATASET.by_id("money_facts")[record_id]["amount"]))
    return {f"{amount:,}", str(amount)}


def sentence_cases():
    return [pytest.param(lang, s, id=f"{lang}-{s.key}") for lang in LANGS for s in SENTENCES[lang]]


def test_every_declared_sentence_is_in_the_explainer_in_order_and_declares_existing_records():
    for lang in LANGS:
        assert [s.key for s in SENTENCES[lang]] == [c.key for c in cap_explainer.SENTENCES]
    for claim in cap_explainer.SENTENCES:
        assert claim.record_ids, claim.key
        unknown = [r for r in claim.record_ids if r not in CONTEXT and r not in FACTS]
        assert not unknown, f"{claim.key}: {unknown}"


@pytest.mark.parametrize(("lang", "sentence"), sentence_cases())
def test_every_number_shown_is_a_value_or_date_of_a_declared_record(lang, sentence):
    text = sentence.text
    for name in NAMES:
        text = text.replace(name, "")
    allowed = set().union(*(record_numbers(r) for r in sentence.record_ids))
    stray = [n for n in NUMBER.findall(text) if n not in allowed]
    assert not stray, f"{sentence.key}/{lang}: {stray} not from {sentence.record_ids}"


@pytest.mark.parametrize(("lang", "sentence"), sentence_cases())
def test_the_qualifiers_of_the_declared_records_are_in_the_words(lang, sentence):
    for record_id in sentence.record_ids:
        if record_id in FACTS:
            fact = FACTS[record_id]
            if fact["bound"] == "at_least" and NUMBER.search(sentence.text):
                assert says(sentence.text, "at_least", lang), f"{sentence.key}: {record_id} is a minimum"
            if fact["kind"] == "refund":
                assert says(sentence.text, "reportedly", lang), f"{sentence.key}: the refund is reported"
                assert says(sentence.text, "derivation", lang) and says(sentence.text, "assumption", lang), (
                    f"{sentence.key}: a refund figure is our derivation and shows its assumption "
                    "(docs/EDITORIAL.md rule 3)"
                )
        elif CONTEXT[record_id]["confidence"] == "our_inference":
            assert says(sentence.text, "inference", lang), f"{sentence.key}: {record_id} is our inference"
    assert "≥" not in sentence.text and "≤" not in sentence.text, "qualifiers are words"


@pytest.mark.parametrize(("lang", "sentence"), sentence_cases())
def test_the_label_says_where_the_sentence_comes_from_and_never_mixes_layers(lang, sentence):
    records = sentence.record_ids
    confidences = {CONTEXT[r]["confidence"] for r in records if r in CONTEXT}
    if sentence.provenance == "article":
        assert all(r in FACTS and FACTS[r]["qualifier"] != "derived" for r in records), "only the article's own figures"
        assert sentence.label == {"en": "from the article", "ar": "من المقال"}[lang]
        return
    assert not sentence.label.startswith({"en": "from the article", "ar": "من المقال"}[lang]), (
        "never labelled as the article's"
    )
    if sentence.provenance == "public_record":
        assert records and all(r in CONTEXT for r in records) and confidences <= {"certain", "reported"}
        assert says(sentence.label, "public_record", lang)
    elif sentence.provenance == "secondary":  # a law firm's summary: never labelled public record
        assert records and all(r in CONTEXT for r in records) and confidences <= {"reported"}
        assert not says(sentence.label, "public_record", lang)
        assert {"en": "law firm", "ar": "مكتب محاماة"}[lang] in sentence.label
    elif sentence.provenance == "inference":
        assert "our_inference" in confidences and says(sentence.label, "inference", lang)
    else:
        assert any(r in FACTS and FACTS[r]["qualifier"] == "derived" for r in records)
    named = " ".join(source.name for source in sentence.sources)
    for record_id in records:
        row = CONTEXT.get(record_id)
        if row and row["confidence"] in ("certain", "reported"):
            publisher = row[f"publisher_{lang}"]
            assert publisher.split(" (")[0] in named, f"{sentence.key}: {publisher} not named"
            assert row["source_url"] in {source.url for source in sentence.sources}, (
                f"{sentence.key}: {record_id} not linked"
            )


@pytest.mark.parametrize(("lang", "sentence"), sentence_cases())
def test_latin_in_arabic_is_isolated(lang, sentence):
    if lang != "ar":
        return
    for text in (sentence.text, sentence.label):
        bare = re.sub(f"{LRI}[^{PDI}]*{PDI}", "", text)
        assert not re.search("[A-Za-z]", bare), f"{sentence.key}: Latin outside LRI…PDI in {bare[:80]!r}"


def test_the_inference_sentence_and_the_growth_sentence_state_the_counts_the_data_give():
    en = {s.key: s.text for s in SENTENCES["en"]}
    assert f"{int(LOADED['t47_state_party_count']['value'])} state parties" in en["cap_sum"]
    for count in ("t47_state_party_count_wapo", "t47_state_party_count_hill"):
        assert str(int(LOADED[count]["value"])) in en["cap_growth"]
    # "the first matches the Post's count" is only true if it does:
    assert LOADED["t47_state_party_count_wapo"]["value"] == int(CONTEXT["t47_state_committees_wapo"]["value"])


def test_arabic_counts_agree_in_number():
    forms = cap_explainer._NOUNS["state_parties"]["ar"]
    assert cap_explainer.count_text(42, forms, "ar") == "42 حزبًا جمهوريًا في الولايات"
    assert cap_explainer.count_text(2, forms, "ar") == "حزبين جمهوريين في الولايات"
    assert cap_explainer.count_text(5, forms, "ar") == "5 أحزاب جمهورية في الولايات"
    assert cap_explainer.count_text(100, forms, "ar") == "100 حزب جمهوري في الولايات"
    assert cap_explainer.count_text(1, cap_explainer._NOUNS["days"]["en"], "en") == "1 day"


@pytest.mark.parametrize("lang", LANGS)
def test_dates_read_in_words_never_iso(lang):
    assert cap_explainer.date_text("2023-02-02", lang) == {"en": "February 2, 2023", "ar": "2 فبراير/شباط 2023"}[lang]
    assert cap_explainer.date_text("2024-03", lang) == {"en": "March 2024", "ar": "مارس/آذار 2024"}[lang]
    for sentence in SENTENCES[lang]:
        assert not re.search(r"\d{4}-\d{2}", sentence.text + sentence.label)


def test_small_counts_read_in_words_in_arabic():
    """«حساباته الخاصة الثلاثة», «تبرع واحد»: not «وعددها 3» or «عدد التبرعات: 1» (the Arabic desk)."""
    limits = next(s for s in SENTENCES["ar"] if s.key == "cap_limits").text
    assert "حساباته الخاصة الثلاثة" in limits and "وعددها" not in limits
    assert cap_explainer.count_words(1, "gifts", "ar") == "تبرع واحد"
    assert cap_explainer.count_words(2, "gifts", "ar") == "تبرعان"
    assert cap_explainer.count_words(1, "gifts", "en") == "1 gift"
    assert "3 special accounts" in next(s for s in SENTENCES["en"] if s.key == "cap_limits").text
