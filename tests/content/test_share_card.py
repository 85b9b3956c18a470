"""Tests for techmoney/content/share_card.py; the rendered cards are kept in test-artifacts/cards/."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from bidi import get_display
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageStat, features

from techmoney.content.share_card import (
    BACKGROUND,
    BAND_HEIGHT,
    HEIGHT,
    MARGIN,
    STATIC_DIR,
    WIDTH,
    CardSpec,
    UnsupportedCharacterError,
    layout_card,
    render_card,
    visual_line,
)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "cards"

AR_SOURCE = "المصدر: CNBC، يوليو 2024 — ترجمة عربية"
AR_APP = "أموال التكنولوجيا 2024"

SPECS = {
    "ar_short": CardSpec(
        "ar",
        "شركات التكنولوجيا تضخ أموالاً في حملة 2024",
        "≥ $155,400",
        "حد أدنى، محسوب",
        "مؤيدو ترامب",
        "#D55E00",
        AR_SOURCE,
        AR_APP,
    ),
    "en_short": CardSpec(
        "en",
        "Tech companies pour money into the 2024 campaign",
        "≥ $155,400",
        "minimum, derived",
        "Pro-Trump",
        "#D55E00",
        "Source: CNBC, July 2024",
        "Tech Money 2024",
    ),
    "ar_long": CardSpec(
        "ar",
        "تبرعات قادة شركات التكنولوجيا الكبرى في وادي السيليكون لحملات الانتخابات الرئاسية الأمريكية "
        "لعام 2024 تجاوزت كل التوقعات وفق بيانات لجنة الانتخابات الفيدرالية التي نشرت في يوليو، بما في "
        "ذلك مساهمات ≥ $155,400 من مديرين تنفيذيين بارزين ومستثمرين في رأس المال المغامر وصناديق أخرى "
        "كثيرة لم يعلن عنها من قبل في أي تقرير رسمي أو صحفي حتى الآن",
        "+$100M",
        "متوقع",
        "",
        "#0072B2",
        AR_SOURCE + "، مع بيانات إضافية من لجنة الانتخابات الفيدرالية ومراجعة فريق التحرير لجميع الأرقام الواردة",
        AR_APP,
    ),
    "en_long": CardSpec(
        "en",
        "Silicon Valley executives and venture capitalists poured record sums into the 2024 presidential "
        "race, according to Federal Election Commission filings published in July, including contributions "
        "of at least $155,400 from prominent chief executives and well-known investors across the industry, "
        "far beyond what anyone had expected at the start of the year",
        "+$100M",
        "projected",
        "Pro-Harris",
        "#009E73",
        "Source: CNBC, July 2024; FEC filings; Tech Money 2024 analysis of individual contributions "
        "and super PAC reports, compiled and checked by the editorial team",
        "Tech Money 2024",
    ),
    "en_unbroken_word": CardSpec(
        "en",
        "Supercalifragilisticexpialidocious" * 4,
        "$1",
        "exact",
        "Pro-Harris-and-also-a-very-long-camp-label",
        "#F0E442",
        "Source",
        "Tech Money 2024",
    ),
}


def _image(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


@pytest.fixture(scope="module")
def rendered() -> dict[str, Image.Image]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    images = {}
    for name, spec in SPECS.items():
        png = render_card(spec)
        (ARTIFACTS / f"{name}.png").write_bytes(png)
        images[name] = _image(png)
    return images


def _is_presentation_form(ch: str) -> bool:
    return 0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF


# ------------------------------------------------------------------ output format


@pytest.mark.parametrize("name", list(SPECS))
def test_card_is_a_1200x630_rgb_png(rendered, name):
    image = rendered[name]
    assert image.format == "PNG"
    assert image.size == (1200, 630)
    assert image.mode == "RGB"


def test_render_is_deterministic():
    assert render_card(SPECS["ar_short"]) == render_card(SPECS["ar_short"])


# --------------------------------------------------------------- shaping and bidi


def test_visual_line_uses_joined_presentation_forms():
    visual = visual_line("شركات التكنولوجيا")
    letters = [ch for ch in visual if ch != " "]
    assert all(_is_presentation_form(ch) for ch in letters), visual
    # Joining letters really get their joining forms, not only isolated ones.
    names = {unicodedata.name(ch) for ch in letters}
    assert any(n.endswith("INITIAL FORM") for n in names)
    assert any(n.endswith("MEDIAL FORM") for n in names)


def test_visual_line_is_in_visual_order():
    visual = visual_line("شركات")
    # The first logical letter (sheen, joined to the next) is drawn at the right end.
    assert unicodedata.name(visual[-1]) == "ARABIC LETTER SHEEN INITIAL FORM"
    # The last logical letters (alef, then teh, which alef cannot join) are at the left end.
    assert unicodedata.name(visual[0]) == "ARABIC LETTER TEH ISOLATED FORM"
    assert unicodedata.name(visual[1]) == "ARABIC LETTER ALEF FINAL FORM"


@pytest.mark.parametrize(
    "logical, unit",
    [
        ("تبرعات ≥ $155,400 من مديرين", "≥ $155,400"),
        ("تبرعات $155,400 من مديرين", "$155,400"),
        ("تمويل و+$100M متوقع", "+$100M"),
        ("بين 2020-2024 فقط", "2020-2024"),
        ("نسبة 12.5% من التبرعات", "12.5%"),
    ],
)
def test_numbers_keep_their_order_inside_arabic(logical, unit):
    visual = visual_line(logical, rtl=True)
    assert unit in visual
    # ...and the Arabic around it is reordered: the first logical word ends up at the right.
    first_word = visual_line(logical.split(" ")[0], rtl=True)
    assert visual.endswith(first_word)


def test_visual_line_drops_bidi_controls():
    visual = visual_line("\u200fتبرعات $155,400\u200f", rtl=True)
    assert not any(unicodedata.category(ch) == "Cf" for ch in visual)


# ------------------------------------------------------------------------ layout


@pytest.mark.parametrize("name", list(SPECS))
def test_every_text_box_lies_inside_the_margins(name):
    boxes = layout_card(SPECS[name])
    assert boxes
    for box in boxes:
        for left, top, right, bottom in [box.bbox, *(run.bbox for run in box.runs)]:
            assert left >= MARGIN and right <= WIDTH - MARGIN, (box.role, box.text, box.bbox)
            assert top >= MARGIN and bottom <= HEIGHT - MARGIN, (box.role, box.text, box.bbox)


@pytest.mark.parametrize("name", list(SPECS))
def test_text_boxes_do_not_overlap(name):
    boxes = layout_card(SPECS[name])
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            disjoint = (
                a.bbox[2] <= b.bbox[0] or b.bbox[2] <= a.bbox[0] or a.bbox[3] <= b.bbox[1] or b.bbox[3] <= a.bbox[1]
            )
            assert disjoint, (a.role, a.text, a.bbox, b.role, b.text, b.bbox)


@pytest.mark.parametrize("name", list(SPECS))
def test_nothing_is_drawn_in_the_margins(rendered, name):
    """Pixel check: outside the content area only the full-bleed top band may be painted."""
    image = rendered[name]
    frame = Image.new("RGB", image.size, BACKGROUND)
    frame.paste(image.crop((0, 0, WIDTH, BAND_HEIGHT)), (0, 0))
    frame.paste(image.crop((MARGIN, MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN)), (MARGIN, MARGIN))
    assert ImageChops.difference(image, frame).getbbox() is None


@pytest.mark.parametrize("name", ["ar_short", "ar_long"])
def test_arabic_lines_are_right_aligned(name):
    for box in layout_card(SPECS[name]):
        if box.role in ("title", "source", "app_name"):
            assert box.bbox[2] == WIDTH - MARGIN, (box.role, box.bbox)
            assert box.bbox[0] > MARGIN or box.role == "title", (box.role, box.bbox)


@pytest.mark.parametrize("name", ["en_short", "en_long"])
def test_english_lines_are_left_aligned(name):
    for box in layout_card(SPECS[name]):
        if box.role in ("title", "source", "app_name"):
            assert box.bbox[0] == MARGIN, (box.role, box.bbox)


def test_long_title_is_wrapped_and_short_title_is_not():
    long_titles = [b for b in layout_card(SPECS["ar_long"]) if b.role == "title"]
    short_titles = [b for b in layout_card(SPECS["en_short"]) if b.role == "title"]
    assert len(long_titles) >= 3
    assert len(short_titles) <= 2
    assert long_titles[0].font.size < short_titles[0].font.size  # shrunk to fit


def test_figure_and_qualifier_are_drawn_as_given():
    boxes = {b.role: b for b in layout_card(SPECS["ar_short"])}
    assert boxes["key_figure"].text == "≥ $155,400"
    assert boxes["qualifier"].text == visual_line("حد أدنى، محسوب", rtl=True)
    assert boxes["camp_label"].text == visual_line("مؤيدو ترامب", rtl=True)
    assert "camp_label" not in {b.role for b in layout_card(SPECS["ar_long"])}  # empty label: no chip


def _notdef(font: ImageFont.FreeTypeFont) -> bytes:
    return _glyph(font, "\U0010fffd")


def _glyph(font: ImageFont.FreeTypeFont, ch: str) -> bytes:
    image = Image.new("L", (3 * font.size, 3 * font.size))
    ImageDraw.Draw(image).text((font.size, 2 * font.size), ch, font=font, fill=255, anchor="ls")
    return image.tobytes()


@pytest.mark.parametrize("name", list(SPECS))
def test_no_character_is_drawn_as_a_missing_glyph_box(name):
    for box in layout_card(SPECS[name]):
        for run in box.runs:
            if run.synthetic:
                assert run.text in "≥≤"
                continue
            notdef = _notdef(run.font)
            for ch in run.text:
                assert _glyph(run.font, ch) != notdef, (box.role, ch, Path(run.font.path).name)


def test_unsupported_characters_are_rejected():
    spec = CardSpec("en", "Chinese 中文", "$1", "", "", "#000000", "", "Tech Money 2024")
    with pytest.raises(UnsupportedCharacterError):
        render_card(spec)


@pytest.mark.parametrize("field, value", [("lang", "fr"), ("camp_color", "orange"), ("camp_color", "#12345")])
def test_invalid_spec_is_rejected(field, value):
    spec = CardSpec(**{**SPECS["en_short"].__dict__, field: value})
    with pytest.raises(ValueError):
        render_card(spec)


# ------------------------------------------------------------------------ pixels


@pytest.mark.parametrize("name", list(SPECS))
def test_camp_colour_appears_in_the_pixels(rendered, name):
    color = tuple(int(SPECS[name].camp_color[i : i + 2], 16) for i in (1, 3, 5))
    count = dict((c, n) for n, c in rendered[name].getcolors(WIDTH * HEIGHT)).get(color, 0)
    assert count >= WIDTH * BAND_HEIGHT  # at least the band


def test_a_different_camp_colour_changes_the_pixels():
    other = CardSpec(**{**SPECS["ar_short"].__dict__, "camp_color": "#0072B2"})
    image = _image(render_card(other))
    colours = {c for _, c in image.getcolors(WIDTH * HEIGHT)}
    assert (213, 94, 0) not in colours
    assert (0, 114, 178) in colours


@pytest.mark.parametrize("name", list(SPECS))
def test_card_is_not_blank(rendered, name):
    gray = rendered[name].convert("L")
    dark = sum(gray.histogram()[:100])
    assert dark > 5000  # text ink, not just the band


def test_arabic_and_english_cards_differ(rendered):
    difference = ImageChops.difference(rendered["ar_short"], rendered["en_short"])
    assert ImageStat.Stat(difference.convert("L")).mean[0] > 5


# --------------------------------------------------------- agreement with libraqm

RAQM_PHRASES = [
    "مؤيدو ترامب",
    "حد أدنى، محسوب",
    "المصدر ترجمة عربية",
    "شركات التكنولوجيا تضخ أموالا في حملة",
    "أموال التكنولوجيا في الانتخابات الأمريكية",
]
# Blurred mean absolute difference (0-255) after scaling to the same ink box. Correct shaping
# measures 2.5-8.5 here; unshaped or unreordered text measures 35-50.
RAQM_BOUND = 15


def _ink(font: ImageFont.FreeTypeFont, text: str, **kwargs) -> Image.Image:
    image = Image.new("L", (1600, 200))
    ImageDraw.Draw(image).text((40, 130), text, font=font, fill=255, anchor="ls", **kwargs)
    return image.crop(image.getbbox())


def _raqm_distance(ours: Image.Image, reference: Image.Image) -> float:
    scaled = reference.resize(ours.size, Image.Resampling.BILINEAR)
    a = ours.filter(ImageFilter.GaussianBlur(2))
    b = scaled.filter(ImageFilter.GaussianBlur(2))
    return ImageStat.Stat(ImageChops.difference(a, b)).mean[0]


@pytest.fixture(scope="module")
def arabic_fonts():
    if not features.check("raqm"):
        pytest.skip("libraqm is not available, so there is no reference shaping to compare with")
    path = str(STATIC_DIR / "NotoSansArabic-Regular.ttf")
    return (
        ImageFont.truetype(path, 48, layout_engine=ImageFont.Layout.BASIC),
        ImageFont.truetype(path, 48, layout_engine=ImageFont.Layout.RAQM),
    )


@pytest.mark.parametrize("phrase", RAQM_PHRASES)
def test_basic_rendering_matches_raqm(arabic_fonts, phrase):
    basic, raqm = arabic_fonts
    ours = _ink(basic, visual_line(phrase))
    reference = _ink(raqm, phrase, direction="rtl")
    assert abs(ours.width - reference.width) <= max(4, 0.01 * reference.width)
    assert abs(ours.height - reference.height) <= 2
    assert _raqm_distance(ours, reference) < RAQM_BOUND


@pytest.mark.parametrize("phrase", RAQM_PHRASES)
def test_raqm_comparison_detects_missing_shaping(arabic_fonts, phrase):
    """Control for the test above: reordering without reshaping must exceed the bound."""
    basic, raqm = arabic_fonts
    reference = _ink(raqm, phrase, direction="rtl")
    unshaped = _ink(basic, get_display(phrase))
    assert _raqm_distance(unshaped, reference) > RAQM_BOUND
