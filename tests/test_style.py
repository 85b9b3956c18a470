"""The one stylesheet: Arabic mirrors the layout, charts stay left-to-right."""

import re

from components.style import FONT_URL_PREFIX, stylesheet
from tests.conftest import REPO


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


def test_the_bundled_fonts_are_declared_with_urls_relative_to_the_page_and_exist():
    for lang in ("ar", "en"):
        faces = re.findall(r"@font-face\{([^}]*)\}", stylesheet(lang))
        families = sorted(re.search(r'font-family: "([^"]+)"', face).group(1) for face in faces)
        assert families == ["Noto Sans", "Noto Sans", "Noto Sans Arabic", "Noto Sans Arabic"]
        for face in faces:
            url = re.search(r'url\("([^"]+)"\)', face).group(1)
            assert url.startswith(FONT_URL_PREFIX) and not url.startswith("/"), "relative, like Streamlit's own"
            assert (REPO / "static" / url.removeprefix(FONT_URL_PREFIX)).is_file(), url
            assert "font-display: swap" in face
    arabic = [face for face in re.findall(r"@font-face\{([^}]*)\}", stylesheet("ar")) if "Arabic" in face]
    assert all("unicode-range: U+0600-06FF" in face for face in arabic)


def test_the_story_opening_spans_the_sections_grid_through_its_elements_wrappers():
    css = stylesheet("ar")
    assert ".st-key-tm-sections div:has(.tm-opening){display: contents}" in css
    assert ".st-key-tm-sections .tm-opening{grid-column: 1 / -1}" in css
