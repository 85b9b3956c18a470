"""tools/subset_fonts.py: the web fonts the theme serves hold every character the app shows that the
bundled TTFs can draw. Fails after data/ or the code gains a character: run ``python -m tools.subset_fonts``."""

from __future__ import annotations

import pytest

pytest.importorskip("fontTools")  # requirements-dev.txt
from fontTools.ttLib import TTFont

from techmoney.words.i18n import TEXT
from tests.conftest import DATA
from tools import subset_fonts

FACES = subset_fonts.faces()


def test_the_theme_declares_one_subset_per_bundled_face():
    assert {(face.family, face.source.name) for face in FACES} == {
        ("Noto Sans Arabic", "NotoSansArabic-Regular.ttf"),
        ("Noto Sans Arabic", "NotoSansArabic-Bold.ttf"),
        ("Noto Sans", "NotoSans-Regular.ttf"),
        ("Noto Sans", "NotoSans-Bold.ttf"),
    }


def test_what_the_app_shows_includes_the_data_and_the_translation_table():
    shown = subset_fonts.shown_characters()
    for path in DATA.rglob("*"):
        if path.is_file():
            assert set(path.read_text(encoding="utf-8")) <= shown, path
    assert {ch for entry in TEXT.values() for text in entry.values() for ch in text} <= shown


@pytest.mark.parametrize("face", FACES, ids=lambda face: face.subset.name)
def test_each_subset_has_every_shown_character_its_ttf_has_in_its_range(face):
    subset = TTFont(face.subset)
    assert subset.flavor == "woff2"
    have = set(subset.getBestCmap())
    missing = sorted(
        f"U+{ord(ch):04X}" for ch in subset_fonts.wanted(face, subset_fonts.shown_characters()) if ord(ch) not in have
    )
    assert not missing, f"{face.subset.name} lacks {missing}: run python -m tools.subset_fonts"
    assert face.subset.stat().st_size < face.source.stat().st_size / 10


def test_every_arabic_letter_the_app_shows_has_an_arabic_face():
    arabic = [face for face in FACES if face.family == "Noto Sans Arabic"]
    letters = {ch for ch in subset_fonts.shown_characters() if "\u0621" <= ch <= "\u064a"}
    assert letters and all(face.covers(ch) for face in arabic for ch in letters)
