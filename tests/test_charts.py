"""Figure builders (components.charts.build_chart): the figure objects against the raw CSV files.

Expected values are read from data/*.csv with the csv module (not through the loader) and derived
figures are recomputed here, so a chart that drifts from its data fails.
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Iterator

import pandas as pd
import pytest

from components.charts import CHART_IDS, build_chart
from components.dataset import load_dataset
from components.i18n import LANGS, t
from components.url_state import CAMPS
from tests.conftest import DATA

DATASET = load_dataset(DATA)
SELECTIONS = [CAMPS, ("pro_trump",), ("pro_harris",), ("skeptic", "context"), ("pro_harris", "skeptic")]
SELECTION_IDS = ["all", "pro_trump", "pro_harris", "skeptic+context", "pro_harris+skeptic"]
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
QUALIFIER_WORDS = {
    "projected": {"en": "projected", "ar": "متوقع"},
    "derived": {"en": "derived", "ar": "محسوب"},
}


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


FACTS = {row["fact_id"]: row for row in _rows("money_facts.csv")}
ACTORS = {row["actor_id"]: row for row in _rows("actors.csv")}
FLOWS = _rows("money_flows.csv")
EVENTS = _rows("events.csv")


def amount(fact_id: str) -> float:
    return float(FACTS[fact_id]["amount"])


def camp_of(actor_id: str) -> str | None:
    return ACTORS[actor_id]["camp"] if actor_id in ACTORS else None


GOAL = next(f for f, r in FACTS.items() if r["kind"] == "goal")
LIMIT = next(f for f, r in FACTS.items() if r["kind"] == "legal_limit")
HASTINGS = next(f for f, r in FACTS.items() if r["kind"] == "donation" and r["payer_id"] == "hastings")
TWIN_GIFTS = {
    r["payer_id"]: f for f, r in FACTS.items() if r["kind"] == "donation" and r["payee_id"] == FACTS[LIMIT]["payee_id"]
}


def strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings(item)
    elif hasattr(value, "tolist"):
        yield from strings(value.tolist())


def chart(chart_id: str, lang: str, camps: tuple[str, ...]):
    return build_chart(chart_id, DATASET, lang, camps)


def _is_grey(color: str) -> bool:
    hex_match = re.fullmatch(r"#(\w\w)(\w\w)(\w\w)", color)
    parts = hex_match.groups() if hex_match else re.match(r"rgba?\((\d+),\s*(\d+),\s*(\d+)", color).groups()
    r, g, b = (int(n, 16) if hex_match else int(n) for n in parts)
    return r == g == b


def bars(fig) -> list:
    return [trace for trace in fig.data if trace.type == "bar"]


def label(trace) -> str:
    """A bar's label as shown above it (the trace name holds it, HTML-escaped for Plotly)."""
    return html.unescape(trace.name).replace("\u00a0", " ")


# --------------------------------------------------------------------------- goal


@pytest.mark.parametrize("camps", SELECTIONS, ids=SELECTION_IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_goal_bars_are_the_goal_and_the_gift_with_the_goal_marked_projected(lang, camps):
    built = chart("goal", lang, camps)
    shown = [f for f in (GOAL, HASTINGS) if camp_of(FACTS[f]["payee_id"]) in camps]
    if not shown:
        assert built.figure is None and built.table.empty
        return
    drawn = bars(built.figure)
    assert [list(bar.x) for bar in drawn] == [[amount(f)] for f in shown]
    assert len(built.table) == len(drawn)
    assert list(built.table[t("col_amount_usd", lang)]) == [amount(f) for f in shown]
    for bar, fact_id in zip(drawn, shown, strict=True):
        word = QUALIFIER_WORDS["projected"][lang]
        projected = FACTS[fact_id]["qualifier"] == "projected"
        assert (word in label(bar)) == projected and (word in bar.customdata[0][0]) == projected
        assert (bar.marker.color == "white") == projected, "an estimate is drawn hatched, not filled"


# --------------------------------------------------------------------------- twins


@pytest.mark.parametrize("camps", SELECTIONS, ids=SELECTION_IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_twins_refund_is_gift_minus_limit_and_marked_derived(lang, camps):
    built = chart("twins", lang, camps)
    twins = [a for a in TWIN_GIFTS if camp_of(a) in camps]
    if not twins:
        assert built.figure is None and built.table.empty
        return
    measures = {m: [b for b in bars(built.figure) if label(b).startswith(t(f"measure_{m}", lang))]
                for m in ("gift", "limit", "refund")}
    gifts = [amount(TWIN_GIFTS[a]) for a in twins]
    assert [b.x[0] for b in measures["gift"]] == gifts
    assert [b.x[0] for b in measures["limit"]] == [amount(LIMIT)] * len(twins)
    assert [b.x[0] for b in measures["refund"]] == [g - amount(LIMIT) for g in gifts]
    # One panel a twin, headed by the twin's name, all on one scale.
    headings = [html.unescape(a.text) for a in built.figure.layout.annotations if a.text.startswith("<b>")]
    assert headings == [f"<b>{ACTORS[a][f'name_{lang}']}</b>" for a in twins]
    assert len({tuple(built.figure.layout[axis].range) for axis in built.figure.layout if axis.startswith("xaxis")}) == 1
    # Qualifiers: the gifts are minimums (≥), the refund is derived, in the label and the hover.
    assert all(label(b).count("≥") == 1 for b in measures["gift"])
    derived = QUALIFIER_WORDS["derived"][lang]
    assert all(derived in label(b) and derived in b.customdata[0][0] for b in measures["refund"])
    assert all("≥" in label(b) for b in measures["refund"]), "a refund computed from a minimum is a minimum"
    assert len(bars(built.figure)) == len(built.table)


# --------------------------------------------------------------------------- flows


def expected_flows(camps: tuple[str, ...]) -> list[dict[str, str]]:
    return [
        f
        for f in FLOWS
        if f["status"] != "refunded_in_part" and (camp_of(f["source_id"]) in camps or camp_of(f["target_id"]) in camps)
    ]


@pytest.mark.parametrize("camps", SELECTIONS, ids=SELECTION_IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_flows_bars_match_the_data_and_unknown_amounts_are_grey_not_zero(lang, camps):
    built = chart("flows", lang, camps)
    flows = expected_flows(camps)
    assert len(built.table) == len(flows)
    if not flows:
        assert built.figure is None
        return
    drawn = bars(built.figure)
    assert len(drawn) == len(flows)
    # The projected flows first, in a panel of their own; then the gifts.
    ordered = sorted(flows, key=lambda f: f["status"] != "projected")
    for bar, flow in zip(drawn, ordered, strict=True):
        text = label(bar)
        names = (ACTORS[flow["source_id"]][f"name_{lang}"], ACTORS[flow["target_id"]][f"name_{lang}"])
        assert text.startswith(t("flows_row", lang, source=names[0], target=names[1]))
        assert text.endswith(f"({t('status_' + flow['status'], lang)})")
        known = [b.x[0] for b in drawn if b.xaxis == bar.xaxis and b.marker.pattern.shape != "."]
        if flow["fact_id"]:
            assert bar.x[0] == amount(flow["fact_id"])
            assert t("amount_unknown", lang) not in text
        else:
            assert _is_grey(bar.marker.line.color) and bar.marker.pattern.shape == "."
            assert t("amount_unknown", lang) in text
            assert 0 < bar.x[0] < max(known, default=1.0), "visible, but never drawn as if it were a large sum"
    projected_axes = {b.xaxis for b, f in zip(drawn, ordered, strict=True) if f["status"] == "projected"}
    other_axes = {b.xaxis for b, f in zip(drawn, ordered, strict=True) if f["status"] != "projected"}
    assert len(projected_axes) <= 1 and len(other_axes) <= 1 and not projected_axes & other_axes, \
        "the projection has its own scale: it does not shrink the reported gifts"
    amounts = built.table[t("col_amount_usd", lang)]
    for value, flow in zip(amounts, flows, strict=True):
        assert pd.isna(value) if not flow["fact_id"] else value == amount(flow["fact_id"])
    assert not (amounts == 0).any(), "an unknown amount is not zero"


# --------------------------------------------------------------------------- camps


@pytest.mark.parametrize("camps", SELECTIONS, ids=SELECTION_IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_camp_totals_are_the_sums_of_reported_gifts(lang, camps):
    built = chart("camps", lang, camps)
    totals: dict[str, float] = {}
    bounds: dict[str, set[str]] = {}
    for row in FACTS.values():
        if row["kind"] == "donation" and row["qualifier"] != "derived" and camp_of(row["payer_id"]) in camps:
            camp = camp_of(row["payer_id"])
            totals[camp] = totals.get(camp, 0) + float(row["amount"])
            bounds.setdefault(camp, set()).add(row["bound"])
    expected = [c for c in CAMPS if c in totals]
    assert len(built.table) == len(expected)
    if not expected:
        assert built.figure is None
        return
    drawn = bars(built.figure)
    assert [b.x[0] for b in drawn] == [totals[c] for c in expected]
    for bar, camp in zip(drawn, expected, strict=True):
        assert ("≥" in label(bar)) == (bounds[camp] != {"exact"})


# --------------------------------------------------------------------------- timeline


def expected_events(camps: tuple[str, ...]) -> list[dict[str, str]]:
    return [e for e in EVENTS if any(camp_of(a) in camps for a in e["actor_ids"].split(";"))]


def _moment(event: dict[str, str]) -> pd.Timestamp:
    middle = {"year": "-07-01", "month": "-15", "day": "T12:00"}[event["date_precision"]]
    return pd.Timestamp(event["date"] + middle)


@pytest.mark.parametrize("camps", SELECTIONS, ids=SELECTION_IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_timeline_has_one_marker_per_dated_event_and_approximate_ones_open(lang, camps):
    built = chart("timeline", lang, camps)
    events = expected_events(camps)
    dated = [e for e in events if e["date"] and e["date_precision"] != "none"]
    assert len(built.table) == len(events)
    if not dated:
        assert built.figure is None
        return
    markers = [trace for trace in built.figure.data if "markers" in (trace.mode or "")]
    assert sum(len(trace.y) for trace in markers) == len(dated)
    approximate = [trace for trace in markers if trace.marker.symbol == "circle-open"]
    assert sum(len(trace.y) for trace in approximate) == sum(e["date_approximate"] == "true" for e in dated)
    for trace in approximate:
        assert trace.name == t("approximate", lang)
    shown = " ".join(html.unescape(a.text).replace("<br>", " ") for a in built.figure.layout.annotations)
    assert all(e[f"label_{lang}"] in re.sub(r"\s+", " ", shown) for e in dated), "every event's label is shown"


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_spacing_follows_the_dates(lang):
    """Within each panel, the distance between two markers is proportional to the time between them
    (2011 to 2025 is not one step, and neither is 21 to 23 July); the busy week gets a panel of its own."""
    fig = chart("timeline", lang, CAMPS).figure
    dated = {e[f"label_{lang}"]: _moment(e) for e in EVENTS if e["date_precision"] != "none"}
    by_panel: dict[str, list[tuple[float, pd.Timestamp]]] = {}
    for trace in (tr for tr in fig.data if "markers" in (tr.mode or "")):
        for y, (hover,) in zip(trace.y, trace.customdata, strict=True):
            when = next(moment for text, moment in dated.items() if html.escape(text, quote=False) in hover)
            by_panel.setdefault(trace.yaxis, []).append((y, when))
    assert len(by_panel) >= 2, "the years, then the busy week day by day"
    for points in by_panel.values():
        points.sort()
        assert [w for _, w in points] == sorted(w for _, w in points), "later is lower"
        spans = [(y2 - y1, (w2 - w1).total_seconds()) for (y1, w1), (y2, w2) in zip(points, points[1:])]
        rates = {round(px / seconds, 9) for px, seconds in spans if seconds}
        assert len(rates) <= 1, "one linear scale a panel"


# --------------------------------------------------------------------------- every chart: language and layout


@pytest.mark.parametrize("chart_id", CHART_IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_text_is_unreshaped_and_arabic_figures_are_mirrored(chart_id, lang):
    built = chart(chart_id, lang, CAMPS)
    fig = built.figure
    assert fig is not None
    for text in [built.title, built.subtitle, *strings(fig.to_plotly_json())]:
        assert not PRESENTATION_FORMS.search(text), f"reshaped Arabic in {text[:60]!r}"
    layout = fig.layout
    rtl = lang == "ar"
    side = "right" if rtl else "left"
    assert html.unescape(layout.title.text.replace("<br>", " ")) == built.title == t(f"{chart_id}_title", lang)
    assert layout.title.xanchor == side
    assert {a.xanchor for a in layout.annotations} == {side}, "labels and notes start on the reading side"
    assert layout.showlegend is False, "Plotly's legend puts keys left of labels: keys are drawn in the text"
    x_ranges = [layout[axis].range for axis in layout if axis.startswith("xaxis")]
    assert x_ranges and all((low > high) == rtl for low, high in x_ranges), "bars grow, and time runs, from the reading side"
    ticks = [text for axis in layout if axis.startswith(("xaxis", "yaxis")) for text in (layout[axis].ticktext or ())]
    if rtl:
        assert not [text for text in ticks if re.search(r"[A-Za-z$]", text)], "Arabic ticks read in Arabic"
    if chart_id == "timeline":
        assert {layout[axis].side for axis in layout if axis.startswith("yaxis")} == {side}


@pytest.mark.parametrize("chart_id", CHART_IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_camp_selection_gives_no_figure_and_an_empty_table(chart_id, lang):
    built = chart(chart_id, lang, ())
    assert built.figure is None
    assert built.table.empty
    assert built.title == t(f"{chart_id}_title", lang)


@pytest.mark.parametrize("chart_id", ["goal", "twins"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_subtitle_states_each_bound_once(chart_id, lang):
    subtitle = chart(chart_id, lang, CAMPS).subtitle
    words = {"en": ("at least", "at most", "more than"), "ar": ("على الأقل", "على الأكثر", "أكثر من")}[lang]
    for clause in re.split("[;؛.]", subtitle):
        symbols = sum(clause.count(s) for s in ("≥", "≤"))
        spelled = sum(clause.count(w) for w in words)
        assert not (symbols and spelled), f"bound stated twice (symbol and words) in {clause!r}"


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_the_sent_spec_keeps_only_the_template_parts_the_chart_uses(chart_id):
    """What st.plotly_chart sends: JSON values only, and of the default template (Streamlit's once
    streamlit is imported, as in the app; Plotly's otherwise) just the chart's own trace types and
    the 2-D layout. The same charts were compared pixel for pixel in Chromium before and after."""
    import json

    import plotly.graph_objects as go
    import plotly.io as pio

    from components.charts import _UNUSED_TEMPLATE_LAYOUT

    figure = build_chart(chart_id, DATASET, "ar", CAMPS).figure
    spec = figure.to_dict()
    assert json.loads(json.dumps(spec)) == spec, "JSON-native"
    full = json.loads(pio.to_json(go.Figure(figure), validate=False))["layout"]["template"]
    template = spec["layout"]["template"]
    used = {trace.get("type", "scatter") for trace in spec["data"]}
    assert template["data"] == {kind: value for kind, value in full["data"].items() if kind in used}
    assert template["layout"] == {k: v for k, v in full["layout"].items() if k not in _UNUSED_TEMPLATE_LAYOUT}
    assert len(json.dumps(full)) - len(json.dumps(template)) > 2500, "the point of pruning: kilobytes a chart"
