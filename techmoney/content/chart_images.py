"""Each chart as a standalone image: SVG and PNG drawn from the figure the page shows, by Debian's
Chromium through kaleido.

The first screen shows the charts before the app arrives, and every chart is a download for print and
social posts. An image is the page's own figure with what a file outside the page needs and the page
does not:

- **Direction.** The page lets each SVG text take its base direction from its first strong letter
  (``unicode-bidi: plaintext`` in static/app.css). A file has no such style, so Arabic lines would be
  laid out left to right, their final period and closing quote on the wrong end. Here each line with
  right-to-left letters is wrapped in FSI … PDI (U+2068, U+2069): the same rule, written into the text.
- **Fonts.** Drawn in the project's Noto faces (static/*.ttf), never a system font: Chromium is pointed
  at static/ by a fontconfig file, so the PNGs (which Plotly rasterises from an SVG image, where web
  fonts cannot load) use them; a standalone SVG carries the app's web-font subsets (static/fonts) inside
  it. The families are listed Latin first in the copy, which picks for each letter the face the page's
  ``unicode-range`` picks.
- **Size.** Plotly's toolbar band above the title is left out of downloads; the first screen's image
  (``screen``) keeps it, to fill the interactive chart's box exactly. Social sizes draw the figure at
  the width whose shape best fills the canvas, scaled, centred on white: nothing is cut. A chart too
  tall for 1200×630 is set in two columns (its panels, or one panel cut between two bars) when that
  draws it at least COLUMNS_GAIN times larger.

Many images are drawn in one browser session (:class:`ImageRenderer`), each once: an image is keyed by
a digest of what it is drawn from (the figure's content, the kind, the width, the renderer), so a chart
the camps do not change is drawn once, and a key drawn in an earlier run is read from the store
(``$TECH_MONEY_CACHE_DIR/chart-images``, default ``.cache/``). Without Chromium, :class:`ChromiumMissing`
says so and the caller keeps its placeholders.
"""

from __future__ import annotations

import asyncio
import base64
import copy
import functools
import hashlib
import html
import io
import json
import logging
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import plotly
import plotly.graph_objects as go
from PIL import Image

from techmoney.content import page_content
from techmoney.content.chart_layout import EDGE_PX, FONT_FAMILY, TOOLBAR_PX
from techmoney.data.dataset import Dataset
from techmoney.site.sitemap import CHART_IDS
from techmoney.words.locale import locale

_LOG = logging.getLogger("tech_money")
ROOT = Path(__file__).resolve().parents[2]
STATIC_DIR = ROOT / "static"
BROWSER_ENV = "BROWSER_PATH"  # choreographer's own variable (kaleido's browser); README: Downloads
DEFAULT_BROWSER = "/usr/bin/chromium"
STORE_ENV = "TECH_MONEY_CACHE_DIR"
DEFAULT_STORE = ROOT / ".cache"

# A chart's width on the page in a 1280 px desktop window (the main column beside the sidebar): the
# width of the SVG download; the PNG is twice that, as Plotly's own camera button gives it at 1x.
PAGE_WIDTH_PX = 820
PNG_SCALE = 2
SOCIAL_PAD_PX = 32  # the canvas's white border around the chart
SOCIAL_WIDTHS_PX = (400, 1000)  # the narrowest and widest figure a social image draws (CSS pixels)
COLUMNS_GAIN = 1.25  # a landscape image sets a tall chart's panels side by side when that draws it this much larger


@dataclass(frozen=True)
class Kind:
    name: str
    extension: str
    media_type: str
    scale: float = 1
    canvas: tuple[int, int] | None = None  # social sizes: the image's size in pixels
    download: bool = True  # a file of its own: the toolbar band left out, fonts inside an SVG


KINDS = {
    kind.name: kind
    for kind in (
        Kind("svg", "svg", "image/svg+xml"),
        Kind("png", "png", "image/png", scale=PNG_SCALE),
        Kind("1200x630", "png", "image/png", canvas=(1200, 630)),
        Kind("1080x1080", "png", "image/png", canvas=(1080, 1080)),
        # The first screen's image: the page's box (toolbar band kept), drawn in the page's own web fonts.
        Kind("screen", "svg", "image/svg+xml", download=False),
    )
}
DOWNLOAD_KINDS = tuple(name for name, kind in KINDS.items() if kind.download)


class ChromiumMissing(RuntimeError):
    """No Chromium to draw with (or it would not start): the caller keeps its placeholders."""


@dataclass(frozen=True)
class ImageRequest:
    """One image of one figure. ``width``: the figure's width in CSS pixels (svg, png, screen; a social
    size chooses its own)."""

    figure: go.Figure
    lang: str
    kind: str = "svg"
    width: int = PAGE_WIDTH_PX

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown image kind {self.kind!r}; one of {', '.join(KINDS)}")


# --- the figure a file is drawn from -------------------------------------------------------------------------

_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")  # right-to-left letters (escapes: re reads them)
_BREAK = re.compile(r"(<br\s*/?>)", re.IGNORECASE)
FSI, PDI = "\u2068", "\u2069"
EXPORT_FONTS = "Noto Sans, Noto Sans Arabic, sans-serif"


def isolate_lines(text: str) -> str:
    """Each line (Plotly's ``<br>``) that holds right-to-left letters, as a first-strong isolate."""
    return "".join(
        part if _BREAK.fullmatch(part) or not _RTL.search(part) or part.startswith(FSI) else f"{FSI}{part}{PDI}"
        for part in _BREAK.split(text)
    )


def _standalone(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _standalone(v, k) for k, v in value.items() if k != "customdata"}  # hover text: not drawn
    if isinstance(value, list):
        return [_standalone(v, key) for v in value]
    if isinstance(value, str):
        if key in ("text", "ticktext"):
            return isolate_lines(value)
        if key == "family" and value == FONT_FAMILY:
            return EXPORT_FONTS
    return value


# Streamlit's frontend themes every chart it draws (its Plotly template, applied in the browser): the title bold
# in the theme's text colour, tick labels the figure leaves uncoloured in its faded grey. A file is drawn
# without that frontend, so it is given the same here (tests/e2e/test_first_paint.py reads them in the app).
THEME_TITLE_COLOR = "rgb(47, 45, 43)"
THEME_TICK_COLOR = "rgb(128, 132, 149)"
_AXIS = re.compile(r"[xy]axis\d*")


def _as_streamlit_draws(spec: dict) -> dict:
    layout = spec.setdefault("layout", {})
    title = layout.get("title")
    if isinstance(title, dict) and title.get("text"):
        title["text"] = f"<b>{title['text']}</b>"
        title.setdefault("font", {}).setdefault("color", THEME_TITLE_COLOR)
    for key, axis in layout.items():
        if _AXIS.fullmatch(key) and isinstance(axis, dict):
            axis.setdefault("tickfont", {}).setdefault("color", THEME_TICK_COLOR)
    return spec


def export_figure(figure: go.Figure, kind: str = "svg") -> dict:
    """The figure's dict as a file draws it (the page's figure is left as it is): as Streamlit draws it, each
    Arabic line isolated, in the export's fonts; a download without the toolbar's band."""
    spec = _standalone(_as_streamlit_draws(copy.deepcopy(figure.to_dict())))
    layout = spec.setdefault("layout", {})
    margin, title = layout.get("margin", {}), layout.get("title", {})
    pad = title.get("pad", {})
    band = TOOLBAR_PX - EDGE_PX  # a file keeps an edge's worth of white above the title
    if KINDS[kind].download and margin.get("t", 0) > band and pad.get("t", 0) >= band:
        margin["t"] -= band
        pad["t"] -= band
        layout["height"] = layout["height"] - band
    layout.pop("modebar", None)
    return spec


def _title_text(spec: dict) -> str:
    title = spec.get("layout", {}).get("title", {})
    text = title.get("text", "") if isinstance(title, dict) else str(title)
    return html.unescape(re.sub(r"<[^>]+>", " ", _BREAK.sub(" ", text))).replace(FSI, "").replace(PDI, "").strip()


def social_layout(height: float, canvas: tuple[int, int]) -> tuple[int, float]:
    """(figure width in CSS pixels, scale) that fit a figure of ``height`` in ``canvas``: as wide as the
    canvas's shape asks, within SOCIAL_WIDTHS_PX, then as large as fits."""
    room_w, room_h = canvas[0] - 2 * SOCIAL_PAD_PX, canvas[1] - 2 * SOCIAL_PAD_PX
    narrowest, widest = SOCIAL_WIDTHS_PX
    width = int(min(max(room_w * height / room_h, narrowest), widest))
    return width, min(room_w / width, room_h / height)


def _panels(layout: dict) -> list[tuple[str, str, list[float]]]:
    """(y axis key, x axis key, y domain) of each panel, top first; empty unless the figure has several."""
    panels = []
    for key, axis in layout.items():
        if re.fullmatch(r"yaxis\d*", key) and isinstance(axis, dict) and axis.get("domain") and axis.get("anchor"):
            x_key = "xaxis" + axis["anchor"][1:]
            if isinstance(layout.get(x_key), dict):
                panels.append((key, x_key, list(axis["domain"])))
    return sorted(panels, key=lambda panel: -panel[2][1]) if len(panels) > 1 else []


_LINE_PX = 18  # a label line (chart_layout.LINE_PX at the label size): the height of a label's line


def _free_split(spec: dict) -> float | None:
    """A height (the y axis's pixels) near the middle of a one-panel chart that no bar, label or line
    crosses, or None."""
    layout = spec["layout"]
    taken = []
    for trace in spec.get("data", []):
        if trace.get("yaxis", "y") == "y" and trace.get("type") == "bar":
            widths = trace.get("width") or 0
            for index, y in enumerate(trace.get("y", [])):
                half = (widths[index] if isinstance(widths, list) else widths) / 2
                taken.append((y - half, y + half))
    for note in layout.get("annotations", []):
        if note.get("yref") == "y":
            lines = note.get("text", "").count("<br>") + 1
            height = lines * _LINE_PX
            anchor = note.get("yanchor", "middle")
            top = note["y"] - height if anchor == "bottom" else note["y"] if anchor == "top" else note["y"] - height / 2
            taken.append((top, top + height))
    for shape in layout.get("shapes", []):
        if shape.get("yref") == "y":
            taken.append(tuple(sorted((shape["y0"], shape["y1"]))))
    if not taken:
        return None
    taken.sort()
    gaps, reach = [], taken[0][1]
    for start, end in taken[1:]:
        if start > reach:
            gaps.append((reach + start) / 2)
        reach = max(reach, end)
    middle = (taken[0][0] + reach) / 2
    return min(gaps, key=lambda gap: abs(gap - middle)) if gaps else None


def _split_panel(spec: dict) -> dict | None:
    """A one-panel chart whose y axis counts pixels (chart_layout's), drawn twice: the top part in one
    panel and the rest in another, so :func:`in_columns` can set them side by side."""
    layout = spec["layout"]
    y_axis = layout.get("yaxis", {})
    y_range = y_axis.get("range")
    if _panels(layout) or not y_range or y_range[1] != 0 or any(re.fullmatch(r"[xy]axis\d+", key) for key in layout):
        return None
    split = _free_split(spec)
    if split is None:
        return None
    out = copy.deepcopy(spec)
    layout = out["layout"]
    plot = y_range[0]
    layout["xaxis"] = {**layout.get("xaxis", {}), "anchor": "y"}
    layout["xaxis2"] = {**layout["xaxis"], "anchor": "y2"}
    layout["yaxis"] = {**y_axis, "range": [split, 0], "domain": [1 - split / plot, 1.0], "anchor": "x"}
    layout["yaxis2"] = {**y_axis, "range": [plot, split], "domain": [0.0, 1 - split / plot], "anchor": "x2"}
    out["data"] = out.get("data", []) + [{**trace, "xaxis": "x2", "yaxis": "y2"} for trace in out.get("data", [])]
    copies = []
    for note in layout.get("annotations", []):
        if note.get("yref") == "y":
            if note.get("xref") == "paper":
                note["xref"] = "x domain"
            copies.append({**note, "yref": "y2", "xref": note["xref"].replace("x", "x2", 1)})
    layout["annotations"] = layout.get("annotations", []) + copies
    shapes = [
        {**shape, "yref": "y2", "xref": shape.get("xref", "x").replace("x", "x2", 1)}
        for shape in layout.get("shapes", [])
        if shape.get("yref") == "y"
    ]
    layout["shapes"] = layout.get("shapes", []) + shapes
    # the x axis's ticks stay under the first part, which now ends above the plot's bottom
    return out


def in_columns(spec: dict, rtl: bool) -> dict | None:
    """The figure's panels in two columns, the first on the reading side (a landscape social image of a
    tall chart); None for a figure of one panel. Each panel keeps its pixel height, its text and its marks
    (all placed relative to the panel's axes); only the axes' domains and the figure's height change."""
    layout = spec["layout"]
    panels = _panels(layout)
    if not panels:
        split = _split_panel(spec)
        return None if split is None else in_columns(split, rtl)
    margin = layout["margin"]
    plot = layout["height"] - margin["t"] - margin["b"]
    tops = [(1 - domain[1]) * plot for _, _, domain in panels]
    split = min(range(1, len(panels)), key=lambda k: max(tops[k], plot - tops[k]))
    column_px = max(tops[split], plot - tops[split])
    out = copy.deepcopy(spec)
    layout = out["layout"]
    gap = max(margin["l"], margin["r"]) + 2 * EDGE_PX  # room for a time line's ticks beside the inner column
    layout["meta"] = {"columns_gap_px": gap}
    for number, ((y_key, x_key, domain), top) in enumerate(zip(panels, tops, strict=True)):
        second = number >= split
        shift = tops[split] if second else 0
        bottom = (1 - domain[0]) * plot
        layout[y_key]["domain"] = [max(0.0, 1 - (bottom - shift) / column_px), min(1.0, 1 - (top - shift) / column_px)]
        layout[x_key]["domain"] = ("right" if second != rtl else "left", gap)
    layout["height"] = layout["height"] - plot + column_px
    return out


def _column_domains(spec: dict, width: float) -> dict:
    """The x domains of :func:`in_columns` for a figure ``width`` pixels wide."""
    layout = spec["layout"]
    plot_w = width - layout["margin"]["l"] - layout["margin"]["r"]
    for key, axis in layout.items():
        if key.startswith("xaxis") and isinstance(axis.get("domain"), tuple):
            side, gap = axis["domain"]
            half = max(0.0, 0.5 - gap / 2 / plot_w)
            axis["domain"] = [0.0, half] if side == "left" else [1 - half, 1.0]
    layout.pop("meta", None)
    return spec


@dataclass(frozen=True)
class _Job:
    key: str
    kind: Kind
    spec: dict
    opts: dict
    lang: str


@functools.cache
def _renderer_fingerprint() -> str:
    """What else decides an image's pixels: the code that draws it, plotly.js and the fonts."""
    digest = hashlib.sha256()
    for path in (Path(__file__), *sorted(STATIC_DIR.glob("*.ttf")), *sorted((STATIC_DIR / "fonts").glob("*.woff2"))):
        digest.update(path.read_bytes())
    digest.update(plotly.__version__.encode())
    try:
        digest.update(metadata.version("kaleido").encode())
    except metadata.PackageNotFoundError:
        digest.update(b"no kaleido")  # said when a browser is asked for
    return digest.hexdigest()


def _job(request: ImageRequest) -> _Job:
    kind = KINDS[request.kind]
    spec = export_figure(request.figure, request.kind)
    if kind.canvas:
        width, scale = social_layout(spec["layout"]["height"], kind.canvas)
        columns = in_columns(spec, locale(request.lang).rtl) if kind.canvas[0] > kind.canvas[1] and scale < 1 else None
        if columns is not None:
            _, column_scale = social_layout(columns["layout"]["height"], kind.canvas)
            column_width = int((kind.canvas[0] - 2 * SOCIAL_PAD_PX) / column_scale)  # two columns: the whole width
            if column_scale >= COLUMNS_GAIN * scale:
                spec, width, scale = _column_domains(columns, column_width), column_width, column_scale
    else:
        width, scale = request.width, kind.scale
    opts = {"format": kind.extension, "width": width, "height": spec["layout"]["height"], "scale": scale}
    body = json.dumps([spec, opts, kind.name, request.lang], sort_keys=True, ensure_ascii=True, default=str)
    key = hashlib.sha256((_renderer_fingerprint() + body).encode()).hexdigest()[:32]
    return _Job(key, kind, spec, opts, request.lang)


def image_key(request: ImageRequest) -> str:
    """The image's name by content (with its extension): equal for every request that draws the same."""
    job = _job(request)
    return f"{job.key}.{job.kind.extension}"


# --- after drawing ------------------------------------------------------------------------------------------

_FACES = (  # family, file, weight, unicode-range (static/head.css: the page's faces)
    (
        "Noto Sans Arabic",
        "NotoSansArabic-Regular.woff2",
        400,
        "U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF, U+200C-200F",
    ),
    (
        "Noto Sans Arabic",
        "NotoSansArabic-Bold.woff2",
        700,
        "U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF, U+200C-200F",
    ),
    ("Noto Sans", "NotoSans-Regular.woff2", 400, ""),
    ("Noto Sans", "NotoSans-Bold.woff2", 700, ""),
)
_BOLD = re.compile(r"font-weight:\s*(bold|[6-9]00)")


@functools.cache
def _face_css(file: str) -> str:
    family, _, weight, ranges = next(face for face in _FACES if face[1] == file)
    data = base64.b64encode((STATIC_DIR / "fonts" / file).read_bytes()).decode()
    extra = f"unicode-range:{ranges};" if ranges else ""
    return (
        f"@font-face{{font-family:'{family}';src:url(data:font/woff2;base64,{data}) format('woff2');"
        f"font-weight:{weight};{extra}}}"
    )


def finish_svg(svg: str, title: str, lang: str, fonts: bool) -> str:
    """Plotly's SVG with its title (for screen readers and file viewers), language, direction and, for a
    file, the faces it uses."""
    head = f"<title>{html.escape(title, quote=False)}</title>"
    if fonts:
        bold = bool(_BOLD.search(svg))
        arabic = bool(_RTL.search(svg))
        used = [face[1] for face in _FACES if (arabic or face[0] != "Noto Sans Arabic") and (bold or face[2] == 400)]
        head += "<style>" + "".join(_face_css(file) for file in used) + "</style>"
    start = svg.index("<svg") + len("<svg")
    tag_end = svg.index(">", start) + 1
    lang = html.escape(lang)
    # direction="ltr": Plotly anchors text for a left-to-right context; inside an Arabic page an inherited
    # rtl would swap each text's start and end (the lines' own direction is in their isolates).
    attrs = f' role="img" lang="{lang}" xml:lang="{lang}" direction="ltr"'
    return svg[:start] + attrs + svg[start:tag_end] + head + svg[tag_end:]


def compose(png: bytes, canvas: tuple[int, int]) -> bytes:
    """A drawn figure centred on a white canvas of exactly ``canvas`` pixels."""
    with Image.open(io.BytesIO(png)) as drawn:
        figure = drawn.convert("RGB")
    if figure.width > canvas[0] or figure.height > canvas[1]:  # rounding: never more than a pixel or two
        figure.thumbnail(canvas)
    card = Image.new("RGB", canvas, "white")
    card.paste(figure, ((canvas[0] - figure.width) // 2, (canvas[1] - figure.height) // 2))
    out = io.BytesIO()
    card.save(out, "PNG", optimize=True)
    return out.getvalue()


def _finish(job: _Job, drawn: bytes) -> bytes:
    if job.kind.extension == "svg":
        text = drawn.decode() if isinstance(drawn, bytes) else drawn
        return finish_svg(text, _title_text(job.spec), job.lang, fonts=job.kind.download).encode()
    if job.kind.canvas:
        return compose(drawn, job.kind.canvas)
    return drawn


# --- the browser ----------------------------------------------------------------------------------------------


def chromium_path() -> str:
    """The Chromium kaleido drives: ``$BROWSER_PATH`` if set, else Debian's; ChromiumMissing if neither."""
    path = os.environ.get(BROWSER_ENV) or DEFAULT_BROWSER
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        found = shutil.which("chromium")
        if found is None or os.environ.get(BROWSER_ENV):
            raise ChromiumMissing(
                f"no Chromium at {path} (set {BROWSER_ENV} or install Debian's chromium): chart images cannot be drawn"
            )
        path = found
    return path


def available() -> bool:
    try:
        chromium_path()
    except ChromiumMissing:
        return False
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return False
    return True


def _fontconfig(folder: Path) -> Path:
    """A fontconfig file that puts the project's faces before the system's (kept for the glyphs ours lack,
    as on the page: the minus sign, ≥)."""
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{html.escape(str(STATIC_DIR))}</dir>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <cachedir>{html.escape(str(folder / 'cache'))}</cachedir>\n</fontconfig>\n"
    )
    return conf


class ImageRenderer:
    """One Chromium, opened once, drawing batches of images on ``tabs`` tabs at once.

    ``with ImageRenderer() as renderer: renderer.render(requests)``. Thread-safe: the browser runs in a
    thread of its own with its event loop; callers wait for their batch.
    """

    def __init__(self, tabs: int = 2, timeout_s: float = 60):
        self._tabs, self._timeout = tabs, timeout_s
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None
        self._folder: tempfile.TemporaryDirectory | None = None
        self._lock = threading.Lock()

    def open(self) -> ImageRenderer:
        path = chromium_path()
        try:
            import kaleido
            from choreographer.browsers.chromium import Chromium
        except ImportError as err:
            raise ChromiumMissing(f"kaleido is not installed ({err}): chart images cannot be drawn") from err
        self._folder = tempfile.TemporaryDirectory(prefix="tech-money-images-")
        conf = str(_fontconfig(Path(self._folder.name)))

        class _Chromium(Chromium):
            def get_env(self):
                return {**super().get_env(), "FONTCONFIG_FILE": conf}

        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="chart-images", daemon=True)
        self._thread.start()

        async def start():
            browser = kaleido.Kaleido(
                n=self._tabs, timeout=self._timeout, mathjax=False, path=path, browser_cls=_Chromium
            )
            await browser.open()
            return browser

        try:
            self._kaleido = self._call(start())
        except Exception as err:
            self.close()
            raise ChromiumMissing(f"Chromium at {path} did not start: {err}") from err
        return self

    def _call(self, coroutine) -> Any:
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    def close(self) -> None:
        if self._kaleido is not None:
            try:
                self._call(self._kaleido.close())
            finally:
                self._kaleido = None
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            if self._thread is not None:
                self._thread.join(timeout=10)
            self._loop.close()
            self._loop = None
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def __enter__(self) -> ImageRenderer:
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    def draw(self, jobs: Sequence[_Job]) -> list[bytes]:
        """Plotly's output for each job, drawn concurrently on the tabs."""
        if self._kaleido is None:
            raise RuntimeError("ImageRenderer is not open")

        async def batch():
            return await asyncio.gather(*(self._kaleido.calc_fig(job.spec, opts=job.opts) for job in jobs))

        with self._lock:
            return self._call(batch())

    def render(self, requests: Iterable[ImageRequest], store: ImageStore | None = None) -> list[bytes]:
        """Each request's image, in order; each distinct image drawn once, and only if ``store`` (default:
        the shared one) does not hold it yet."""
        return render_images(requests, renderer=self, store=store)


# --- the store ----------------------------------------------------------------------------------------------


class ImageStore:
    """Images by key, in memory and in a folder (content-addressed: a file there never goes stale)."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._memory: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def get(self, name: str) -> bytes | None:
        with self._lock:
            found = self._memory.get(name)
        if found is None and self.folder is not None and (self.folder / name).is_file():
            found = (self.folder / name).read_bytes()
            with self._lock:
                self._memory[name] = found
        return found

    def put(self, name: str, content: bytes) -> None:
        with self._lock:
            self._memory[name] = content
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                partial = self.folder / f".{name}.{os.getpid()}.part"
                partial.write_bytes(content)
                partial.replace(self.folder / name)
            except OSError as err:  # a read-only folder (the served container): the image stays in memory
                _LOG.info("chart image %s kept in memory only: %s", name, err)


@functools.cache
def shared_store() -> ImageStore:
    return ImageStore(Path(os.environ.get(STORE_ENV) or DEFAULT_STORE) / "chart-images")


def render_images(
    requests: Iterable[ImageRequest], renderer: ImageRenderer | None = None, store: ImageStore | None = None
) -> list[bytes]:
    """Each request's image, in order. Each distinct image (:func:`image_key`) is drawn once, in one
    browser session (``renderer``, or one opened for this call if anything must be drawn), and kept in
    ``store``. Raises ChromiumMissing when something must be drawn and there is no Chromium."""
    store = store if store is not None else shared_store()
    jobs = [_job(request) for request in requests]
    names = [f"{job.key}.{job.kind.extension}" for job in jobs]
    missing = {name: job for name, job in zip(names, jobs, strict=True) if store.get(name) is None}
    if missing:
        todo = list(missing.items())
        if renderer is None:
            with ImageRenderer() as own:
                drawn = own.draw([job for _, job in todo])
        else:
            drawn = renderer.draw([job for _, job in todo])
        for (name, job), raw in zip(todo, drawn, strict=True):
            store.put(name, _finish(job, raw))
    return [store.get(name) for name in names]  # type: ignore[misc]


def chart_requests(
    chart_id: str, dataset: Dataset, lang: str, camps: tuple[str, ...], kinds: Sequence[str] = DOWNLOAD_KINDS
) -> list[ImageRequest]:
    """The requests for a chart's images in a view; none when the camps leave the chart empty."""
    figure = page_content.chart(dataset, chart_id, lang, camps).figure
    return [] if figure is None else [ImageRequest(figure, lang, kind) for kind in kinds]


_DRAWING = threading.Lock()  # one browser at a time for images drawn on demand (a download the bake did not draw)


def chart_image(chart_id: str, dataset: Dataset, lang: str, camps: tuple[str, ...], kind: str) -> bytes | None:
    """One chart's image for a view (None: the camps leave the chart empty), from the store or drawn now."""
    requests = chart_requests(chart_id, dataset, lang, camps, (kind,))
    if not requests:
        return None
    store = shared_store()
    found = store.get(image_key(requests[0]))
    if found is not None:
        return found
    with _DRAWING:
        return render_images(requests, store=store)[0]


# --- every image of every view -------------------------------------------------------------------------------

# The first screen's image at a phone's width (a 412 px window less the main column's padding) and at the
# page width; the first screen shows the one for the reader's window.
SCREEN_WIDTHS_PX = (388, PAGE_WIDTH_PX)


def every_request(
    dataset: Dataset,
    langs: Sequence[str],
    camp_subsets: Iterable[tuple[str, ...]],
    screen_widths: Sequence[int] = SCREEN_WIDTHS_PX,
) -> list[ImageRequest]:
    """Every download and first-screen image of every chart in every view (many of them the same image)."""
    requests = []
    for camps in camp_subsets:
        for lang in langs:
            for chart_id in CHART_IDS:
                figure = page_content.chart(dataset, chart_id, lang, camps).figure
                if figure is None:
                    continue
                requests += [ImageRequest(figure, lang, kind) for kind in DOWNLOAD_KINDS]
                requests += [ImageRequest(figure, lang, "screen", width) for width in screen_widths]
    return requests
