"""Regenerate the web fonts: static/fonts/*.woff2, the bundled Noto TTFs cut down to what the app shows.

    .venv/bin/pip install -r requirements-dev.txt   # fontTools (and brotli, for WOFF2)
    .venv/bin/python -m tools.subset_fonts

The full TTFs in static/ stay: the share cards (components/share_card.py) draw with them. The pages load
the subsets instead (components/style.py), about a tenth of the bytes. Run this again after data/, the
translation table or the code gains a character (tests/test_subset_fonts.py fails until then).

What the app shows: every character of the files in data/ (the article, the CSVs, the dictionary and the
changelog), of the string literals in the Python sources (the translation table, formatting, chart labels,
the direction isolates around numbers) and printable ASCII (URL values quoted back in notices). Each subset keeps the characters its TTF has; the Arabic faces are
declared for the Arabic blocks only (components.style.ARABIC_RANGES), so the Latin faces carry the rest.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

from components.style import ARABIC_RANGES, FONT_DIR, FONTS

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"
OUT = STATIC / FONT_DIR


def data_files() -> list[Path]:
    return sorted(path for path in (ROOT / "data").rglob("*") if path.is_file())


def code_files() -> list[Path]:
    return sorted([ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "components").glob("*.py")])


def string_literals(path: Path) -> str:
    """Every string literal of a Python file, escapes decoded ("\\u2066" is the isolate itself)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return "".join(node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str))


def shown_characters() -> set[str]:
    chars = set(string.printable)
    for path in data_files():
        chars |= set(path.read_text(encoding="utf-8"))
    for path in code_files():
        chars |= set(string_literals(path))
    return chars


def is_arabic(ch: str) -> bool:
    return any(low <= ord(ch) <= high for low, high in ARABIC_RANGES)


def subset_characters(name: str, chars: set[str]) -> set[str]:
    """The characters a subset of ``name`` must keep: those of its script that the TTF has."""
    from fontTools.ttLib import TTFont

    cmap = TTFont(STATIC / f"{name}.ttf").getBestCmap()
    arabic_face = any(family == "Noto Sans Arabic" for family, face, _, _ in FONTS if face == name)
    return {ch for ch in chars if ord(ch) in cmap and is_arabic(ch) == arabic_face}


def main() -> None:
    from fontTools import subset

    chars = shown_characters()
    OUT.mkdir(exist_ok=True)
    for _, name, _, _ in FONTS:
        options = subset.Options()
        options.flavor = "woff2"
        options.hinting = False  # screens render these sizes well without; hinting is a third of the bytes
        options.desubroutinize = True
        options.name_IDs = ["*"]  # keep the copyright and licence names (OFL)
        font = subset.load_font(str(STATIC / f"{name}.ttf"), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(ord(ch) for ch in subset_characters(name, chars)))
        subsetter.subset(font)
        target = OUT / f"{name}.woff2"
        subset.save_font(font, str(target), options)
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
