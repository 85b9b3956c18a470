"""A dataset's words in one language, bound once: every string (``t``), money, dates, a record's fields and a
figure's text with its qualifier and caveat, names and camps. The content builders (charts, story, people,
cap_explainer) and the page contents take one of these instead of threading a dataset and a language through
every call; the language's rules stay in techmoney/words/locale.py."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from techmoney.data.dataset import Dataset
from techmoney.words import facts, formatting, i18n


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

    def share(self, value: float) -> str:
        return formatting.share(value, self.lang)

    def date(self, date: str | None, precision: str | None, part: str | None = None) -> str:
        return formatting.date_words(date, precision, self.lang, part=part)

    def fact(self, fact_id: str) -> pd.Series:
        return facts.fact(self.dataset, fact_id)

    def fact_text(self, fact_id: str, compact: bool = True) -> str:
        return facts.fact_text(self.fact(fact_id), self.lang, compact=compact)

    def caveat(self, fact_id: str) -> str:
        return facts.caveat_text(self.fact(fact_id), self.lang)

    def qualifier(self, fact_id: str) -> str:
        return facts.qualifier_text(self.fact(fact_id), self.lang)

    def qualifier_or_caveat(self, fact_id: str) -> str:
        return facts.qualifier_or_caveat(self.fact(fact_id), self.lang)

    def outside_sources(self, record_ids: tuple[str, ...] | list[str]) -> list[facts.Source]:
        return facts.outside_sources(self.dataset, record_ids, self.lang)

    def actor_name(self, actor_id: str) -> str:
        return facts.actor_name(self.dataset, actor_id, self.lang)

    def camp_label(self, camp_id: str) -> str:
        return facts.camp_label(self.dataset, camp_id, self.lang)

    def super_pac_inference(self, actor_id: str) -> facts.Traced | None:
        return facts.super_pac_inference(self.dataset, actor_id, self.lang)
