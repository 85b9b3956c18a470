"""The two locales: everything that differs between Arabic and English besides the words themselves.

The link's language code ("ar", "en") names a :class:`Locale`; the code asks it, rather than comparing
codes, for the reading direction, the separators, how a percentage and a day read, month names, the
CLDR plural category of a count (through Babel), and whether amounts are counted in words (Arabic:
«مليونا دولار», where English writes "$2M"). No other module branches on a language code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import babel

LANGS = ("ar", "en")  # Arabic first: the default of every link
DEFAULT_LANG = LANGS[0]
SOURCE_LANG = "ar"  # the article's language: its quotes are shown in it, with a translation in the other


@dataclass(frozen=True)
class Locale:
    code: str  # the link's ``lang`` value, and the suffix of the data's bilingual columns (name_ar, name_en)
    direction: str  # "rtl" or "ltr"
    list_separator: str  # between the items of a list
    clause_separator: str  # between clauses that themselves hold commas
    percent_format: str  # "{n}٪" / "{n}%"
    day_format: str  # a full date: «21 يوليو/تموز 2024» / "July 21, 2024"
    day_span_format: str  # days within one month: «21–23 يوليو/تموز 2024» / "July 21–23, 2024"
    counts_in_words: bool  # amounts and axis ticks as counted nouns agreeing with the number (CLDR plurals)
    glyph_width: float  # how many times more characters of this script than of Latin text fit a line
    month_locales: tuple[str, ...]  # CLDR locales whose month names are paired («يوليو/تموز»)

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    def plural(self, n: float) -> str:
        """The CLDR plural category of ``n`` ("one", "two", "few", "many", "other", "zero")."""
        return _babel(self.code).plural_form(int(n) if float(n).is_integer() else n)

    def month(self, month: int) -> str:
        return "/".join(_babel(name).months["format"]["wide"][month] for name in self.month_locales)

    def join(self, items, clauses: bool = False) -> str:
        return (self.clause_separator if clauses else self.list_separator).join(items)


@functools.cache
def _babel(name: str) -> babel.Locale:
    return babel.Locale.parse(name)


# Arabic newsrooms pair the two month-name traditions, as the article does («مارس/آذار»): CLDR's "ar"
# has the Egyptian/Gulf names (يوليو), its Levantine locales the Syriac ones (تموز).
LOCALES = {
    "ar": Locale(
        "ar",
        "rtl",
        "، ",
        "؛ ",
        "{n}٪",
        "{day} {month} {year}",
        "{first}–{last} {month} {year}",
        counts_in_words=True,
        glyph_width=1.15,  # measured: Noto Sans Arabic in Chromium
        month_locales=("ar", "ar_SY"),
    ),
    "en": Locale(
        "en",
        "ltr",
        ", ",
        "; ",
        "{n}%",
        "{month} {day}, {year}",
        "{month} {first}–{last}, {year}",
        counts_in_words=False,
        glyph_width=1.0,
        month_locales=("en",),
    ),
}


def locale(lang: str) -> Locale:
    """The locale of a language code; an unknown code reads as the default (Arabic), as the pages do."""
    return LOCALES.get(lang, LOCALES[DEFAULT_LANG])
