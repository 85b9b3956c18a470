"""Hostile inputs shared by the tests: markup/script payloads and raw query strings.

Import as ``from tests.hostile_inputs import XSS_PAYLOADS, HOSTILE_QUERY_STRINGS, parse_qs_lists``.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote

__all__ = [
    "BIDI_OVERRIDE",
    "FRAMING_QUERIES",
    "HOSTILE_HOSTS",
    "HOSTILE_QUERY_STRINGS",
    "LONG_10K",
    "XSS_PAYLOADS",
    "ZERO_WIDTH_JOINED",
    "parse_qs_lists",
]

# U+202E RIGHT-TO-LEFT OVERRIDE: "exe.txt" looks like "txt.exe"; U+202C ends the override.
BIDI_OVERRIDE = "invoice\u202etxt.exe\u202c"
# Letters joined by zero-width joiners / spaces: looks like "pro_harris" but is not.
ZERO_WIDTH_JOINED = "pro\u200d_\u200bharris\u200c"
# 10 kB (10,240 characters) of markup-ish text.
LONG_10K = ("<b>A</b>" * 1280)[:10240]

XSS_PAYLOADS: tuple[str, ...] = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'onmouseover='alert(1)",
    "javascript:alert(1)",
    '" onerror="alert(1)',
    "</textarea><script>alert(1)</script>",
    BIDI_OVERRIDE,
    ZERO_WIDTH_JOINED,
    "{{7*7}}",
    LONG_10K,
    # A few more shapes renderers get wrong.
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",  # Markdown link
    "<style>*{display:none}</style>",
    "${7*7}",
    "$$\\href{javascript:alert(1)}{x}$$",  # KaTeX in st.markdown
    "&lt;script&gt;alert(1)&lt;/script&gt;",  # already-escaped text must not be unescaped
    "\u0000<script>\u0000",
    "\u202eالنص العربي\u202c",  # Arabic with an override
)

_LONG_VALUE = "a" * 10240

HOSTILE_QUERY_STRINGS: list[str] = [
    # bad values for each key
    "lang=xx",
    "lang=",
    "lang=EN",
    "lang=%20en%20",
    "lang=en&lang=ar",
    "lang=en&lang=xx&lang=ar",
    "camp=<script>",
    "camp=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "camp=pro_harris&camp=pro_harris&camp=bogus",
    "camp=bogus&camp=nope",
    "camp=",
    "camp=&camp=skeptic",
    "camp=PRO_HARRIS",
    "camp=pro_harris%00",
    "camp=%00",
    "camp=" + quote(ZERO_WIDTH_JOINED),
    "camp=%E2%80%AEsirrah_orp",
    "camp=" + "&camp=".join(["bogus"] * 50),
    "actor=",
    "actor=nobody",
    "actor=" + _LONG_VALUE,
    "actor=" + quote("<img src=x onerror=alert(1)>"),
    "chart=nope",
    "chart=" + quote('"><svg onload=alert(1)>'),
    "embed=true&chart=nope",
    "embed=true&embed_options=show_toolbar&EMBED=1&Embed_Options=x",
    # malformed encoding / structure
    "%ZZ",
    "%",
    "=",
    "&&&",
    "=orphan",
    "lang",
    "camp=%C0%AF",
    "%FF%FE=1",
    "lang=en;camp=skeptic",
    "lang=%E2%80%8Fen",  # RLM before the value
    "lang=%D8%B9%D8%B1%D8%A8%D9%8A",  # "عربي" in Arabic
    "%E2%80%AElang=en",  # override inside a key
    "x=1&y=2&z=3&w=4&v=5&u=6&t=7",  # more unknown keys than the notice cap
    "__proto__=x&constructor=y&toString=z",
    "lang=" + quote("{{7*7}}") + "&camp=" + quote("${7*7}"),
    "camp=" + quote(LONG_10K),
    "k" * 5000 + "=v",
]


# Host headers a stranger may send; none of them may appear in any answer (the app's absolute links start
# from TECH_MONEY_PUBLIC_URL or the server's own address). Each names "evil.example" somewhere.
HOSTILE_HOSTS: list[str] = [
    "evil.example",
    "evil.example:8501",
    "127.0.0.1@evil.example",
    "evil.example/tech-money",
    'evil.example"><script>alert(1)</script>',
    "\u202eevil.example",
    "[::1]:80.evil.example",
]

# Query strings and whether the page they open may be framed by another site: only a real embed view
# (an ``embed`` key, lower case, whose value is "true" in any case, as Streamlit's frontend reads it).
FRAMING_QUERIES: dict[str, bool] = {
    "embed=true&chart=flows": True,
    "embed=TRUE": True,
    "lang=en&embed=false&embed=true": True,
    "embed=1": False,
    "embed=truex": False,
    "embed=%00true": False,
    "EMBED=true": False,
    "embed_options=true": False,
    "embed=": False,
    "embed=false": False,
    "x=embed%3Dtrue": False,
    "embed%3Dtrue": False,
}


def parse_qs_lists(qs: str) -> dict[str, list[str]]:
    """Parse a raw query string (leading "?" allowed) the way Streamlit does: every value kept
    as a list, blank values kept."""
    return parse_qs(qs.removeprefix("?"), keep_blank_values=True)
