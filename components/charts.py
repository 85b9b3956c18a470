"""Plotly figures, each built from the dataset's DataFrames and a language, with its data table.

A chart is one function ``(dataset, lang, camps) -> Chart``: the figure and the table are made
from the same DataFrame, so the text alternative always says what the chart shows. Figures are
mirrored for Arabic inside the figure (y axis on the right, reversed x, title and legend on the
right) because the chart's own container stays left-to-right: Plotly misplaces hover labels in an
RTL document. Arabic text is passed as is: Plotly and the browser shape it.
"""

from __future__ import annotations

import html
import json
import textwrap
from dataclasses import dataclass, replace

import pandas as pd
import plotly.graph_objects as go
import plotly.io

from components.dataset import Dataset
from components.facts import (GOAL_FACT, HASTINGS_FACT, LIMIT_FACT, SHARE_FACT, TWIN_FACTS, actor_name, camp_color,
                              camp_of, fact, fact_text, qualifier_text)
from components.formatting import figure_text, usd
from components.formatting import share as share_text
from components.i18n import pick, t

FONT_FAMILY = "Noto Sans Arabic, Noto Sans, sans-serif"
UNKNOWN_GREY = "rgba(118,118,118,0.45)"


class FrozenFigure(go.Figure):
    """A figure that is finished when built: its dict form is computed once and reused.

    st.plotly_chart calls to_dict() on every rerun (a deep copy: ~2.5 ms a chart, half of a page's
    run); cached figures never change, so the copy is made once. Never mutate one after building.
    The dict holds JSON values only (numpy arrays and timestamps converted once, by Plotly's own
    encoder), so each rerun's JSON encoding is one orjson call: ~0.03 ms instead of ~0.14 ms a chart.
    """

    _frozen_dict: dict | None = None

    def to_dict(self) -> dict:
        if self._frozen_dict is None:
            native = json.loads(plotly.io.to_json(super().to_dict(), validate=False, engine="json"))
            object.__setattr__(self, "_frozen_dict", _prune_template(native))
        return self._frozen_dict


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










def plot_text(text: str) -> str:
    """Data text for Plotly, which reads a subset of HTML in labels: escaped so it shows literally."""
    return html.escape(str(text), quote=False)






def wrap_text(text: str, width: int) -> list[str]:
    """Plotly does not wrap titles or annotations, and a phone-width figure is ~360 px: long subtitles and
    source lines are broken into lines of about ``width`` characters."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


# Characters per line that fit a 360 px figure at each text size (measured in Chromium, Noto fonts).
TITLE_CHARS, SUBTITLE_CHARS, SOURCE_CHARS = 34, 48, 46


def _finish(fig: go.Figure, lang: str, title: str, subtitle: str, source: str) -> go.Figure:
    rtl = lang == "ar"
    side = "right" if rtl else "left"
    title_lines = wrap_text(title, TITLE_CHARS)
    subtitle_lines = wrap_text(subtitle, SUBTITLE_CHARS)
    source_lines = wrap_text(source, SOURCE_CHARS)
    has_legend = sum(getattr(trace, "showlegend", None) is not False for trace in fig.data) > 1
    top = 16 + 24 * len(title_lines) + 17 * len(subtitle_lines) + (56 if has_legend else 12)
    fig.update_layout(
        title={
            "text": "<br>".join(title_lines),
            "subtitle": {"text": "<br>".join(subtitle_lines), "font": {"size": 12}},
            "font": {"size": 17},
            "x": 0.98 if rtl else 0.02,
            "xanchor": side,
            "xref": "container",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 10},
        },
        font={"family": FONT_FAMILY, "size": 13},
        legend={"orientation": "h", "x": 1 if rtl else 0, "xanchor": side, "y": 1.0, "yanchor": "bottom"},
        hoverlabel={"align": side, "font": {"family": FONT_FAMILY}},
        margin={"t": top, "b": 56 + 14 * len(source_lines), "l": 20 if rtl else 60, "r": 60 if rtl else 20},
        annotations=[
            {
                "text": "<br>".join(source_lines),
                "xref": "paper",
                "yref": "paper",
                "x": 1 if rtl else 0,
                "xanchor": side,
                "align": side,
                "y": 0,
                "yanchor": "top",
                "yshift": -40,
                "showarrow": False,
                "font": {"size": 11, "color": "#555"},
            }
        ],
        plot_bgcolor="white",
        separators=".,",
    )
    if fig.data and fig.data[0].type != "sankey":
        fig.update_yaxes(side="right" if rtl else "left", gridcolor="#e5e5e5", zerolinecolor="#999")
        fig.update_xaxes(autorange="reversed" if rtl else True)
    return fig


def goal_chart(dataset: Dataset, lang: str, camps: tuple[str, ...], source: str) -> Chart:
    goal, gift, share_row = fact(dataset, GOAL_FACT), fact(dataset, HASTINGS_FACT), fact(dataset, SHARE_FACT)
    title = t("goal_title", lang)
    subtitle = t("goal_subtitle", lang, share=share_text(share_row["amount"], lang))
    rows = [r for r in (goal, gift) if camp_of(dataset, r["payee_id"]) in camps]
    table = _facts_table(rows, lang)
    if not rows:
        return Chart("goal", title, subtitle, None, table)
    color = camp_color(dataset, "pro_harris")
    labels = {GOAL_FACT: t("goal_bar_goal", lang), HASTINGS_FACT: t("goal_bar_gift", lang)}
    fig = go.Figure()
    for row in rows:
        projected = row["qualifier"] == "projected"
        fig.add_bar(
            x=[labels[row["fact_id"]]],
            y=[row["amount"]],
            name=labels[row["fact_id"]],
            text=[f"{fact_text(row, lang)}" + (f" ({t('status_projected', lang)})" if projected else "")],
            textposition="outside",
            customdata=[[qualifier_text(row, lang), usd(row["amount"], lang)]],
            hovertemplate="%{x}<br>%{customdata[1]} — %{customdata[0]}<extra></extra>",
            marker={
                "color": "white" if projected else color,
                "line": {"color": color, "width": 2},
                "pattern": {"shape": "/" if projected else "", "fgcolor": color},
            },
        )
    fig.update_layout(showlegend=False, yaxis_title=t("axis_usd", lang), yaxis_tickformat="~s")
    fig.update_yaxes(range=[0, goal["amount"] * 1.2])
    return Chart("goal", title, subtitle, _finish(fig, lang, title, subtitle, source), table)


def twins_chart(dataset: Dataset, lang: str, camps: tuple[str, ...], source: str) -> Chart:
    limit = fact(dataset, LIMIT_FACT)
    twins = [a for a in TWIN_FACTS if camp_of(dataset, a) in camps]
    first_gift = fact(dataset, next(iter(TWIN_FACTS.values()))[0])
    title = t("twins_title", lang)
    formula = f"{usd(first_gift['amount'], lang)} − {usd(limit['amount'], lang)}"
    subtitle = t("twins_subtitle", lang, gift=usd(first_gift["amount"], lang, compact=True), formula=formula)
    records = []
    for twin in twins:
        gift_id, refund_id = TWIN_FACTS[twin]
        for measure, row in (("gift", fact(dataset, gift_id)), ("limit", limit), ("refund", fact(dataset, refund_id))):
            records.append(
                {
                    "twin": actor_name(dataset, twin, lang),
                    "measure": measure,
                    "amount": row["amount"],
                    "text": fact_text(row, lang, compact=False),
                    "qualifier": qualifier_text(row, lang),
                    "formula": f"{usd(fact(dataset, gift_id)['amount'], lang)} − {usd(limit['amount'], lang)}"
                    if measure == "refund"
                    else "",
                    "excerpt": row["source_excerpt"],
                }
            )
    frame = pd.DataFrame(records, columns=["twin", "measure", "amount", "text", "qualifier", "formula", "excerpt"])
    table = _headed(
        frame.assign(measure=frame["measure"].map(lambda m: t(f"measure_{m}", lang))),
        lang,
        {"twin": "col_twin", "measure": "col_measure", "amount": "col_amount_usd", "text": "col_amount",
         "qualifier": "col_qualifier", "formula": "col_formula", "excerpt": "col_excerpt"},
    )
    if frame.empty:
        return Chart("twins", title, subtitle, None, table)
    color = camp_color(dataset, "pro_trump")
    styles = {
        "gift": {"color": color, "line": {"color": color, "width": 1.5}, "pattern": {"shape": ""}},
        "limit": {"color": "#767676", "line": {"color": "#444", "width": 1.5}, "pattern": {"shape": ""}},
        "refund": {"color": "white", "line": {"color": color, "width": 2}, "pattern": {"shape": "x", "fgcolor": color}},
    }
    fig = go.Figure()
    for measure in ("gift", "limit", "refund"):
        part = frame[frame["measure"] == measure]
        fig.add_bar(
            x=part["twin"].map(plot_text),
            y=part["amount"],
            name=t(f"measure_{measure}", lang),
            text=part["text"],
            textposition="outside",
            customdata=part[["qualifier", "formula"]].to_numpy(),
            hovertemplate="%{x}: %{text}<br>%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
            marker=styles[measure],
        )
    fig.update_layout(barmode="group", yaxis_title=t("axis_usd", lang), yaxis_tickformat="~s")
    fig.update_yaxes(range=[0, frame["amount"].max() * 1.25])
    return Chart("twins", title, subtitle, _finish(fig, lang, title, subtitle, source), table)


def flows_chart(dataset: Dataset, lang: str, camps: tuple[str, ...], source: str) -> Chart:
    flows = dataset.money_flows
    flows = flows[flows["status"] != "refunded_in_part"]  # refunds run back against the flow: twins chart
    keep = flows["source_id"].map(lambda a: camp_of(dataset, a) in camps) | flows["target_id"].map(
        lambda a: camp_of(dataset, a) in camps
    )
    flows = flows[keep]
    title, subtitle = t("flows_title", lang), t("flows_subtitle", lang)
    records = []
    for _, flow in flows.iterrows():
        row = fact(dataset, flow["fact_id"]) if flow["fact_id"] else None
        records.append(
            {
                "from": actor_name(dataset, flow["source_id"], lang),
                "to": actor_name(dataset, flow["target_id"], lang),
                "source_id": flow["source_id"],
                "target_id": flow["target_id"],
                "amount": row["amount"] if row is not None else None,
                "text": fact_text(row, lang) if row is not None else t("amount_unknown", lang),
                "status": t(f"status_{flow['status']}", lang),
                "flow_status": flow["status"],
                "excerpt": flow["source_excerpt"],
            }
        )
    frame = pd.DataFrame(
        records, columns=["from", "to", "source_id", "target_id", "amount", "text", "status", "flow_status", "excerpt"]
    )
    table = _headed(
        frame,
        lang,
        {"from": "col_from", "to": "col_to", "amount": "col_amount_usd", "text": "col_amount",
         "status": "col_status", "excerpt": "col_excerpt"},
    )
    if frame.empty:
        return Chart("flows", title, subtitle, None, table)
    nodes = list(dict.fromkeys([*frame["source_id"], *frame["target_id"]]))
    index = {n: i for i, n in enumerate(nodes)}
    known = frame["amount"].dropna()
    # Unknown amounts get a thin, fixed width: visible, grey, and labelled "amount unknown".
    unknown_width = (known.max() if len(known) else 1.0) * 0.04
    values = [a if pd.notna(a) else unknown_width for a in frame["amount"]]
    x_positions, y_positions = _sankey_positions(frame, nodes, values, mirrored=lang == "ar")
    fig = go.Figure(
        go.Sankey(
            arrangement="fixed",
            node={
                "label": [plot_text(actor_name(dataset, n, lang)) for n in nodes],
                "color": [camp_color(dataset, camp_of(dataset, n) or "context") for n in nodes],
                "pad": 14,
                "thickness": 14,
                "x": x_positions,
                "y": y_positions,
                "hovertemplate": "%{label}<extra></extra>",
            },
            link={
                "source": [index[s] for s in frame["source_id"]],
                "target": [index[s] for s in frame["target_id"]],
                "value": values,
                "color": [
                    UNKNOWN_GREY if pd.isna(a) else _rgba(camp_color(dataset, camp_of(dataset, d) or "context"), 0.2 if status == "projected" else 0.55)
                    for d, a, status in zip(frame["target_id"], frame["amount"], frame["flow_status"], strict=True)
                ],
                "customdata": frame[["text", "status"]].to_numpy(),
                "hovertemplate": "%{source.label} → %{target.label}<br>%{customdata[0]} (%{customdata[1]})<extra></extra>",
            },
        )
    )
    fig.update_traces(textfont={"size": 12, "family": FONT_FAMILY})
    fig.update_layout(height=520)
    return Chart("flows", title, subtitle, _finish(fig, lang, title, subtitle, source), table)


def _sankey_positions(frame: pd.DataFrame, nodes: list[str], values: list[float], mirrored: bool) -> tuple[list[float], list[float]]:
    """Givers in the first column, recipients in the last, intermediaries between; Arabic reads right to left.

    Rows are stacked by each node's share of its column's money so labels do not collide.
    """
    sources, targets = set(frame["source_id"]), set(frame["target_id"])
    column = {n: 0.0 if n not in targets else (1.0 if n not in sources else 0.5) for n in nodes}
    size = {n: 0.0 for n in nodes}
    for s, d, v in zip(frame["source_id"], frame["target_id"], values, strict=True):
        size[s] += v
        size[d] += v
    xs, ys = [], []
    stacked: dict[float, float] = {}
    totals: dict[float, float] = {}
    counts: dict[float, int] = {}
    for n in nodes:
        totals[column[n]] = totals.get(column[n], 0.0) + size[n]
        counts[column[n]] = counts.get(column[n], 0) + 1
    for n in nodes:
        c = column[n]
        gap = 0.06
        usable = 1 - gap * (counts[c] - 1) - 0.02
        height = usable * size[n] / totals[c] if totals[c] else 0
        top = stacked.get(c, 0.01)
        ys.append(min(0.99, top + height / 2))
        stacked[c] = top + height + gap
        x = 0.01 + 0.98 * c
        xs.append(1 - x if mirrored else x)
    return xs, ys


def _rgba(hex_color: str, alpha: float) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def camps_chart(dataset: Dataset, lang: str, camps: tuple[str, ...], source: str) -> Chart:
    facts = dataset.money_facts
    gifts = facts[(facts["kind"] == "donation") & (facts["qualifier"] != "derived")].copy()
    gifts["camp"] = gifts["payer_id"].map(lambda a: camp_of(dataset, a))
    title, subtitle = t("camps_title", lang), t("camps_subtitle", lang)
    records = []
    for _, camp in dataset.camps.iterrows():
        if camp["camp_id"] not in camps:
            continue
        part = gifts[gifts["camp"] == camp["camp_id"]]
        if part.empty:
            continue
        bound = "at_least" if (part["bound"] != "exact").any() else "exact"
        total = part["amount"].sum()
        records.append(
            {
                "camp_id": camp["camp_id"],
                "camp": pick(camp, "label", lang),
                "amount": total,
                "text": figure_text(total, "usd", bound, lang),
                "gifts": len(part),
                "color": camp["color"],
                "pattern": camp["pattern"] or "",
            }
        )
    frame = pd.DataFrame(records, columns=["camp_id", "camp", "amount", "text", "gifts", "color", "pattern"])
    table = _headed(frame, lang, {"camp": "col_camp", "amount": "col_amount_usd", "text": "col_amount", "gifts": "col_gifts"})
    if frame.empty:
        return Chart("camps", title, subtitle, None, table)
    fig = go.Figure(
        go.Bar(
            x=frame["camp"].map(plot_text),
            y=frame["amount"],
            text=frame["text"],
            textposition="outside",
            marker={"color": frame["color"], "pattern": {"shape": frame["pattern"], "fgcolor": "white"}},
            customdata=frame[["gifts"]].to_numpy(),
            hovertemplate="%{x}: %{text} (%{customdata[0]})<extra></extra>",
        )
    )
    fig.update_layout(showlegend=False, yaxis_title=t("axis_usd", lang), yaxis_tickformat="~s")
    fig.update_yaxes(range=[0, frame["amount"].max() * 1.25])
    return Chart("camps", title, subtitle, _finish(fig, lang, title, subtitle, source), table)


def timeline_events(dataset: Dataset, lang: str, camps: tuple[str, ...]) -> pd.DataFrame:
    """Events whose actors include someone in the selected camps, with a plottable date."""
    events = dataset.events.copy()
    keep = events["actor_ids"].map(lambda ids: any(camp_of(dataset, a) in camps for a in ids.split(";")))
    events = events[keep]
    events["when"] = pd.to_datetime(events.apply(_plot_date, axis=1), errors="coerce")
    events["label"] = events.apply(lambda e: pick(e, "label", lang), axis=1)
    return events.sort_values("when", na_position="last")


def _plot_date(event: pd.Series) -> str | None:
    date, precision = event["date"], event["date_precision"]
    if precision == "year":
        return f"{date}-07-01"
    if precision == "month":
        return f"{date}-15"
    return date if precision == "day" else None


def timeline_chart(dataset: Dataset, lang: str, camps: tuple[str, ...], source: str) -> Chart:
    """Dated events top to bottom, one row each, the date on the axis and the label beside the marker.

    One row per event (not a proportional time axis) because five of the eleven events fall in one
    week of July 2024 and would overlap; the axis labels carry the dates, approximate ones marked "≈".
    """
    events = timeline_events(dataset, lang, camps)
    title, subtitle = t("timeline_title", lang), t("timeline_subtitle", lang)
    table = pd.DataFrame(
        {
            t("col_date", lang): events["date"].fillna("—"),
            t("col_event", lang): events["label"],
            t("approximate", lang): events["date_approximate"].map(
                lambda a: t("approximate", lang) if a else t("exact_date", lang)
            ),
            t("col_reasoning", lang): events["date_reasoning"],
            t("col_excerpt", lang): events["source_excerpt"],
        }
    )
    dated = events.dropna(subset=["when"]).reset_index(drop=True)
    if dated.empty:
        return Chart("timeline", title, subtitle, None, table)
    rtl = lang == "ar"
    tick_text = [("≈ " if a else "") + d for d, a in zip(dated["date"], dated["date_approximate"], strict=True)]
    fig = go.Figure()
    for approximate in (False, True):
        part = dated[dated["date_approximate"] == approximate]
        if part.empty:
            continue
        fig.add_scatter(
            x=[0] * len(part),
            y=list(part.index),
            mode="markers+text",
            text=part["label"].map(plot_text),
            textposition="middle left" if rtl else "middle right",
            name=t("approximate", lang) if approximate else t("exact_date", lang),
            marker={
                "size": 14,
                "symbol": "circle-open" if approximate else "circle",
                "color": "#0072B2",
                "line": {"width": 2.5, "color": "#0072B2"},
            },
            customdata=part[["date", "date_reasoning"]].map(plot_text).to_numpy(),
            hovertemplate="%{text}<br>%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
            cliponaxis=False,
        )
    fig.add_scatter(x=[0, 0], y=[0, len(dated) - 1], mode="lines", line={"color": "#bbb", "width": 2},
                    hoverinfo="skip", showlegend=False)
    fig.update_layout(height=140 + 38 * len(dated))
    _finish(fig, lang, title, subtitle, source)
    fig.update_xaxes(visible=False, range=[-1, 0.05] if rtl else [-0.05, 1], autorange=False)
    fig.update_yaxes(tickvals=list(dated.index), ticktext=tick_text, autorange="reversed", showgrid=False,
                     zeroline=False, title=t("axis_date", lang))
    fig.data = fig.data[-1:] + fig.data[:-1]  # the connecting line is drawn under the markers
    return Chart("timeline", title, subtitle, fig, table)


def _headed(frame: pd.DataFrame, lang: str, headers: dict[str, str]) -> pd.DataFrame:
    """The frame with the given columns, headed in the reader's language (column -> i18n key)."""
    return frame[list(headers)].rename(columns={c: t(key, lang) for c, key in headers.items()})


def _facts_table(rows: list[pd.Series], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col_label", lang): [pick(r, "label", lang) for r in rows],
            t("col_amount_usd", lang): [r["amount"] for r in rows],
            t("col_amount", lang): [fact_text(r, lang, compact=False) for r in rows],
            t("col_qualifier", lang): [qualifier_text(r, lang) for r in rows],
            t("col_excerpt", lang): [r["source_excerpt"] for r in rows],
        }
    )


BUILDERS = {
    "goal": goal_chart,
    "twins": twins_chart,
    "flows": flows_chart,
    "camps": camps_chart,
    "timeline": timeline_chart,
}
CHART_IDS = tuple(BUILDERS)


def build_chart(chart_id: str, dataset: Dataset, lang: str, camps: tuple[str, ...]) -> Chart:
    source = t("source_line", lang, version=dataset.version)
    built = BUILDERS[chart_id](dataset, lang, camps, source)
    if built.figure is None:
        return built
    return replace(built, figure=FrozenFigure(built.figure))


def limits_table(dataset: Dataset, lang: str) -> pd.DataFrame:
    facts = dataset.money_facts
    rows = [r for _, r in facts[facts["kind"] == "legal_limit"].iterrows()]
    table = _facts_table(rows, lang)
    table.insert(1, t("col_to", lang), [actor_name(dataset, r["payee_id"], lang) for r in rows])
    return table
