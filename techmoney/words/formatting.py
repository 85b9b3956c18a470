"""How money, shares, qualifiers and dates read in Arabic and English.

One place decides how a figure and its bound read ("at least $155,400", «155,400 دولار على الأقل»),
how Arabic counts millions and dollars (CLDR plural rules, through Babel), how an axis tick reads,
and how a date reads in words («أواخر يوليو/تموز 2024», "late July 2024"), so key figures, charts,
tables and share cards all say the same thing. Bounds are words in both languages: a symbol (≥, ≤,
a trailing +) flips or lands on the wrong side of the number in right-to-left text, and a reader
who copies a figure should copy its qualifier with it.
"""

from __future__ import annotations

import math
import re

from techmoney.words.i18n import t
from techmoney.words.locale import locale

# Unicode isolates, for plain strings (Plotly labels, share cards): a Latin token inside Arabic text
# ("501(c)(4)", "ABC News") is wrapped in LRI…PDI so it reads as one left-to-right unit instead of
# being reordered ("(4)(c)501"); Arabic inside English text in RLI…PDI. HTML uses <bdi> instead.
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"


def ltr(text: str) -> str:
    """A left-to-right token (Latin name, code, URL) isolated for use inside Arabic text."""
    return f"{LRI}{text}{PDI}"


def rtl(text: str) -> str:
    """Arabic text isolated for use inside English text."""
    return f"{RLI}{text}{PDI}"


# Arabic counted nouns by CLDR plural category: 1 and 2 take no numeral (the noun's own singular or
# dual says it), 3–10 the plural, 11–99 the singular accusative, 100 and up the singular.
_MILLIONS_OF_DOLLARS = {
    "one": "مليون دولار",
    "two": "مليونا دولار",
    "few": "{n} ملايين دولار",
    "many": "{n} مليون دولار",
    "other": "{n} مليون دولار",
    "zero": "{n} مليون دولار",
}
_DOLLARS = {
    "one": "دولار واحد",
    "two": "دولاران",
    "few": "{n} دولارات",
    "many": "{n} دولارًا",
    "other": "{n} دولار",
    "zero": "{n} دولار",
}
# An axis tick stands alone (no دولار after it): the nominative dual and the tamyiz forms.
_TICK_SCALES = (
    (1_000_000_000, {"one": "مليار", "two": "ملياران", "few": "{n} مليارات", "many": "{n} مليارًا"}, "{n} مليار", "B"),
    (1_000_000, {"one": "مليون", "two": "مليونان", "few": "{n} ملايين", "many": "{n} مليونًا"}, "{n} مليون", "M"),
    (1_000, {"one": "ألف", "two": "ألفان", "few": "{n} آلاف", "many": "{n} ألفًا"}, "{n} ألف", "K"),
)

_BOUND_KEYS = {"at_least": "figure_at_least", "more_than": "figure_more_than", "at_most": "figure_at_most"}
_DATE_PART_KEYS = {"early": "date_early", "mid": "date_mid", "late": "date_late"}


def _number(value: float) -> int | float:
    """An integral float as an int, so "7" (not "7.0") is printed and counted."""
    return int(value) if float(value).is_integer() else value


def _digits(value: float) -> str:
    number = _number(value)
    return f"{number:,}" if isinstance(number, int) else f"{number:,.1f}".removesuffix(".0")


def usd(amount: float, lang: str, compact: bool = False) -> str:
    """A dollar amount: "$844,600" / «844,600 دولار»; whole millions in Arabic always in words
    («مليون دولار»، «مليونا دولار»، «7 ملايين دولار»، «100 مليون دولار»), so a page and a card
    read the same; ``compact`` shortens English only ("$7M")."""
    is_millions = amount >= 1_000_000 and amount % 100_000 == 0
    words = locale(lang)
    if words.counts_in_words:
        if is_millions:
            millions = amount / 1_000_000
            return _MILLIONS_OF_DOLLARS[words.plural(millions)].format(n=_digits(millions))
        return _DOLLARS[words.plural(amount)].format(n=_digits(amount))
    if compact and is_millions:
        return f"${_digits(amount / 1_000_000)}M"
    return f"${_digits(amount)}"


def share(value: float, lang: str) -> str:
    percent = value * 100
    text = f"{percent:.0f}" if math.isclose(percent, round(percent)) else f"{percent:.1f}"
    return locale(lang).percent_format.format(n=text)


def amount_text(amount: float, unit: str, lang: str, compact: bool = True) -> str:
    """An amount in its unit, without its bound: "$100M", «7 ملايين دولار», "7%"."""
    return share(amount, lang) if unit == "share" else usd(amount, lang, compact=compact)


def figure_text(amount: float, unit: str, bound: str, lang: str, compact: bool = True) -> str:
    """An amount with its bound in words: "at least $155,400", «أكثر من 100 مليون دولار», "at most 7%"."""
    body = amount_text(amount, unit, lang, compact=compact)
    key = _BOUND_KEYS.get(bound)
    return t(key, lang, figure=body) if key else body


def tick_label(value: float, lang: str) -> str:
    """An axis tick for a dollar axis: «100 مليون»، «500 ألف»، «مليونان» / "100M", "500K"."""
    for scale, counted, other, suffix in _TICK_SCALES:
        if abs(value) >= scale:
            n = value / scale
            if locale(lang).counts_in_words:
                return counted.get(locale(lang).plural(n), other).format(n=_digits(n))
            return f"{_digits(n)}{suffix}"
    return _digits(value)


def month_name(month: int, lang: str) -> str:
    """«يوليو/تموز» / "July"."""
    return locale(lang).month(month)


def date_words(date: str | None, precision: str | None, lang: str, part: str | None = None, about: bool = False) -> str:
    """A date from the data (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` at its precision) in words, never
    more precise than stored: «2023»، «مارس/آذار 2024»، «21 يوليو/تموز 2024»، «أواخر يوليو/تموز
    2024»، «أوائل 2025»; "July 21, 2024", "late July 2024". ``part`` (early, mid, late) narrows a
    month or a year; ``about`` marks a worked-out date. No date: "no date" in the language."""
    if not date or precision in (None, "", "none"):
        return t("date_unknown", lang)
    year, month, day = ([*date.split("-"), None, None])[:3]
    if precision == "year":
        words = year
    elif precision == "month":
        words = f"{month_name(int(month), lang)} {year}"
    else:
        words = locale(lang).day_format.format(day=int(day), month=month_name(int(month), lang), year=year)
    if part and precision in ("month", "year"):
        words = t(_DATE_PART_KEYS[part], lang, when=words)
    return t("date_about", lang, when=words) if about else words


# A run of Latin words inside Arabic: "ABC News", "[a Facebook breakup]", "Bessemer Venture's Deeter".
_LATIN_RUN = re.compile(r"\[?[A-Za-z][A-Za-z0-9'\u2019.&-]*(?: [A-Za-z0-9][A-Za-z0-9'\u2019.&-]*)*\]?")


def isolate_latin(text: str) -> str:
    """The article's Arabic with each run of Latin words between U+2066 (LRI) and U+2069 (PDI), so a
    name keeps its order and its place in the right-to-left line; the words themselves are unchanged."""
    if not isinstance(text, str) or LRI in text:
        return text
    return _LATIN_RUN.sub(lambda m: f"{LRI}{m.group()}{PDI}", text)
