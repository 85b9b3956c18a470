"""The first screen from the server (techmoney/web/first_paint.py): a page path's HTML carries the view the
link names, its whole text, every value escaped; Streamlit's bundle loads after it (techmoney/web/previews.py)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from starlette.applications import Starlette
from streamlit import file_util

from techmoney.content import story
from techmoney.content import page_content as contents
from techmoney.data.dataset import Dataset, shared_dataset
from techmoney.data.schema import CAMPS
from techmoney.web import first_paint, oembed, previews
from techmoney.web.routes import make_routes
from techmoney.words import facts
from techmoney.words.addresses import ViewState, site_root, to_query_params
from techmoney.words.i18n import LANGS, t
from techmoney.words.site import PAGES
from tests.asgi_client import get
from tests.conftest import DATA, count
from tests.hostile_inputs import HOSTILE_QUERY_STRINGS, XSS_PAYLOADS, parse_qs_lists
from tests.content.test_render import Parsed

INDEX_PATH = Path(file_util.get_static_dir()) / "index.html"
INDEX = previews.read_index(INDEX_PATH)
ROOT = "https://news.example.org/tm/"
SITE = Starlette(routes=make_routes(ROOT, "", INDEX_PATH))
BLOCK = re.compile(r'<div id="tm-first-paint".*?</script>', re.DOTALL)
# What the block is built of; anything else came from a payload.
BLOCK_TAGS = {"div", "style", "link", "aside", "ul", "li", "a", "p", "main", "nav", "span", "h1", "h2", "section", "figure",
              "figcaption", "strong", "details", "summary", "table", "caption", "thead", "tbody", "tr", "th", "td",
              "bdi", "mark", "code", "pre", "script", "blockquote", "h3", "h4", "ol", "em", "hr", "img",
              "form", "input", "label", "select", "option", "button", "textarea", "footer"}


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
    assert ("div", {"id": "tm-first-paint", "class": "tm-fp", "data-charts": found.tags[0][1]["data-charts"],
                    "dir": {"ar": "rtl", "en": "ltr"}[lang], "lang": lang}) == found.tags[0]
    assert ("h1", {}) in found.tags and _plain(model.title) in _plain(text)
    assert Parsed(model.intro_html).all_text.strip() in text
    assert t(f"lang_{next(code for code in LANGS if code != lang)}", "en" if lang == "ar" else "ar") in text
    assert html.index('id="tm-first-paint"') < html.index('<div id="root">'), "drawn before the app's root"


@pytest.mark.parametrize("lang", LANGS)
def test_the_story_carries_its_key_figures_with_their_qualifiers_and_sources(lang):
    text = _block("story", {"lang": [lang]}).all_text
    figures = story.key_figures(shared_dataset(), lang, ViewState().camps)
    assert figures
    for figure in figures:
        for part in (figure.label, figure.value, figure.qualifier, figure.excerpt):
            assert _plain(part) in _plain(text)


@pytest.mark.parametrize("lang", LANGS)
def test_each_charts_place_is_as_tall_as_its_figure_and_says_its_title_and_source(lang):
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
        return [attrs for tag, attrs in _block("donors", query).tags if tag == "div" and attrs.get("class") == "tm-card"]

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
    hide = {camp: _view_at(found[t("camp_hide", "en", camp=facts.camp_label(shared_dataset(), camp, "en"))])
            for camp in CAMPS}
    assert hide["pro_harris"].actor is None
    assert {hide[camp].actor for camp in CAMPS if camp != "pro_harris"} == {"hastings"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_name_picker_is_a_form_that_asks_for_this_page_with_the_name_in_the_views_language_and_camps(lang):
    camps = ("pro_harris", "context")
    found = _block("donors", {"lang": [lang], "camp": list(camps), "actor": ["hastings"]})
    (form,) = [attrs for tag, attrs in found.tags if tag == "form"]
    assert form["method"] == "get" and form["action"] == ROOT + "donors"
    fields = [(attrs["name"], attrs["value"]) for tag, attrs in found.tags if tag == "input" and attrs["type"] == "hidden"]
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
    assert ("figure", {"class": "tm-fp-chart", "style": f"height:{int(chart.figure.layout.height)}px", "dir": "ltr",
                       "lang": "en"}) in found.tags
    assert "table" in [tag for tag, _ in found.tags]
    assert _shape(_block("story", {"embed": ["true"], "chart": ["nope"]})) == _shape(_block("story", {}))


@pytest.mark.parametrize("payload", XSS_PAYLOADS, ids=range(len(XSS_PAYLOADS)))
def test_hostile_values_in_the_link_or_the_public_address_stay_text(payload):
    baseline = _shape(_block("donors", {"lang": ["en"]}))
    assert _shape(_block("donors", {"lang": ["en"], "actor": [payload], "camp": [payload], payload: [payload],
                                    "embed": [payload], "chart": [payload]})) == baseline
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
    shown = [payload for payload in given.values()
             if payload in donors or any(payload.replace("\u0000", nul) in donors for nul in ("", "\ufffd"))]
    assert len(shown) == len(given), "every hostile name is shown, as text"
    count("XSS payloads tried in the first screen", len(given))


def test_streamlits_bundle_is_asked_for_after_the_first_paint_and_nothing_of_it_is_lost():
    html = _served("/money")
    head = html[:html.index("</head>")]
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
