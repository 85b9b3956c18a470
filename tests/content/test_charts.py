"""Figure builders (techmoney.content.charts.build_chart): the figure objects against the raw CSV files.

Expected values are read from data/*.csv with the csv module (not through the loader) and derived
figures are recomputed here, so a chart that drifts from its data fails.
"""

from __future__ import annotations

import html
import io
import itertools
import re
from collections.abc import Iterator

import pandas as pd
import pytest

from techmoney.content.charts import BUILDERS, build_chart
from techmoney.content.html import render
from techmoney.data.dataset import load_dataset
from techmoney.site.sitemap import CHART_IDS
from techmoney.site.url_state import CAMPS
from techmoney.words.bound import Words
from techmoney.words.formatting import usd
from techmoney.words.i18n import LANGS, t
from tests.conftest import DATA, csv_rows, csv_rows_by_id

DATASET = load_dataset(DATA)
SELECTIONS = [CAMPS, ("pro_trump",), ("pro_harris",), ("skeptic", "context"), ("pro_harris", "skeptic")]
SELECTION_IDS = ["all", "pro_trump", "pro_harris", "skeptic+context", "pro_harris+skeptic"]
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
QUALIFIER_WORDS = {
    "projected": {"en": "projected", "ar": "متوقع"},
    "derived": {"en": "derived", "ar": "حسابنا"},
}


def test_every_chart_the_site_map_names_has_a_builder_and_no_builder_goes_unnamed():
    """A link names a chart by the site map's ids (techmoney/site/sitemap.py): each must be one the content builds."""
    assert set(BUILDERS) == set(CHART_IDS)


FACTS = {row["fact_id"]: row for row in csv_rows("money_facts.csv")}
ACTORS = {row["actor_id"]: row for row in csv_rows("actors.csv")}
FLOWS = csv_rows("money_flows.csv")
EVENTS = csv_rows("events.csv")


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
    return build_chart(Words(DATASET, lang), chart_id, camps)


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
    measures = {
        m: [b for b in bars(built.figure) if label(b).startswith(t(f"measure_{m}", lang))]
        for m in ("gift", "limit", "refund")
    }
    gifts = [amount(TWIN_GIFTS[a]) for a in twins]
    assert [b.x[0] for b in measures["gift"]] == gifts
    assert [b.x[0] for b in measures["limit"]] == [amount(LIMIT)] * len(twins)
    assert [b.x[0] for b in measures["refund"]] == [g - amount(LIMIT) for g in gifts]
    # One panel a twin, headed by the twin's name, all on one scale.
    headings = [html.unescape(a.text) for a in built.figure.layout.annotations if a.text.startswith("<b>")]
    assert headings == [f"<b>{ACTORS[a][f'name_{lang}']}</b>" for a in twins]
    assert (
        len({tuple(built.figure.layout[axis].range) for axis in built.figure.layout if axis.startswith("xaxis")}) == 1
    )
    # Qualifiers: the gifts are minimums ("at least", in words: a ≥ flips in Arabic), the refund is
    # derived, in the label and the hover.
    at_least = t("qualifier_at_least", lang)
    assert all(label(b).count(at_least) == 1 and "≥" not in label(b) for b in measures["gift"])
    derived = QUALIFIER_WORDS["derived"][lang]
    assert all(derived in label(b) and derived in b.customdata[0][0] for b in measures["refund"])
    assert all(at_least in label(b) for b in measures["refund"]), "a refund computed from a minimum is a minimum"
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
        bracket = text.split(": ", 1)[1].split(" (", 1)[1]
        fact = FACTS.get(flow["fact_id"])
        if fact and fact["kind"] == "estimate":
            assert bracket == f"{t('status_estimate', lang)})", "the estimate says whose it is, not just 'projected'"
        elif fact and flow["status"] == "reported":  # whose report it is says "reported"
            attribution = fact[f"caveat_{lang}"].rstrip(".")
            assert bracket.startswith(attribution[:1].lower() + attribution[1:]), "a reported gift says who reported it"
        else:
            assert bracket.startswith(t("status_" + flow["status"], lang))
        if any(
            f["fact_id"]
            and FACTS[f["fact_id"]]["kind"] == "refund"
            and FACTS[f["fact_id"]]["payee_id"] == flow["source_id"]
            for f in FLOWS
        ):
            assert t("status_refunded_in_part", lang) in bracket, "a gift reportedly refunded in part says so"
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
    assert len(projected_axes) <= 1 and len(other_axes) <= 1 and not projected_axes & other_axes, (
        "the projection has its own scale: it does not shrink the reported gifts"
    )
    amounts = built.table[t("col_amount_usd", lang)]
    for value, flow in zip(amounts, flows, strict=True):
        assert pd.isna(value) if not flow["fact_id"] else value == amount(flow["fact_id"])
    assert not (amounts == 0).any(), "an unknown amount is not zero"


# --------------------------------------------------------------------------- camps


@pytest.mark.parametrize("camps", SELECTIONS, ids=SELECTION_IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_each_gift_with_an_amount_is_its_own_bar_not_a_camp_total(lang, camps):
    """The article compares no camps: one bar a gift with an amount (its giver in a camp shown), one colour, each
    "at least" in words, whose word it is in the hover and the table."""
    built = chart("camps", lang, camps)
    gifts = [
        row
        for row in FACTS.values()
        if row["kind"] == "donation" and row["qualifier"] != "derived" and camp_of(row["payer_id"]) in camps
    ]
    assert len(built.table) == len(gifts)
    if not gifts:
        assert built.figure is None
        return
    drawn = bars(built.figure)
    assert [b.x[0] for b in drawn] == [float(row["amount"]) for row in gifts]
    assert len({b.marker.color for b in drawn}) == 1, "not coloured as a contest between camps"
    for bar, row in zip(drawn, gifts, strict=True):
        assert (t("qualifier_at_least", lang) in label(bar)) == (row["bound"] == "at_least")
        assert ACTORS[row["payer_id"]][f"name_{lang}"] in label(bar) and "≥" not in label(bar)
        hover = html.unescape(bar.customdata[0][0]).replace("<br>", " ")
        assert row[f"caveat_{lang}"].rstrip(".")[1:] in hover, "whose word it is"
    assert list(built.table[t("col_amount_usd", lang)]) == [int(row["amount"]) for row in gifts], "whole dollars"


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
    # A month or a year narrowed to its early, middle or late part ("late July 2024") has no day: it is
    # placed by convention within its span, so only the other events are held to the scale.
    dated = {e[f"label_{lang}"]: _moment(e) for e in EVENTS if e["date_precision"] != "none" and not e["date_part"]}
    by_panel: dict[str, list[tuple[float, pd.Timestamp]]] = {}
    for trace in (tr for tr in fig.data if "markers" in (tr.mode or "")):
        for y, (hover,) in zip(trace.y, trace.customdata, strict=True):
            hover = hover.replace("<br>", " ")  # hovers wrap to the chart's width
            when = next((moment for text, moment in dated.items() if html.escape(text, quote=False) in hover), None)
            if when is not None:
                by_panel.setdefault(trace.yaxis, []).append((y, when))
    assert len(by_panel) >= 2, "the years, then the busy week day by day"
    for points in by_panel.values():
        points.sort()
        assert [w for _, w in points] == sorted(w for _, w in points), "later is lower"
        spans = [(y2 - y1, (w2 - w1).total_seconds()) for (y1, w1), (y2, w2) in itertools.pairwise(points)]
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
    assert html.unescape(layout.title.text.replace("<br>", " ")) == built.title
    assert layout.title.xanchor == side
    assert {a.xanchor for a in layout.annotations} == {side}, "labels and notes start on the reading side"
    assert layout.showlegend is False, "Plotly's legend puts keys left of labels: keys are drawn in the text"
    x_ranges = [layout[axis].range for axis in layout if axis.startswith("xaxis")]
    assert x_ranges and all((low > high) == rtl for low, high in x_ranges), (
        "bars grow, and time runs, from the reading side"
    )
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
    assert built.title == chart(chart_id, lang, CAMPS).title, "the headline does not depend on the camps shown"


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

    from techmoney.content.charts import _UNUSED_TEMPLATE_LAYOUT

    figure = build_chart(Words(DATASET, "ar"), chart_id, CAMPS).figure
    spec = figure.to_dict()
    assert json.loads(json.dumps(spec)) == spec, "JSON-native"
    full = json.loads(pio.to_json(go.Figure(figure), validate=False))["layout"]["template"]
    template = spec["layout"]["template"]
    used = {trace.get("type", "scatter") for trace in spec["data"]}
    assert template["data"] == {kind: value for kind, value in full["data"].items() if kind in used}
    assert template["layout"] == {k: v for k, v in full["layout"].items() if k not in _UNUSED_TEMPLATE_LAYOUT}
    assert len(json.dumps(full)) - len(json.dumps(template)) > 2500, "the point of pruning: kilobytes a chart"


# ------------------------------------------------------------- allocation of a twin's gift (public record)

CONTEXT = {row["context_id"]: row for row in csv_rows("context_facts.csv")}
STEPS = sorted((r for r in CONTEXT.values() if r["step"]), key=lambda r: int(r["step"]))
GIFT = TWIN_GIFTS["winklevoss_cameron"]
TAGS = {
    "public_record": {"en": "public record, not in the article", "ar": "سجل عام، ليس من المقال"},
    "article": {"en": "from the article", "ar": "من المقال"},
    "inference": {"en": "our inference", "ar": "استنتاجنا"},
    "derivation": {"en": "our derivation", "ar": "من حسابنا"},
    "at_least": {"en": "at least", "ar": "على الأقل"},
    "reportedly": {"en": "reportedly", "ar": "بحسب ما ورد"},
    "assuming": {"en": "assuming", "ar": "بافتراض"},
}


def expected_step_amounts() -> list[float]:
    """The members' steps recomputed from the raw CSVs: the FEC limits, then 42 × $10,000 to the cap."""

    def v(i: str) -> float:
        return float(CONTEXT[i]["value"])

    candidate, pac = v("fec_candidate_per_election"), v("fec_pac")
    rnc = v("fec_national_party_main") + v("fec_national_party_special_accounts") * v(
        "fec_national_party_special_account"
    )
    before_states = 2 * candidate + pac + rnc
    return [candidate, candidate, pac, rnc, amount(LIMIT) - before_states]


def plain(text: str) -> str:
    return html.unescape(text).replace("\u2066", "").replace("\u2069", "").replace("<br>", " ")


def bar_labels(built) -> list[str]:
    """Each bar's label: the annotation sitting just above the bar's centre."""
    (bar,) = built.figure.data
    labels = [a for a in built.figure.layout.annotations if a.yref == "y"]
    return [plain(max((a for a in labels if a.y < y), key=lambda a: a.y).text) for y in bar.y]


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
    assert list(bar.base) == [
        0.0,
        *starts,
    ]  # each step floats where the previous ended; the over-cap part starts at the cap
    assert list(bar.y) == sorted(bar.y), "top to bottom in order (pixels from the top)"
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
    for row, label, step_amount, pattern in zip(
        STEPS, step_labels, expected_step_amounts(), patterns[1:-1], strict=True
    ):
        assert plain(row[f"label_{lang}"]) in label, f"step {row['step']} named"
        assert usd(step_amount, lang) in label, f"step {row['step']} shows its amount"
        assert ("لجنة الانتخابات الفيدرالية" if lang == "ar" else "FEC") in label, (
            f"step {row['step']} shows its FEC limit"
        )
        inferred = row["confidence"] == "our_inference"
        assert (TAGS["public_record"][lang] in label) != inferred, "every figure from outside the article says so"
        assert (TAGS["inference"][lang] in label) == inferred
        assert (pattern == "/") == inferred, "the inferred step is hatched, the reported ones are not"
    for term in ("at_least", "reportedly", "derivation", "assuming"):
        assert TAGS[term][lang] in over_label, f"the part over the cap says {term!r}"
    assert usd(amount(GIFT) - amount(LIMIT), lang) in over_label
    assert patterns[-1] == "x" and patterns[0] == ""


@pytest.mark.parametrize("lang", LANGS)
def test_allocation_table_and_csv_are_drawn_from_the_same_frame_as_the_bars(lang):
    from techmoney.bake import downloads
    from techmoney.content import charts

    built = chart("allocation", lang, CAMPS)
    (bar,) = built.figure.data
    frame = charts.allocation_frame(Words(DATASET, lang))
    assert list(frame["amount"]) == list(bar.x) == list(built.table[t("col_amount_usd", lang)])
    assert list(frame["shown_amount"]) == list(built.table[t("col_amount", lang)])
    origins = list(built.table[t("col_origin", lang)])
    assert origins[1:-1] == [
        TAGS["public_record"][lang] if r["confidence"] in ("certain", "reported") else t("cap_tag_inference", lang)
        for r in STEPS
    ]
    links = list(built.table[t("col_source_url", lang)])
    assert all(link and link.startswith("https://") for link in links[1:-1]), "each public-record step links its source"
    served = downloads.resolve("chart/allocation.csv", {"lang": [lang]}, DATASET)
    csv_frame = pd.read_csv(io.BytesIO(served.content), encoding="utf-8-sig", keep_default_na=False)
    assert list(csv_frame[t("col_amount_usd", lang)]) == list(bar.x)
    assert list(csv_frame[t("col_label", lang)]) == list(built.table[t("col_label", lang)])


def test_arabic_allocation_text_uses_words_for_qualifiers_isolates_latin_and_agrees_in_number():
    built = chart("allocation", "ar", CAMPS)
    (bar,) = built.figure.data
    own = [
        built.subtitle,
        *(a.text for a in built.figure.layout.annotations if a.yref == "y"),
        *(row[0] for row in bar.customdata),
        *(cell for cell in built.table.to_numpy().ravel() if isinstance(cell, str) and not cell.startswith("https://")),
    ]
    own = [str(text) for text in own]
    for text in own:
        assert "≥" not in text and "≤" not in text and not re.search(r"\d\+", text), text[:80]
        bare = re.sub("\u2066[^\u2069]*\u2069", "", html.unescape(text))
        assert not re.search("[A-Za-z]", bare.replace("<br>", "")), f"Latin outside LRI…PDI: {bare[:80]!r}"
    ticks = list(built.figure.layout.xaxis.ticktext)
    assert any("مليون" in tick for tick in ticks) and not any(re.search(r"\d+[kKM]|1 مليون", tick) for tick in ticks)
    assert ticks[-1].endswith("دولار"), "the axis names its currency"


@pytest.mark.parametrize("camps", [("pro_harris",), ("skeptic", "context")])
def test_allocation_follows_the_camp_filter_like_the_twins_chart(camps):
    built = chart("allocation", "en", camps)
    assert built.figure is None and built.table.empty


# --------------------------------------------------------------------------- issue 24: sources and working where shown


@pytest.mark.parametrize("lang", LANGS)
def test_the_timeline_table_says_what_kind_of_date_each_event_has(lang):
    table = chart("timeline", lang, CAMPS).table
    kinds = dict(zip(table[t("col_event", lang)], table[t("col_date_kind", lang)], strict=True))
    events = csv_rows_by_id("events.csv")
    undated = events["ev_regulators_target_crypto_ai"][f"label_{lang}"]
    assert kinds[undated] == t("date_unknown", lang), "an undated event is not 'worked out'"
    assert kinds[events["ev_harris_attorney_general"][f"label_{lang}"]] == t("date_public_record", lang)
    assert kinds[events["ev_harris_facebook_remark"][f"label_{lang}"]] == t("exact_date", lang)
    assert kinds[events["ev_hastings_backs_harris"][f"label_{lang}"]] == t("approximate", lang)
    excerpts = list(table[t("col_excerpt", lang)])
    assert all(e == events[i]["source_excerpt"] for e, i in zip(excerpts, chart_event_ids(lang), strict=True)), (
        "the article's words, byte for byte: no isolate marks in the table or its CSV"
    )
    shown = render.table(table, lang)
    assert '<bdi dir="ltr">ABC News</bdi>' in shown, "a Latin name in the article's Arabic is isolated where shown"
    links = dict(zip(table[t("col_event", lang)], table[t("col_source_url", lang)], strict=True))
    assert links[events["ev_harris_attorney_general"][f"label_{lang}"]].startswith("https://"), (
        "the public record is linked"
    )


def chart_event_ids(lang: str) -> list[str]:
    from techmoney.content import charts

    return list(charts.timeline_events(Words(DATASET, lang), CAMPS)["event_id"])


@pytest.mark.parametrize("lang", LANGS)
def test_the_share_and_the_allocation_show_their_working_and_assumption_on_the_chart(lang):
    goal = chart("goal", lang, CAMPS)
    facts_ = csv_rows_by_id("money_facts.csv")
    gift = usd(float(facts_["gift_hastings_7m"]["amount"]), lang, compact=True)
    assert f"{gift} {'من أصل' if lang == 'ar' else 'out of'} " in goal.subtitle
    assert "÷" not in goal.subtitle, "arithmetic in words in running text"
    assert ("يُحتسب ضمن هذا التقدير" if lang == "ar" else "counts toward that estimate") in goal.subtitle
    allocation = chart("allocation", lang, CAMPS)
    assert ("وكالة أسوشيتد برس" if lang == "ar" else "the AP") in allocation.subtitle, "the fill order names its source"
    assert ("نفترض" if lang == "ar" else "we assume") in allocation.subtitle, "the assumption is on the chart"
    sources = set(allocation.table[t("allocation_col_source", lang)][1:-1])
    assert all(("أسوشيتد برس" if lang == "ar" else "Associated Press") in s for s in sources), sources


@pytest.mark.parametrize("lang", LANGS)
def test_the_flows_chart_says_the_push_holds_no_money_and_calls_no_pac_super(lang):
    subtitle = chart("flows", lang, CAMPS).subtitle
    assert ("لا يحتفظ بالمال" if lang == "ar" else "does not hold the money") in subtitle
    assert ("سوبر باك" if lang == "ar" else "super PAC") not in subtitle
