"""The one stylesheet (static/app.css) and the bundled fonts the theme declares."""

import re
import tomllib

import pytest

from techmoney.content import style
from techmoney.content.style import stylesheet
from tests.conftest import REPO


def _direction(css: str) -> str:
    match = re.search(r"--tm-dir:\s*(\w+)", css)
    return match.group(1) if match else "ltr"


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_the_sheet_reads_in_the_language_direction(lang, direction):
    assert _direction(stylesheet(lang)) == direction


def test_a_sheet_that_could_end_its_style_element_is_refused(tmp_path, monkeypatch):
    """Each sheet is sent inside a <style> element: one holding "</" could close it and start markup."""
    sheet = tmp_path / "app.css"
    sheet.write_text("p { color: red; } </style><script>alert(1)</script>", encoding="utf-8")
    monkeypatch.setattr(style, "STYLESHEET", sheet)
    style.stylesheet.cache_clear()
    try:
        with pytest.raises(ValueError, match="must not contain"):
            style.stylesheet("en")
    finally:
        style.stylesheet.cache_clear()


def test_the_sheets_as_sent_hold_their_rules():
    assert ".tm-prose" in stylesheet("ar") and ".tm-prose" in stylesheet("en")
    assert ".tm-fp" in style.head_stylesheet()


def test_every_font_face_of_the_theme_is_a_bundled_file_with_a_relative_url():
    theme = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
    faces = theme["fontFaces"]
    assert {face["family"] for face in faces} == {"Noto Sans Arabic", "Noto Sans"}
    for face in faces:
        url = face["url"]
        assert url.startswith("app/static/") and not url.startswith("/"), "relative, like Streamlit's own"
        assert (REPO / "static" / url.removeprefix("app/static/")).is_file(), url
    assert all("U+0600-06FF" in face["unicodeRange"] for face in faces if face["family"] == "Noto Sans Arabic")
