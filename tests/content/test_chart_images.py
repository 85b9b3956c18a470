"""techmoney/content/chart_images.py: each chart's figure as standalone SVG and PNG files.

The figure-side rules (isolates, fonts, sizes, keys) are checked without a browser; one module fixture
draws a few images of two charts in one Chromium session and the files are read back."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import plotly.graph_objects as go
import pytest
from PIL import Image

from techmoney.content import chart_images, charts
from techmoney.content.chart_images import FSI, PDI, ImageRequest, ImageStore
from techmoney.data.dataset import load_dataset
from techmoney.site.sitemap import CHART_IDS
from techmoney.site.url_state import CAMPS
from techmoney.words.bound import Words
from tests.conftest import DATA, drawn_or_skip

DATASET = load_dataset(DATA)
ARABIC = re.compile("[\u0600-\u06ff]")
SVG = "{http://www.w3.org/2000/svg}"


def _figure(chart_id: str, lang: str, camps: tuple[str, ...] = CAMPS):
    return charts.built_chart(Words(DATASET, lang), chart_id, camps).figure


def _shown_strings(spec: dict) -> list[str]:
    layout = spec["layout"]
    found = [layout["title"]["text"], layout["title"]["subtitle"]["text"]]
    found += [note["text"] for note in layout.get("annotations", [])]
    found += [
        text for key, axis in layout.items() if key.startswith(("xaxis", "yaxis")) for text in axis.get("ticktext", [])
    ]
    return found


def test_isolate_lines_wraps_each_arabic_line_alone():
    assert chart_images.isolate_lines("Source: CNBC") == "Source: CNBC", "a Latin line needs no isolate"
    text = "المصدر: تقرير CNBC.<br><b>«أموال التكنولوجيا»</b><br>2024"
    assert (
        chart_images.isolate_lines(text)
        == f"{FSI}المصدر: تقرير CNBC.{PDI}<br>{FSI}<b>«أموال التكنولوجيا»</b>{PDI}<br>2024"
    )
    assert chart_images.isolate_lines(chart_images.isolate_lines(text)) == chart_images.isolate_lines(text)


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_every_arabic_line_of_an_exported_figure_is_isolated_and_the_page_figure_is_untouched(chart_id):
    figure = _figure(chart_id, "ar")
    before = figure.to_dict()
    spec = chart_images.export_figure(figure, "svg")
    lines = [line for text in _shown_strings(spec) for line in re.split(r"<br>", text) if ARABIC.search(line)]
    assert lines, "an Arabic chart shows Arabic"
    assert all(line.startswith(FSI) and line.endswith(PDI) for line in lines)
    assert figure.to_dict() == before and FSI not in str(before), "the page's figure keeps its text"
    assert spec["layout"]["font"]["family"].startswith("Noto Sans, Noto Sans Arabic")


def test_downloads_leave_out_the_toolbar_band_and_the_first_screen_keeps_the_pages_box():
    figure = _figure("goal", "en")
    assert chart_images.export_figure(figure, "screen")["layout"]["height"] == figure.layout.height
    trimmed = chart_images.export_figure(figure, "png")["layout"]
    assert trimmed["height"] < figure.layout.height and trimmed["margin"]["t"] < figure.layout.margin.t
    assert trimmed["title"]["pad"]["t"] >= 0


@pytest.mark.parametrize("chart_id", CHART_IDS)
@pytest.mark.parametrize("canvas", [(1200, 630), (1080, 1080)])
def test_a_social_layout_fits_the_whole_figure_in_its_canvas(chart_id, canvas):
    height = chart_images.export_figure(_figure(chart_id, "ar"), "png")["layout"]["height"]
    width, scale = chart_images.social_layout(height, canvas)
    assert width * scale <= canvas[0] - 2 * chart_images.SOCIAL_PAD_PX + 1
    assert height * scale <= canvas[1] - 2 * chart_images.SOCIAL_PAD_PX + 1


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_panels_set_side_by_side_keep_their_heights_and_sides(lang):
    spec = chart_images.export_figure(_figure("flows", lang), "1200x630")
    columns = chart_images.in_columns(spec, rtl=lang == "ar")

    def heights(figure):
        layout = figure["layout"]
        plot = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
        return sorted(
            round((layout[key]["domain"][1] - layout[key]["domain"][0]) * plot, 3)
            for key in layout
            if re.fullmatch(r"yaxis\d*", key)
        )

    assert columns["layout"]["height"] < spec["layout"]["height"]
    assert heights(columns) == heights(spec)
    first, second = (
        chart_images._column_domains(columns, 1000)["layout"][key]["domain"] for key in ("xaxis", "xaxis2")
    )
    assert (first[0] > second[1]) == (lang == "ar"), "the first panel on the reading side"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_one_panel_chart_is_cut_between_two_bars_into_two_columns(lang):
    spec = chart_images.export_figure(_figure("allocation", lang), "1200x630")
    columns = chart_images.in_columns(spec, rtl=lang == "ar")
    layout = columns["layout"]
    (top_end, top_start), (rest_end, rest_start) = layout["yaxis"]["range"], layout["yaxis2"]["range"]
    assert top_start == 0 and top_end == rest_start and rest_end == spec["layout"]["yaxis"]["range"][0]
    centers, width = spec["data"][0]["y"], spec["data"][0]["width"]
    assert not any(c - width / 2 < top_end < c + width / 2 for c in centers), "no bar cut in two"
    assert 0 < sum(c < top_end for c in centers) < len(centers)
    assert len(columns["data"]) == 2 and columns["data"][1]["yaxis"] == "y2"
    assert layout["height"] < spec["layout"]["height"]


def test_an_image_is_keyed_by_what_it_draws():
    # Flows drawn for the pro-Harris camp alone and with the context camp added: the context camp adds no flow.
    keys = {
        camps: chart_images.image_key(ImageRequest(_figure("twins", "en", camps), "en", "svg"))
        for camps in [CAMPS, ("pro_trump",), ("pro_trump", "skeptic")]
    }
    assert len(set(keys.values())) == 1, "the camps do not change the twins chart while the twins are shown"
    svg, png = (chart_images.image_key(ImageRequest(_figure("twins", "en"), "en", kind)) for kind in ("svg", "png"))
    assert svg != png and svg.endswith(".svg") and png.endswith(".png")
    other = chart_images.image_key(ImageRequest(_figure("twins", "ar"), "ar", "svg"))
    assert other != svg


class _CountingRenderer:
    """Stands in for the browser: records what it is asked to draw and answers with blank images."""

    def __init__(self):
        self.drawn = []

    def draw(self, jobs):
        self.drawn += jobs
        out = []
        for job in jobs:
            if job.opts["format"] == "svg":
                out.append(f'<svg xmlns="http://www.w3.org/2000/svg" width="{job.opts["width"]}"></svg>'.encode())
            else:
                size = (round(job.opts["width"] * job.opts["scale"]), round(job.opts["height"] * job.opts["scale"]))
                buffer = io.BytesIO()
                Image.new("RGB", size, "white").save(buffer, "PNG")
                out.append(buffer.getvalue())
        return out


def test_a_batch_draws_each_distinct_image_once_and_a_stored_one_never_again(monkeypatch):
    subsets = [CAMPS, ("pro_trump",), ("pro_trump", "skeptic"), ("pro_harris",), ("pro_harris", "context")]
    requests = chart_images.every_request(DATASET, ["en"], subsets, screen_widths=())
    store, renderer = ImageStore(None), _CountingRenderer()
    images = chart_images.render_images(requests, renderer=renderer, store=store)
    distinct = {chart_images.image_key(r) for r in requests}
    assert len(images) == len(requests) and len(renderer.drawn) == len(distinct) <= len(requests) / 2
    monkeypatch.setenv(chart_images.BROWSER_ENV, "/nonexistent/chromium")
    assert chart_images.render_images(requests[:8], store=store) == images[:8], "no browser needed for stored images"


def test_without_chromium_drawing_says_so(monkeypatch, tmp_path):
    monkeypatch.setenv(chart_images.BROWSER_ENV, str(tmp_path / "no-chromium"))
    assert not chart_images.available()
    with pytest.raises(chart_images.ChromiumMissing, match="no Chromium"):
        chart_images.render_images([ImageRequest(_figure("goal", "en"), "en", "svg")], store=ImageStore(None))


# --- drawn by Chromium: one session for the module ---------------------------------------------------------

DRAWN = [("goal", "ar", kind) for kind in ("svg", "png", "1200x630", "1080x1080", "screen")] + [("flows", "en", "svg")]


@pytest.fixture(scope="module")
def drawn() -> dict[tuple[str, str, str], bytes]:
    requests = [ImageRequest(_figure(chart_id, lang), lang, kind) for chart_id, lang, kind in DRAWN]
    images = drawn_or_skip(lambda: chart_images.render_images(requests, store=ImageStore(None)))
    return dict(zip(DRAWN, images, strict=True))


def _texts(svg: bytes) -> tuple[ET.Element, list[str]]:
    root = ET.fromstring(svg)
    lines = []
    for text in root.iter(f"{SVG}text"):
        tspans = [t for t in text.iter(f"{SVG}tspan") if "line" in (t.get("class") or "")]
        lines += ["".join(t.itertext()) for t in tspans] or ["".join(text.itertext())]
    return root, lines


def test_an_arabic_svg_is_a_standalone_file_with_its_title_isolated_lines_and_fonts(drawn):
    root, lines = _texts(drawn["goal", "ar", "svg"])
    figure = _figure("goal", "ar")
    assert root.tag == f"{SVG}svg" and root.get("lang") == "ar" and root.get("role") == "img"
    assert root.findtext(f"{SVG}title") == charts.built_chart(Words(DATASET, "ar"), "goal", CAMPS).title
    assert (int(root.get("width")), int(root.get("height"))) == (chart_images.PAGE_WIDTH_PX, figure.layout.height - 24)
    arabic = [line for line in lines if ARABIC.search(line)]
    assert len(arabic) >= 8 and all(line.startswith(FSI) and line.endswith(PDI) for line in arabic)
    subtitle_end = [line for line in arabic if line.rstrip(PDI).endswith(".")]
    assert subtitle_end, "the subtitle's sentences end on a period, inside the isolate"
    style = root.findtext(f"{SVG}style")
    assert "font-family:'Noto Sans Arabic'" in style and "data:font/woff2;base64," in style


def test_an_english_chart_isolates_only_the_lines_that_quote_arabic():
    figure = go.Figure(
        layout={
            "title": {"text": "The translation says «لجنة العمل السياسي».<br>A second line"},
            "annotations": [{"text": "Plain English", "x": 0, "y": 0}],
        }
    )
    spec = chart_images.export_figure(figure)
    title_lines = spec["layout"]["title"]["text"].split("<br>")
    assert title_lines[0].startswith(FSI) and title_lines[0].endswith(PDI)
    assert FSI not in title_lines[1] and FSI not in spec["layout"]["annotations"][0]["text"]


def test_the_first_screens_svg_fills_the_pages_box_in_the_pages_fonts(drawn):
    root, _ = _texts(drawn["goal", "ar", "screen"])
    assert int(root.get("height")) == _figure("goal", "ar").layout.height
    assert root.find(f"{SVG}style") is None, "the page's own web fonts draw it"
    assert root.get("direction") == "ltr", "inside an Arabic page, text anchors keep Plotly's sides"


def test_pngs_are_twice_the_page_and_the_social_sizes_exactly(drawn):
    with Image.open(io.BytesIO(drawn["goal", "ar", "png"])) as png:
        assert png.format == "PNG" and png.size == (
            2 * chart_images.PAGE_WIDTH_PX,
            2 * (_figure("goal", "ar").layout.height - 24),
        )
    for kind, size in (("1200x630", (1200, 630)), ("1080x1080", (1080, 1080))):
        with Image.open(io.BytesIO(drawn["goal", "ar", kind])) as png:
            assert png.format == "PNG" and png.size == size
            corner, middle = png.getpixel((2, 2)), png.convert("L").crop((100, 100, size[0] - 100, size[1] - 100))
            assert corner == (255, 255, 255) and middle.getextrema()[0] < 100, "the chart drawn on white"
