"""The app's stylesheet (static/app.css) for a language: one file, with the page's direction set first.

The rules read the reading direction from three CSS variables, so the same sheet serves Arabic (right
to left) and English; nothing else in the app holds CSS, but for static/head.css: the few rules the
page's HTML carries in its head (techmoney/content/html/previews.py), before the first run.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from techmoney.words.locale import locale

STYLESHEET = Path(__file__).resolve().parents[3] / "static" / "app.css"
HEAD_STYLESHEET = STYLESHEET.with_name("head.css")


def _read(path: Path) -> str:
    css = path.read_text(encoding="utf-8")
    # The sheet is sent inside a <style> element, which st.html's sanitiser (DOMPurify) drops whole if its text
    # holds anything like a tag: "</" ends it, "<html>" in a comment is enough.
    if re.search(r"<[/\w!?]", css):
        raise ValueError(f"{path} must not contain '<' before a letter, '/', '!' or '?', not even in a comment")
    return css


@functools.lru_cache(maxsize=4)
def stylesheet(lang: str) -> str:
    """The CSS for a language: the direction variables, then static/app.css."""
    rtl = locale(lang).rtl
    variables = ":root { --tm-dir: rtl; --tm-start: right; --tm-row: row-reverse; --tm-mirror: -1; }" if rtl else ""
    return variables + "\n" + _read(STYLESHEET)


@functools.lru_cache(maxsize=1)
def head_stylesheet() -> str:
    """static/head.css: the same for every page and language."""
    return _read(HEAD_STYLESHEET)
