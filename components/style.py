"""The app's one stylesheet: right-to-left mirroring for Arabic, fonts, and phone-width fixes.

Sent inside each page's first element (components.ui.head_html); pages hold no CSS. Chart containers stay left-to-right
on purpose (Plotly misplaces hover labels inside RTL documents, plotly.js PR #2790); charts are
mirrored inside the figure instead (components.charts).
"""

from __future__ import annotations

import functools
import re

from components.i18n import DIRECTION

# The bundled fonts, as WOFF2 subsets of the Noto TTFs in static/ cut to the characters the app shows
# (tools/subset_fonts.py; the TTFs stay for the share cards). Served at app/static/fonts/. Declared here
# rather than in the theme's [[theme.fontFaces]]: Streamlit rebuilds the theme message on every rerun, and
# parsing four font faces there cost ~0.08 ms of server time a rerun (bench/README.md). The URLs are
# relative to the page, as Streamlit's own are, so the app also works under a server.baseUrlPath. A face
# is only downloaded when the page shows a character in its range at its weight: the Arabic faces cover
# the Arabic blocks (and the joiners and direction marks), the Latin faces everything else.
ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF),
                 (0x200C, 0x200F))
_ARABIC_RANGES = ", ".join(f"U+{low:04X}-{high:04X}" for low, high in ARABIC_RANGES)
FONTS = (
    ("Noto Sans Arabic", "NotoSansArabic-Regular", 400, _ARABIC_RANGES),
    ("Noto Sans Arabic", "NotoSansArabic-Bold", 700, _ARABIC_RANGES),
    ("Noto Sans", "NotoSans-Regular", 400, None),
    ("Noto Sans", "NotoSans-Bold", 700, None),
)
FONT_URL_PREFIX = "app/static/"
FONT_DIR = "fonts/"  # under static/ (and FONT_URL_PREFIX)


def _font_faces() -> str:
    return "".join(
        f'@font-face {{ font-family: "{family}"; src: url("{FONT_URL_PREFIX}{FONT_DIR}{name}.woff2") format("woff2"); '
        f"font-weight: {weight}; font-style: normal; font-display: swap;"
        + (f" unicode-range: {ranges};" if ranges else "")
        + " }\n"
        for family, name, weight, ranges in FONTS
    )


FONT_STACK = '"Noto Sans Arabic", "Noto Sans", sans-serif'  # also the theme's font (.streamlit/config.toml)
# Streamlit appends its own "Source Sans" to the theme's stack, and draws its "skip to main content" link
# before the theme has arrived, in that font alone: either way a visit downloaded 170 kB of a font no
# text is shown in. The link gets our fonts from the page's head on (components.previews), and emoji
# icons (the pages' icons in the navigation, notice icons), which no face of ours has, go straight to
# the system's emoji fonts.
_FONT_RULES = _font_faces() + f"""
.stApp, body [data-testid="stSkipToContent"] {{ font-family: {FONT_STACK}; }}
body [data-testid="stIconEmoji"] {{
  font-family: "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", emoji, sans-serif;
}}
"""

_BASE = """
[data-testid="stPlotlyChart"], .js-plotly-plot, .stPlotlyChart { direction: ltr; }
/* ...but each SVG text takes its base direction from its own first strong letter (Unicode bidi P2/P3), so
   mixed Arabic/Latin/number labels ("المصدر: تقرير CNBC، يوليو 2024…", "7 ملايين دولار") read in order.
   Box sizes do not change, so Plotly's anchoring and hover placement stay as computed. */
.js-plotly-plot text, .js-plotly-plot tspan { unicode-bidi: plaintext; }
.tm-prose { font-size: 1.05rem; line-height: 1.9; }
.tm-docs > summary { cursor: pointer; font-weight: 600; padding: .5rem 0; }
.tm-docs { border-top: 1px solid #e5e5e5; }
.tm-doc { text-align: left; }
.tm-doc table { font-size: .85rem; border-collapse: collapse; }
.tm-doc th, .tm-doc td { border: 1px solid #ddd; padding: .2rem .4rem; vertical-align: top; overflow-wrap: anywhere; }
.tm-downloads a { display: inline-block; margin-inline-end: 1.25rem; }
.tm-primary a { background: #0072B2; color: #fff; padding: .45rem .9rem; border-radius: .5rem; text-decoration: none; font-weight: 600; }
.tm-caption { font-size: .875rem; color: #595856; }
.tm-caption p { margin: 0 0 .25rem; }
.tm-quote { border-inline-start: 4px solid #0072B2; padding-inline-start: .75rem; margin: .5rem 0; color: #222; }
/* Streamlit fades Markdown blockquotes to 60% opacity (#222 shows as #7a7a7a: 4.3:1 on white, below WCAG AA). */
.tm-quote blockquote { color: #222; opacity: 1; }
.tm-badge { display: inline-block; border: 1px dashed #555; border-radius: 4px; padding: 0 .4rem; font-size: .85rem; }
.tm-article p { margin: .35rem 0; line-height: 1.9; }
.tm-article mark { background: #fff1b8; color: inherit; padding: 0 .1rem; }
.tm-article mark a { color: inherit; text-decoration: underline dotted; }
.tm-boilerplate { color: #555; border: 1px dashed #aaa; padding: .25rem .5rem; font-size: .9rem; }
.tm-kfs { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .75rem; margin: .5rem 0 1rem; }
.tm-kf { border: 1px solid #ddd; border-radius: .5rem; padding: .75rem 1rem; }
.tm-kf-label { font-size: .9rem; color: #444; }
.tm-kf-value { font-size: 1.9rem; font-weight: 700; line-height: 1.3; }
.tm-kf-qualifier { font-size: .85rem; color: #555; }
.tm-kf details { font-size: .8rem; color: #555; margin-top: .25rem; }
.tm-section { border-top: 1px solid #e5e5e5; padding-top: .75rem; }
.tm-section h2 { font-size: 1.5rem; }
/* Story: each section's text and table beside its chart; one keyed container (components.ui.SECTIONS_KEY)
   holds text, chart, text, chart, ... Its first element also carries the page head and opening (one element
   fewer per rerun): that element's wrappers step aside (display: contents) so the opening spans the grid's
   width and the first section's text takes its place beside the first chart, in reading order. */
.st-key-tm-sections {
  display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); column-gap: 2.5rem; row-gap: 1rem;
  align-items: start;
}
.st-key-tm-sections div:has(.tm-opening) { display: contents; }
.st-key-tm-sections .tm-opening { grid-column: 1 / -1; }
.tm-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; column-gap: 1rem; }
.tm-head h1 { margin: 0; }
.tm-lang { margin: 0; font-size: .95rem; }
.tm-chart-table > summary, .tm-kf summary { cursor: pointer; }
.tm-chart-table > summary { padding: .25rem 0; }
.tm-chart-table { padding-bottom: 1rem; border-bottom: 1px solid #e5e5e5; margin-bottom: 1rem; }
.tm-card { border-inline-start: 6px solid var(--camp); padding: .25rem .75rem; margin: .5rem 0; }
table { width: 100%; }
.tm-table { overflow-x: auto; max-width: 100%; }
.tm-table table { border-collapse: collapse; font-size: .9rem; }
.tm-table th, .tm-table td { border: 1px solid #ddd; padding: .3rem .5rem; text-align: start; vertical-align: top; }
.tm-table thead th { background: #f3f4f6; }
.tm-table caption { caption-side: top; text-align: start; font-weight: 600; padding: .25rem 0; }
.tm-table tr.tm-highlight td, .tm-table tr.tm-highlight th { background: #fff1b8; }
/* Tables and code wrap to their column instead of scrolling sideways: a scrolling region needs keyboard access
   (axe scrollable-region-focusable), which CSS cannot give it. */
[data-testid="stTable"] { max-width: 100%; }
[data-testid="stTable"] th, [data-testid="stTable"] td { white-space: normal; overflow-wrap: break-word; }
[data-testid="stMarkdownPre"] pre, [data-testid="stMarkdownPre"] code { white-space: pre-wrap !important; overflow-wrap: anywhere; }
/* WCAG AA contrast (axe color-contrast): Streamlit fades captions to 60% opacity (#828180, 3.9:1 on white)
   and colours code tokens #1c83e1 (3.8:1 on the code background): too light for 14px text. */
.stApp [data-testid="stCaptionContainer"] { opacity: 1; color: #595856; }
.stApp [data-testid="stCode"] .token.tag, .stApp [data-testid="stCode"] .token.attr-name,
.stApp [data-testid="stCode"] .token.attr-value, .stApp [data-testid="stCode"] .token.entity,
.stApp [data-testid="stCode"] .token.punctuation, .stApp [data-testid="stCode"] .token.property,
.stApp [data-testid="stCode"] .token.number { color: #0b5cad; }
.stApp [data-testid="stCode"] .token.parameter, .stApp [data-testid="stCode"] .token.variable { color: #006d8c; }
.stApp [data-testid="stCode"] .token.comment { color: #5f6272; }
/* A collapsed sidebar is only moved 300px to the left; where it sits on the right (Arabic: row-reverse
   below) its squeezed contents would then overlay the page. Hide it until it is opened again (!important:
   widget labels set their own visibility). */
[data-testid="stSidebar"][data-collapsed="true"], [data-testid="stSidebar"][data-collapsed="true"] * {
  visibility: hidden !important;
}
@media (max-width: 640px) {
  .block-container { padding-left: .75rem; padding-right: .75rem; }
  [data-testid="stHorizontalBlock"] { flex-wrap: wrap; }
  .st-key-tm-sections { grid-template-columns: minmax(0, 1fr); }
}
"""

_RTL = """
[data-testid="stMain"], [data-testid="stSidebar"], [data-testid="stSidebarContent"],
[data-testid="stMarkdownContainer"], [data-testid="stTable"], [data-testid="stMetric"],
[data-testid="stCaptionContainer"], [data-testid="stExpander"], [data-testid="stAlert"] { direction: rtl; text-align: right; }
[data-testid="stAppViewContainer"] { flex-direction: row-reverse; }
[data-testid="stTable"] th, [data-testid="stTable"] td { text-align: right; }
"""


def minify(css: str) -> str:
    """Comments and layout whitespace out: the sheet is re-sent (and hashed) on every rerun."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};])\s*", r"\1", css)
    return css.replace(";}", "}").strip()


@functools.lru_cache(maxsize=1)
def font_stylesheet() -> str:
    """The font rules alone: the page's HTML carries them in its head (components.previews), so the
    fonts are known before the first element arrives."""
    return minify(_FONT_RULES)


@functools.lru_cache(maxsize=4)
def stylesheet(lang: str) -> str:
    """The CSS for a language; Arabic adds the RTL rules."""
    return minify(_FONT_RULES + _BASE + (_RTL if DIRECTION.get(lang) == "rtl" else ""))
