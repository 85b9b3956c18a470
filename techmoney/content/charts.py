"""Plotly figures, each built from the dataset's DataFrames in one language, with its data table.

A chart is one function ``(words, camps, source) -> Chart`` (``words``: the dataset's words in one language,
techmoney/words/bound.py; ``source``: its source line): the figure and the table are made
from the same DataFrame, so the text alternative always says what the chart shows. The geometry
(labelled bars in panels, the time line, title and notes, all placed in pixels so they read on a
phone) is techmoney.content.chart_layout's; figures are mirrored for Arabic inside the figure, because the
chart's own container stays left-to-right: Plotly misplaces hover labels in an RTL document. Arabic
text is passed as is: Plotly and the browser shape it.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, replace
from fractions import Fraction

import pandas as pd
import plotly.graph_objects as go
import plotly.io

from techmoney.content import cap_explainer
from techmoney.content.chart_layout import (
    BAR_PX,
    LABEL_PX,
    LINE_PX,
    TICK_ROOM,
    TICKS_PX,
    TIME_TICKS_PX,
    Panel,
    Row,
    TimeItem,
    TimePanel,
    bar_panels,
    finish,
    hover_html,
    key_text,
    lines_html,
    tick_texts,
    time_panels,
    wrap,
)
from techmoney.data import allocation
from techmoney.data.built_once import built_once
from techmoney.words.bound import Figure, Words
from techmoney.words.facts import (
    GOAL_FACT,
    HASTINGS_FACT,
    LIMIT_FACT,
    REASONING_COLUMNS,
    SHARE_FACT,
    TWIN_FACTS,
    camp_color,
    camp_of,
)
from techmoney.words.formatting import month_name
from techmoney.words.locale import locale


class FrozenFigure(go.Figure):
    """A figure that is finished when built: its dict form is computed once and reused.

    st.plotly_chart calls to_dict() on every rerun (a deep copy: ~2.5 ms a chart, half of a page's
    run); cached figures never change, so the copy is made once. Never mutate one after building.
    The dict holds JSON values only (numpy arrays and timestamps converted once, by Plotly's own
    encoder), so each rerun's JSON encoding is one orjson call (bench/README.md has the measurements).
    """

    @functools.cached_property
    def _sent(self) -> dict:  # cached_property writes the instance's __dict__, past Plotly's __setattr__
        return _prune_template(json.loads(plotly.io.to_json(super().to_dict(), validate=False, engine="json")))

    def to_dict(self) -> dict:
        return self._sent


# Parts of Plotly's default template that only style subplot kinds and colour scales no chart here uses.
_UNUSED_TEMPLATE_LAYOUT = ("colorscale", "geo", "polar", "scene", "ternary")


def _prune_template(figure: dict) -> dict:
    """Keep only the template entries the figure can use: its own trace types and 2-D layout.

    The default template (Streamlit's in the app, ~3.7 kB; Plotly's own ~7 kB) is mostly defaults for
    trace types and colour scales the chart does not have; the spec is encoded, hashed and sent on
    every rerun, so this drops ~3 kB a chart without changing a pixel.
    """
    template = figure.get("layout", {}).get("template")
    if not isinstance(template, dict):
        return figure
    used = {trace.get("type", "scatter") for trace in figure.get("data", [])}
    template["data"] = {kind: value for kind, value in template.get("data", {}).items() if kind in used}
    template["layout"] = {k: v for k, v in template.get("layout", {}).items() if k not in _UNUSED_TEMPLATE_LAYOUT}
    return figure


@dataclass(frozen=True)
class Chart:
    chart_id: str
    title: str
    subtitle: str
    figure: go.Figure | None  # None: the camp filter left nothing to draw
    table: pd.DataFrame


def goal_chart(words: Words, camps: tuple[str, ...], source: str) -> Chart:
    dataset, lang = words.dataset, words.lang
    goal, gift, share = (words.figure(fact_id) for fact_id in (GOAL_FACT, HASTINGS_FACT, SHARE_FACT))
    title = words.t("goal_title", gift=gift.amount, goal=goal.amount)
    subtitle = words.t("goal_subtitle", share=share.amount, working=words.share_working())
    shown = [f for f in (goal, gift) if camp_of(dataset, f.record["payee_id"]) in camps]
    table = _facts_table(words, shown)
    if not shown:
        return Chart("goal", title, subtitle, None, table)
    color = camp_color(dataset, "pro_harris")
    labels = {GOAL_FACT: words.t("goal_bar_goal"), HASTINGS_FACT: words.t("goal_bar_gift")}
    bars = tuple(
        Row(
            label=f"{labels[f.record['fact_id']]}: {f.text}",
            value=f.record["amount"],
            color=color,
            projected=f.record["qualifier"] == "projected",
            hover=" — ".join((f"{labels[f.record['fact_id']]}: {f.text}", f.note)),
        )
        for f in shown
    )
    fig, plot_px, below = bar_panels([Panel("", bars)], lang)
    return Chart("goal", title, subtitle, finish(fig, lang, title, subtitle, source, plot_px, below_px=below), table)


def twins_chart(words: Words, camps: tuple[str, ...], source: str) -> Chart:
    """Each twin's gift, the legal limit and the refund (gift − limit), one panel a twin on one scale."""
    dataset, lang = words.dataset, words.lang
    limit = words.fact(LIMIT_FACT)
    twins = [a for a in TWIN_FACTS if camp_of(dataset, a) in camps]
    first_gift = words.fact(next(iter(TWIN_FACTS.values()))[0])
    title = words.t("twins_title", gift=words.usd(first_gift["amount"], compact=True), cap=words.usd(limit["amount"]))
    subtitle = words.t("twins_subtitle")
    records = []
    for twin in twins:
        gift_id, refund_id = TWIN_FACTS[twin]
        for measure, row in (("gift", words.fact(gift_id)), ("limit", limit), ("refund", words.fact(refund_id))):
            figure = words.figure(row["fact_id"])
            records.append(
                {
                    "twin": words.actor_name(twin),
                    "measure": measure,
                    "amount": _whole(row["amount"]),
                    "text": figure.full_text,
                    "qualifier": figure.qualifier,
                    # The figure's words already say its bound ("at least $1,000,000"): the hover does not repeat it.
                    "said": row["qualifier"] != "derived"
                    and (row["bound"] in ("at_least", "more_than") or row["qualifier"] == "exact"),
                    "formula": f"{words.usd(words.fact(gift_id)['amount'])} − {words.usd(limit['amount'])}"
                    if measure == "refund"
                    else "",
                    "caveat": figure.caveat,
                    "excerpt": row["source_excerpt"],
                }
            )
    frame = pd.DataFrame(
        records, columns=["twin", "measure", "amount", "text", "qualifier", "said", "formula", "caveat", "excerpt"]
    )
    frame["amount"] = frame["amount"].astype("Int64")
    table = _headed(
        words,
        frame.assign(measure=frame["measure"].map(lambda m: words.t(f"measure_{m}"))),
        {
            "twin": "col_twin",
            "measure": "col_measure",
            "amount": "col_amount_usd",
            "text": "col_amount",
            "qualifier": "col_qualifier",
            "formula": "col_formula",
            "excerpt": "col_excerpt",
        },
    )
    if frame.empty:
        return Chart("twins", title, subtitle, None, table)
    color = camp_color(dataset, "pro_trump")
    looks = {"gift": {"color": color}, "limit": {"color": "#767676"}, "refund": {"color": color, "projected": True}}
    panels = [
        Panel(
            name,
            tuple(
                Row(
                    label=f"{words.t('measure_' + r.measure)}: {r.text}",
                    value=r.amount,
                    **looks[r.measure],
                    hover=" — ".join(
                        part for part in (r.text, "" if r.said else r.qualifier, r.formula, r.caveat) if part
                    ),
                )
                for r in part.itertuples()
            ),
        )
        for name, part in frame.groupby("twin", sort=False)
    ]
    fig, plot_px, below = bar_panels(panels, lang, shared_scale=True)
    return Chart("twins", title, subtitle, finish(fig, lang, title, subtitle, source, plot_px, below_px=below), table)


def flows_chart(words: Words, camps: tuple[str, ...], source: str) -> Chart:
    """Who gives to whom: one bar a flow, under the words "giver to recipient: amount (status)". The
    projected total and its destinations sit in a panel of their own, on their own scale, so an
    estimate of more than $100M does not shrink the reported $7M and $1M gifts to slivers."""
    dataset, lang = words.dataset, words.lang
    flows = dataset.money_flows
    flows = flows[flows["status"] != "refunded_in_part"]  # refunds run back against the flow: twins chart
    keep = flows["source_id"].map(lambda a: camp_of(dataset, a) in camps) | flows["target_id"].map(
        lambda a: camp_of(dataset, a) in camps
    )
    flows = flows[keep]
    title, subtitle = words.t("flows_title"), words.t("flows_note")
    refunded = set(dataset.money_facts.loc[dataset.money_facts["kind"] == "refund", "payee_id"])
    records = []
    for _, flow in flows.iterrows():
        row = words.fact(flow["fact_id"]) if flow["fact_id"] else None
        records.append(
            {
                "from": words.actor_name(flow["source_id"]),
                "to": words.actor_name(flow["target_id"]),
                "source_id": flow["source_id"],
                "target_id": flow["target_id"],
                "amount": _whole(row["amount"]) if row is not None else None,
                "text": words.figure(row["fact_id"]).text if row is not None else words.t("amount_unknown"),
                "status": _flow_status(words, flow, row, flow["source_id"] in refunded),
                "flow_status": flow["status"],
                "excerpt": flow["source_excerpt"],
            }
        )
    frame = pd.DataFrame(
        records, columns=["from", "to", "source_id", "target_id", "amount", "text", "status", "flow_status", "excerpt"]
    )
    frame["amount"] = frame["amount"].astype("Int64")
    table = _headed(
        words,
        frame,
        {
            "from": "col_from",
            "to": "col_to",
            "amount": "col_amount_usd",
            "text": "col_amount",
            "status": "col_status",
            "excerpt": "col_excerpt",
        },
    )
    if frame.empty:
        return Chart("flows", title, subtitle, None, table)
    panels = []
    for heading, projected in (("flows_panel_projected", True), ("flows_panel_gifts", False)):
        part = frame[(frame["flow_status"] == "projected") == projected]
        rows = tuple(
            Row(
                label=f"{words.t('flows_row', source=f['from'], target=f['to'])}: {f['text']} ({f['status']})",
                value=float(f["amount"]) if pd.notna(f["amount"]) else None,
                color=camp_color(dataset, camp_of(dataset, f["target_id"]) or "context"),
                projected=f["flow_status"] == "projected",
            )
            for _, f in part.iterrows()
        )
        if rows:
            panels.append(Panel(words.t(heading), rows))
    fig, plot_px, below = bar_panels(panels, lang)
    return Chart("flows", title, subtitle, finish(fig, lang, title, subtitle, source, plot_px, below_px=below), table)


def _flow_status(words: Words, flow: pd.Series, row: pd.Series | None, refunded: bool) -> str:
    """The words in a flow's brackets: what it is (one source's estimate, reported, planned), whose word it
    is, and a reported refund."""
    if row is not None and row["kind"] == "estimate":
        return words.t("status_estimate")
    attribution = _attribution(words, row) if row is not None and flow["status"] == "reported" else ""
    parts = [attribution or words.t(f"status_{flow['status']}")]  # whose report it is says "reported"
    if refunded:
        parts.append(words.t("status_refunded_in_part"))
    return locale(words.lang).join(p for p in parts if p)


def _attribution(words: Words, row: pd.Series) -> str:
    """A reported figure's caveat ("According to The Information.") as a clause: "according to The Information"."""
    caveat = words.figure(row["fact_id"]).caveat.rstrip(".")
    return caveat[:1].lower() + caveat[1:]  # a no-op in Arabic, which has no letter case


def camps_chart(words: Words, camps: tuple[str, ...], source: str) -> Chart:
    """The gifts the article gives an amount for, one bar each, in one colour: who gave, to whom, how much and on whose
    word. Not a tally by camp, which the article does not make (the chart keeps its id, "camps", so links hold);
    the camp filter keeps a gift when its giver is in a camp shown."""
    dataset, lang = words.dataset, words.lang
    money = dataset.money_facts
    gifts = money[(money["kind"] == "donation") & (money["qualifier"] != "derived")]
    refunded = set(money.loc[money["kind"] == "refund", "payee_id"])
    title, subtitle = words.t("camps_title"), words.t("camps_subtitle")
    records = []
    for _, row in gifts.iterrows():
        if camp_of(dataset, row["payer_id"]) not in camps:
            continue
        attribution = locale(lang).join(
            p
            for p in (
                _attribution(words, row),
                words.t("status_refunded_in_part") if row["payer_id"] in refunded else "",
            )
            if p
        )
        records.append(
            {
                "from": words.actor_name(row["payer_id"]),
                "to": words.actor_name(row["payee_id"]),
                "amount": _whole(row["amount"]),
                "text": words.figure(row["fact_id"]).full_text,
                "said": attribution,
                "excerpt": row["source_excerpt"],
            }
        )
    frame = pd.DataFrame(records, columns=["from", "to", "amount", "text", "said", "excerpt"])
    frame["amount"] = frame["amount"].astype("Int64")
    table = _headed(
        words,
        frame,
        {
            "from": "col_from",
            "to": "col_to",
            "amount": "col_amount_usd",
            "text": "col_amount",
            "said": "col_attribution",
            "excerpt": "col_excerpt",
        },
    )
    if frame.empty:
        return Chart("camps", title, subtitle, None, table)
    rows = tuple(
        Row(
            label=f"{words.t('flows_row', source=g['from'], target=g['to'])}: {g['text']}",
            value=float(g["amount"]),
            color=camp_color(dataset, "context"),
            hover=f"{g['text']} — {g['said']}",
        )
        for _, g in frame.iterrows()
    )
    fig, plot_px, below = bar_panels([Panel("", rows)], lang, shared_scale=True)
    return Chart("camps", title, subtitle, finish(fig, lang, title, subtitle, source, plot_px, below_px=below), table)


def timeline_events(words: Words, camps: tuple[str, ...]) -> pd.DataFrame:
    """Events whose actors include someone in the selected camps, with a plottable date."""
    dataset = words.dataset
    events = dataset.events.copy()
    keep = events["actor_ids"].map(lambda ids: any(camp_of(dataset, a) in camps for a in ids.split(";")))
    events = events[keep]
    events["when"] = pd.to_datetime(events.apply(_plot_date, axis=1), errors="coerce", format="ISO8601")
    events["label"] = events.apply(lambda e: words.pick(e, "label"), axis=1)
    # A worked-out date is marked by its open circle and its kind ("worked out"), not by "about" in its words.
    events["shown_date"] = [words.date(e.date, e.date_precision, part=e.date_part or None) for e in events.itertuples()]
    events["reasoning"] = events[REASONING_COLUMNS[words.lang]]
    return events.sort_values("when", na_position="last", kind="stable")  # ties keep the file's story order


# Where a month or a year narrowed by date_part ("late July 2024", "early 2025") sits, for ordering only.
_PART_DAY = {"early": "05", "mid": "15", "late": "25"}
_PART_MONTH = {"early": "02", "mid": "07", "late": "11"}


def _plot_date(event: pd.Series) -> str | None:
    date, precision, part = event["date"], event["date_precision"], event["date_part"]
    if precision == "year":
        return f"{date}-{_PART_MONTH.get(part, '07')}-01"
    if precision == "month":
        return f"{date}-{_PART_DAY.get(part, '15')}"
    return f"{date}T12:00" if precision == "day" else None  # the middle of its year, month or day


def _days_text(words: Words, first: pd.Timestamp, last: pd.Timestamp) -> str:
    """A span of days in words: «21–23 يوليو/تموز 2024» / "July 21–23, 2024" within a month, else the two
    dates joined."""
    if (first.year, first.month) == (last.year, last.month) and first.day != last.day:
        month = month_name(first.month, words.lang)
        return locale(words.lang).day_span_format.format(first=first.day, last=last.day, month=month, year=first.year)
    start, end = (words.date(d.strftime("%Y-%m-%d"), "day") for d in (first, last))
    return start if start == end else words.t("timeline_span", start=start, end=end)


def _date_kind(words: Words, event) -> str:
    """Whether the article gives the date, the public record does, we worked it out, or there is none to give."""
    if event.date_precision == "none":
        return words.t("date_unknown")
    if event.date_approximate:
        return words.t("approximate")
    return words.t("date_public_record" if event.context_ids else "exact_date")


# The timeline's title: the year Harris's record starts, and the week the push began (the day Biden withdrew).
TIMELINE_TITLE_EVENTS = ("ev_harris_attorney_general", "ev_allies_talks_begin")
BUSY_DAYS = 7  # day-dated events this close together are told again in a panel of their own, day by day
YEARS_PX, DAY_PX = 360, 64  # the height of the years' scale; a day's height in a day-by-day panel


def _busy_spans(items: list[TimeItem], precisions: list[str]) -> list[list[int]]:
    """Runs (indices) of at least two day-dated items, each within BUSY_DAYS of the one before."""
    runs: list[list[int]] = []
    for i, (item, precision) in enumerate(zip(items, precisions, strict=True)):
        if precision != "day":
            continue
        if runs and i - 1 == runs[-1][-1] and (item.when - items[i - 1].when).days <= BUSY_DAYS:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [run for run in runs if len(run) > 1]


def timeline_chart(words: Words, camps: tuple[str, ...], source: str) -> Chart:
    """Dated events on a vertical time line whose spacing follows the dates: the years on one scale, and
    each busy week (five of the eleven events fall in one week of July 2024) again on a scale of days.
    Each label starts with its date in words ("about …" when approximate; open markers too)."""
    dataset, lang = words.dataset, words.lang
    events = timeline_events(words, camps)
    start, week = (dataset.by_id("events")[e] for e in TIMELINE_TITLE_EVENTS)
    title = words.t("timeline_title", start=start["date"][:4], when=words.date(week["date"][:7], "month"))
    subtitle = words.t("timeline_subtitle")
    sources = [words.outside_sources((e,)) for e in events["event_id"]]
    table = pd.DataFrame(
        {
            words.t("col_date"): events["shown_date"],
            words.t("col_event"): events["label"],
            words.t("col_date_kind"): [_date_kind(words, e) for e in events.itertuples()],
            words.t("col_reasoning"): events["reasoning"],
            words.t("col_source"): [_sources_names(found, lang) or None for found in sources],
            words.t("col_source_url"): [" ".join(s.url for s in found) or None for found in sources],
            words.t("col_excerpt"): events["source_excerpt"],
        }
    )
    dated = events.dropna(subset=["when"]).reset_index(drop=True)
    if dated.empty:
        return Chart("timeline", title, subtitle, None, table)
    items = []
    for e in dated.itertuples():
        items.append(
            TimeItem(
                e.when.to_pydatetime(),
                e.shown_date,
                e.label,
                bool(e.date_approximate),
                f"{e.shown_date}: {e.label} — {e.reasoning}",
            )
        )
    busy = _busy_spans(items, list(dated["date_precision"]))
    in_busy = {i for run in busy for i in run}
    overview = [item for i, item in enumerate(items) if i not in in_busy]
    details = []
    for run in busy:
        first, last = dated["when"][run[0]].normalize(), dated["when"][run[-1]].normalize()
        span = _days_text(words, first, last)
        cluster = "timeline_cluster" if first != last else "timeline_cluster_day"
        overview.append(
            TimeItem(
                items[run[0]].when,
                span,
                words.t(cluster),
                any(items[i].approximate for i in run),
                span,
                until=items[run[-1]].when,
            )
        )
        days = pd.date_range(first, last, freq="D")
        details.append(
            TimePanel(
                words.t("timeline_days", days=span),
                first.to_pydatetime(),
                (last + pd.Timedelta(days=1)).to_pydatetime(),
                DAY_PX,
                tuple(((d + pd.Timedelta(hours=12)).to_pydatetime(), str(d.day)) for d in days),
                tuple(items[i] for i in run),
            )
        )
    first_year, last_year = dated["when"].min().year, dated["when"].max().year
    start, end = pd.Timestamp(first_year, 1, 1), pd.Timestamp(last_year + 1, 1, 1)
    px_per_day = YEARS_PX / (end - start).days
    step = next(s for s in (1, 2, 5, 10, 20, 50) if s * 365 * px_per_day >= 34)
    years = range(first_year, last_year + 2, step)
    years_panel = TimePanel(
        words.t("timeline_span", start=str(first_year), end=str(last_year)),
        start.to_pydatetime(),
        end.to_pydatetime(),
        px_per_day,
        tuple((pd.Timestamp(y, 1, 1).to_pydatetime(), str(y)) for y in years),
        tuple(overview),
    )
    names = {False: words.t("exact_date"), True: words.t("approximate")}
    fig, plot_px = time_panels([years_panel, *details], lang, names)
    key = key_text([("●", names[False]), ("○", names[True])])
    _finish_args = {"key": key, "start_px": TIME_TICKS_PX}
    return Chart(
        "timeline", title, subtitle, finish(fig, lang, title, subtitle, source, plot_px, **_finish_args), table
    )


def _headed(words: Words, frame: pd.DataFrame, headers: dict[str, str]) -> pd.DataFrame:
    """The frame with the given columns, headed in the reader's language (column -> i18n key)."""
    return frame[list(headers)].rename(columns={c: words.t(key) for c, key in headers.items()})


def _facts_table(words: Words, figures: list[Figure]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            words.t("col_label"): [words.pick(f.record, "label") for f in figures],
            words.t("col_amount_usd"): pd.array([_whole(f.record["amount"]) for f in figures], dtype="Int64"),
            words.t("col_amount"): [f.full_text for f in figures],
            words.t("col_qualifier"): [f.qualifier for f in figures],
            words.t("col_excerpt"): [f.record["source_excerpt"] for f in figures],
        }
    )


def _sources_names(found, lang: str) -> str:
    """Outside sources by name in one cell ("publisher, date" each), apart by a semicolon in the reader's script."""
    return ("؛ " if locale(lang).rtl else "; ").join(source.name for source in found)


def _whole(amount: float | None) -> int | None:
    """A dollar amount as the whole number the data holds (the CSVs write 7000000, not 7000000.0)."""
    return None if amount is None or pd.isna(amount) else round(float(amount))


# --------------------------------------------------------------------------- allocation of a twin's gift
# Pixel sizes of the allocation chart's rows: each bar sits under its own label (on a phone, labels
# beside the bars would leave the bars no room).
_GAP_PX, _LABEL_CHARS = 14, 44
_ALLOCATION_COLUMNS = [
    "position",
    "item",
    "start",
    "amount",
    "shown_amount",
    "limit",
    "origin",
    "source",
    "links",
    "assumption",
    "style",
    "records",
    "label",
    "hover",
]


def allocation_frame(words: Words) -> pd.DataFrame:
    """One row per bar: the gift (from the article), each member's step in the reported order (public
    record, or our inference), and the part over the cap (our derivation). The chart, its table and
    its source line are all drawn from this frame."""
    dataset, lang = words.dataset, words.lang
    split = cap_explainer.allocation_of(dataset)
    context = dataset.by_id("context_facts")
    article = words.t("allocation_article_source")

    def term(row: pd.Series) -> str:
        return cap_explainer.value_text(row, lang)

    def limit_text(step: allocation.Step) -> str:
        terms = allocation.formula_terms(context, step.step_id)
        formula = allocation.formula(context, step.step_id, term)
        if step.confidence == "our_inference":
            return words.t("allocation_limit_inferred", formula=formula)
        if len(terms) == 1:
            return words.t("allocation_limit_one", limit=words.pick(context[terms[0]], "label"))
        return words.t("allocation_limit_formula", formula=formula)

    def bar(item: str, start: Fraction, amount: Fraction, bound: str, style: str, **cells: object) -> dict:
        return {
            "item": item,
            "start": float(start),
            "amount": float(amount),
            "shown_amount": cap_explainer.amount_text(amount, bound, lang),
            "style": style,
            **cells,
        }

    bars = [
        bar(
            words.t("allocation_gift"),
            Fraction(0),
            split.gift,
            split.gift_bound,
            "article",
            position="",
            limit="",
            origin=cap_explainer.tag("article", lang),
            source=article,
            assumption="",
            records=(split.gift_id,),
        )
    ]
    for step in split.steps:
        if step.over_cap:
            formula = f"{words.usd(float(split.gift))} − {words.usd(float(split.cap))}"
            bars.append(
                bar(
                    words.t("allocation_over_cap"),
                    step.start,
                    step.amount,
                    step.bound,
                    "over_cap",
                    position=step.position,
                    limit=words.t("allocation_over_formula", formula=formula),
                    origin=cap_explainer.tag("derivation", lang),
                    source=article,
                    assumption=words.t("allocation_refund_assumption"),
                    records=step.record_ids,
                )
            )
            continue
        row = context[step.step_id]
        provenance = cap_explainer.provenance_of(step.confidence)
        bars.append(
            bar(
                words.pick(row, "label"),
                step.start,
                step.amount,
                step.bound,
                provenance,
                position=step.position,
                limit=limit_text(step),
                origin=cap_explainer.tag(provenance, lang),
                source=cap_explainer.sources_text(dataset, step.record_ids, lang),
                assumption=words.pick(row, "assumption"),
                records=(*step.record_ids, cap_explainer.ORDER_ID),
            )
        )
    for cells in bars:
        cells["links"] = " ".join(dict.fromkeys(s.url for s in words.outside_sources(cells["records"]))) or None
        # The label: what and how much, the FEC limit or the formula, where the figure comes from, and
        # for the part over the cap its assumption (docs/EDITORIAL.md rule 3); every assumption is in the
        # hover text and the table.
        numbered = cells["style"] in ("public_record", "inference")
        first = (
            words.t(
                "allocation_step_line",
                position=cells["position"],
                label=cells["item"],
                amount=cells["shown_amount"],
            )
            if numbered
            else words.t("allocation_bar_line", label=cells["item"], amount=cells["shown_amount"])
        )
        cells["label"] = [
            first,
            cells["limit"],
            cells["origin"],
            cells["assumption"] if cells["style"] == "over_cap" else "",
        ]
        cells["hover"] = hover_html(*cells["label"][:3], cells["assumption"], cells["source"], lang=lang)
    return pd.DataFrame(bars, columns=_ALLOCATION_COLUMNS)


def allocation_chart(words: Words, camps: tuple[str, ...], source: str) -> Chart:
    """Where one twin's gift went: a waterfall of horizontal bars, each floating where the previous ended."""
    dataset, lang = words.dataset, words.lang
    money = dataset.by_id("money_facts")
    gift, cap = money[cap_explainer.GIFT_FACT], money[cap_explainer.CAP_FACT]
    title = words.t("allocation_title")
    order = dataset.by_id("context_facts")[cap_explainer.ORDER_ID]
    subtitle = words.t(
        "allocation_subtitle",
        gift=words.usd(gift["amount"]),
        cap=words.usd(cap["amount"]),
        when=cap_explainer.date_text(order["source_date"], lang),
    )
    shown = any(camp_of(dataset, twin) in camps for twin in TWIN_FACTS)
    frame = allocation_frame(words) if shown else pd.DataFrame(columns=_ALLOCATION_COLUMNS)
    table = _headed(
        words,
        frame.assign(position=frame["position"].astype(str), amount=frame["amount"].map(_whole).astype("Int64")),
        {
            "position": "allocation_col_step",
            "item": "col_label",
            "amount": "col_amount_usd",
            "shown_amount": "col_amount",
            "limit": "allocation_col_limit",
            "origin": "col_origin",
            "source": "allocation_col_source",
            "links": "col_source_url",
            "assumption": "allocation_col_assumption",
        },
    )
    if frame.empty:
        return Chart("allocation", title, subtitle, None, table)
    color = camp_color(dataset, camp_of(dataset, next(iter(TWIN_FACTS))) or "pro_trump")
    grey = camp_color(dataset, "context")
    styles = {  # fill, pattern, pattern colour, outline
        "article": (color, "", color, color),
        "public_record": (grey, "", grey, "#444"),
        "inference": ("white", "/", grey, "#444"),
        "over_cap": ("white", "x", color, color),
    }
    lines = [[line for part in label if part for line in _wrap_label(part, lang)] for label in frame["label"]]
    centers, y = [], 0.0
    for label_lines in lines:  # each bar under its label, in pixels from the top (techmoney/content/chart_layout.py)
        y += len(label_lines) * LINE_PX[LABEL_PX] + 2
        centers.append(y + BAR_PX / 2)
        y += BAR_PX + _GAP_PX
    plot_px = int(y - _GAP_PX + 4)
    rtl = locale(lang).rtl
    fig = go.Figure(
        go.Bar(
            orientation="h",
            y=centers,
            x=frame["amount"],
            base=frame["start"],
            width=BAR_PX,
            marker={
                "color": [styles[s][0] for s in frame["style"]],
                "pattern": {
                    "shape": [styles[s][1] for s in frame["style"]],
                    "fgcolor": [styles[s][2] for s in frame["style"]],
                },
                "line": {"color": [styles[s][3] for s in frame["style"]], "width": 1.5},
            },
            customdata=frame[["hover"]].to_numpy(),
            hovertemplate="%{customdata[0]}<extra></extra>",
            showlegend=False,
        )
    )
    for center, label_lines in zip(centers, lines, strict=True):
        fig.add_annotation(
            text=lines_html(label_lines),
            xref="paper",
            x=1 if rtl else 0,
            xanchor="right" if rtl else "left",
            align="right" if rtl else "left",
            yref="y",
            y=center - BAR_PX / 2 - 2,
            yanchor="bottom",
            showarrow=False,
            font={"size": LABEL_PX},
        )
    for center in centers:  # the cap, beside each bar only: a full-height line would cross the labels
        fig.add_shape(
            type="line",
            x0=float(cap["amount"]),
            x1=float(cap["amount"]),
            yref="y",
            y0=center - BAR_PX / 2 - 4,
            y1=center + BAR_PX / 2 + 4,
            line={"color": "#333", "width": 1.5, "dash": "dot"},
        )
    ticks = _allocation_ticks(float((frame["start"] + frame["amount"]).max()))
    end = ticks[-1] * TICK_ROOM
    fig.update_xaxes(
        range=[end, 0] if rtl else [0, end],
        tickvals=ticks,
        ticktext=tick_texts(ticks, lang),
        showgrid=True,
        gridcolor="#e5e5e5",
        zeroline=True,
        fixedrange=True,
    )
    fig.update_yaxes(range=[plot_px, 0], autorange=False, visible=False, fixedrange=True)
    fig.update_layout(bargap=0)
    public = cap_explainer.sources_text(dataset, [i for records in frame["records"] for i in records], lang)
    finish(
        fig,
        lang,
        title,
        subtitle,
        f"{words.t('allocation_sources', public=public)} {source}",
        plot_px,
        below_px=TICKS_PX,
    )
    return Chart("allocation", title, subtitle, fig, table)


def _wrap_label(text: str, lang: str) -> list[str]:
    """A label's lines, an amount kept with its currency word («3,300 دولار»)."""
    return [line.replace("\u00a0", " ") for line in wrap(text.replace(" دولار", "\u00a0دولار"), _LABEL_CHARS, lang)]


def _allocation_ticks(largest: float) -> list[float]:
    """At most three intervals of a round step (a phone-width axis has room for four labels)."""
    step = next(s for s in (10**k * m for k in range(3, 12) for m in (1, 2, 2.5, 5)) if largest / s <= 3)
    return [step * i for i in range(int(largest // step) + 2) if step * i <= largest + step]


BUILDERS = {
    "goal": goal_chart,
    "twins": twins_chart,
    "flows": flows_chart,
    "camps": camps_chart,
    "timeline": timeline_chart,
    "allocation": allocation_chart,
}


def build_chart(words: Words, chart_id: str, camps: tuple[str, ...]) -> Chart:
    source = words.t("source_line", version=words.dataset.version)
    built = BUILDERS[chart_id](words, camps, source)
    if built.figure is None:
        return built
    return replace(built, figure=FrozenFigure(built.figure))


def limits_table(words: Words) -> pd.DataFrame:
    """The cap the article names, then the FEC limits it is built from (public record, each row saying so
    and naming its source)."""
    dataset, lang = words.dataset, words.lang
    money = dataset.money_facts
    article = [r for _, r in money[money["kind"] == "legal_limit"].iterrows()]
    context = dataset.context_facts
    fec = [r for _, r in context[context["kind"] == "contribution_limit"].iterrows()]
    cited = [words.outside_sources((r["fact_id"],)) for r in article] + [
        words.outside_sources((r["context_id"],)) for r in fec
    ]
    return pd.DataFrame(
        {
            words.t("col_label"): [words.pick(r, "label") for r in article] + [words.pick(r, "label") for r in fec],
            words.t("col_covers"): [words.t("limit_covers")] * len(article)
            + [words.pick(r, "applies_to") for r in fec],
            words.t("col_amount_usd"): pd.array(
                [_whole(r["amount"]) for r in article] + [_whole(r["value"]) for r in fec], dtype="Int64"
            ),
            words.t("col_amount"): [words.figure(r["fact_id"]).full_text for r in article]
            + [cap_explainer.value_text(r, lang) for r in fec],
            words.t("col_origin"): [words.t("cap_tag_article_per_donor")] * len(article)
            + [cap_explainer.tag("public_record", lang)] * len(fec),
            words.t("col_source"): [_sources_names(found, lang) or None for found in cited],
            words.t("col_source_url"): [" ".join(s.url for s in found) or None for found in cited],
            words.t("col_excerpt"): [r["source_excerpt"] for r in article] + [None] * len(fec),
        }
    )


# A chart is shown on its page, in the embeds, the Sources' list, the oEmbed answer and a link's preview
# for each (language, camps), and its table is a download: built once and shared (never mutate one).
built_chart = built_once(maxsize=512)(build_chart)
