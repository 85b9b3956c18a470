"""Chart geometry in pixels: labelled bars in panels, a vertical time line, and the title block.

Plotly neither wraps text nor keeps it clear of the marks, and places it by fractions of the plot, so
text that fits a desktop is cut or covered on a phone. Here each panel's y axis spans its own height in
pixels (range ``[height, 0]``): rows, labels and leader lines sit at fixed pixel offsets and text is
wrapped (``textwrap``) to the narrowest screen, a 360 px phone; only the x axis stretches with the
screen. A label always sits above its bar or beside its time marker, never on it. Arabic figures are
mirrored: text and keys on the right, bars growing leftwards, the time line on the right.
"""

from __future__ import annotations

import html
import math
import re
import textwrap
from dataclasses import dataclass
from datetime import datetime

import plotly.graph_objects as go

from techmoney.words.formatting import tick_label, usd
from techmoney.words.locale import locale

FONT_FAMILY = "Noto Sans Arabic, Noto Sans, sans-serif"
TITLE_PX, SUBTITLE_PX, LABEL_PX, SMALL_PX = 17, 12, 13, 11  # font sizes; 11 px is the smallest text shown
LINE_PX = {TITLE_PX: 23, LABEL_PX: 18, SUBTITLE_PX: 16, SMALL_PX: 15}  # line heights, measured in Chromium
# Characters a line of Latin text holds at each size on a 360 px phone, where a figure is ~336 px wide
# (Noto fonts in Chromium); Arabic letters are narrower (Locale.glyph_width: an Arabic line holds more).
TITLE_CHARS, SUBTITLE_CHARS, LABEL_CHARS, SOURCE_CHARS = 30, 48, 44, 54
# A hover label is drawn beside its point, so on that phone it has about half the figure: 13 px text, as labels.
HOVER_CHARS = 30
TOOLBAR_PX = 36  # Plotly shows its toolbar in this band, above the title, when the pointer is on the chart
BAR_PX, ROW_GAP_PX, PANEL_GAP_PX, TICKS_PX, EDGE_PX = 16, 12, 22, 24, 12
TEXT, NOTE, AXIS = "#222", "#555", "#999"
UNKNOWN_GREY = "#767676"
STUB = 0.12  # an unknown amount's bar: this share of its panel's scale, dotted and grey, labelled "amount unknown"
_TOOLBAR_ONLY_DOWNLOAD = [
    "zoom",
    "pan",
    "select",
    "lasso",
    "zoomin",
    "zoomout",
    "autoscale",
    "reset",
    "togglespikelines",
    "hoverclosest",
    "hovercompare",
]


# Spaces a line must not break at: inside a left-to-right run isolated in Arabic text (LRI "≥ 1" PDI before
# "مليون": both ends of the run must share a line for the bidi algorithm), and after a bound sign ("≥ $1M").
_UNBREAKABLE = re.compile("\u2066[^\u2069]*\u2069|[≥≤] ")


def wrap(text: str, chars: int, lang: str = "en") -> list[str]:
    """Lines of at most ``chars`` characters (more in Arabic; a longer word stays whole): Plotly does not
    wrap text."""
    text = _UNBREAKABLE.sub(lambda run: run.group().replace(" ", "\u00a0"), text)
    width = int(chars * locale(lang).glyph_width)
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def plot_text(text: str) -> str:
    """Data text for Plotly, which reads a subset of HTML in labels: escaped so it shows literally."""
    return html.escape(str(text), quote=False)


def lines_html(lines: list[str]) -> str:
    return "<br>".join(plot_text(line) for line in lines)


def hover_html(*parts: str, lang: str) -> str:
    """A hover label's text, escaped: each part on a line of its own, wrapped to HOVER_CHARS (Plotly neither
    wraps a hover label nor keeps one inside the chart when it is wider than the room beside the point)."""
    return lines_html([line for part in parts if part for line in wrap(part, HOVER_CHARS, lang)])


# The axis runs this far past its last tick, so that tick's label (centred on it: «100 مليون دولار») is drawn:
# Plotly hides a tick label that would cross the figure's edge.
TICK_ROOM = 1.16


def tick_values(top: float) -> list[float]:
    """0 and two or three round steps up to ``top``."""
    if top <= 0:
        return [0.0]
    magnitude = 10 ** math.floor(math.log10(top / 3))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= top / 3)
    return [i * step for i in range(int(top // step) + 1)]


def tick_text(value: float, lang: str, unit: bool = False) -> str:
    """A dollar axis's tick: «50 مليون»، «500 ألف» in Arabic, never 50M or 500k; "$50M" in English. ``unit``: the
    axis's last tick names the currency in Arabic, as it reads in full («100 مليون دولار»), as "$" does in English."""
    if locale(lang).counts_in_words:
        return usd(value, lang) if unit and value else tick_label(value, lang)
    return f"${tick_label(value, lang)}" if value else tick_label(value, lang)


def tick_texts(values: list[float], lang: str) -> list[str]:
    """An axis's ticks, the last naming the currency."""
    return [tick_text(v, lang, unit=i == len(values) - 1) for i, v in enumerate(values)]


@dataclass(frozen=True)
class Row:
    label: str  # what the bar is and its amount, in words
    value: float | None  # None: the amount is unknown
    color: str  # the camp's colour
    projected: bool = False  # an estimate: outlined and hatched, not filled
    pattern: str = ""  # the camp's fill pattern, for readers who cannot tell the colours apart
    hover: str = ""


@dataclass(frozen=True)
class Panel:
    heading: str
    rows: tuple[Row, ...]


def _axis_names(number: int) -> tuple[str, str, str, str]:
    """Layout keys and references of the number-th panel's axes: ("xaxis2", "yaxis2", "x2", "y2")."""
    suffix = "" if number == 1 else str(number)
    return f"xaxis{suffix}", f"yaxis{suffix}", f"x{suffix}", f"y{suffix}"


def _marker(row: Row) -> dict:
    if row.value is None:
        return {
            "color": "white",
            "line": {"color": UNKNOWN_GREY, "width": 1.5},
            "pattern": {"shape": ".", "fgcolor": UNKNOWN_GREY, "size": 6},
        }
    if row.projected:
        return {
            "color": "white",
            "line": {"color": row.color, "width": 2},
            "pattern": {"shape": "/", "fgcolor": row.color},
        }
    return {
        "color": row.color,
        "line": {"color": row.color, "width": 1},
        "pattern": {"shape": row.pattern, "fgcolor": "white", "fillmode": "overlay", "solidity": 0.2},
    }


def _label(text_html: str, lang: str, xref: str, yref: str, y: float, **extra) -> dict:
    """A text block whose first line's top is at ``y`` (pixels), from the reading side of the plot."""
    rtl = locale(lang).rtl
    side = "right" if rtl else "left"
    return {
        "text": text_html,
        "xref": xref,
        "x": 1 if rtl else 0,
        "xanchor": side,
        "align": side,
        "yref": yref,
        "y": y,
        "yanchor": "top",
        "showarrow": False,
        "font": {"size": LABEL_PX, "color": TEXT},
        **extra,
    }


def bar_panels(panels: list[Panel], lang: str, shared_scale: bool = False) -> tuple[go.Figure, int, int]:
    """Horizontal bars, each under its label, in panels stacked top to bottom; each panel on its own
    scale (its own ticks) unless ``shared_scale``. Returns the figure, the plot's height and the
    height the last panel's ticks need below it, in pixels."""
    rtl = locale(lang).rtl
    every = [r.value for p in panels for r in p.rows if r.value is not None]
    fig = go.Figure()
    layout: dict = {}
    annotations: list[dict] = []
    placed: list[tuple[int, int, int]] = []  # (top, height, ticks height below) of each panel
    top = 0
    for number, panel in enumerate(panels, 1):
        x_key, y_key, x_ref, y_ref = _axis_names(number)
        known = every if shared_scale else [r.value for r in panel.rows if r.value is not None]
        scale = max(known) if known else 1.0
        show_ticks = bool(known) and (not shared_scale or number == len(panels))
        y = 0
        if panel.heading:
            heading = wrap(panel.heading, LABEL_CHARS, lang)
            annotations.append(_label("<b>" + lines_html(heading) + "</b>", lang, f"{x_ref} domain", y_ref, y))
            y += LINE_PX[LABEL_PX] * len(heading) + 6
        for row in panel.rows:
            lines = wrap(row.label, LABEL_CHARS, lang)
            annotations.append(_label(lines_html(lines), lang, f"{x_ref} domain", y_ref, y))
            y += LINE_PX[LABEL_PX] * len(lines) + 2
            fig.add_bar(
                x=[row.value if row.value is not None else STUB * scale],
                y=[y + BAR_PX / 2],
                width=[BAR_PX],
                orientation="h",
                xaxis=x_ref,
                yaxis=y_ref,
                name=plot_text(row.label),
                marker=_marker(row),
                customdata=[[hover_html(row.hover or row.label, lang=lang)]],
                hovertemplate="%{customdata[0]}<extra></extra>",
                showlegend=False,
            )
            y += BAR_PX + ROW_GAP_PX
        height = y - ROW_GAP_PX + 4
        ticks = TICKS_PX if show_ticks else 0
        values = tick_values(scale) if known else []
        end = max(scale, values[-1] if values else 0) * TICK_ROOM
        layout[x_key] = {
            "anchor": y_ref,
            "range": [end, 0] if rtl else [0, end],
            "fixedrange": True,
            "tickvals": values,
            "ticktext": tick_texts(values, lang),
            "showticklabels": show_ticks,
            "showgrid": False,
            "zeroline": False,
            "showline": bool(known),
            "linecolor": AXIS,
            "ticks": "outside" if show_ticks else "",
            "ticklen": 4,
            "tickcolor": AXIS,
            "tickfont": {"size": SMALL_PX},
        }
        layout[y_key] = {"anchor": x_ref, "range": [height, 0], "visible": False, "fixedrange": True}
        placed.append((top, height, ticks))
        top += height + ticks + PANEL_GAP_PX
    plot_px = top - PANEL_GAP_PX - placed[-1][2]
    for number, (panel_top, height, _) in enumerate(placed, 1):
        _, y_key, _, _ = _axis_names(number)
        layout[y_key]["domain"] = _domain(panel_top, height, plot_px)
    fig.update_layout(layout, annotations=annotations, bargap=0)
    return fig, plot_px, placed[-1][2]


def _domain(top: float, height: float, total: float) -> list[float]:
    """A panel's vertical domain (fractions of the plot, 1 at the top) from pixels."""
    return [max(0.0, 1 - (top + height) / total), min(1.0, 1 - top / total)]


def dodge(wanted: list[float], heights: list[float], gap: float, floor: float) -> list[float]:
    """Top positions as close as possible (least squares) to ``wanted``, in order, that neither overlap
    (``gap`` apart) nor start above ``floor``: pool-adjacent-violators over the slack each label leaves."""
    offsets, total = [], 0.0
    for height in heights:
        offsets.append(total)
        total += height + gap
    blocks: list[list[float]] = []  # [mean of (wanted - offset), count]
    for target in (w - o for w, o in zip(wanted, offsets, strict=True)):
        blocks.append([target, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, count = blocks.pop()
            blocks[-1] = [
                (blocks[-1][0] * blocks[-1][1] + mean * count) / (blocks[-1][1] + count),
                blocks[-1][1] + count,
            ]
    slack = [max(floor, mean) for mean, count in blocks for _ in range(int(count))]
    slack = [max(slack[: i + 1]) for i in range(len(slack))]  # the floor may have pushed a block past the next
    return [s + o for s, o in zip(slack, offsets, strict=True)]


@dataclass(frozen=True)
class TimeItem:
    when: datetime
    date_text: str  # the date in words, first line of the label
    label: str
    approximate: bool
    hover: str
    until: datetime | None = None  # set: the item stands for the events of a span detailed in another panel


@dataclass(frozen=True)
class TimePanel:
    heading: str
    start: datetime
    end: datetime
    px_per_day: float
    ticks: tuple[tuple[datetime, str], ...]
    items: tuple[TimeItem, ...]


TIME_BLUE = "#0072B2"
LEADER_PX, TIME_PAD_PX, LABEL_GAP_PX, TIME_TICKS_PX = 22, 12, 8, 44


def time_panels(panels: list[TimePanel], lang: str, names: dict[bool, str]) -> tuple[go.Figure, int]:
    """Events on a vertical time line, one linear scale per panel (e.g. the years, then one busy week),
    each marker at its date and its label beside it, moved up or down just enough not to overlap the
    next, with a leader line to its date. ``names``: the marker names for exact (False) and
    approximate (True) dates. Returns the figure and the plot's height in pixels."""
    rtl = locale(lang).rtl
    side = "right" if rtl else "left"
    fig = go.Figure()
    layout: dict = {}
    annotations: list[dict] = []
    shapes: list[dict] = []
    placed: list[tuple[int, float]] = []
    top = 0
    chars = LABEL_CHARS - 10  # the ticks, the time line and the leader take ~80 px of the width
    for number, panel in enumerate(panels, 1):
        x_key, y_key, x_ref, y_ref = _axis_names(number)
        y = 0.0
        if panel.heading:
            heading = wrap(panel.heading, LABEL_CHARS, lang)
            annotations.append(_label("<b>" + lines_html(heading) + "</b>", lang, f"{x_ref} domain", y_ref, y))
            y += LINE_PX[LABEL_PX] * len(heading) + 10
        origin = y + TIME_PAD_PX

        def at(moment: datetime, origin: float = origin, panel: TimePanel = panel) -> float:
            return origin + (moment - panel.start).total_seconds() / 86400 * panel.px_per_day

        end_y = at(panel.end)
        items = sorted(panel.items, key=lambda item: item.when)
        blocks = [[item.date_text, *wrap(item.label, chars, lang)] for item in items]
        heights = [LINE_PX[SUBTITLE_PX] + LINE_PX[LABEL_PX] * (len(b) - 1) for b in blocks]
        marks = [at(item.when) if item.until is None else (at(item.when) + at(item.until)) / 2 for item in items]
        tops = dodge([m - LINE_PX[SUBTITLE_PX] / 2 for m in marks], heights, LABEL_GAP_PX, y)
        for item, block, label_top, mark in zip(items, blocks, tops, marks, strict=True):
            text = f"<b>{plot_text(block[0])}</b><br>" + lines_html(block[1:])
            annotations.append(
                {
                    "text": text,
                    "xref": x_ref,
                    "x": 0,
                    "xshift": -(LEADER_PX + 4) if rtl else LEADER_PX + 4,
                    "xanchor": side,
                    "align": side,
                    "yref": y_ref,
                    "y": label_top,
                    "yanchor": "top",
                    "showarrow": False,
                    "font": {"size": LABEL_PX, "color": TEXT},
                }
            )
            shapes.append(
                {
                    "type": "line",
                    "xref": x_ref,
                    "xsizemode": "pixel",
                    "xanchor": 0,
                    "x0": 0,
                    "x1": -LEADER_PX if rtl else LEADER_PX,
                    "yref": y_ref,
                    "y0": mark,
                    "y1": label_top + LINE_PX[SUBTITLE_PX] / 2,
                    "line": {"color": AXIS, "width": 1},
                }
            )
            if item.until is not None:  # a span told in detail below: a bar on the line, not a marker
                shapes.append(
                    {
                        "type": "rect",
                        "xref": x_ref,
                        "xsizemode": "pixel",
                        "xanchor": 0,
                        "x0": -6,
                        "x1": 6,
                        "yref": y_ref,
                        "y0": at(item.when) - 4,
                        "y1": at(item.until) + 4,
                        "fillcolor": TIME_BLUE,
                        "line": {"width": 0},
                        "layer": "above",
                    }
                )
        bottom = max([end_y, *(t + h for t, h in zip(tops, heights, strict=True))]) + TIME_PAD_PX
        fig.add_scatter(
            x=[0, 0],
            y=[origin, end_y],
            xaxis=x_ref,
            yaxis=y_ref,
            mode="lines",
            line={"color": "#bbb", "width": 2},
            hoverinfo="skip",
            showlegend=False,
        )
        for approximate in (False, True):
            part = [
                (item, mark)
                for item, mark in zip(items, marks, strict=True)
                if item.until is None and item.approximate == approximate
            ]
            if not part:
                continue
            fig.add_scatter(
                x=[0] * len(part),
                y=[mark for _, mark in part],
                xaxis=x_ref,
                yaxis=y_ref,
                mode="markers",
                name=names[approximate],
                showlegend=False,
                cliponaxis=False,
                marker={
                    "size": 12,
                    "symbol": "circle-open" if approximate else "circle",
                    "color": TIME_BLUE,
                    "line": {"width": 2.5, "color": TIME_BLUE},
                },
                customdata=[[hover_html(item.hover, lang=lang)] for item, _ in part],
                hovertemplate="%{customdata[0]}<extra></extra>",
            )
        layout[x_key] = {"anchor": y_ref, "range": [1, 0] if rtl else [0, 1], "visible": False, "fixedrange": True}
        layout[y_key] = {
            "anchor": x_ref,
            "range": [bottom, 0],
            "fixedrange": True,
            "side": side,
            "showgrid": False,
            "zeroline": False,
            "showline": False,
            "ticks": "outside",
            "ticklen": 4,
            "tickcolor": AXIS,
            "tickvals": [at(moment) for moment, _ in panel.ticks],
            "ticktext": [text for _, text in panel.ticks],
            "tickfont": {"size": SMALL_PX, "color": NOTE},
        }
        placed.append((top, bottom))
        top += bottom + PANEL_GAP_PX
    plot_px = top - PANEL_GAP_PX
    for number, (panel_top, height) in enumerate(placed, 1):
        _, y_key, _, _ = _axis_names(number)
        layout[y_key]["domain"] = _domain(panel_top, height, plot_px)
    fig.update_layout(layout, annotations=annotations, shapes=shapes)
    return fig, math.ceil(plot_px)


def key_text(entries: list[tuple[str, str]]) -> str:
    """A legend as one line of text, each key glyph before its label ((glyph, label) pairs). In an Arabic
    line the first glyph is the right-most, so each key sits right of its label, as the reader expects;
    Plotly's own legend always puts keys on the left."""
    return "\u2003".join(
        f'<span style="color:{TIME_BLUE};font-size:22px">{glyph}</span> {plot_text(label)}' for glyph, label in entries
    )


def finish(
    fig: go.Figure,
    lang: str,
    title: str,
    subtitle: str,
    source: str,
    plot_px: int,
    *,
    below_px: int = 0,
    key: str = "",
    start_px: int = EDGE_PX,
) -> go.Figure:
    """Title, subtitle, source line, an optional key line, margins and height around a plot of ``plot_px``
    pixels. ``below_px``: room the plot's own ticks take under it; ``start_px``: the margin on the
    reading side (room for a time line's ticks)."""
    rtl = locale(lang).rtl
    side = "right" if rtl else "left"
    title_lines, subtitle_lines = wrap(title, TITLE_CHARS, lang), wrap(subtitle, SUBTITLE_CHARS, lang)
    source_lines = wrap(source, SOURCE_CHARS, lang)
    key_px = LINE_PX[LABEL_PX] + 8 if key else 0
    # Plotly lifts a title of several lines by about half a line for each line after the first.
    title_pad = TOOLBAR_PX + (LINE_PX[TITLE_PX] // 2 + 2) * (len(title_lines) - 1)
    top = (
        title_pad + LINE_PX[TITLE_PX] * len(title_lines) + 6 + LINE_PX[SUBTITLE_PX] * len(subtitle_lines) + 12 + key_px
    )
    bottom = below_px + 12 + LINE_PX[SMALL_PX] * len(source_lines) + 6
    notes = [
        {
            "text": lines_html(source_lines),
            "xref": "paper",
            "yref": "paper",
            "x": 1 if rtl else 0,
            "xanchor": side,
            "align": side,
            "y": 0,
            "yanchor": "top",
            "yshift": -(below_px + 10),
            "showarrow": False,
            "font": {"size": SMALL_PX, "color": NOTE},
        }
    ]
    if key:
        notes.append(
            {
                "text": key,
                "xref": "paper",
                "yref": "paper",
                "x": 1 if rtl else 0,
                "xanchor": side,
                "align": side,
                "y": 1,
                "yanchor": "bottom",
                "yshift": 6,
                "showarrow": False,
                "font": {"size": LABEL_PX, "color": TEXT},
            }
        )
    fig.update_layout(
        title={
            "text": "<br>".join(plot_text(line) for line in title_lines),
            "subtitle": {"text": lines_html(subtitle_lines), "font": {"size": SUBTITLE_PX, "color": NOTE}},
            "font": {"size": TITLE_PX},
            "x": 1 if rtl else 0,
            "xanchor": side,
            "xref": "container",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": title_pad, "l": EDGE_PX, "r": EDGE_PX},
        },
        font={"family": FONT_FAMILY, "size": LABEL_PX, "color": TEXT},
        # An opaque box with dark text over the chart's own labels (a camp-coloured, see-through one was hard to read).
        hoverlabel={
            "align": side,
            "bgcolor": "white",
            "bordercolor": TEXT,
            "font": {"family": FONT_FAMILY, "color": TEXT},
        },
        margin={
            "t": top,
            "b": bottom,
            "l": EDGE_PX if rtl else start_px,
            "r": start_px if rtl else EDGE_PX,
            "pad": 0,
            "autoexpand": False,
        },
        height=top + plot_px + bottom,
        annotations=[*fig.layout.annotations, *notes],
        plot_bgcolor="white",
        separators=".,",
        dragmode=False,
        modebar={"remove": _TOOLBAR_ONLY_DOWNLOAD},
        showlegend=False,
    )
    return fig
