"""A dataset's words in one language, bound once: every string (``t``), money, dates, a record's fields, names
and camps, and how a money fact reads wherever it is shown: its figure with its bound, qualifier and caveat, and
the outside sources it cites, together (:meth:`Words.figure`). The content builders (charts, story, people,
cap_explainer) and the page contents take one of these instead of threading a dataset and a language through
every call. The records themselves are techmoney/words/facts.py's; how money and dates read in a
language, techmoney/words/formatting.py's and techmoney/words/locale.py's."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from techmoney.data.dataset import Dataset
from techmoney.words import facts, formatting, i18n
from techmoney.words.facts import Source, Traced
from techmoney.words.locale import locale


@dataclass(frozen=True)
class Figure:
    """A money fact as a reader sees it, with what must travel with it."""

    record: pd.Series  # its row in money_facts.csv
    amount: str  # the amount alone, short where the language allows ("$100M"), for a sentence that says its bound
    text: str  # the amount with its bound in words, short where the language allows ("more than $100M")
    full_text: str  # the same, never shortened ("at least $1,000,000")
    qualifier: str  # how sure it is, in words
    caveat: str  # reportedly, whose estimate, our assumption: "" when the figure needs none
    sources: tuple[Source, ...]  # the outside sources its caveat cites

    @property
    def note(self) -> str:
        """The line under a figure where there is room for one: its caveat, which says what the qualifier would
        and more (whose estimate, reportedly, our assumption), or else its qualifier."""
        return self.caveat or self.qualifier


@dataclass(frozen=True)
class Words:
    dataset: Dataset
    lang: str

    def t(self, key: str, /, **values: object) -> str:
        return i18n.t(key, self.lang, **values)

    def pick(self, row: object, field: str) -> str:
        return i18n.pick(row, field, self.lang)

    def usd(self, amount: float, compact: bool = False) -> str:
        return formatting.usd(amount, self.lang, compact=compact)

    def date(self, date: str | None, precision: str | None, part: str | None = None) -> str:
        return formatting.date_words(date, precision, self.lang, part=part)

    def fact(self, fact_id: str) -> pd.Series:
        return self.dataset.by_id("money_facts")[fact_id]

    def figure(self, fact_id: str) -> Figure:
        return self._figure(self.fact(fact_id))

    def _figure(self, row: pd.Series) -> Figure:
        amount, unit, bound, lang = row["amount"], row["unit"], row["bound"], self.lang
        return Figure(
            record=row,
            qualifier=self._qualifier(row),
            caveat=self.pick(row, "caveat"),
            sources=tuple(self.outside_sources((row["fact_id"],))),
            amount=formatting.amount_text(amount, unit, lang),
            text=formatting.figure_text(amount, unit, bound, lang),
            full_text=formatting.figure_text(amount, unit, bound, lang, compact=False),
        )

    def _qualifier(self, row: pd.Series) -> str:
        if row["qualifier"] == "derived" and row["bound"] == "at_most":
            return f"{self.t('status_derived')} ({self.t('bound_at_most')})"
        return self.t(f"qualifier_{row['qualifier']}")

    def source(self, context_id: str) -> Source:
        """An outside source: who published it and when, its title and its address."""
        row = self.dataset.by_id("context_facts")[context_id]
        when = (
            self.date(row["source_date"], ("year", "month", "day")[row["source_date"].count("-")])
            if row["source_date"]
            else self.t("cap_undated")
        )
        name = locale(self.lang).join((self.pick(row, "publisher"), when))
        return Source(context_id, name, row["source_title"], row["source_url"])

    def outside_sources(self, record_ids: tuple[str, ...] | list[str]) -> list[Source]:
        """The sourced outside facts a text rests on, each once: the public-record rows it names, and those its
        money facts' caveats and its events' dates cite (their ``context_ids``)."""
        context = self.dataset.by_id("context_facts")
        found: list[str] = []
        for record_id in record_ids:
            refs = [record_id] if record_id in context else []
            for table in ("money_facts", "events"):
                row = self.dataset.by_id(table).get(record_id)
                if row is not None and row["context_ids"]:
                    refs += row["context_ids"].split(";")
            found += [ref for ref in refs if context[ref]["source_title"]]
        sources = [self.source(ref) for ref in dict.fromkeys(found)]
        return list({(s.name, s.url): s for s in sources}.values())  # two rows from one report: one link

    def super_pac_inference(self, actor_id: str) -> Traced | None:
        """Why we read the committee as a super PAC, as our inference with its two figures (the FEC's limit for an
        ordinary PAC, the gift it received); None for any other committee."""
        if actor_id != facts.SUPER_PAC_BY_INFERENCE:
            return None
        gift = self._figure(facts.gift_to(self.dataset, actor_id))
        limit = self.dataset.by_id("context_facts")[facts.PAC_LIMIT]
        text = self.t("super_pac_inference", limit=self.usd(float(limit["value"])), gift=gift.full_text)
        return Traced(text, (facts.PAC_LIMIT, gift.record["fact_id"]))

    def share_working(self) -> str:
        """How the share of the projected haul is computed, in words, and the assumption it rests on: "$7M out of
        more than $100M, assuming the gift counts toward that estimate, which the article does not say"."""
        gift, goal = (self.figure(i) for i in self.fact(facts.SHARE_FACT)["inputs"].split(";"))
        return self.t("share_working", gift=gift.amount, goal=goal.text)

    def english_original(self) -> tuple[Traced, Source, Traced, Traced]:
        """What the Sources page says about CNBC's English report: where we read it (with its headline and link),
        what it says on the PAC and The Information, and what we do not know (its day, its translator)."""
        report, biden = facts.ENGLISH_REPORT, facts.BIDEN_RECORD
        context = self.dataset.by_id("context_facts")
        found = Traced(self.t("original_found", date=self.date(context[report]["source_date"], "month")), (report,))
        unknown = Traced(self.t("original_unknown", sunday=self.date(context[biden]["source_date"], "day")), (biden,))
        return found, self.source(report), Traced(self.t("original_says"), (report,)), unknown

    def actor_name(self, actor_id: str) -> str:
        return facts.actor_name(self.dataset, actor_id, self.lang)

    def camp_label(self, camp_id: str) -> str:
        return facts.camp_label(self.dataset, camp_id, self.lang)
