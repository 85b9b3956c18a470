"""How amounts, their qualifiers, axis ticks and dates read in each language."""

import pytest

from techmoney.words.formatting import LRI, PDI, date_words, figure_text, ltr, month_name, share, tick_label, usd


@pytest.mark.parametrize(
    "amount, lang, compact, expected",
    [
        (844_600, "en", False, "$844,600"),
        (844_600, "ar", False, "844,600 دولار"),
        (7_000_000, "en", True, "$7M"),
        (7_000_000, "en", False, "$7,000,000"),
        (155_400, "en", True, "$155,400"),  # not a round million: never abbreviated
        # Arabic counts millions in words on every page and card alike (compact or not), with the
        # number agreement of CLDR's plural rules: 1 and 2 take no numeral, 3-10 the plural.
        (1_000_000, "ar", True, "مليون دولار"),
        (1_000_000, "ar", False, "مليون دولار"),
        (2_000_000, "ar", True, "مليونا دولار"),
        (7_000_000, "ar", True, "7 ملايين دولار"),
        (7_000_000, "ar", False, "7 ملايين دولار"),
        (10_000_000, "ar", True, "10 ملايين دولار"),
        (11_000_000, "ar", True, "11 مليون دولار"),
        (100_000_000, "ar", True, "100 مليون دولار"),
        (103_000_000, "ar", True, "103 ملايين دولار"),  # CLDR: 103 is "few", like 3
        (1_500_000, "ar", True, "1.5 مليون دولار"),
        # Plain dollars agree too.
        (2, "ar", False, "دولاران"),
        (5, "ar", False, "5 دولارات"),
        (15, "ar", False, "15 دولارًا"),
    ],
)
def test_usd(amount, lang, compact, expected):
    assert usd(amount, lang, compact=compact) == expected


@pytest.mark.parametrize(
    "amount, unit, bound, lang, compact, expected",
    [
        (155_400, "usd", "at_least", "en", True, "at least $155,400"),
        (155_400, "usd", "at_least", "ar", False, "155,400 دولار على الأقل"),
        (100_000_000, "usd", "more_than", "en", True, "more than $100M"),
        (100_000_000, "usd", "more_than", "ar", True, "أكثر من 100 مليون دولار"),
        (1_000_000, "usd", "at_least", "ar", True, "مليون دولار على الأقل"),
        (0.07, "share", "at_most", "en", True, "at most 7%"),
        (0.07, "share", "at_most", "ar", True, "7٪ على الأكثر"),
        (844_600, "usd", "exact", "ar", False, "844,600 دولار"),
        (844_600, "usd", "exact", "en", False, "$844,600"),
    ],
)
def test_bounds_are_words_in_both_languages(amount, unit, bound, lang, compact, expected):
    """A symbol (≥, ≤, a trailing +) flips or lands on the wrong side in Arabic, and is dropped when a
    figure is quoted; words travel with the number."""
    text = figure_text(amount, unit, bound, lang, compact=compact)
    assert text == expected
    assert not set(text) & set("≥≤+\u2066\u2069")


def test_share_uses_the_arabic_percent_sign_in_arabic():
    assert share(0.07, "ar") == "7٪"
    assert share(0.125, "en") == "12.5%"


@pytest.mark.parametrize(
    "value, lang, expected",
    [
        (100_000_000, "ar", "100 مليون"),
        (1_000_000, "ar", "مليون"),
        (2_000_000, "ar", "مليونان"),
        (5_000_000, "ar", "5 ملايين"),
        (20_000_000, "ar", "20 مليونًا"),
        (500_000, "ar", "500 ألف"),
        (0, "ar", "0"),
        (100_000_000, "en", "100M"),
        (500_000, "en", "500K"),
    ],
)
def test_axis_ticks_read_in_words_in_arabic(value, lang, expected):
    assert tick_label(value, lang) == expected


@pytest.mark.parametrize(
    "date, precision, part, lang, expected",
    [
        ("2024-07-21", "day", None, "ar", "21 يوليو/تموز 2024"),
        ("2024-07-21", "day", None, "en", "July 21, 2024"),
        ("2024-03", "month", None, "ar", "مارس/آذار 2024"),
        ("2024-03", "month", None, "en", "March 2024"),
        ("2024-07", "month", "late", "ar", "أواخر يوليو/تموز 2024"),
        ("2024-07", "month", "late", "en", "late July 2024"),
        ("2025", "year", "early", "ar", "أوائل 2025"),
        ("2025", "year", "early", "en", "early 2025"),
        ("2023", "year", None, "ar", "2023"),
        ("", "none", None, "ar", "دون تاريخ"),
        ("", "none", None, "en", "no date"),
    ],
)
def test_dates_read_in_words_no_more_precise_than_stored(date, precision, part, lang, expected):
    assert date_words(date, precision, lang, part=part) == expected


def test_an_approximate_date_can_say_so():
    assert date_words("2024-07-23", "day", "ar", about=True) == "23 يوليو/تموز 2024 تقريبًا"
    assert date_words("2024-07", "month", "en", about=True) == "about July 2024"


def test_arabic_month_names_pair_the_two_traditions_as_the_article_does():
    """The article writes «مارس/آذار»; every month reads the same way."""
    assert month_name(3, "ar") == "مارس/آذار"
    assert [month_name(m, "ar").count("/") for m in range(1, 13)] == [1] * 12
    assert month_name(7, "en") == "July"


def test_ltr_isolates_a_latin_token():
    assert ltr("501(c)(4)") == f"{LRI}501(c)(4){PDI}"


def test_latin_runs_in_arabic_are_isolated_and_nothing_else_changes():
    from techmoney.words.formatting import isolate_latin

    text = "لكن في مارس/آذار، قال هاريس لشبكة ABC News"
    assert isolate_latin(text) == "لكن في مارس/آذار، قال هاريس لشبكة \u2066ABC News\u2069"
    assert (
        isolate_latin("بحظر استخدام TikTok في الولايات المتحدة")
        == "بحظر استخدام \u2066TikTok\u2069 في الولايات المتحدة"
    )
    assert isolate_latin("نص عربي فقط، 844600 دولار") == "نص عربي فقط، 844600 دولار"
    already = "شبكة \u2066ABC News\u2069"
    assert isolate_latin(already) == already
