"""Chart geometry (techmoney.content.chart_layout): wrapping, ticks, label dodging, panels and the title block."""

from __future__ import annotations

import html
import itertools
import re
from datetime import datetime, timedelta

import pytest

from techmoney.content import chart_layout as cl
from techmoney.words.locale import locale

LRI, PDI = "\u2066", "\u2069"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_wrap_keeps_lines_short_and_loses_no_word(lang):
    text = "Harris's tech allies' fundraising push to 501(c)(4) dark-money groups: amount unknown (projected)"
    lines = cl.wrap(text, 30, lang)
    assert len(lines) > 1
    assert " ".join(lines) == text
    assert all(len(line) <= (34 if lang == "ar" else 30) for line in lines)


def test_wrap_never_splits_an_isolated_run_or_a_bound_from_its_number():
    text = f"كاميرون وينكليفوس إلى لجنة ترامب 47: {LRI}≥ 1{PDI} مليون دولار (مُعلن)"
    for width in range(8, 40):
        for line in cl.wrap(text, width, "ar"):
            assert line.count(LRI) == line.count(PDI), (width, line)
    for width in range(5, 20):
        assert all(not line.endswith("≥") for line in cl.wrap("Tyler Winklevoss: ≥ $1M (reported)", width))


@pytest.mark.parametrize("top", [7e6, 1e6, 1e8, 2e6, 844_600, 155_400, 3.5])
def test_ticks_start_at_zero_and_stay_within_the_scale(top):
    values = cl.tick_values(top)
    assert values[0] == 0 and values[-1] <= top and 2 <= len(values) <= 5
    assert values == sorted(set(values))


@pytest.mark.parametrize("value", [0, 500_000, 1e6, 2.5e6, 5e6, 5e7, 1e8, 750])
def test_arabic_ticks_read_in_arabic_and_english_ones_in_dollars(value):
    arabic, english = cl.tick_text(value, "ar"), cl.tick_text(value, "en")
    assert not re.search(r"[A-Za-z$]", arabic), arabic
    assert value == 0 or english.startswith("$")
    if value >= 1e6:
        assert ("ملايين" in arabic) == (3 <= value / 1e6 <= 10 and value % 1e6 == 0)


def test_dodge_keeps_labels_where_they_fit_and_spreads_a_crowd_without_overlap():
    assert cl.dodge([0, 100, 200], [30, 30, 30], 8, 0) == [0, 100, 200]
    wanted, heights = [50, 52, 54, 300], [40, 40, 40, 40]
    tops = cl.dodge(wanted, heights, 8, 0)
    assert all(b >= a + h + 8 - 1e-9 for a, b, h in zip(tops, tops[1:], heights, strict=False))
    assert abs(sum(tops[:3]) / 3 - sum(wanted[:3]) / 3) < 1e-9, "a crowd spreads around where it belongs"
    assert tops[3] == 300
    assert cl.dodge([-20, -10], [30, 30], 8, 5)[0] == 5, "nothing starts above the floor"


def _rows(n: int, value: float | None = 1.0) -> tuple[cl.Row, ...]:
    return tuple(
        cl.Row(f"row {i} with a label long enough to wrap on a phone screen", value, "#0072B2") for i in range(n)
    )


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_bar_labels_sit_above_their_bars_in_pixels(lang):
    fig, plot_px, below = cl.bar_panels([cl.Panel("A heading", _rows(3)), cl.Panel("", _rows(2, None))], lang)
    assert plot_px > 0 and below == 0, "the last panel has no known amount: no scale under it"
    for trace in fig.data:
        axis = fig.layout["yaxis" + trace.yaxis[1:]]
        low, high = axis.range[1], axis.range[0]
        bar_top = trace.y[0] - trace.width[0] / 2
        labels = [a for a in fig.layout.annotations if a.yref == trace.yaxis and a.y <= bar_top]
        assert labels, "a label above the bar"
        nearest = max(labels, key=lambda a: a.y)
        lines = nearest.text.count("<br>") + 1
        assert nearest.y + lines * cl.LINE_PX[cl.LABEL_PX] <= bar_top + 2, "the label ends before its bar starts"
        assert low <= trace.y[0] <= high
    unknown = [t for t in fig.data if t.marker.pattern.shape == "."]
    assert len(unknown) == 2 and all(t.x[0] == pytest.approx(cl.STUB) for t in unknown)
    sides = {a.xanchor for a in fig.layout.annotations}
    assert sides == {"right" if lang == "ar" else "left"}


def test_finish_makes_room_for_every_line_and_keeps_text_at_least_11px():
    fig, plot_px, below = cl.bar_panels([cl.Panel("", _rows(2))], "en")
    title, subtitle, source = "A title " * 8, "A subtitle that is long " * 6, "Source: somewhere " * 6
    cl.finish(fig, "en", title, subtitle, source, plot_px, below_px=below)
    layout = fig.layout
    assert layout.height == layout.margin.t + plot_px + layout.margin.b
    assert layout.margin.t >= cl.TOOLBAR_PX + (layout.title.text.count("<br>") + 1) * cl.LINE_PX[cl.TITLE_PX]
    sizes = [layout.title.font.size, layout.title.subtitle.font.size, *(a.font.size for a in layout.annotations)]
    assert min(sizes) >= 11


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_time_markers_follow_their_dates_and_labels_do_not_overlap(lang):
    start = datetime(2024, 7, 21)
    items = tuple(
        cl.TimeItem(start + timedelta(hours=h), f"day {h}", "an event " * 4, bool(h % 2), "hover")
        for h in (12, 12, 12, 60)
    )
    panel = cl.TimePanel("July", start, start + timedelta(days=3), 64, ((start, "21"),), items)
    fig, _plot_px = cl.time_panels([panel], lang, {False: "given", True: "about"})
    ys = sorted(y for trace in fig.data if trace.mode == "markers" for y in trace.y)
    assert ys[-1] - ys[0] == pytest.approx(2 * 64), "two days apart, 64 px a day"
    labels = sorted((a.y, a.text.count("<br>") + 1) for a in fig.layout.annotations if "day" in a.text)
    for (top, lines), (next_top, _) in itertools.pairwise(labels):
        assert next_top >= top + cl.LINE_PX[cl.SUBTITLE_PX] + (lines - 1) * cl.LINE_PX[cl.LABEL_PX]
    low, high = fig.layout.xaxis.range
    assert (low > high) == (lang == "ar"), "the time line on the reading side"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_hover_text_is_wrapped_escaped_and_keeps_its_parts_on_their_own_lines(lang):
    first = "كاميرون وينكليفوس إلى لجنة ترامب 47: مليون دولار على الأقل، بحسب سجلات لجنة الانتخابات الفيدرالية <b>"
    second = "Source: FEC filings, July 2024 & the Washington Post"
    text = cl.hover_html(first, "", second, lang=lang)
    assert "<b>" not in text and "&lt;b&gt;" in text and "&amp;" in text
    lines = [html.unescape(line) for line in text.split("<br>")]
    assert all(len(line) <= cl.HOVER_CHARS * locale(lang).glyph_width for line in lines)
    assert [line for line in lines if line.startswith("Source:")]
    assert " ".join(lines).replace("\u00a0", " ") == f"{first} {second}"
