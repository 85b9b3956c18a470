"""How money, shares and qualifiers read in Arabic and English.

One place decides that an at-least amount reads "≥ $1M" and a projection "+$100M (projected)", so
key figures, chart labels, hover text and share cards all say the same thing.
"""

from __future__ import annotations

import math

_BOUND_PREFIX = {"at_least": "≥ ", "at_most": "≤ ", "exact": "", "more_than": ""}


def usd(amount: float, lang: str, compact: bool = False) -> str:
    """A dollar amount: "$844,600" / "844,600 دولار"; compact: "$7M" / "7 ملايين دولار"."""
    if compact and amount >= 1_000_000 and amount % 100_000 == 0:
        millions = amount / 1_000_000
        number = f"{millions:,.1f}".removesuffix(".0")
        if lang == "ar":
            word = "ملايين" if 3 <= millions <= 10 and millions == int(millions) else "مليون"
            return f"{number} {word} دولار"
        return f"${number}M"
    number = f"{amount:,.0f}"
    return f"{number} دولار" if lang == "ar" else f"${number}"


def share(value: float, lang: str) -> str:
    percent = value * 100
    text = f"{percent:.0f}" if math.isclose(percent, round(percent)) else f"{percent:.1f}"
    return f"{text}٪" if lang == "ar" else f"{text}%"


# Unicode isolates (not reshaping: browsers honour them): in Arabic text, "≥ 155,400" or "+100" reads
# as one left-to-right unit, as it does on the share card, instead of the sign being mirrored and moved.
LRI, PDI = "\u2066", "\u2069"


def figure_text(amount: float, unit: str, bound: str, lang: str, compact: bool = True) -> str:
    """An amount with its bound as a symbol: "≥ $155,400", "$100M+", "≤ 7%"."""
    body = share(amount, lang) if unit == "share" else usd(amount, lang, compact=compact)
    if lang != "ar":
        return f"{body}+" if bound == "more_than" else _BOUND_PREFIX[bound] + body
    sign = "+" if bound == "more_than" else _BOUND_PREFIX[bound]
    if not sign:
        return body
    number, _, words = body.partition(" ")
    return f"{LRI}{sign}{number}{PDI}" + (f" {words}" if words else "")
