"""The one stylesheet (static/app.css) and the bundled fonts the theme declares."""

import re
import tomllib

import pytest

from techmoney.content.html import style
from techmoney.content.html.style import stylesheet
from tests.conftest import REPO


def _direction(css: str) -> str:
    match = re.search(r"--tm-dir:\s*(\w+)", css)
    return match.group(1) if match else "ltr"


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_the_sheet_reads_in_the_language_direction(lang, direction):
    assert _direction(stylesheet(lang)) == direction


def test_the_sheet_cannot_end_its_style_element_nor_look_like_markup_to_the_sanitiser():
    """st.html's sanitiser (DOMPurify) drops a <style> whose text holds anything like a tag: every rule was lost
    to a comment that named the html element in angle brackets."""
    for lang in ("ar", "en"):
        assert not re.search(r"<[/\w!?]", stylesheet(lang))


def test_a_sheet_with_a_tag_in_a_comment_is_refused(tmp_path):
    sheet = tmp_path / "app.css"
    sheet.write_text("/* marks <html> */ p { margin: 0; }", encoding="utf-8")
    with pytest.raises(ValueError, match="must not contain"):
        style._read(sheet)


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
