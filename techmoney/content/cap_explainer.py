"""The words around the Trump 47 cap: the explainer beside the allocation chart, each fact's citation,
and the label that says where a figure comes from.

Context from outside the article is a separate, labelled layer (docs/EDITORIAL.md rule 10). Every
sentence here declares the records it rests on (:data:`SENTENCES`); its figures are filled from
those records, never typed, and its label says whether it is from the article, public record, or
our own derivation or inference. Pure: no Streamlit, no HTML (callers escape).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from techmoney.data import allocation
from techmoney.data.dataset import Dataset
from techmoney.words import facts
from techmoney.words.bound import Words
from techmoney.words.formatting import date_words, usd
from techmoney.words.i18n import pick, t
from techmoney.words.locale import locale

GIFT_FACT, CAP_FACT = "gift_cameron_btc", "limit_trump47_person"  # one twin's gift; both twins gave the same
ORDER_ID = "t47_order_ap"  # the reported order the chart's bars follow


def date_text(date: str | None, lang: str) -> str:
    """A source's date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) in words, as every date in the app."""
    if not date:
        return t("cap_undated", lang)
    return date_words(date, ("year", "month", "day")[date.count("-")], lang)


def count_text(n: int, forms: Mapping[str, str], lang: str) -> str:
    """A count with its noun, agreeing in number. Arabic ``forms`` are keyed by CLDR plural category
    (one, two, few, many, other) with ``{n}`` where the figure goes; English by one and other."""
    category = locale(lang).plural(n)
    return forms.get(category, forms["other"]).format(n=f"{n:,}", w=_AR_COUNT_WORDS.get(n, f"{n:,}"))


# 3 to 10 in words, as they count a masculine noun («ثلاثة حسابات»): the desk writes small counts in words.
_AR_COUNT_WORDS = dict(
    zip(range(3, 11), ("ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"), strict=False)
)


_NOUNS = {  # noun -> language -> forms (see count_text)
    "state_parties": {
        "ar": {"one": "حزب جمهوري واحد في الولايات", "two": "حزبين جمهوريين في الولايات",
               "few": "{n} أحزاب جمهورية في الولايات", "many": "{n} حزبًا جمهوريًا في الولايات",
               "other": "{n} حزب جمهوري في الولايات"},
        "en": {"one": "{n} state party", "other": "{n} state parties"},
    },
    "states": {
        "ar": {"one": "ولاية واحدة", "two": "ولايتين", "few": "{n} ولايات", "many": "{n} ولاية", "other": "{n} ولاية"},
        "en": {"one": "{n} state", "other": "{n} states"},
    },
    "special_accounts": {
        "ar": {"one": "حسابه الخاص الوحيد", "two": "حسابيه الخاصين", "few": "حساباته الخاصة ال{w}",
               "many": "حساباته الخاصة الـ{n}", "other": "حساباته الخاصة الـ{n}"},
        "en": {"one": "{n} special account", "other": "{n} special accounts"},
    },
    "gifts": {
        "ar": {"one": "تبرع واحد", "two": "تبرعان", "few": "{n} تبرعات", "many": "{n} تبرعًا", "other": "{n} تبرع"},
        "en": {"one": "{n} gift", "other": "{n} gifts"},
    },
    "days": {
        "ar": {"one": "يوم واحد", "two": "يومين", "few": "{n} أيام", "many": "{n} يومًا", "other": "{n} يوم"},
        "en": {"one": "{n} day", "other": "{n} days"},
    },
}  # fmt: skip


def count_words(n: int, noun: str, lang: str) -> str:
    """A count with one of the nouns above: «تبرع واحد», "2 gifts"."""
    return count_text(n, _NOUNS[noun][lang], lang)


def value_text(row: Mapping, lang: str, noun: str | None = None) -> str:
    """A context row's value as a reader sees it: dollars, or a count (with its noun, if given)."""
    value = int(row["value"])
    if row["unit"] == "usd":
        return usd(value, lang)
    if noun:
        return count_text(value, _NOUNS[noun][lang], lang)
    return f"{value:,}"


def source_text(row: Mapping, lang: str) -> str:
    """ "Federal Election Commission (FEC), February 2, 2023" — the publisher and date of a sourced row."""
    publisher = pick(row, "publisher", lang)
    return locale(lang).join((publisher, date_text(row["source_date"], lang)))


def is_public_record(row: Mapping) -> bool:
    return row["confidence"] in allocation.PUBLIC_RECORD


def tag(provenance: str, lang: str) -> str:
    """The visible label of a figure or sentence: where it comes from."""
    return {
        "article": t("cap_tag_article", lang),
        "public_record": t("cap_tag_public_record", lang),
        "inference": t("cap_tag_inference", lang),
        "derivation": t("cap_tag_derivation", lang),
        "secondary": t("cap_tag_secondary", lang),
    }[provenance]


def provenance_of(confidence: str) -> str:
    return {
        "certain": "public_record",
        "reported": "public_record",
        "our_derivation": "derivation",
        "our_inference": "inference",
    }[confidence]


def sources_text(dataset: Dataset, record_ids: Iterable[str], lang: str) -> str:
    """The publishers and dates of the public-record rows among ``record_ids``, each once, in order."""
    context = dataset.by_id("context_facts")
    found = [source_text(context[i], lang) for i in record_ids if i in context and is_public_record(context[i])]
    return locale(lang).join(dict.fromkeys(found), clauses=True)


# --------------------------------------------------------------------------- the explainer


@dataclass(frozen=True)
class Claim:
    """One sentence of the explainer: its i18n key, where it comes from, and the records it rests on.

    ``figures`` maps each placeholder of the sentence to the record whose value fills it (a money
    fact's amount, or a context row's value, with an optional noun for counts); ``also`` names the
    records the sentence states without a figure (rules, members, the order).
    """

    key: str
    provenance: str  # article / public_record / secondary (a law firm's summary) / inference / derivation
    figures: Mapping[str, str | tuple[str, str]] | None = None  # placeholder -> record id, or (record id, noun)
    also: tuple[str, ...] = ()
    dates: Mapping[str, str] | None = None  # placeholder -> record id whose source date fills it

    @property
    def record_ids(self) -> tuple[str, ...]:
        figures = [ref if isinstance(ref, str) else ref[0] for ref in (self.figures or {}).values()]
        return tuple(dict.fromkeys([*figures, *(self.dates or {}).values(), *self.also]))


SENTENCES: tuple[Claim, ...] = (
    Claim("cap_jfc", "public_record", also=("jfc_allocation_formula",)),
    Claim("cap_members", "public_record", also=("t47_members", "t47_order_ap")),
    Claim("cap_per_donor", "secondary", also=("jfc_limit_is_sum",)),
    Claim("cap_limits", "public_record", {
        "candidate": "fec_candidate_per_election", "pac": "fec_pac", "rnc_main": "fec_national_party_main",
        "accounts": ("fec_national_party_special_accounts", "special_accounts"),
        "rnc_special": "fec_national_party_special_account",
        "state": "fec_state_party_federal"}),
    Claim("cap_sum", "inference", {
        "base": "t47_before_states", "primary": "t47_step_campaign_primary", "general": "t47_step_campaign_general",
        "pac": "t47_step_save_america", "rnc": "t47_step_rnc", "cap": CAP_FACT, "share": "t47_state_parties_share",
        "count": "t47_state_party_count", "state": "fec_state_party_federal",
        "parties": ("t47_state_party_count", "state_parties")}),
    Claim("cap_earlier", "public_record", {
        "cap_wapo": "t47_cap_wapo", "states_wapo": ("t47_state_committees_wapo", "states"), "cap_hill": "t47_cap_hill"},
        dates={"when": "t47_cap_wapo"}),
    Claim("cap_growth", "inference", {
        "cap_wapo": "t47_cap_wapo", "cap_hill": "t47_cap_hill", "cap": CAP_FACT, "state": "fec_state_party_federal",
        "count_wapo": "t47_state_party_count_wapo", "count_hill": "t47_state_party_count_hill",
        "parties": ("t47_state_party_count", "state_parties")},
        also=("t47_state_committees_wapo",)),
    Claim("cap_twins", "article", {"gift": GIFT_FACT, "cap": CAP_FACT}, also=("gift_tyler_btc",)),
    Claim("cap_rules", "public_record", {"days": ("fec_excess_remedy", "days")}, also=("fec_bitcoin_ao_2014_02",)),
    Claim("cap_refund", "derivation", {"over": "refund_cameron_min", "gift": GIFT_FACT, "cap": CAP_FACT},
          also=("refund_tyler_min",)),
)  # fmt: skip


@dataclass(frozen=True)
class Sentence:
    key: str
    text: str  # plain text (callers escape it); Latin tokens in Arabic already isolated
    record_ids: tuple[str, ...]
    provenance: str
    label: str  # where it comes from: shown beside the sentence
    sources: tuple[facts.Source, ...] = ()  # the public-record sources it rests on, linked after the label


def _record_text(dataset: Dataset, ref: str | tuple[str, str], lang: str) -> str:
    """The value of a record as the explainer writes it (no qualifier: the sentence says it in words)."""
    record_id, noun = (ref, None) if isinstance(ref, str) else ref
    context = dataset.by_id("context_facts")
    if record_id in context:
        return value_text(context[record_id], lang, noun)
    return usd(dataset.by_id("money_facts")[record_id]["amount"], lang)


def explainer(words: Words) -> tuple[Sentence, ...]:
    """The explainer's sentences in order, each filled from its records and labelled with its origin."""
    dataset, lang = words.dataset, words.lang
    context = dataset.by_id("context_facts")
    sentences = []
    for claim in SENTENCES:
        values = {name: _record_text(dataset, ref, lang) for name, ref in (claim.figures or {}).items()}
        values |= {name: date_text(context[ref]["source_date"], lang) for name, ref in (claim.dates or {}).items()}
        text = words.t(claim.key, **values)
        sources = () if claim.provenance == "article" else tuple(words.outside_sources(claim.record_ids))
        sentences.append(
            Sentence(claim.key, text, claim.record_ids, claim.provenance, tag(claim.provenance, lang), sources)
        )
    return tuple(sentences)


def title(words: Words) -> str:
    return words.t("cap_explainer_title", cap=words.usd(words.dataset.by_id("money_facts")[CAP_FACT]["amount"]))


def allocation_of(dataset: Dataset) -> allocation.Allocation:
    """One twin's gift, step by step (both twins gave the same minimum: tests hold the data to it)."""
    return allocation.allocate(dataset.by_id("context_facts"), dataset.by_id("money_facts"), GIFT_FACT, CAP_FACT)


def amount_text(amount: Fraction | float, bound: str, lang: str) -> str:
    """An amount with its bound in words: "at least $155,400" / «155,400 دولار على الأقل» (no ≥ in Arabic)."""
    text = usd(float(amount), lang)
    return t("cap_at_least", lang, amount=text) if bound == "at_least" else text
