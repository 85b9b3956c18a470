"""Regenerate the web fonts: the theme's font faces (.streamlit/config.toml), WOFF2 subsets of the Noto TTFs.

    .venv/bin/pip install -r requirements-dev.txt   # fontTools, and brotli for WOFF2
    .venv/bin/python -m tools.subset_fonts

Each face the theme declares at ``app/static/fonts/<name>.woff2`` is cut from ``static/<name>.ttf`` down
to the characters the app shows within the face's unicodeRange (all of them for a face without one) that
the TTF has. The full TTFs stay: the share cards (techmoney/content/share_card.py) draw with them. Run this
again when data/ or the code gains a character: tests/test_subset_fonts.py fails until then.

What the app shows: every character of the files in data/ (the article, the CSVs, the dictionary and the
changelog), of the string literals in the Python sources (the translation table, formatting, chart
labels, the direction isolates around numbers) and printable ASCII (URL values quoted in notices).
"""

from __future__ import annotations

import ast
import string
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"
CONFIG = ROOT / ".streamlit" / "config.toml"
URL_PREFIX = "app/static/"


@dataclass(frozen=True)
class Face:
    family: str
    subset: Path  # the WOFF2 file the theme serves
    source: Path  # the TTF it is cut from
    ranges: tuple[tuple[int, int], ...]  # empty: every character

    def covers(self, ch: str) -> bool:
        return not self.ranges or any(low <= ord(ch) <= high for low, high in self.ranges)


def _ranges(unicode_range: str) -> tuple[tuple[int, int], ...]:
    ranges = []
    for part in filter(str.strip, unicode_range.split(",")):
        low, _, high = part.strip().removeprefix("U+").partition("-")
        ranges.append((int(low, 16), int(high or low, 16)))
    return tuple(ranges)


def faces() -> list[Face]:
    theme = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["theme"]
    found = []
    for face in theme["fontFaces"]:
        subset = STATIC / face["url"].removeprefix(URL_PREFIX)
        found.append(Face(face["family"], subset, STATIC / f"{subset.stem}.ttf", _ranges(face.get("unicodeRange", ""))))
    return found


def data_files() -> list[Path]:
    return sorted(path for path in (ROOT / "data").rglob("*") if path.is_file())


def code_files() -> list[Path]:
    return sorted([ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "techmoney").rglob("*.py")])


def string_literals(path: Path) -> str:
    """Every string literal of a Python file, escapes decoded (the text of "\\u2066" is the isolate)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return "".join(
        node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def shown_characters() -> set[str]:
    chars = set(string.printable)
    for path in data_files():
        chars |= set(path.read_text(encoding="utf-8"))
    for path in code_files():
        chars |= set(string_literals(path))
    return {ch for ch in chars if ch in string.printable or unicodedata.category(ch) != "Cc"}  # NUL is never shown


def wanted(face: Face, chars: set[str]) -> set[str]:
    """The characters the face's subset keeps: those in its range that its TTF has."""
    from fontTools.ttLib import TTFont

    cmap = TTFont(face.source).getBestCmap()
    return {ch for ch in chars if face.covers(ch) and ord(ch) in cmap}


def main() -> None:
    from fontTools import subset

    chars = shown_characters()
    for face in faces():
        options = subset.Options()
        options.flavor = "woff2"
        options.hinting = False  # screens render these sizes well without; hinting is a third of the bytes
        options.desubroutinize = True
        options.name_IDs = ["*"]  # keep the copyright and licence names (OFL)
        font = subset.load_font(str(face.source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(ord(ch) for ch in wanted(face, chars)))
        subsetter.subset(font)
        face.subset.parent.mkdir(exist_ok=True)
        subset.save_font(font, str(face.subset), options)
        print(f"{face.subset.relative_to(ROOT)}: {face.subset.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
