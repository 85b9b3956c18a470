"""Acceptance tests of the running app (Streamlit AppTest, in process): every page, both languages,
camp filters, the empty filter, the URL <-> view round trip and the chart embed.

Expected figures are read from data/ and formatted with techmoney.words.formatting, never typed here.
"""

from __future__ import annotations

import base64
import html
import io
import json
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pandas as pd
import pytest

from techmoney.bake import downloads
from techmoney.content import chart_images, charts
from techmoney.content.html.render import markdown_literal
from techmoney.data.dataset import load_dataset
from techmoney.site import addresses
from techmoney.site.addresses import ViewState
from techmoney.site.url_state import CAMPS
from techmoney.words.bound import Words
from techmoney.words.formatting import figure_text, usd
from techmoney.words.i18n import LANGS, pick, t
from tests.conftest import DATA, PAGES, csv_rows, html_text, page_title, page_titles, switch_language

DATASET = load_dataset(DATA)
PAGE_INTRO_KEYS = {
    "story": "story_intro_pick_above",
    "money": "money_intro",
    "donors": "donors_intro",
    "timeline": "timeline_intro",
    "sources": "sources_intro",
}
CAMP_SELECTIONS = [None, ("pro_trump",), ("pro_harris", "skeptic"), ("context",)]


FACTS = {row["fact_id"]: row for row in csv_rows("money_facts.csv")}
ACTOR_CAMP = {row["actor_id"]: row["camp"] for row in csv_rows("actors.csv")}
ACTOR_NAME = {row["actor_id"]: row for row in csv_rows("actors.csv")}


def _amount(fact_id: str) -> int:
    return int(FACTS[fact_id]["amount"])


# The legal limit as typed in money_facts.csv, and the refund computed here as gift − limit.
LIMIT_ID = next(f for f, row in FACTS.items() if row["kind"] == "legal_limit")
LIMIT = _amount(LIMIT_ID)
GOAL_ID = next(f for f, row in FACTS.items() if row["kind"] == "estimate")  # the projected haul
TWIN_GIFTS = {
    row["payer_id"]: int(row["amount"])
    for row in FACTS.values()
    if row["kind"] == "donation" and row["payee_id"] == FACTS[LIMIT_ID]["payee_id"]
}
assert len(TWIN_GIFTS) == 2, "the data names two gifts to the committee with the legal limit"
REFUNDS = {twin: gift - LIMIT for twin, gift in TWIN_GIFTS.items()}


def _query(lang: str, camps: tuple[str, ...] | None) -> dict:
    query: dict = {"lang": lang}
    if camps is not None:
        query["camp"] = list(camps)
    return query


def _shown_text(at) -> str:
    """The text of every HTML fragment and Markdown element of the run, entities decoded."""
    return html.unescape(html_text(at) + "\n" + "\n".join(m.value for m in at.markdown))


def _decode(value):
    """Plotly's JSON with its base64 typed arrays ({"dtype", "bdata"[, "shape"]}) turned into lists."""
    if isinstance(value, dict):
        if set(value) <= {"dtype", "bdata", "shape"} and {"dtype", "bdata"} <= set(value):
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
            if "shape" in value:
                array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
            return array.tolist()
        return {key: _decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode(item) for item in value]
    return value


def _plotly_specs(at) -> list[dict]:
    """The figures the app sent, with numeric arrays decoded."""
    return [_decode(json.loads(chart.proto.spec)) for chart in at.get("plotly_chart")]


class _Tables(HTMLParser):
    """Every <table> of an HTML fragment: caption, header cells, rows (row-header cell first if any)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[dict] = []
        self._cell: list[str] | None = None
        self._row: list[tuple[str, str]] | None = None
        self._caption: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"caption": "", "head": [], "rows": []})
        elif tag == "caption":
            self._caption = []
        elif tag == "tr":
            self._row = []
        elif tag in ("th", "td"):
            self._cell = []
            self._kind = "rowhead" if dict(attrs).get("scope") == "row" else tag

    def handle_data(self, data):
        for buffer in (self._cell, self._caption):
            if buffer is not None:
                buffer.append(data)

    def handle_endtag(self, tag):
        if tag == "caption" and self._caption is not None:
            self.tables[-1]["caption"] = "".join(self._caption)
            self._caption = None
        elif tag in ("th", "td") and self._cell is not None and self._row is not None:
            self._row.append((self._kind, "".join(self._cell)))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if all(kind == "th" for kind, _ in self._row):
                self.tables[-1]["head"] = [text for _, text in self._row]
            else:
                self.tables[-1]["rows"].append(self._row)
            self._row = None


def _tables(at) -> list[pd.DataFrame]:
    """Every table on the page as the reader sees its cells: the HTML tables the page shows."""
    assert not at.table, "the page shows an st.table, which this helper does not read"
    found = []
    for element in at.html:
        parser = _Tables()
        parser.feed(element.value)
        for table in parser.tables:
            rows = table["rows"]
            has_index = bool(rows) and rows[0][0][0] == "rowhead"
            columns = table["head"][1:] if has_index else table["head"]
            frame = pd.DataFrame(
                [[text for _, text in (row[1:] if has_index else row)] for row in rows], columns=columns
            )
            if has_index:
                frame.index = [row[0][1] for row in rows]
            found.append(frame)
    return found


class _KeyFigures(HTMLParser):
    """label -> value of the key-figure cards (class tm-kf-label / tm-kf-value) in an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.labels: list[str] = []
        self.values: list[str] = []
        self._into: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if "tm-kf-label" in classes:
            self._into = self.labels
            self.labels.append("")
        elif "tm-kf-value" in classes:
            self._into = self.values
            self.values.append("")

    def handle_data(self, data):
        if self._into is not None:
            self._into[-1] += data

    def handle_endtag(self, tag):
        if tag == "div":
            self._into = None


def _key_figures(at) -> dict[str, str]:
    """The key figures shown, whether as st.metric elements or as the HTML key-figure cards."""
    found = {m.label: m.value for m in at.metric}
    for element in at.html:
        parser = _KeyFigures()
        parser.feed(element.value)
        assert len(parser.labels) == len(parser.values)
        found.update(zip(parser.labels, parser.values, strict=True))
    return found


def _plain(text: str) -> str:
    """Text as an HTML fragment shows it: the bidi isolates of our strings become <bdi> elements there."""
    return text.replace("\u2066", "").replace("\u2069", "")


def _number(cell: str) -> float:
    return float(cell.replace(",", ""))


def _table_containing(at, column: str) -> list[pd.DataFrame]:
    tables = [table for table in _tables(at) if column in table.columns]
    assert tables, f"no table with a {column!r} column"
    return tables


# --------------------------------------------------------------------------- every page


@pytest.mark.parametrize("camps", CAMP_SELECTIONS, ids=lambda c: "all" if c is None else "+".join(c))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_runs_in_both_languages_and_with_camp_filters(app_test, page, lang, camps):
    at = app_test(query=_query(lang, camps), page=page).run()
    assert not at.exception
    assert page_titles(at) == [page_title(page, lang)]
    assert not at.warning, "a valid link must not produce notices"
    assert t(PAGE_INTRO_KEYS[page], lang) in _shown_text(at)
    # The language control shows the link's language, each language named in itself; the sidebar and the
    # camp buttons at the top of the page show the camps the link asked for.
    control, pills = at.button_group
    assert control.value == lang
    assert control.options == [t(f"lang_{code}", code) for code in LANGS]
    assert at.sidebar.multiselect[0].value == list(camps if camps is not None else CAMPS)
    assert pills.value == list(camps if camps is not None else CAMPS) and pills.label == t("camp_filter", lang)
    # The link is left as it was (valid, non-default values only).
    expected = {"lang": lang} if lang != "ar" else {}
    if camps is not None:
        expected["camp"] = camps[0] if len(camps) == 1 else list(camps)
    assert at.query_params == expected


@pytest.mark.parametrize("lang", LANGS)
def test_donors_table_lists_exactly_the_actors_of_the_selected_camps(app_test, lang):
    for camps in CAMP_SELECTIONS[1:]:
        at = app_test(query=_query(lang, camps), page="donors").run()
        assert not at.exception
        (table,) = _table_containing(at, t("col_role", lang))
        expected = [_plain(ACTOR_NAME[a][f"name_{lang}"]) for a, camp in ACTOR_CAMP.items() if camp in camps]
        assert list(table[t("col_name", lang)]) == expected
        assert not set(ACTOR_CAMP) & {str(v) for v in table.to_numpy().ravel()}, "no internal id is shown"
        assert at.selectbox[0].options == [
            ACTOR_NAME[a][f"name_{lang}"] for a, camp in ACTOR_CAMP.items() if camp in camps
        ], "the name picker follows the camp filter too"


# --------------------------------------------------------------------------- figures from the data


@pytest.mark.parametrize("lang", LANGS)
def test_story_shows_the_legal_limit_and_the_derived_refund(app_test, lang):
    at = app_test(query={"lang": lang}).run()
    assert not at.exception
    metrics = _key_figures(at)
    assert metrics[t("kf_limit", lang)] == _plain(usd(LIMIT, lang))
    refund = REFUNDS["winklevoss_cameron"]
    assert metrics[t("kf_refund", lang)] == _plain(figure_text(refund, "usd", "at_least", lang))
    assert metrics[t("kf_goal", lang)] == _plain(figure_text(_amount(GOAL_ID), "usd", "more_than", lang))
    # The twins section says the limit and the refund in full.
    text = _shown_text(at)
    assert _plain(usd(LIMIT, lang)) in text
    assert _plain(usd(refund, lang)) in text


@pytest.mark.parametrize("lang", LANGS)
def test_money_shows_the_legal_limit_and_the_derived_refund(app_test, lang):
    at = app_test(query={"lang": lang}, page="money").run()
    assert not at.exception
    (twins,) = _table_containing(at, t("col_twin", lang))
    refunds = twins[twins[t("col_measure", lang)] == t("measure_refund", lang)]
    names = {ACTOR_NAME[a][f"name_{lang}"]: a for a in REFUNDS}
    assert sorted(refunds[t("col_twin", lang)]) == sorted(names)
    for _, row in refunds.iterrows():
        refund = REFUNDS[names[row[t("col_twin", lang)]]]
        assert _number(row[t("col_amount_usd", lang)]) == refund
        assert row[t("col_amount", lang)] == _plain(figure_text(refund, "usd", "at_least", lang, compact=False))
    limits = twins[twins[t("col_measure", lang)] == t("measure_limit", lang)]
    assert {_number(cell) for cell in limits[t("col_amount_usd", lang)]} == {LIMIT}
    (limits,) = [tb for tb in _table_containing(at, t("col_label", lang)) if t("col_covers", lang) in tb.columns]
    # The article's cap first, its figure labelled as from the article and its per-donor reading as the FEC's
    # rule (issue 24); then the FEC limits, each labelled public record.
    assert _number(limits[t("col_amount_usd", lang)].iloc[0]) == LIMIT
    assert limits[t("col_amount", lang)].iloc[0] == _plain(usd(LIMIT, lang))
    origins = list(limits[t("col_origin", lang)])
    assert origins[0] == t("cap_tag_article_per_donor", lang)
    assert len(origins) > 1 and all(o.startswith(_plain(t("cap_tag_public_record", lang))) for o in origins[1:])
    links = list(limits[t("col_source_url", lang)])  # each shown as its site, linked (render.table)
    assert all(link == "fec.gov" for link in links[1:]), "each FEC limit links its source"
    # One chart per section, each titled in the page language.
    titles = [html.unescape(spec["layout"]["title"]["text"].replace("<br>", " ")) for spec in _plotly_specs(at)]
    assert titles == [
        charts.build_chart(Words(DATASET, lang), chart_id, CAMPS).title
        for chart_id in ("goal", "twins", "allocation", "flows")
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_money_explains_the_cap_beside_its_allocation_and_links_there_from_the_twins(app_test, lang):
    from techmoney.content import cap_explainer
    from techmoney.content.page_content import CAP_ANCHOR

    at = app_test(query={"lang": lang}, page="money").run()
    assert not at.exception
    assert [h.value for h in at.header] == [cap_explainer.title(Words(DATASET, lang))]
    (row,) = [pair for pair in (at.columns[i : i + 2] for i in range(0, len(at.columns), 2))]
    chart, text = row
    (spec,) = [json.loads(c.proto.spec) for c in chart.get("plotly_chart")]
    assert spec["layout"]["title"]["text"].replace("<br>", " ") == t("allocation_title", lang)
    shown = html.unescape(re.sub(r"<[^>]+>", "", "".join(element.value for element in text.html)))
    for sentence in cap_explainer.explainer(Words(DATASET, lang)):
        assert _plain(sentence.text) in shown and _plain(sentence.label) in shown
    assert f'href="#{CAP_ANCHOR}"' in html_text(at), "the twins' refunds link to the explanation"


def test_camp_filter_removes_hastings_for_pro_trump_and_shows_him_for_pro_harris(app_test):
    name = ACTOR_NAME["hastings"]["name_en"]
    trump = app_test(query={"lang": "en", "camp": "pro_trump"}, page="donors").run()
    harris = app_test(query={"lang": "en", "camp": "pro_harris"}, page="donors").run()
    assert not trump.exception and not harris.exception
    (trump_table,) = _table_containing(trump, "Role")
    (harris_table,) = _table_containing(harris, "Role")
    assert name not in set(trump_table["Name"]) and name not in trump.selectbox[0].options
    assert name in set(harris_table["Name"]) and name in harris.selectbox[0].options


# --------------------------------------------------------------------------- empty filter


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", list(PAGES))
def test_an_empty_camp_filter_shows_the_empty_state_without_errors(app_test, page, lang):
    at = app_test(query={"lang": lang, "camp": ""}, page=page).run()
    assert not at.exception
    assert not at.warning
    assert at.sidebar.multiselect[0].value == []
    assert at.query_params == ({"lang": lang, "camp": ""} if lang == "en" else {"camp": ""})
    if page == "sources":
        return  # the article and downloads do not depend on the camps
    assert t("empty_no_camp_pick_above", lang) in [info.value for info in at.info]
    assert not _key_figures(at)
    assert not at.get("plotly_chart"), "no chart is drawn for an empty selection"


# --------------------------------------------------------------------------- URL -> view


def test_the_link_sets_language_camps_and_actor(app_test):
    query = {"lang": "en", "camp": ["pro_trump", "skeptic"], "actor": "winklevoss_tyler"}
    at = app_test(query=query, page="donors").run()
    assert not at.exception
    assert page_titles(at) == [page_title("donors", "en")]
    assert at.sidebar.multiselect[0].value == ["pro_trump", "skeptic"]
    assert at.selectbox[0].value == "winklevoss_tyler"
    name = ACTOR_NAME["winklevoss_tyler"]["name_en"]
    assert t("actor_records", "en", name=name) in _shown_text(at)
    cards = [m.value for m in at.html if 'class="tm-card"' in m.value]
    assert len(cards) == 1 and f"<strong>{html.escape(name)}</strong>" in cards[0]
    assert at.query_params == query


def test_an_actor_outside_the_camps_shown_is_not_offered_nor_shown(app_test):
    """The picker follows the camp filter: a link naming a pro-Trump actor with only pro-Harris camps
    shows no one picked."""
    at = app_test(query={"lang": "en", "camp": "pro_harris", "actor": "winklevoss_tyler"}, page="donors").run()
    assert not at.exception
    assert at.selectbox[0].value is None
    assert at.selectbox[0].options == [
        ACTOR_NAME[a]["name_en"] for a, camp in ACTOR_CAMP.items() if camp == "pro_harris"
    ]
    assert not [m for m in at.html if 'class="tm-card"' in m.value]
    assert at.query_params == {"lang": "en", "camp": "pro_harris"}, "nor kept in the link"
    name = ACTOR_NAME["winklevoss_tyler"]["name_en"]
    assert [w.value for w in at.warning if name in w.value], "the reader is told why the name is left out"


def test_taking_away_the_picked_donors_camp_takes_the_donor_out_of_the_link_and_card(app_test):
    at = app_test(query={"lang": "en", "actor": "hastings"}, page="donors").run()
    assert at.selectbox[0].value == "hastings"
    at.sidebar.multiselect[0].set_value(["pro_trump"]).run()
    assert not at.exception
    assert at.query_params == {"lang": "en", "camp": "pro_trump"}
    assert at.selectbox[0].value is None
    (card,) = [link for link in _download_links(at) if link[0].startswith("download/card/")]
    assert "actor=" not in card[0] and "camp=pro_trump" in card[0]
    at.sidebar.multiselect[0].set_value(["pro_trump", "pro_harris"]).run()
    assert "actor" not in at.query_params, "a camp given back does not bring the donor back unasked"


def test_the_default_link_is_arabic_with_every_camp_and_no_actor(app_test):
    at = app_test(page="donors").run()
    assert not at.exception
    assert page_titles(at) == [page_title("donors", "ar")]
    assert at.sidebar.multiselect[0].value == list(CAMPS)
    assert at.selectbox[0].value is None
    assert at.query_params == {}


def test_the_link_order_of_camps_does_not_matter(app_test):
    at = app_test(query={"camp": ["skeptic", "pro_harris", "skeptic"]}, page="money").run()
    assert not at.exception
    assert at.sidebar.multiselect[0].value == ["pro_harris", "skeptic"]
    assert at.query_params == {"camp": ["pro_harris", "skeptic"]}


# --------------------------------------------------------------------------- view -> URL


def test_changing_the_widgets_and_the_language_rewrites_the_link(app_test):
    at = switch_language(app_test(page="donors").run(), "en")
    assert not at.exception
    assert at.query_params == {"lang": "en"}
    assert page_titles(at) == [page_title("donors", "en")]

    at.sidebar.multiselect[0].set_value(["pro_trump", "context"]).run()
    assert not at.exception
    assert at.query_params == {"lang": "en", "camp": ["pro_trump", "context"]}

    at.selectbox[0].set_value("winklevoss_cameron").run()
    assert not at.exception
    assert at.query_params == {"lang": "en", "camp": ["pro_trump", "context"], "actor": "winklevoss_cameron"}

    # Switching the language keeps the actor and the camps.
    at = switch_language(at, "ar")
    assert not at.exception
    assert page_titles(at) == [page_title("donors", "ar")]
    assert at.query_params == {"camp": ["pro_trump", "context"], "actor": "winklevoss_cameron"}
    assert at.selectbox[0].value == "winklevoss_cameron"
    assert at.sidebar.multiselect[0].value == ["pro_trump", "context"]

    # Back to every camp drops the key; no camp at all is written as camp=.
    at.sidebar.multiselect[0].set_value(list(CAMPS)).run()
    assert at.query_params == {"actor": "winklevoss_cameron"}
    at.sidebar.multiselect[0].set_value([]).run()
    assert not at.exception
    assert at.query_params == {"camp": ""}, "no camp shows no one: the actor leaves the link"
    assert t("empty_no_camp_pick_above", "ar") in [info.value for info in at.info]


def test_the_view_survives_moving_between_pages(app_test):
    at = app_test(query={"lang": "en", "camp": "skeptic"}).run()
    for page in ("money", "timeline", "sources", "donors"):
        at.switch_page(PAGES[page]).run()
        assert not at.exception
        assert page_titles(at) == [page_title(page, "en")]
        assert at.query_params == {"lang": "en", "camp": "skeptic"}


# --------------------------------------------------------------------------- embed


@pytest.mark.parametrize("lang", LANGS)
def test_an_embed_link_renders_only_its_chart(app_test, lang):
    query = {"embed": "true", "chart": "twins", "lang": lang}
    at = app_test(query=query, embedded=True).run()
    assert not at.exception
    assert not page_titles(at) and not at.title and not at.header and not at.subheader
    assert not _key_figures(at) and not _tables(at) and not at.warning
    assert not at.button_group and not at.sidebar.multiselect
    specs = _plotly_specs(at)
    assert len(specs) == 1
    assert json.loads(at.get("plotly_chart")[0].proto.config)["displayModeBar"] is False, "no toolbar in an article"
    assert (
        html.unescape(specs[0]["layout"]["title"]["text"].replace("<br>", " "))
        == charts.build_chart(Words(DATASET, lang), "twins", CAMPS).title
    )
    refunds = [
        trace for trace in specs[0]["data"] if html.unescape(trace["name"]).startswith(t("measure_refund", lang))
    ]
    assert sorted(x for trace in refunds for x in trace["x"]) == sorted(REFUNDS.values())


def test_a_chart_id_without_embedding_shows_the_whole_page(app_test):
    at = app_test(query={"chart": "twins", "lang": "en"}).run()
    assert not at.exception
    assert page_titles(at) == [page_title("story", "en")]
    assert len(at.get("plotly_chart")) > 1 and "tm-tools" in html_text(at), "every chart, each with its tools"
    assert at.query_params == {"chart": "twins", "lang": "en"}


def test_camp_labels_in_the_sidebar_follow_the_language(app_test):
    for lang in LANGS:
        at = app_test(query={"lang": lang}).run()
        camps = {row["camp_id"]: row for _, row in DATASET.camps.iterrows()}
        assert at.sidebar.multiselect[0].options == [pick(camps[c], "label", lang) for c in CAMPS]


class _Links(HTMLParser):
    """Every download link of an HTML fragment: (href, download file name, label)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[list[str]] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "download" in attrs:
            self.links.append([attrs["href"], attrs["download"], ""])
            self._open = True

    def handle_endtag(self, tag):
        self._open = self._open and tag != "a"

    def handle_data(self, data):
        if self._open:
            self.links[-1][2] += data


def _download_links(at) -> list[tuple[str, str, str]]:
    found = []
    for element in at.html:
        parser = _Links()
        parser.feed(element.value)
        found += [tuple(link) for link in parser.links]
    return found


def _fetch(href: str):
    """What the app's download route serves for a link (techmoney.web.routes calls the same function)."""
    split = urlsplit(href)
    assert split.path.startswith(addresses.PREFIX + "/") and not split.scheme and not split.netloc, href
    return downloads.resolve(
        split.path.removeprefix(addresses.PREFIX + "/"), parse_qs(split.query, keep_blank_values=True)
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_links_its_share_card_and_each_chart_its_csv_and_images(app_test, page, lang):
    """Downloads are plain links (no download button to register on each rerun) that resolve to files:
    the page's share card, and under each chart its data as CSV and its images, for the current view."""
    query = {"lang": lang, "camp": ["pro_harris", "pro_trump"]}
    at = app_test(query=query, page=page).run()
    assert not at.exception
    assert not at.get("download_button")
    links = _download_links(at)
    cards = [link for link in links if link[0].startswith("download/card/")]
    assert [label for _, _, label in cards] == [_plain(t("share_card", lang))]
    card = _fetch(cards[0][0])
    assert card.media_type == "image/png" and card.content.startswith(b"\x89PNG\r\n\x1a\n")
    camps = "-pro_harris-pro_trump" if page == "donors" else ""  # the Donors card follows the camps
    assert card.filename == cards[0][1] == f"tech-money-2024-{page}{camps}-{lang}.png"

    titles = [spec["layout"]["title"]["text"].replace("<br>", " ") for spec in _plotly_specs(at)]
    csvs = [link for link in links if link[0].startswith("download/chart/") and link[1].endswith(".csv")]
    assert len(csvs) == len(titles), "one CSV link per chart"
    for href, filename, label in csvs:
        assert label == _plain(t("tool_data", lang))
        served = _fetch(href)
        assert served.filename == filename and served.media_type == "text/csv"
        frame = pd.read_csv(io.BytesIO(served.content), encoding="utf-8-sig")
        chart_id = filename.removeprefix("tech-money-2024-").removesuffix(f"-{lang}.csv")
        assert list(frame.columns) == list(
            charts.build_chart(Words(DATASET, lang), chart_id, ("pro_harris", "pro_trump")).table.columns
        )
    # Each chart's images, in each size (the files themselves: tests/e2e/test_view_tools.py, over HTTP).
    images = [link for link in links if link[0].startswith("download/chart/") and not link[1].endswith(".csv")]
    assert len(images) == len(titles) * len(chart_images.DOWNLOAD_KINDS)
    for href, filename, _ in images:
        split = urlsplit(href)
        found = downloads.find(split.path.removeprefix(addresses.PREFIX + "/"), parse_qs(split.query), DATASET)
        assert found.kind == "image" and found.view == ViewState(lang=lang, camps=("pro_harris", "pro_trump"))
        assert filename == addresses.chart_image_filename(found.name, lang, found.variant)
    if page == "sources":
        names = {filename for _, filename, _ in links}
        assert {f"{name}.csv" for name in DATASET.tables} <= names
        (bundle,) = [link for link in links if link[0].startswith("download/bundle")]
        assert _fetch(bundle[0]).content.startswith(b"PK")
        (actors,) = [link for link in links if link[0].startswith("download/actors")]
        assert _fetch(actors[0]).filename == "tech-money-2024-actors-pro_harris-pro_trump.csv"


def test_the_donors_card_link_follows_the_selected_actor(app_test):
    at = app_test(query={"lang": "en", "actor": "hastings"}, page="donors").run()
    (card,) = [link for link in _download_links(at) if link[0].startswith("download/card/")]
    assert "actor=hastings" in card[0] and card[1] == "tech-money-2024-donors-hastings-en.png"
    assert _fetch(card[0]).content.startswith(b"\x89PNG")


def test_a_selection_with_nothing_on_a_page_says_so_without_blaming_an_empty_choice(app_test):
    at = app_test(query={"lang": "en", "camp": "context"}).run()  # no Story section belongs to "Others"
    assert not at.exception
    assert [info.value for info in at.info] == [t("empty_filter_pick_above", "en")]


def test_a_story_section_whose_chart_the_filter_empties_keeps_its_text_and_says_so(app_test):
    """Skeptics only: no dated event is left for the timeline chart, yet the skeptics' section is told,
    with a notice in the chart's place (one element, so the section grid stays paired)."""
    camps = ("skeptic",)
    assert charts.build_chart(Words(DATASET, "en"), "timeline", camps).figure is None  # the case this test is about
    at = app_test(query={"lang": "en", "camp": list(camps)}).run()
    assert not at.exception
    assert t("section_skeptics_title", "en") in _shown_text(at)
    title = charts.build_chart(Words(DATASET, "en"), "timeline", camps).title
    assert t("chart_empty", "en", title=markdown_literal(title)) in [info.value for info in at.info]
    assert not at.get("plotly_chart")
    assert not {t("empty_filter_pick_above", "en"), t("empty_no_camp_pick_above", "en")} & {
        info.value for info in at.info
    }, "the page is not empty"


@pytest.mark.parametrize("lang", LANGS)
def test_each_story_section_sits_beside_the_chart_that_carries_its_figures(app_test, lang):
    from techmoney.content import story

    at = app_test(query={"lang": lang}).run()
    assert not at.exception
    sections = story.sections(Words(DATASET, lang), CAMPS)
    pairs = [at.columns[i : i + 2] for i in range(0, len(at.columns), 2)]
    assert len(pairs) == len(sections)
    for section, (text, chart) in zip(sections, pairs, strict=True):
        assert section.title in html.unescape("".join(element.value for element in text.html))
        (spec,) = [json.loads(c.proto.spec) for c in chart.get("plotly_chart")]
        expected = charts.build_chart(Words(DATASET, lang), section.chart_id, CAMPS).title
        assert spec["layout"]["title"]["text"].replace("<br>", " ") == expected


def test_the_sources_documents_are_sent_only_once_their_expander_is_opened(app_test):
    """~60 kB of dictionary, changelog and cited records: built while the reader has them open."""
    from techmoney.ui.layout import open_key

    closed = app_test(query={"lang": "en"}, page="sources").run()
    assert not closed.exception
    assert 'class="tm-doc"' not in html_text(closed)
    closed.session_state[open_key("docs")] = True
    method = closed.run()
    assert not method.exception
    text = html_text(method)
    assert 'class="tm-doc"' in text
    assert t("dictionary_heading", "en") in text and t("changelog_heading", "en") not in text
    method.session_state[open_key("corrections")] = True
    assert t("changelog_heading", "en") in html_text(method.run())
    for name in DATASET.tables:  # the dictionary documents every table
        assert name in text
    assert 'id="rec-' in text, "the records the article's highlights link to"


@pytest.mark.parametrize("lang", LANGS)
def test_the_camp_filter_says_who_is_in_each_camp_and_our_judgement_calls(app_test, lang):
    at = app_test(query={"lang": lang}).run()
    shown = re.sub(r"\\(.)", r"\1", at.sidebar.multiselect[0].help)  # Markdown escapes removed
    for _, camp in DATASET.camps.iterrows():
        assert pick(camp, "label", lang) in shown and pick(camp, "description", lang) in shown


@pytest.mark.parametrize("camps", [["pro_trump"], ["context"], ["pro_harris", "context"]])
def test_the_sources_embed_picker_starts_on_a_chart_with_something_for_the_camps(app_test, camps):
    at = app_test(query={"lang": "en", "camp": camps}, page="sources").run()
    assert not at.exception
    (picker,) = [box for box in at.selectbox if box.key == "embed_chart"]
    chart_id = picker.value
    assert charts.build_chart(Words(DATASET, "en"), chart_id, tuple(c for c in CAMPS if c in camps)).figure is not None
    snippets = [code.value for code in at.code if "<iframe" in code.value]
    assert len(snippets) == 1 and f"chart={chart_id}" in snippets[0]


@pytest.mark.parametrize("lang", LANGS)
def test_the_donors_names_are_a_searchable_sortable_grid_linking_each_filed_gift_to_its_public_record(app_test, lang):
    """Streamlit's own grid (its toolbar searches, its headers sort), without ids, reading from the page's side;
    the public-record column's cells are links, only for givers with a row in public_records.csv."""
    at = app_test(query={"lang": lang, "camp": "pro_trump"}, page="donors").run()
    assert not at.exception
    (grid,) = at.dataframe
    names = [ACTOR_NAME[a][f"name_{lang}"] for a, camp in ACTOR_CAMP.items() if camp == "pro_trump"]
    assert list(grid.value[t("col_name", lang)]) == names
    shown = set(grid.value.astype(str).stack()) | set(grid.value.index.astype(str))
    assert not shown & set(ACTOR_CAMP), "no ids shown"
    columns = json.loads(grid.proto.columns)
    record = columns[t("col_record", lang)]
    assert record["type_config"]["type"] == "link" and record["type_config"]["display_text"] == t("record_link", lang)
    assert columns.pop("_index") == {"hidden": True}
    assert {column["alignment"] for column in columns.values()} == {"right" if lang == "ar" else "left"}
    linked = grid.value[grid.value[t("col_record", lang)].notna()]
    records = DATASET.public_records.merge(DATASET.money_facts[["fact_id", "payer_id"]], on="fact_id")
    assert sorted(linked[t("col_name", lang)]) == sorted(ACTOR_NAME[a][f"name_{lang}"] for a in records["payer_id"])
    assert set(linked[t("col_record", lang)]) == set(records["url"])
    assert grid.proto.alt == t("actors_grid", lang)  # not the text table's name: each region its own


@pytest.mark.parametrize("lang", LANGS)
def test_the_camp_buttons_in_the_page_body_edit_the_same_view_as_the_sidebar(app_test, lang):
    """On a phone the sidebar hides behind an icon: the camps are also one tap away at the top of the page."""
    at = app_test(query={"lang": lang, "actor": "hastings"}, page="donors").run()
    pills = at.button_group(key=f"w_campbar_{lang}")
    assert pills.value == list(CAMPS) and pills.label == t("camp_filter", lang)
    pills.set_value(["pro_trump", "skeptic"]).run()
    assert not at.exception
    assert at.sidebar.multiselect[0].value == ["pro_trump", "skeptic"]
    assert at.query_params == ({"lang": lang} if lang == "en" else {}) | {"camp": ["pro_trump", "skeptic"]}
    at.sidebar.multiselect[0].set_value(["context"]).run()
    assert at.button_group(key=f"w_campbar_{lang}").value == ["context"]


def test_the_apps_last_element_carries_the_language_it_shows_for_the_document_to_follow(app_test):
    """templates/lang_follower.html sets <html lang dir> from it after a switch inside the app."""

    def marker(at) -> str:
        (found,) = [element.value for element in at.html if "tm-rendered" in element.value]
        return found

    at = app_test(page="money").run()
    assert 'hidden dir="rtl" lang="ar"' in marker(at)
    at = switch_language(at, "en")
    assert 'hidden dir="ltr" lang="en"' in marker(at)
