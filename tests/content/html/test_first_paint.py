"""The first screen from the server (techmoney/content/html/first_paint.py): a page path's HTML carries the view the
link names, its whole text, every value escaped, each chart drawn from the bake's images (or, without them,
in words); Streamlit's bundle loads after it (techmoney/content/html/previews.py).

Unless a test gives it images, the first screen is made here as a bake without Chromium makes it: an empty
images' store."""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import plotly.graph_objects as go
import pytest
from starlette.applications import Starlette
from streamlit import file_util

from techmoney.content import chart_images, chart_screen, story
from techmoney.content import page_content as contents
from techmoney.content.chart_images import SCREEN_WIDTHS_PX, ImageRequest, ImageStore
from techmoney.content.html import first_paint, oembed, previews
from techmoney.data.dataset import Dataset, shared_dataset
from techmoney.data.schema import CAMPS
from techmoney.site.addresses import ViewState, site_root, to_query_params
from techmoney.site.sitemap import PAGES
from techmoney.web.routes import make_routes
from techmoney.words import facts
from techmoney.words.bound import Words
from techmoney.words.i18n import LANGS, t
from tests.asgi_client import get
from tests.conftest import DATA, count, drawn_or_skip
from tests.content.html.test_render import Parsed
from tests.hostile_inputs import HOSTILE_QUERY_STRINGS, XSS_PAYLOADS, parse_qs_lists

INDEX_PATH = Path(file_util.get_static_dir()) / "index.html"
INDEX = previews.read_index(INDEX_PATH)
ROOT = "https://news.example.org/tm/"
SITE = Starlette(routes=make_routes(ROOT, "", INDEX_PATH))
BLOCK = re.compile(r'<div id="tm-first-paint".*?</script>', re.DOTALL)
# What the block is built of; anything else came from a payload.
BLOCK_TAGS = {
    "div",
    "style",
    "link",
    "aside",
    "ul",
    "li",
    "a",
    "p",
    "main",
    "nav",
    "span",
    "h1",
    "h2",
    "section",
    "figure",
    "figcaption",
    "strong",
    "details",
    "summary",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "bdi",
    "mark",
    "code",
    "pre",
    "script",
    "blockquote",
    "h3",
    "h4",
    "ol",
    "em",
    "hr",
    "img",
    "form",
    "input",
    "label",
    "select",
    "option",
    "button",
    "textarea",
    "footer",
}


DRAWING_TAGS = {tag.lower() for tag in chart_screen.DRAWING}  # an inline chart's elements (HTMLParser's case)


@pytest.fixture(autouse=True)
def images(monkeypatch) -> ImageStore:
    """The images' store the first screen reads: empty unless the test puts images in it."""
    store = ImageStore(None)
    monkeypatch.setattr(chart_images, "shared_store", lambda: store)
    return store


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _block(page: str, query: dict, dataset: Dataset | None = None, root: str = ROOT) -> Parsed:
    data = shared_dataset() if dataset is None else dataset
    view = previews.read_view(data, query)
    return Parsed(first_paint.first_paint(page, view, root, data, oembed.chart_link(query)))


def _served(target: str) -> str:
    return get(SITE, target).body.decode()


def _plain(text: str) -> str:
    """Text without the isolates our strings carry (the page shows them as <bdi>)."""
    return text.replace("\u2066", "").replace("\u2069", "")


def _shape(parsed: Parsed) -> list[tuple[str, tuple[str, ...]]]:
    return [(tag, tuple(attrs)) for tag, attrs in parsed.tags]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.page_id)
@pytest.mark.parametrize("lang", LANGS)
def test_a_page_path_answers_with_its_view_in_the_links_language(page, lang):
    html = _served(f"/{page.url_path}?lang={lang}")
    (block,) = BLOCK.findall(html)
    found = Parsed(block)
    model = contents.cached(shared_dataset(), page.page_id, lang, ViewState().camps)
    text = found.all_text
    assert (
        "div",
        {
            "id": "tm-first-paint",
            "class": "tm-fp",
            "data-charts": found.tags[0][1]["data-charts"],
            "dir": {"ar": "rtl", "en": "ltr"}[lang],
            "lang": lang,
        },
    ) == found.tags[0]
    assert ("h1", {}) in found.tags and _plain(model.title) in _plain(text)
    assert Parsed(model.intro_html).all_text.strip() in text
    assert t(f"lang_{next(code for code in LANGS if code != lang)}", "en" if lang == "ar" else "ar") in text
    assert html.index('id="tm-first-paint"') < html.index('<div id="root">'), "drawn before the app's root"


@pytest.mark.parametrize("lang", LANGS)
def test_the_story_carries_its_key_figures_with_their_qualifiers_and_sources(lang):
    text = _block("story", {"lang": [lang]}).all_text
    figures = story.key_figures(Words(shared_dataset(), lang), ViewState().camps)
    assert figures
    for figure in figures:
        for part in (figure.label, figure.value, figure.qualifier, figure.excerpt):
            assert _plain(part) in _plain(text)


@pytest.mark.parametrize("lang", LANGS)
def test_without_images_each_charts_place_is_as_tall_as_its_figure_and_says_its_title_and_source(lang):
    found = _block("money", {"lang": [lang]})
    model = contents.cached(shared_dataset(), "money", lang, ViewState().camps)
    boxes = [attrs["style"] for tag, attrs in found.tags if tag == "figure"]
    charts = [model.goal, model.twins, model.allocation, model.flows]
    assert boxes == [f"height:{int(chart.figure.layout.height)}px" for chart in charts]
    text = _plain(found.all_text)
    for chart in charts:
        assert _plain(chart.chart.title) in text and _plain(chart.chart.subtitle) in text
    assert text.count(_plain(t("source_line", lang, version=shared_dataset().version))) == len(charts)
    assert found.tags[0][1]["data-charts"] == str(len(charts)), "the hand-over waits for every chart"


def _stand_in(chart_id: str, width: int, height: int) -> bytes:
    """An image in the store's place of the one Chromium draws: an SVG that says which it is."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f'<defs><clipPath id="c1"><rect width="9" height="9"/></clipPath></defs>'
        f'<text x="1" y="9" clip-path="url(#c1)">{chart_id} at {width}</text></svg>'
    ).encode()


def _store_images(store: ImageStore, charts: list, lang: str) -> None:
    for chart in charts:
        for width in SCREEN_WIDTHS_PX:
            store.put(
                chart_images.image_key(ImageRequest(chart.figure, lang, "screen", width)),
                _stand_in(chart.chart.chart_id, width, int(chart.figure.layout.height)),
            )


def _figures(found: Parsed) -> list[tuple[dict, list[dict]]]:
    """Each chart's box in the first screen, with the inline images in it."""
    boxes: list[tuple[dict, list[dict]]] = []
    for tag, attrs in found.tags:
        if tag == "figure":
            boxes.append((attrs, []))
        elif tag == "svg" and boxes:
            boxes[-1][1].append(attrs)
    return boxes


@pytest.mark.parametrize("lang", LANGS)
def test_with_the_bakes_images_each_chart_is_drawn_in_its_box_named_by_its_alt_text(images, lang):
    model = contents.cached(shared_dataset(), "money", lang, ViewState().camps)
    charts = [model.goal, model.twins, model.allocation, model.flows]
    _store_images(images, charts, lang)
    found = _block("money", {"lang": [lang]})
    boxes = _figures(found)
    assert [attrs["style"] for attrs, _ in boxes] == [f"height:{int(chart.figure.layout.height)}px" for chart in charts]
    for (_, svgs), chart in zip(boxes, charts, strict=True):
        assert [svg["aria-label"] for svg in svgs] == [chart.alt] * len(SCREEN_WIDTHS_PX)
        assert {svg["role"] for svg in svgs} == {"img"} and {svg["width"] for svg in svgs} == {"100%"}
    text = found.all_text
    assert all(f"{chart.chart.chart_id} at {width}" in text for chart in charts for width in SCREEN_WIDTHS_PX), (
        "each rendering, narrowest first, from the store"
    )
    assert text.index(f"goal at {SCREEN_WIDTHS_PX[0]}") < text.index(f"goal at {SCREEN_WIDTHS_PX[-1]}")
    assert "figcaption" not in [tag for tag, _ in found.tags], "the image draws the title, subtitle and source"
    tables = [attrs for tag, attrs in found.tags if tag == "details" and attrs.get("class") == "tm-chart-table"]
    assert len(tables) == len(charts), "each chart's data table stays after it"
    ids = [attrs["id"] for tag, attrs in found.tags if tag == "clippath"]
    assert len(ids) == len(set(ids)) == len(charts) * len(SCREEN_WIDTHS_PX), "one page, no id twice"


def test_an_embed_shows_its_chart_drawn_then_its_credit_then_its_table(images):
    embed = contents.cached(shared_dataset(), "embed", "en", ViewState().camps)
    _store_images(images, [embed.charts["flows"]], "en")
    found = _block("story", {"embed": ["true"], "chart": ["flows"], "lang": ["en"]})
    tags = [tag for tag, _ in found.tags]
    ((box, svgs),) = _figures(found)
    assert box["style"] == f"height:{int(embed.charts['flows'].figure.layout.height)}px" and len(svgs) == 2
    credit = next(i for i, (tag, attrs) in enumerate(found.tags) if attrs.get("class") == "tm-embed-credit")
    assert tags.index("svg") < credit < tags.index("table"), "the chart, the line under it, then its data"
    assert Parsed(embed.credits["flows"]).all_text in found.all_text


def test_the_sources_page_carries_the_whole_article_and_how_to_cite():
    text = _block("sources", {"lang": ["en"]}).all_text
    story_lines = [line for line in shared_dataset().article.split("\n") if line.strip()]
    assert all(line in text for line in story_lines)
    assert ROOT + "sources?lang=en" in text, "the citation and share link name the view"


def test_the_camps_in_the_link_are_the_camps_drawn():
    actors = _rows("actors.csv")
    # The page, before its footer (whose citation gives CNBC's headline: it names Kamala Harris).
    text = _block("donors", {"lang": ["en"], "camp": ["pro_trump"]}).all_text.split(t("footer_cite", "en"))[0]
    assert all(a["name_en"] in text for a in actors if a["camp"] == "pro_trump")
    assert not any(a["name_en"] in text for a in actors if a["camp"] == "pro_harris")
    empty = _block("money", {"lang": ["en"], "camp": [""]})
    assert empty.tags[0][1]["data-charts"] == "0" and t("empty_no_camp_pick_above", "en") in empty.all_text


def test_a_donors_link_with_an_actor_shows_their_card():
    def cards(query):
        return [
            attrs for tag, attrs in _block("donors", query).tags if tag == "div" and attrs.get("class") == "tm-card"
        ]

    assert len(cards({"lang": ["en"], "actor": ["hastings"]})) == 1 and not cards({"lang": ["en"]})


def _camp_links(found: Parsed) -> dict[str, str]:
    """The first screen's camp filter: each link's accessible name -> where it leads."""
    return {attrs["aria-label"]: attrs["href"] for tag, attrs in found.tags if tag == "a" and "aria-label" in attrs}


def _view_at(href: str) -> ViewState:
    split = urlsplit(href)
    return previews.read_view(shared_dataset(), parse_qs(split.query, keep_blank_values=True))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("camps", [CAMPS, ("pro_trump",), ()], ids=["all", "one", "none"])
def test_each_camp_is_a_link_to_this_page_with_that_camp_shown_or_hidden(lang, camps):
    query = {"lang": [lang], **({"camp": list(camps) or [""]} if camps != CAMPS else {})}
    found = _camp_links(_block("money", query))
    for camp in CAMPS:
        label = facts.camp_label(shared_dataset(), camp, lang)
        action = t("camp_hide" if camp in camps else "camp_add", lang, camp=label)
        href = found.pop(action)
        assert href.startswith(ROOT + "money?") or href == ROOT + "money"
        toggled = tuple(c for c in CAMPS if (c in camps) != (c == camp))
        assert _view_at(href) == ViewState(lang=lang, camps=toggled)
    assert found == {}, "a link per camp, and no other"


def test_hiding_the_camp_of_the_name_picked_lets_go_of_the_name():
    found = _camp_links(_block("donors", {"lang": ["en"], "actor": ["hastings"]}))  # Hastings is pro-Harris
    hide = {
        camp: _view_at(found[t("camp_hide", "en", camp=facts.camp_label(shared_dataset(), camp, "en"))])
        for camp in CAMPS
    }
    assert hide["pro_harris"].actor is None
    assert {hide[camp].actor for camp in CAMPS if camp != "pro_harris"} == {"hastings"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_name_picker_is_a_form_that_asks_for_this_page_with_the_name_in_the_views_language_and_camps(lang):
    camps = ("pro_harris", "context")
    found = _block("donors", {"lang": [lang], "camp": list(camps), "actor": ["hastings"]})
    (form,) = [attrs for tag, attrs in found.tags if tag == "form"]
    assert form["method"] == "get" and form["action"] == ROOT + "donors"
    fields = [
        (attrs["name"], attrs["value"]) for tag, attrs in found.tags if tag == "input" and attrs["type"] == "hidden"
    ]
    options = [attrs for tag, attrs in found.tags if tag == "option"]
    names = facts.actor_names(shared_dataset(), lang, camps)
    assert [option["value"] for option in options] == ["", *names]
    assert [option["value"] for option in options if "selected" in option] == ["hastings"]
    for actor in names:  # what the browser asks for when the reader picks a name and sends the form
        assert _view_at("?" + urlencode([*fields, ("actor", actor)])) == ViewState(lang=lang, camps=camps, actor=actor)
    assert _view_at("?" + urlencode([*fields, ("actor", "")])) == ViewState(lang=lang, camps=camps)


def test_an_embed_link_carries_its_chart_alone_with_its_table():
    found = _block("story", {"embed": ["true"], "chart": ["flows"], "lang": ["en"]})
    chart = contents.cached(shared_dataset(), "embed", "en", ViewState().camps).charts["flows"]
    assert [tag for tag, _ in found.tags].count("figure") == 1 and "h1" not in [tag for tag, _ in found.tags]
    assert (
        "figure",
        {"class": "tm-fp-chart", "style": f"height:{int(chart.figure.layout.height)}px", "dir": "ltr", "lang": "en"},
    ) in found.tags
    assert "table" in [tag for tag, _ in found.tags]
    assert _shape(_block("story", {"embed": ["true"], "chart": ["nope"]})) == _shape(_block("story", {}))


@pytest.mark.parametrize("payload", XSS_PAYLOADS, ids=range(len(XSS_PAYLOADS)))
def test_hostile_values_in_the_link_or_the_public_address_stay_text(payload):
    baseline = _shape(_block("donors", {"lang": ["en"]}))
    assert (
        _shape(
            _block(
                "donors",
                {
                    "lang": ["en"],
                    "actor": [payload],
                    "camp": [payload],
                    payload: [payload],
                    "embed": [payload],
                    "chart": [payload],
                },
            )
        )
        == baseline
    )
    root = site_root(f"https://example.org/{payload}", "127.0.0.1", 8501)
    assert _shape(_block("donors", {"lang": ["en"]}, root=root)) == baseline


def test_hostile_query_strings_draw_what_the_view_they_fall_back_to_draws():
    for query in HOSTILE_QUERY_STRINGS:
        hostile = parse_qs_lists(query)
        view = previews.read_view(shared_dataset(), hostile)
        clean = {key: [value] if isinstance(value, str) else value for key, value in to_query_params(view).items()}
        assert _shape(_block("donors", hostile)) == _shape(_block("donors", clean)), query


def _hostile() -> tuple[Dataset, dict[str, str]]:
    """The real dataset with each payload as one actor's name and role (actor id -> payload), and as the
    camps' labels: one dataset, so its views are built once."""
    data = shared_dataset()
    tables = {name: frame.copy() for name, frame in data.tables.items()}
    actors = tables["actors"]
    given = dict(zip(actors["actor_id"], XSS_PAYLOADS, strict=False))
    for actor_id, payload in given.items():
        for column in ("name_en", "name_ar", "role_en", "role_ar"):
            actors.loc[actors["actor_id"] == actor_id, column] = payload
    for number, column in enumerate(("label_en", "label_ar")):
        tables["camps"][column] = [XSS_PAYLOADS[(number + i) % len(XSS_PAYLOADS)] for i in range(len(tables["camps"]))]
    return Dataset(article=data.article, version=data.version, tables=tables, documents=data.documents), given


def test_hostile_data_stays_text_on_every_page():
    dataset, given = _hostile()
    for page in PAGES:
        for lang in LANGS:
            for actor in given:
                found = _block(page.page_id, {"lang": [lang], "actor": [actor]}, dataset)
                for tag, attrs in found.tags:
                    assert tag in BLOCK_TAGS, f"<{tag}> on {page.page_id}"
                    assert not any(name.startswith("on") for name in attrs), (tag, attrs)
                tags = [tag for tag, _ in found.tags]
                assert tags.count("script") == 1 and tags.count("style") == 1, page.page_id
                if page.page_id != "donors":
                    break  # the actor in the link matters on Donors only
    donors = _plain(_block("donors", {"lang": ["en"]}, dataset).all_text)
    # (NUL is dropped on the way, or read back by the parser as U+FFFD)
    shown = [
        payload
        for payload in given.values()
        if payload in donors or any(payload.replace("\u0000", nul) in donors for nul in ("", "\ufffd"))
    ]
    assert len(shown) == len(given), "every hostile name is shown, as text"
    count("XSS payloads tried in the first screen", len(given))


@pytest.fixture(scope="module")
def hostile_drawn(tmp_path_factory) -> tuple[Dataset, dict[str, str], ImageStore, dict[str, bytes]]:
    """The hostile dataset's charts that show its names and camps, drawn by Chromium (both languages, every
    first-screen width) into a store of their own; and every payload written into one figure's title,
    subtitle, labels and ticks, drawn alike (one browser for both)."""
    dataset, given = _hostile()
    store = ImageStore(tmp_path_factory.mktemp("hostile-images"))
    requests = [
        ImageRequest(contents.chart(dataset, chart_id, lang, CAMPS).figure, lang, "screen", width)
        for chart_id in ("flows", "camps")
        for lang in LANGS
        for width in SCREEN_WIDTHS_PX
    ]
    payloads = [payload for payload in XSS_PAYLOADS if len(payload) < 200]
    figure = go.Figure(
        go.Bar(x=list(range(len(payloads))), y=payloads, orientation="h", text=payloads),
        layout={
            "title": {"text": payloads[0], "subtitle": {"text": payloads[1]}},
            "height": 900,
            "annotations": [{"text": p, "x": 0, "y": i, "showarrow": False} for i, p in enumerate(payloads)],
        },
    )
    written = {f"{width}": ImageRequest(figure, "en", "screen", width) for width in SCREEN_WIDTHS_PX}
    drawn = drawn_or_skip(lambda: chart_images.render_images([*requests, *written.values()], store=store))
    return dataset, given, store, dict(zip(written, drawn[len(requests) :], strict=True))


def _svgs(html: str) -> list[Parsed]:
    return [Parsed(svg) for svg in re.findall(r"<svg\b.*?</svg>", html, re.DOTALL)]


_PLOTLY_MARKUP = re.compile(r"</?(?:a|b|i|em|sup|sub|span|s|u)\b[^>]*>", re.IGNORECASE)


def _as_plotly_reads(text: str) -> str:
    """A label as Plotly draws it: its own markup (bold, links...) read, entities decoded, any other tag as text."""
    return html.unescape(_PLOTLY_MARKUP.sub("", text)).replace("\u0000", "")


def _drawn_text(value: object) -> list[str]:
    """Every string a figure's dict holds, as Plotly draws it, line by line."""
    if isinstance(value, dict):
        return [line for item in value.values() for line in _drawn_text(item)]
    if isinstance(value, (list, tuple)):
        return [line for item in value for line in _drawn_text(item)]
    if isinstance(value, str):
        return [_as_plotly_reads(line) for line in re.split(r"<br>", value)]
    return []


def test_hostile_data_drawn_in_a_chart_stays_text_in_the_first_screen(hostile_drawn, monkeypatch):
    dataset, given, store, written = hostile_drawn
    monkeypatch.setattr(chart_images, "shared_store", lambda: store)
    shown = set()
    for page, chart_id in (("money", "flows"), ("donors", "camps")):
        for lang in LANGS:
            block = first_paint.first_paint(page, previews.read_view(dataset, {"lang": [lang]}), ROOT, dataset)
            found = Parsed(block)
            assert all(tag in BLOCK_TAGS | DRAWING_TAGS for tag, _ in found.tags), page
            assert not [(tag, name) for tag, attrs in found.tags for name in attrs if name.startswith("on")], page
            assert [tag for tag, _ in found.tags].count("script") == 1, "the hand-over's, and no other"
            svgs = _svgs(block)
            assert len(svgs) >= len(SCREEN_WIDTHS_PX), f"{page}: its chart is drawn"
            assert not [
                value
                for svg in svgs
                for _, attrs in svg.tags
                for name, value in attrs.items()
                if not name.startswith("xmlns") and "//" in (value or "")
            ], "nothing fetched from elsewhere"
            lines = _drawn_text(contents.chart(dataset, chart_id, lang, CAMPS).figure.to_dict())
            drawn = " ".join(svg.all_text for svg in svgs)
            for payload in given.values():
                reads = _as_plotly_reads(payload)
                if len(reads) > 3 and any(reads in line for line in lines):  # a payload the chart carries
                    assert reads in drawn.replace("\ufffd", ""), payload
                    shown.add(payload)
    assert len(shown) >= 3, "the charts drew some of the hostile names"
    for svg in written.values():
        found = Parsed(str(chart_screen.inline(svg, "payloads", prefix="p-")))
        assert {tag for tag, _ in found.tags} <= DRAWING_TAGS
        assert not [name for _, attrs in found.tags for name in attrs if name.startswith("on") or name.endswith("href")]
        text = found.all_text.replace("\ufffd", "")
        assert [
            payload for payload in XSS_PAYLOADS if len(payload) < 200 and _as_plotly_reads(payload) not in text
        ] == []
    count("hostile names drawn in the first screen's charts", len(shown))
    count(
        "XSS payloads written into a chart drawn for the first screen", len([p for p in XSS_PAYLOADS if len(p) < 200])
    )


def test_streamlits_bundle_is_asked_for_after_the_first_paint_and_nothing_of_it_is_lost():
    html = _served("/money")
    head = html[: html.index("</head>")]
    assert 'type="module"' not in head and "modulepreload" not in head
    original = re.findall(r'<script type="module" crossorigin src="([^"]+)"', INDEX)
    original += re.findall(r'<link rel="modulepreload" crossorigin href="([^"]+)"', INDEX)
    assert original and list(previews.bundle(INDEX)) == original
    loader = re.search(r"\}\)\((\[\"\./static/.*?\])\);", html)
    assert loader and json.loads(loader.group(1)) == original


def test_without_a_valid_dataset_the_page_has_no_first_screen_but_still_loads_the_app():
    html = previews.page_html(INDEX, previews.preview("money", previews.read_view(None, {}), ROOT, None))
    assert "tm-first-paint" not in html and json.dumps(list(previews.bundle(INDEX))) in html


def test_embed_is_read_as_streamlit_reads_it_in_any_case():
    embed = _shape(_block("story", {"embed": ["true"], "chart": ["flows"]}))
    assert _shape(_block("story", {"embed": ["TRUE"], "chart": ["flows"]})) == embed
    assert _shape(_block("story", {"embed": ["false"], "chart": ["flows"]})) == _shape(_block("story", {}))
