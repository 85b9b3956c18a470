"""The one stylesheet: Arabic mirrors the layout, charts stay left-to-right."""

from components.style import stylesheet


def test_arabic_turns_the_main_area_sidebar_and_tables_right_to_left():
    css = stylesheet("ar")
    for selector in ('[data-testid="stMain"]', '[data-testid="stSidebar"]', '[data-testid="stTable"]'):
        assert selector in css
    assert "direction: rtl" in css


def test_english_has_no_rtl_rules_and_charts_are_ltr_in_both():
    assert "direction: rtl" not in stylesheet("en")
    for lang in ("ar", "en"):
        assert '[data-testid="stPlotlyChart"], .js-plotly-plot, .stPlotlyChart{direction: ltr}' in stylesheet(lang)


def test_the_sheet_is_sent_without_comments_or_layout_whitespace():
    css = stylesheet("ar")
    assert "/*" not in css and "\n" not in css and "  " not in css
    # Descendant selectors keep their one space; declarations keep their values.
    assert '[data-testid="stSidebar"][data-collapsed="true"] *{visibility: hidden !important}' in css
    assert "@media (max-width: 640px){" in css
