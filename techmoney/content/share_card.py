"""Render the 1200x630 PNG "share card" that people post on social media.

A share card is a raster image, so nothing downstream will shape or reorder its Arabic text:
this module has to do what a browser does by itself.  Arabic letters are converted to their
joined presentation forms (arabic-reshaper) and each line is put into visual order
(python-bidi), then drawn with Pillow's BASIC layout engine.  BASIC is used even where
libraqm is installed, so a card is pixel-identical on every machine.

Never use this module for HTML or any other text a browser displays: browsers shape and
reorder Arabic themselves, and feeding them pre-shaped, reversed text breaks copying,
searching and screen readers.

The bundled Noto Sans Arabic has no Latin letters, '$' or '%', and the bundled Noto Sans has
no Arabic; neither has '≥' or '≤'.  Each visual line is therefore split into runs by glyph
coverage and drawn run by run, and '≥'/'≤' are drawn as vector shapes matched to Noto Sans.

Pure Python on purpose: it must not import streamlit.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import arabic_reshaper
from bidi.algorithm import get_display
from PIL import Image, ImageColor, ImageDraw, ImageFont

from techmoney.words.locale import locale

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"

WIDTH, HEIGHT = 1200, 630
MARGIN = 60
BAND_HEIGHT = 14  # full-bleed camp-colour band along the top edge (decoration, not content)
ACCENT_WIDTH = 8  # camp-colour bar beside the key figure
ACCENT_GAP = 22

BACKGROUND = (255, 255, 255)
INK = (22, 22, 22)
INK_SECONDARY = (80, 80, 80)
INK_MUTED = (105, 105, 105)

_FONT_FILES = {
    ("arabic", False): "NotoSansArabic-Regular.ttf",
    ("arabic", True): "NotoSansArabic-Bold.ttf",
    ("latin", False): "NotoSans-Regular.ttf",
    ("latin", True): "NotoSans-Bold.ttf",
}

# Left-to-right embedding around number units: python-bidi's full algorithm (bidi.algorithm) mirrors
# brackets in RTL runs but predates isolates, so numbers are kept in reading order with LRE/PDF.
LRE, PDF = "\u202a", "\u202c"
NBSP = "\u00a0"
ELLIPSIS = "\u2026"
# Bidi controls and joiners: they steer reshaping/reordering but must not be drawn
# (both fonts map some of them to visible or .notdef glyphs).
# The browser-side isolates (LRI, RLI, FSI … PDI) as the embeddings this algorithm knows (LRE, RLE … PDF),
# so a Latin run such as 501(c)(4) keeps its order on the card as it does on the page.
_ISOLATES = {0x2066: LRE, 0x2067: "\u202b", 0x2068: LRE, 0x2069: PDF}
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
)

# A number with its currency, sign/comparison prefix, magnitude suffix and ranges, e.g.
# "≥ $155,400", "+$100M", "2020-2024", "12.5%".  Inside Arabic text such a unit is wrapped in
# an LTR isolate: otherwise the UBA turns the digits into Arabic numbers (rule W2) and "$",
# "+" and "M" end up on the wrong side ("$155,400" would become "155,400$").
_NUM = r"[$€£]?\d(?:[\d,.\u066b\u066c]*\d)?(?:bn|[%KMBT])?"
_NUMBER_UNIT = re.compile(rf"(?<![0-9A-Za-z])(?:[≥≤+\-−±~≈][ {NBSP}]?)?{_NUM}(?:[-–]{_NUM})*")

_RESHAPER = arabic_reshaper.ArabicReshaper()


class UnsupportedCharacterError(ValueError):
    """A character that none of the bundled fonts can draw (it would render as a box)."""


@dataclass(frozen=True)
class CardSpec:
    lang: str  # "ar" or "en"
    title: str
    key_figure: str  # already formatted, e.g. "≥ $155,400" or "+$100M"
    qualifier: str  # e.g. "حد أدنى، محسوب" / "minimum, derived"
    camp_label: str  # e.g. "مؤيدو ترامب" / "Pro-Trump"; may be ""
    camp_color: str  # "#D55E00"
    source_line: str
    app_name: str


@dataclass(frozen=True)
class Run:
    """A stretch of one visual line drawn with one font (or one synthetic glyph)."""

    text: str
    font: ImageFont.FreeTypeFont = field(compare=False)
    xy: tuple[float, float]  # left end of the baseline, canvas coordinates
    bbox: tuple[float, float, float, float]  # font bbox, canvas coordinates
    synthetic: bool = False  # drawn as a vector shape instead of a font glyph


@dataclass(frozen=True)
class TextBox:
    """One line as render_card draws it."""

    role: str  # "app_name", "camp_label", "title", "key_figure", "qualifier", "source"
    text: str  # visual order (shaped, reordered), exactly the characters drawn
    font: ImageFont.FreeTypeFont = field(compare=False)  # the line's main font
    xy: tuple[float, float]  # left end of the baseline, canvas coordinates
    bbox: tuple[float, float, float, float]  # union of the runs' font bboxes
    fill: tuple[int, int, int]
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class _Layout:
    boxes: tuple[TextBox, ...]
    color: tuple[int, int, int]
    accent: tuple[float, float, float, float]
    chip: tuple[float, float, float, float] | None


# --------------------------------------------------------------------------- fonts


@cache
def _font(family: str, bold: bool, size: int) -> ImageFont.FreeTypeFont:
    path = STATIC_DIR / _FONT_FILES[(family, bold)]
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def _glyph_pixels(font: ImageFont.FreeTypeFont, ch: str) -> bytes:
    image = Image.new("L", (4 * font.size, 3 * font.size))
    ImageDraw.Draw(image).text((font.size, 2 * font.size), ch, font=font, fill=255, anchor="ls")
    return image.tobytes()


@cache
def _has_glyph(path: str, ch: str) -> bool:
    # An unmapped character is drawn as .notdef; compare against a noncharacter's rendering.
    font = ImageFont.truetype(path, 40, layout_engine=ImageFont.Layout.BASIC)
    return _glyph_pixels(font, ch) != _notdef_pixels(path)


@cache
def _notdef_pixels(path: str) -> bytes:
    font = ImageFont.truetype(path, 40, layout_engine=ImageFont.Layout.BASIC)
    return _glyph_pixels(font, "\U0010fffd")


def _ink_box(font: ImageFont.FreeTypeFont, text: str) -> tuple[int, int, int, int]:
    """Tight ink box of text drawn at origin (0, 0) with anchor 'ls'."""
    left, top, right, bottom = font.getbbox(text, anchor="ls")
    image = Image.new("L", (right - left + 2, bottom - top + 2))
    ImageDraw.Draw(image).text((1 - left, 1 - top), text, font=font, fill=255, anchor="ls")
    l, t, r, b = image.getbbox()
    return l + left - 1, t + top - 1, r + left - 1, b + top - 1


# --------------------------------------------------------------- synthetic glyphs

_SYNTHETIC = {"≥", "≤"}


@cache
def _comparison_geometry(font: ImageFont.FreeTypeFont) -> tuple[float, float, float, float, float, float]:
    """x0, x1, chevron top, chevron bottom, bar bottom, stroke -- matched to the font's '>' and '='."""
    gl, gt, gr, gb = _ink_box(font, ">")
    el, et, er, eb = _ink_box(font, "=")
    # The stroke is the thickness of one bar of '=': scan its ink rows from the top.
    image = Image.new("L", (font.size * 2, font.size * 2))
    ImageDraw.Draw(image).text((font.size // 2, font.size * 3 // 2), "=", font=font, fill=255, anchor="ls")
    column = font.size // 2 + (el + er) // 2
    rows = [image.getpixel((column, y)) / 255 for y in range(image.height)]
    stroke = max(1.0, sum(rows) / 2)
    gap = (eb - et) - 2 * stroke
    bar_bottom = gb + 0.12 * (gb - gt)
    chevron_bottom = bar_bottom - stroke - gap
    chevron_top = gt - 0.02 * (gb - gt)
    return gl, gr, chevron_top, chevron_bottom, bar_bottom, stroke


def _synthetic_advance(font: ImageFont.FreeTypeFont) -> float:
    return font.getlength(">")


def _synthetic_bbox(font: ImageFont.FreeTypeFont) -> tuple[float, float, float, float]:
    x0, x1, top, _, bottom, _ = _comparison_geometry(font)
    return (min(0.0, x0), top - 1, max(x1, _synthetic_advance(font)), bottom + 1)


def _draw_comparison(image: Image.Image, ch: str, font: ImageFont.FreeTypeFont, xy, fill) -> None:
    """Draw '≥' or '≤' anti-aliased (4x supersampled) with its baseline origin at xy."""
    scale = 4
    x0, x1, top, chevron_bottom, bar_bottom, stroke = _comparison_geometry(font)
    ox, oy = xy
    left, upper = int(ox + min(0, x0)) - 1, int(oy + top) - 2
    right, lower = int(ox + x1) + 2, int(oy + bar_bottom) + 2
    mask = Image.new("L", ((right - left) * scale, (lower - upper) * scale))
    draw = ImageDraw.Draw(mask)

    def p(x: float, y: float) -> tuple[float, float]:
        return ((ox + x - left) * scale, (oy + y - upper) * scale)

    half = stroke / 2
    mid = (top + chevron_bottom) / 2
    tip_x, end_x = (x1 - half, x0 + half) if ch == "≥" else (x0 + half, x1 - half)
    draw.line(
        [p(end_x, top + half), p(tip_x, mid), p(end_x, chevron_bottom - half)],
        fill=255,
        width=round(stroke * scale),
        joint="curve",
    )
    draw.rectangle([p(x0, bar_bottom - stroke), p(x1, bar_bottom)], fill=255)
    # Butt ends of the slanted strokes stick out past the glyph's sides; trim them.
    draw.rectangle([(0, 0), p(x0, bar_bottom + 2)], fill=0)
    draw.rectangle([p(x1, top - 2), (mask.width, mask.height)], fill=0)
    mask = mask.reduce(scale)
    image.paste(Image.new("RGB", mask.size, fill), (left, upper), mask)


# --------------------------------------------------------------------- bidi/shaping


def visual_line(text: str, rtl: bool | None = None) -> str:
    """Shape and reorder one logical line for drawing left to right with Pillow BASIC layout.

    rtl=None picks the paragraph direction from the first strong character (as dir="auto").
    Number units keep their LTR reading order ("$155,400" stays "$155,400").
    """
    text = text.translate(_ISOLATES)
    isolated = _NUMBER_UNIT.sub(lambda m: LRE + m.group() + PDF, text)
    shaped = _RESHAPER.reshape(isolated)
    base_dir = None if rtl is None else ("R" if rtl else "L")
    return get_display(shaped, base_dir=base_dir).translate(_INVISIBLE).replace(NBSP, " ")


def _is_arabic_block(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x0600 <= cp <= 0x06FF
        or 0x0750 <= cp <= 0x077F
        or 0x08A0 <= cp <= 0x08FF
        or 0xFB50 <= cp <= 0xFDFF
        or 0xFE70 <= cp <= 0xFEFF
    )


def _runs(visual: str, size: int, bold: bool, rtl: bool) -> list[tuple[str, ImageFont.FreeTypeFont, bool]]:
    """Split a visual line into (text, font, synthetic) runs by glyph coverage."""
    arabic, latin = _font("arabic", bold, size), _font("latin", bold, size)
    classes = []  # "A" Arabic font only, "L" Latin font only, "S" synthetic, "N" either
    for ch in visual:
        in_ar, in_la = _has_glyph(arabic.path, ch), _has_glyph(latin.path, ch)
        if ch in _SYNTHETIC and not in_la:
            classes.append("S")
        elif in_ar and (not in_la or _is_arabic_block(ch)):
            classes.append("A")
        elif in_la and not in_ar:
            classes.append("L")
        elif in_ar and in_la:
            classes.append("N")
        else:
            raise UnsupportedCharacterError(f"no bundled font has a glyph for {ch!r} (U+{ord(ch):04X})")
    # Neutrals (digits, spaces, punctuation) join the font of the strong character before them,
    # or after them at the start of the line.
    strong = [c if c != "N" else None for c in classes]
    previous = None
    resolved = []
    for i, c in enumerate(strong):
        if c is None:
            c = previous or next((s for s in strong[i + 1 :] if s), None) or ("A" if rtl else "L")
        else:
            previous = "L" if c == "S" else c
        resolved.append(c)
    runs: list[tuple[str, ImageFont.FreeTypeFont, bool]] = []
    for ch, c in zip(visual, resolved, strict=False):
        font = arabic if c == "A" else latin
        synthetic = c == "S"
        if runs and runs[-1][1] is font and not synthetic and not runs[-1][2]:
            runs[-1] = (runs[-1][0] + ch, font, False)
        else:
            runs.append((ch, font, synthetic))
    return runs


@dataclass(frozen=True)
class _Line:
    text: str
    runs: tuple[tuple[str, ImageFont.FreeTypeFont, bool, float], ...]  # text, font, synthetic, x offset
    bbox: tuple[float, float, float, float]  # relative to the baseline origin
    font: ImageFont.FreeTypeFont


@lru_cache(maxsize=4096)
def _measure(logical: str, size: int, bold: bool, rtl: bool, auto_dir: bool = False) -> _Line:
    visual = visual_line(logical, None if auto_dir else rtl)
    x = 0.0
    runs = []
    left = top = float("inf")
    right = bottom = float("-inf")
    for text, font, synthetic in _runs(visual, size, bold, rtl):
        if synthetic:
            l, t, r, b = _synthetic_bbox(font)
            advance = _synthetic_advance(font)
        else:
            l, t, r, b = font.getbbox(text, anchor="ls")
            advance = font.getlength(text)
        left, top = min(left, x + l), min(top, t)
        right, bottom = max(right, x + r), max(bottom, b)
        runs.append((text, font, synthetic, x))
        x += advance
    if not runs:
        left = top = right = bottom = 0.0
    return _Line(visual, tuple(runs), (left, top, right, bottom), _font("arabic" if rtl else "latin", bold, size))


def _width(line: _Line) -> float:
    return line.bbox[2] - line.bbox[0]


def _normalise(text: str) -> str:
    text = " ".join(text.split())
    return _NUMBER_UNIT.sub(lambda m: m.group().replace(" ", NBSP), text)  # keep "≥ $155,400" on one line


def _wrap(text: str, size: int, bold: bool, rtl: bool, width: float) -> list[str]:
    """Greedy word wrap in logical order; over-long words are broken between characters."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if _width(_measure(candidate, size, bold, rtl)) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while _width(_measure(current, size, bold, rtl)) > width and len(current) > 1:
            low, high = 1, len(current) - 1  # longest prefix that fits, by bisection
            while low < high:
                mid = (low + high + 1) // 2
                if _width(_measure(current[:mid], size, bold, rtl)) <= width:
                    low = mid
                else:
                    high = mid - 1
            lines.append(current[:low])
            current = current[low:]
    if current:
        lines.append(current)
    return lines


def _truncate(text: str, size: int, bold: bool, rtl: bool, width: float) -> str:
    while text and _width(_measure(text + ELLIPSIS, size, bold, rtl)) > width:
        text = text[:-1].rstrip()
    return text + ELLIPSIS


def _fit(
    text: str,
    sizes: range,
    bold: bool,
    rtl: bool,
    width: float,
    max_lines: int,
    max_height: float | None = None,
    pitch: float = 1.3,
) -> tuple[int, list[_Line]]:
    """Largest size at which text wraps into max_lines lines within width (and max_height);
    at the smallest size the last line is cut with an ellipsis."""
    text = _normalise(text)
    size = sizes[-1]
    for size in sizes:
        logical = _wrap(text, size, bold, rtl, width)
        lines = [_measure(s, size, bold, rtl) for s in logical]
        if len(lines) <= max_lines and (max_height is None or _block_height(lines, size, pitch) <= max_height):
            return size, lines
    allowed = max_lines
    while allowed > 1 and max_height is not None and _block_height(lines[:allowed], size, pitch) > max_height:
        allowed -= 1
    if len(logical) > allowed:
        kept = logical[:allowed]
        rest = " ".join(logical[allowed - 1 :])
        kept[-1] = _truncate(rest, size, bold, rtl, width)
        lines = [_measure(s, size, bold, rtl) for s in kept]
    return size, lines


def _line_pitch(lines: list[_Line], size: int, factor: float) -> int:
    """Baseline-to-baseline distance: factor x size, but never so little that lines' bboxes touch."""
    if not lines:
        return round(factor * size)
    return max(round(factor * size), round(max(l.bbox[3] for l in lines) - min(l.bbox[1] for l in lines)) + 2)


def _block_height(lines: list[_Line], size: int, factor: float) -> float:
    if not lines:
        return 0.0
    return -lines[0].bbox[1] + (len(lines) - 1) * _line_pitch(lines, size, factor) + lines[-1].bbox[3]


# ------------------------------------------------------------------------- layout


def _place(
    line: _Line,
    role: str,
    baseline: float,
    rtl: bool,
    fill,
    inset: float = 0.0,
    left: float = MARGIN,
    right: float = WIDTH - MARGIN,
) -> TextBox:
    """Align the line's bbox to the start edge (right for Arabic, left for English)."""
    if rtl:
        x = right - inset - line.bbox[2]
    else:
        x = left + inset - line.bbox[0]
    return _box(line, role, x, baseline, fill)


def _box(line: _Line, role: str, x: float, baseline: float, fill) -> TextBox:
    x, baseline = round(x), round(baseline)  # whole pixels: the drawn ink then matches the bboxes
    runs = []
    for text, font, synthetic, dx in line.runs:
        if synthetic:
            l, t, r, b = _synthetic_bbox(font)
        else:
            l, t, r, b = font.getbbox(text, anchor="ls")
        rx = x + dx
        runs.append(Run(text, font, (rx, baseline), (rx + l, baseline + t, rx + r, baseline + b), synthetic))
    l, t, r, b = line.bbox
    return TextBox(
        role, line.text, line.font, (x, baseline), (x + l, baseline + t, x + r, baseline + b), fill, tuple(runs)
    )


def _parse_color(value: str) -> tuple[int, int, int]:
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}|#[0-9A-Fa-f]{3}", value or ""):
        raise ValueError(f"camp_color must be a hex colour like '#D55E00', got {value!r}")
    return ImageColor.getrgb(value)[:3]


def _label_ink(color: tuple[int, int, int]) -> tuple[int, int, int]:
    """Black or white, whichever contrasts more with the chip colour (WCAG luminance)."""

    def channel(c: int) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * channel(color[0]) + 0.7152 * channel(color[1]) + 0.0722 * channel(color[2])
    return (0, 0, 0) if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else (255, 255, 255)


def _layout(spec: CardSpec) -> _Layout:
    if spec.lang not in ("ar", "en"):
        raise ValueError(f"lang must be 'ar' or 'en', got {spec.lang!r}")
    rtl = locale(spec.lang).rtl
    color = _parse_color(spec.camp_color)
    content = WIDTH - 2 * MARGIN
    boxes: list[TextBox] = []

    # Header: app name at the start edge, camp chip at the end edge.
    header_top = MARGIN
    _, app_lines = _fit(spec.app_name, range(26, 17, -2), True, rtl, content / 2, 1)
    app = app_lines[0]
    chip_pad_x, chip_pad_y, chip_gap = 16, 10, 40
    chip = None
    header_bottom = header_top - app.bbox[1] + app.bbox[3]
    if spec.camp_label.strip():
        label_width = content - _width(app) - chip_gap - 2 * chip_pad_x
        _, label_lines = _fit(spec.camp_label, range(24, 15, -2), True, rtl, label_width, 1)
        label = label_lines[0]
        chip_h = label.bbox[3] - label.bbox[1] + 2 * chip_pad_y
        chip_w = _width(label) + 2 * chip_pad_x
        chip_x0 = MARGIN if rtl else WIDTH - MARGIN - chip_w
        chip = (chip_x0, header_top, chip_x0 + chip_w, header_top + chip_h)
        label_baseline = header_top + chip_pad_y - label.bbox[1]
        boxes.append(_box(label, "camp_label", chip_x0 + chip_pad_x - label.bbox[0], label_baseline, _label_ink(color)))
        header_bottom = max(header_bottom, chip[3])
    app_baseline = (header_top + header_bottom) / 2 - (app.bbox[1] + app.bbox[3]) / 2
    boxes.insert(0, _place(app, "app_name", app_baseline, rtl, INK_SECONDARY))

    # Footer, bottom up: source line(s) end at the bottom margin.
    source_size, source_lines = _fit(spec.source_line, range(22, 15, -2), False, rtl, content, 2)
    source_pitch = _line_pitch(source_lines, source_size, 1.35)
    baseline = HEIGHT - MARGIN - source_lines[-1].bbox[3] if source_lines else HEIGHT - MARGIN
    source_boxes = []
    for line in reversed(source_lines):
        source_boxes.insert(0, _place(line, "source", baseline, rtl, INK_MUTED))
        baseline -= source_pitch
    footer_top = min((b.bbox[1] for b in source_boxes), default=HEIGHT - MARGIN)

    # Key figure with its qualifier, above the footer, next to a camp-colour accent bar.
    inset = ACCENT_WIDTH + ACCENT_GAP
    _figure_size, figure_lines = _fit_figure(spec.key_figure, content - inset, rtl)
    qualifier_size, qualifier_lines = _fit(spec.qualifier, range(30, 19, -2), False, rtl, content - inset, 2)
    qualifier_pitch = _line_pitch(qualifier_lines, qualifier_size, 1.35)
    baseline = footer_top - 34 - (qualifier_lines[-1].bbox[3] if qualifier_lines else 0)
    key_boxes = []
    for line in reversed(qualifier_lines):
        key_boxes.insert(0, _place(line, "qualifier", baseline, rtl, INK_SECONDARY, inset))
        baseline -= qualifier_pitch
    figure = figure_lines[0]
    figure_baseline = (min(b.bbox[1] for b in key_boxes) - 12 if key_boxes else footer_top - 34) - figure.bbox[3]
    key_boxes.insert(0, _place(figure, "key_figure", figure_baseline, rtl, INK, inset))
    key_top = min(b.bbox[1] for b in key_boxes)
    key_bottom = max(b.bbox[3] for b in key_boxes)
    accent_x0 = WIDTH - MARGIN - ACCENT_WIDTH if rtl else MARGIN
    accent = (accent_x0, key_top, accent_x0 + ACCENT_WIDTH, key_bottom)

    # Title fills the space between header and key figure.
    title_top = header_bottom + 34
    title_space = key_top - 34 - title_top
    title_pitch = 1.3 if rtl else 1.18
    title_size, title_lines = _fit(spec.title, range(60, 29, -2), True, rtl, content, 5, title_space, title_pitch)
    baseline = title_top - (title_lines[0].bbox[1] if title_lines else 0)
    for line in title_lines:
        boxes.append(_place(line, "title", baseline, rtl, INK))
        baseline += _line_pitch(title_lines, title_size, title_pitch)

    boxes.extend(key_boxes)
    boxes.extend(source_boxes)
    return _Layout(tuple(boxes), color, accent, chip)


def _fit_figure(text: str, width: float, rtl: bool) -> tuple[int, list[_Line]]:
    text = " ".join(text.split())
    for size in range(104, 39, -4):
        line = _measure(text, size, True, rtl, auto_dir=True)
        if _width(line) <= width:
            return size, [line]
    raise ValueError(f"key_figure {text!r} is too long for the card")


def layout_card(spec: CardSpec) -> list[TextBox]:
    """Every line render_card draws, in visual order, with its fonts, position and bbox."""
    return list(_layout(spec).boxes)


def render_card(spec: CardSpec) -> bytes:
    """The card as PNG bytes (1200x630, RGB)."""
    layout = _layout(spec)
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    # Pillow's rectangles include their right and bottom edges, hence the -1s.
    draw.rectangle((0, 0, WIDTH - 1, BAND_HEIGHT - 1), fill=layout.color)
    x0, y0, x1, y1 = (round(v) for v in layout.accent)
    draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=layout.color)
    if layout.chip:
        x0, y0, x1, y1 = (round(v) for v in layout.chip)
        draw.rounded_rectangle((x0, y0, x1 - 1, y1 - 1), radius=8, fill=layout.color)
    for box in layout.boxes:
        for run in box.runs:
            if run.synthetic:
                _draw_comparison(image, run.text, run.font, run.xy, box.fill)
            else:
                draw.text(run.xy, run.text, font=run.font, fill=box.fill, anchor="ls")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
