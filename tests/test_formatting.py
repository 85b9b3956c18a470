"""How amounts and their qualifiers read in each language."""

import pytest

from components.formatting import figure_text, share, usd


@pytest.mark.parametrize(
    "amount, lang, compact, expected",
    [
        (844_600, "en", False, "$844,600"),
        (844_600, "ar", False, "844,600 دولار"),
        (7_000_000, "en", True, "$7M"),
        (7_000_000, "ar", True, "7 ملايين دولار"),
        (100_000_000, "ar", True, "100 مليون دولار"),
        (1_000_000, "ar", True, "1 مليون دولار"),
        (155_400, "en", True, "$155,400"),  # not a round million: never abbreviated
    ],
)
def test_usd(amount, lang, compact, expected):
    assert usd(amount, lang, compact=compact) == expected


def test_bounds_become_symbols_that_say_how_sure_the_figure_is():
    assert figure_text(155_400, "usd", "at_least", "en") == "≥ $155,400"
    assert figure_text(100_000_000, "usd", "more_than", "en") == "$100M+"
    assert figure_text(100_000_000, "usd", "more_than", "ar") == "\u2066+100\u2069 مليون دولار"
    assert figure_text(155_400, "usd", "at_least", "ar", compact=False) == "\u2066≥ 155,400\u2069 دولار"
    assert figure_text(844_600, "usd", "exact", "ar", compact=False) == "844,600 دولار"
    assert figure_text(0.07, "share", "at_most", "en") == "≤ 7%"
    assert figure_text(844_600, "usd", "exact", "en", compact=False) == "$844,600"


def test_share_uses_the_arabic_percent_sign_in_arabic():
    assert share(0.07, "ar") == "7٪"
    assert share(0.125, "en") == "12.5%"
