"""Pure parser for the dashboard's URL view state (no Streamlit import: testable without an app).

The app keeps its view state in the query string:

* ``lang``   -- "ar" (default) or "en"; matched case-insensitively ("EN" -> "en").
* ``camp``   -- repeated key, camp ids from :data:`CAMPS`. Absent = all camps; an explicitly
  empty ``camp=`` (only empty values, or an empty list) = none selected. Empty values mixed
  with real ones are ignored, as Streamlit does for bound multiselects.
* ``actor``  -- one id from the caller's ``actor_ids``; absent = none.
* ``chart``  -- one id from the caller's ``chart_ids`` (used with ``embed=true``); absent = none.
* ``embed`` / ``embed_options`` -- Streamlit's own keys, accepted and ignored (any case).

Widgets bound with ``bind="query-params"`` already drop invalid values silently; this module
computes the same effective state and returns :class:`Notice` records so the page can tell
the viewer which URL value was dropped.

Build the input from Streamlit with every value of repeated keys (``st.query_params[key]``
returns only the last value)::

    params = {k: st.query_params.get_all(k) for k in st.query_params}
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from techmoney.data.schema import CAMPS
from techmoney.site.addresses import DEFAULT_LANG, ViewState
from techmoney.words.i18n import LANGS

__all__ = [
    "CAMPS",
    "DEFAULT_LANG",
    "LANGS",
    "MAX_NOTICES",
    "MAX_SHOWN_CHARS",
    "MAX_VALUE_LENGTH",
    "Notice",
    "ViewState",
    "parse_view_state",
    "safe_display",
]

MAX_VALUE_LENGTH = 200  # longer values are rejected (not truncated into something valid)
MAX_NOTICES = 5  # a hostile URL cannot flood the page
MAX_SHOWN_CHARS = 40  # a shown value is at most this many characters, plus "…"
ELLIPSIS = "…"

# Streamlit's own keys (compared case-insensitively, as Streamlit does).
IGNORED_KEYS = frozenset({"embed", "embed_options"})

# Reason codes of a Notice.
UNKNOWN_VALUE = "unknown_value"
TOO_LONG = "too_long"
UNKNOWN_KEY = "unknown_key"
REPEATED_KEY = "repeated_key"
OUTSIDE_CAMPS = "outside_camps"  # a known actor whose camp the link's camps leave out (techmoney.site.links.parse_view)


@dataclass(frozen=True)
class Notice:
    key: str  # the query key, e.g. "camp", or "?" for an unknown key
    shown_value: str  # dropped value made safe to show (see safe_display); NOT html-escaped
    reason: str  # "unknown_value", "too_long", "unknown_key", "repeated_key" or "outside_camps"


# Characters never shown: bidi embeddings/overrides/isolates, zero-width characters and marks.
# (All of them are also in the Unicode categories removed below; listed for the reader.)
_EXPLICIT_STRIP = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)]  # LRE RLE PDF LRO RLO
    + [chr(c) for c in range(0x2066, 0x206A)]  # LRI RLI FSI PDI
    + [chr(c) for c in range(0x200B, 0x2010)]  # ZWSP ZWNJ ZWJ LRM RLM
    + ["\u061c", "\u2060", "\ufeff"]  # Arabic letter mark, word joiner, BOM
)
# Cc: C0/C1 controls and DEL; Cf: format chars (bidi, zero-width, tags, ...);
# Cs: lone surrogates (cannot be encoded as UTF-8, would break rendering);
# Zl/Zp: line/paragraph separators.
_STRIP_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _is_hidden(ch: str) -> bool:
    return ch in _EXPLICIT_STRIP or unicodedata.category(ch) in _STRIP_CATEGORIES


def safe_display(value: object) -> str:
    """Return ``value`` made safe to show in a notice.

    Control, bidi-override and zero-width characters are removed, surrounding whitespace is
    stripped, and the result is cut to :data:`MAX_SHOWN_CHARS` characters plus "…". Not
    HTML-escaped: the renderer escapes. Reads only as much of a huge value as it needs.
    """
    text = value if isinstance(value, str) else _to_text(value)
    kept: list[str] = []
    for ch in text:
        if _is_hidden(ch):
            continue
        kept.append(ch)
        if len(kept) > MAX_SHOWN_CHARS + 64:  # enough to strip whitespace and still cut
            break
    shown = "".join(kept).strip()
    if len(shown) > MAX_SHOWN_CHARS:
        shown = shown[:MAX_SHOWN_CHARS].rstrip() + ELLIPSIS
    return shown


def _to_text(value: object) -> str:
    """Best-effort text of a value that should have been a str (never raises)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", errors="replace")
    try:
        return str(value)
    except Exception:  # noqa: BLE001 - hostile __str__; the value is dropped anyway
        return "?"


def _values(raw: object) -> list[str]:
    """The values of one key as a list of str: a plain str is one value; None is none."""
    if raw is None:
        return []
    if isinstance(raw, (str, bytes, bytearray)):
        return [_to_text(raw)]
    if isinstance(raw, Iterable):
        try:
            return [_to_text(v) for v in raw]
        except Exception:  # noqa: BLE001 - a broken iterable counts as no values
            return []
    return [_to_text(raw)]


class _Notices:
    """Collects notices, keeping at most MAX_NOTICES and no exact duplicates."""

    def __init__(self) -> None:
        self.items: list[Notice] = []

    def add(self, key: str, value: object, reason: str) -> None:
        if len(self.items) >= MAX_NOTICES:
            return
        notice = Notice(key=key, shown_value=safe_display(value), reason=reason)
        if notice not in self.items:
            self.items.append(notice)


def _parse_single(
    key: str,
    values: list[str],
    allowed: Collection[str],
    notices: _Notices,
    *,
    fold_case: bool = False,
) -> str | None:
    """Last valid value of a single-valued key; notices for invalid and conflicting values.

    Empty values (after stripping) mean "not set" and are skipped without a notice.
    """
    valid: list[str] = []
    for raw in values:
        if len(raw) > MAX_VALUE_LENGTH:
            notices.add(key, raw, TOO_LONG)
            continue
        value = raw.strip()
        if value == "":
            continue
        if fold_case and value.isascii():
            value = value.lower()
        if value in allowed:
            valid.append(value)
        else:
            notices.add(key, raw, UNKNOWN_VALUE)
    if not valid:
        return None
    chosen = valid[-1]
    dropped = next((v for v in valid if v != chosen), None)
    if dropped is not None:
        notices.add(key, dropped, REPEATED_KEY)
    return chosen


def _parse_camps(values: list[str], notices: _Notices) -> tuple[str, ...]:
    """Camps from a present ``camp`` key (absent is handled by the caller)."""
    selected: set[str] = set()
    any_given = False
    for raw in values:
        if len(raw) > MAX_VALUE_LENGTH:
            any_given = True
            notices.add("camp", raw, TOO_LONG)
            continue
        value = raw.strip()
        if value == "":
            continue  # the "explicitly empty" marker (camp=)
        any_given = True
        if value in CAMPS:
            selected.add(value)
        else:
            notices.add("camp", raw, UNKNOWN_VALUE)
    if any_given and not selected:
        return CAMPS  # every given value was invalid: fall back to all camps
    return tuple(c for c in CAMPS if c in selected)


def parse_view_state(
    params: Mapping[str, str | Sequence[str]],
    *,
    actor_ids: Collection[str],
    chart_ids: Collection[str],
) -> tuple[ViewState, tuple[Notice, ...]]:
    """Effective view state of a query-param mapping, and the notices for dropped values.

    Never raises for str / list-of-str values (a plain str where a list is expected and empty
    lists are fine). At most :data:`MAX_NOTICES` notices are returned.
    """
    notices = _Notices()
    lang = DEFAULT_LANG
    camps = CAMPS
    actor: str | None = None
    chart: str | None = None

    try:
        items = list(params.items())
    except Exception:  # noqa: BLE001 - not a usable mapping: defaults
        items = []

    for raw_key, raw_value in items:
        key = _to_text(raw_key)
        values = _values(raw_value)
        if key == "lang":
            lang = _parse_single(key, values, LANGS, notices, fold_case=True) or DEFAULT_LANG
        elif key == "camp":
            camps = _parse_camps(values, notices)
        elif key == "actor":
            actor = _parse_single(key, values, actor_ids, notices)
        elif key == "chart":
            chart = _parse_single(key, values, chart_ids, notices)
        elif key.strip().lower() in IGNORED_KEYS:
            continue
        else:
            notices.add("?", key, UNKNOWN_KEY)

    return ViewState(lang=lang, camps=camps, actor=actor, chart=chart), tuple(notices.items)


def is_embed(params: Mapping[str, str | Sequence[str]]) -> bool:
    """Whether a link asks for an embed view, as Streamlit's frontend reads it: an ``embed`` key (that
    exact name) with a value "true" in any case. The framing policy (techmoney.web.headers) and chart
    links (techmoney.content.html.oembed) both ask here."""
    return any(value.lower() == "true" for value in _values(params.get("embed", ())))
