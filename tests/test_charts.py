"""Figure builders (components.charts.build_chart): the figure objects against the raw CSV files.

Expected values are read from data/*.csv with the csv module (not through the loader) and derived
figures are recomputed here, so a chart that drifts from its data fails.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator

import pandas as pd
import pytest

from components.charts import CHART_IDS, UNKNOWN_GREY, build_chart
from components.dataset import load_dataset
from components.formatting import usd
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


# --------------------------------------------------------------------------- allocation of a twin's gift (public record)

CONTEXT = {row["context_id"]: row for row in _rows("context_facts.csv")}
STEPS = sorted((r for r in CONTEXT.values() if r["step"]), key=lambda r: int(r["step"]))
GIFT = TWIN_GIFTS["winklevoss_cameron"]
TAGS = {
    "public_record": {"en": "public record, not in the article", "ar": "سجل عام، ليس من المقال"},
    "article": {"en": "from the article", "ar": "من المقال"},
    "inference": {"en": "our inference", "ar": "استنتاج منا"},
    "derivation": {"en": "our derivation", "ar": "حساب منا"},
    "at_least": {"en": "at least", "ar": "على الأقل"},
    "reportedly": {"en": "reportedly", "ar": "بحسب ما ورد"},
    "assuming": {"en": "assuming", "ar": "بافتراض"},
}


def expected_step_amounts() -> list[float]:
    """The members' steps recomputed from the raw CSVs: the FEC limits, then 42 × $10,000 to the cap."""
    def v(i: str) -> float:
        return float(CONTEXT[i]["value"])
    candidate, pac, state = v("fec_candidate_per_election"), v("fec_pac"), v("fec_state_party_federal")
    rnc = v("fec_national_party_main") + v("fec_national_party_special_accounts") * v("fec_national_party_special_account")
    before_states = 2 * candidate + pac + rnc
    return [candidate, candidate, pac, rnc, amount(LIMIT) - before_states]


def plain(text: str) -> str:
    return html.unescape(text).replace("\u2066", "").replace("\u2069", "").replace("<br>", " ")


def bar_labels(built) -> list[str]:
    """Each bar's label: the annotation sitting just above the bar's centre."""
    (bar,) = built.figure.data
    labels = [a for a in built.figure.layout.annotations if a.yref == "y"]
    return [plain(min((a for a in labels if a.y > y), key=lambda a: a.y).text) for y in bar.y]


@pytest.mark.parametrize("lang", LANGS)
def test_allocation_bars_are_the_gift_each_step_in_the_reported_order_and_the_part_over_the_cap(lang):
    built = chart("allocation", lang, CAMPS)
    (bar,) = built.figure.data
    steps = expected_step_amounts()
    assert sum(steps) == amount(LIMIT), "the members' steps fill the article's cap exactly"
    over = amount(GIFT) - amount(LIMIT)
    assert list(bar.x) == [amount(GIFT), *steps, over]
    starts = [0.0]
    for step in steps:
        starts.append(starts[-1] + step)
    assert list(bar.base) == [0.0, *starts]  # each step floats where the previous ended; the over-cap part starts at the cap
    assert list(bar.y) == sorted(bar.y, reverse=True), "top to bottom in order"
    cap_marks = [s for s in built.figure.layout.shapes if s.x0 == s.x1]
    assert cap_marks and all(s.x0 == amount(LIMIT) for s in cap_marks)


@pytest.mark.parametrize("lang", LANGS)
def test_allocation_labels_each_step_with_amount_fec_limit_and_origin_and_marks_inference_and_over_cap(lang):
    built = chart("allocation", lang, CAMPS)
    (bar,) = built.figure.data
    labels = bar_labels(built)
    patterns = list(bar.marker.pattern.shape)
    gift_label, *step_labels, over_label = labels
    assert TAGS["article"][lang] in gift_label and TAGS["at_least"][lang] in gift_label
    for row, label, step_amount, pattern in zip(STEPS, step_labels, expected_step_amounts(), patterns[1:-1], strict=True):
        assert plain(row[f"label_{lang}"]) in label, f"step {row['step']} named"
        assert usd(step_amount, lang) in label, f"step {row['step']} shows its amount"
        assert "FEC" in label, f"step {row['step']} shows its FEC limit"
        assert TAGS["public_record"][lang] in label, "every figure from outside the article says so"
        inferred = row["confidence"] == "our_inference"
        assert (TAGS["inference"][lang] in label) == inferred
        assert (pattern == "/") == inferred, "the inferred step is hatched, the reported ones are not"
    for term in ("at_least", "reportedly", "derivation", "assuming"):
        assert TAGS[term][lang] in over_label, f"the part over the cap says {term!r}"
    assert usd(amount(GIFT) - amount(LIMIT), lang) in over_label
    assert patterns[-1] == "x" and patterns[0] == ""


@pytest.mark.parametrize("lang", LANGS)
def test_allocation_table_and_csv_are_drawn_from_the_same_frame_as_the_bars(lang):
    from components import charts, downloads
    from components.url_state import ViewState

    built = chart("allocation", lang, CAMPS)
    (bar,) = built.figure.data
    frame = charts.allocation_frame(DATASET, lang)
    assert list(frame["amount"]) == list(bar.x) == list(built.table[t("col_amount_usd", lang)])
    assert list(frame["shown_amount"]) == list(built.table[t("col_amount", lang)])
    origins = list(built.table[t("col_origin", lang)])
    assert origins[1:-1] == [TAGS["public_record"][lang] if r["confidence"] in ("certain", "reported") else
                             f"{TAGS['inference'][lang]} — {TAGS['public_record'][lang]}" for r in STEPS]
    served = downloads.resolve("chart/allocation.csv", {"lang": [lang]}, DATASET)
    csv_frame = pd.read_csv(io.BytesIO(served.content), encoding="utf-8-sig", keep_default_na=False)
    assert list(csv_frame[t("col_amount_usd", lang)]) == list(bar.x)
    assert list(csv_frame[t("col_label", lang)]) == list(built.table[t("col_label", lang)])


def test_arabic_allocation_text_uses_words_for_qualifiers_isolates_latin_and_agrees_in_number():
    built = chart("allocation", "ar", CAMPS)
    (bar,) = built.figure.data
    own = [built.subtitle, *(a.text for a in built.figure.layout.annotations if a.yref == "y"),
           *(row[0] for row in bar.customdata), *built.table.astype(str).to_numpy().ravel()]
    for text in own:
        assert "≥" not in text and "≤" not in text and not re.search(r"\d\+", text), text[:80]
        bare = re.sub("\u2066[^\u2069]*\u2069", "", html.unescape(text))
        assert not re.search("[A-Za-z]", bare.replace("<br>", "")), f"Latin outside LRI…PDI: {bare[:80]!r}"
    ticks = list(built.figure.layout.xaxis.ticktext)
    assert "مليون دولار" in ticks and not any(re.search(r"\d+[kKM]|1 مليون", tick) for tick in ticks)


@pytest.mark.parametrize("camps", [("pro_harris",), ("skeptic", "context")])
def test_allocation_follows_the_camp_filter_like_the_twins_chart(camps):
    built = chart("allocation", "en", camps)
    assert built.figure is None and built.table.empty
