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

from components.charts import CHART_IDS, UNKNOWN_GREY, build_chart
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


GOAL = next(f for f, r in FACTS.items() if r["kind"] == "estimate")  # the projected haul (its id keeps "goal")
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
    r, g, b = (int(n) for n in re.match(r"rgba?\((\d+),\s*(\d+),\s*(\d+)", color).groups())
    return r == g == b


# --------------------------------------------------------------------------- goal


@pytest.mark.parametrize("camps", SELECTIONS, ids=SELECTION_IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_goal_bars_are_the_goal_and_the_gift_with_the_goal_marked_projected(lang, camps):
    built = chart("goal", lang, camps)
    shown = [f for f in (GOAL, HASTINGS) if camp_of(FACTS[f]["payee_id"]) in camps]
    if not shown:
        assert built.figure is None and built.table.empty
        return
    bars = built.figure.data
    assert [list(bar.y) for bar in bars] == [[amount(f)] for f in shown]
    assert len(built.table) == len(bars)
    assert list(built.table[t("col_amount_usd", lang)]) == [amount(f) for f in shown]
    for bar, fact_id in zip(bars, shown, strict=True):
        word = QUALIFIER_WORDS["projected"][lang]
        if FACTS[fact_id]["qualifier"] == "projected":
            assert word in bar.text[0] and word in bar.customdata[0][0]
            assert word in bar.name
        else:
            assert word not in bar.text[0]


# --------------------------------------------------------------------------- twins


@pytest.mark.parametrize("camps", SELECTIONS, ids=SELECTION_IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_twins_refund_is_gift_minus_limit_and_marked_derived(lang, camps):
    built = chart("twins", lang, camps)
    twins = [a for a in TWIN_GIFTS if camp_of(a) in camps]
    if not twins:
        assert built.figure is None and built.table.empty
        return
    traces = {trace.name: trace for trace in built.figure.data}
    gift, limit, refund = (traces[t(f"measure_{m}", lang)] for m in ("gift", "limit", "refund"))
    gifts = [amount(TWIN_GIFTS[a]) for a in twins]
    assert list(gift.y) == gifts
    assert list(limit.y) == [amount(LIMIT)] * len(twins)
    assert list(refund.y) == [g - amount(LIMIT) for g in gifts]
    names = [ACTORS[a][f"name_{lang}"] for a in twins]
    assert list(refund.x) == names
    # Qualifiers: the gifts are minimums ("at least", in words: a ≥ flips in Arabic), the refund is
    # derived, in the label and the hover.
    at_least = t("qualifier_at_least", lang)
    assert all(text.count(at_least) == 1 and "≥" not in text for text in gift.text)
    derived = QUALIFIER_WORDS["derived"][lang]
    assert derived in refund.name and all(derived in row[0] for row in refund.customdata)
    assert all(at_least in text for text in refund.text), "a refund computed from a minimum is a minimum"
    assert sum(len(trace.y) for trace in built.figure.data) == len(built.table)


# --------------------------------------------------------------------------- flows


def expected_flows(camps: tuple[str, ...]) -> list[dict[str, str]]:
    return [
        f
        for f in FLOWS
        if f["status"] != "refunded_in_part" and (camp_of(f["source_id"]) in camps or camp_of(f["target_id"]) in camps)
    ]


@pytest.mark.parametrize("camps", SELECTIONS, ids=SELECTION_IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_flows_links_match_the_data_and_unknown_amounts_are_grey_not_zero(lang, camps):
    built = chart("flows", lang, camps)
    flows = expected_flows(camps)
    assert len(built.table) == len(flows)
    if not flows:
        assert built.figure is None
        return
    (sankey,) = built.figure.data
    link, node = sankey.link, sankey.node
    assert len(link.value) == len(flows) == len(built.table)
    labels = list(node.label)
    known_max = max((amount(f["fact_id"]) for f in flows if f["fact_id"]), default=1.0)
    for i, flow in enumerate(flows):
        source_name = ACTORS[flow["source_id"]][f"name_{lang}"]
        assert html.unescape(labels[link.source[i]]) == source_name
        text, status = link.customdata[i]
        assert status == t(f"status_{flow['status']}", lang)
        if flow["fact_id"]:
            assert link.value[i] == amount(flow["fact_id"])
            assert not _is_grey(link.color[i]) or camp_of(flow["target_id"]) == "context"
            assert text != t("amount_unknown", lang)
        else:
            assert link.color[i] == UNKNOWN_GREY and _is_grey(link.color[i])
            assert text == t("amount_unknown", lang)
            assert text == {"en": "amount unknown", "ar": "المبلغ غير معروف"}[lang]
            assert 0 < link.value[i] < known_max, "visible, but never drawn as if it were a large sum"
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
    (bar,) = built.figure.data
    assert list(bar.y) == [totals[c] for c in expected]
    assert len(bar.y) == len(built.table)
    for text, camp in zip(bar.text, expected, strict=True):
        assert (t("qualifier_at_least", lang) in text) == (bounds[camp] != {"exact"})
        assert "≥" not in text


# --------------------------------------------------------------------------- timeline


def expected_events(camps: tuple[str, ...]) -> list[dict[str, str]]:
    return [e for e in EVENTS if any(camp_of(a) in camps for a in e["actor_ids"].split(";"))]


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
    assert layout.title.text.replace("<br>", " ") == built.title == t(f"{chart_id}_title", lang)
    assert layout.title.xanchor == ("right" if rtl else "left")
    assert layout.legend.xanchor == ("right" if rtl else "left")
    if chart_id == "flows":
        (sankey,) = fig.data
        givers = {s for s in sankey.link.source} - {d for d in sankey.link.target}
        xs = [sankey.node.x[i] for i in givers]
        assert all((x > 0.5) if rtl else (x < 0.5) for x in xs), "givers start on the reading side"
        return
    assert layout.yaxis.side == ("right" if rtl else "left")
    if chart_id == "timeline":  # hidden x axis: the labels sit on the reading side of the markers
        markers = [trace for trace in fig.data if "markers" in (trace.mode or "")]
        assert all(trace.textposition == ("middle left" if rtl else "middle right") for trace in markers)
        low, high = layout.xaxis.range
        assert (abs(low) > abs(high)) == rtl
    else:
        assert layout.xaxis.autorange == ("reversed" if rtl else True)


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
    words = {"en": ("at least", "at most", "more than"), "ar": ("على الأقل", "على الأكثر", "كحد أقصى", "أكثر من")}[lang]
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
