"""Link previews (techmoney/content/html/previews.py): the tags a crawler reads are those of the view in the link."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from streamlit import file_util

from techmoney.content import cards
from techmoney.content.html import previews
from techmoney.data.dataset import shared_dataset
from techmoney.site.addresses import site_root
from techmoney.site.sitemap import PAGES
from techmoney.words.i18n import LANGS, t
from tests.conftest import csv_rows
from tests.hostile_inputs import HOSTILE_QUERY_STRINGS, XSS_PAYLOADS, parse_qs_lists
from tests.link_preview import query_of, read_html

DIRECTION = {"ar": "rtl", "en": "ltr"}  # what each language must read as

INDEX = previews.read_index(Path(file_util.get_static_dir()) / "index.html")
ROOT = "https://news.example.org/tech-money/"
LOCALES = {"ar": "ar_AR", "en": "en_US"}


def _page(page_id: str, query: dict, root: str = ROOT, dataset=None):
    data = shared_dataset() if dataset is None else dataset
    return read_html(previews.page_html(INDEX, previews.preview(page_id, previews.read_view(data, query), root, data)))


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.page_id)
@pytest.mark.parametrize("lang", LANGS)
def test_each_page_previews_its_own_view_in_the_links_language(page, lang):
    found = _page(page.page_id, {"lang": [lang]})
    other = next(code for code in LANGS if code != lang)
    assert found.html_attrs == {"lang": lang, "dir": DIRECTION[lang]}
    assert found.one("og:locale") == LOCALES[lang] and found.one("og:locale:alternate") == LOCALES[other]
    assert t("app_title", lang) in found.title and found.one("og:site_name") == t("app_title", lang)
    if not page.is_default:
        assert found.title.startswith(t(page.title_key, lang))
    assert found.one("og:title") == found.one("twitter:title") == found.title
    assert found.one("og:description") == found.one("description") and found.one("og:description")
    assert found.one("twitter:card") == "summary_large_image"
    url = found.one("og:url")
    assert url == found.link("canonical") and urlsplit(url).path == urlsplit(ROOT).path + page.url_path
    assert query_of(url).get("lang", ["ar"]) == [lang]
    image = found.one("og:image")
    assert image == found.one("twitter:image") and image.startswith(f"{ROOT}download/card/{page.page_id}.png")
    assert query_of(image).get("lang", ["ar"]) == [lang]
    assert (found.one("og:image:width"), found.one("og:image:height")) == ("1200", "630")
    for code in LANGS:
        assert query_of(found.link("alternate", code)).get("lang", ["ar"]) == [code]
    assert found.link("alternate", "x-default") == found.link("alternate", "ar")
    assert found.title in found.noscript and found.one("og:description") in found.noscript.replace("\u2066", "")


def _donors() -> list[str]:
    """The actors with a gift on record, in data order (their cards show the gift)."""
    return list(dict.fromkeys(row["payer_id"] for row in csv_rows("money_facts.csv") if row["kind"] == "donation"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_donors_link_with_an_actor_previews_that_actor_and_their_card(lang):
    actors = {row["actor_id"]: row for row in csv_rows("actors.csv")}
    for actor_id in _donors()[:3]:
        actor = actors[actor_id]
        found = _page("donors", {"lang": [lang], "actor": [actor_id]})
        assert actor[f"name_{lang}"] in found.title, actor_id
        assert actor[f"role_{lang}"] in found.one("og:description")
        assert query_of(found.one("og:image"))["actor"] == [actor_id]
        assert query_of(found.one("og:url"))["actor"] == [actor_id]


def test_an_actor_whose_card_cannot_be_drawn_previews_the_pages_card(monkeypatch):
    def refuse(*_args):
        raise ValueError("too long for the card")  # what techmoney.content.share_card raises for text it cannot fit

    monkeypatch.setattr(cards, "card_png", refuse)
    actor_id = _donors()[0]
    found = _page("donors", {"lang": ["en"], "actor": [actor_id]})
    assert "actor" not in query_of(found.one("og:image")), "never an image that fails"
    assert query_of(found.one("og:url"))["actor"] == [actor_id]


def test_the_actor_does_not_change_another_pages_card():
    actor = csv_rows("actors.csv")[0]["actor_id"]
    found = _page("money", {"actor": [actor]})
    assert "actor" not in query_of(found.one("og:image"))


def test_the_camps_in_the_link_are_named_in_the_description_and_kept_in_its_url():
    camps = csv_rows("camps.csv")
    for chosen in (camps[:1], camps[1:3]):
        for lang in LANGS:
            found = _page("money", {"lang": [lang], "camp": [camp["camp_id"] for camp in chosen]})
            description = found.one("og:description")
            assert all(camp[f"label_{lang}"] in description for camp in chosen)
            assert not any(camp[f"label_{lang}"] in description for camp in camps if camp not in chosen)
            assert query_of(found.one("og:url"))["camp"] == [camp["camp_id"] for camp in chosen]


def test_values_the_page_would_drop_are_dropped_from_the_tags_too():
    assert _page("donors", {"lang": ["xx"], "actor": ["nobody"], "camp": ["bogus"], "x": ["1"]}) == _page("donors", {})


def test_without_a_valid_dataset_the_preview_keeps_to_the_page_and_language():
    found = read_html(
        previews.page_html(
            INDEX, previews.preview("money", previews.read_view(None, {"lang": ["en"], "actor": ["x"]}), ROOT, None)
        )
    )
    assert found.html_attrs["lang"] == "en" and found.title.startswith(t("page_money", "en"))
    assert "actor" not in query_of(found.one("og:url"))


def _inline_scripts(found) -> list:
    """The page's scripts without a src: Streamlit's own, then ours (its bundle is loaded by the last one
    after the first paint: tests/content/html/test_first_paint.py)."""
    return [shape for shape in found.shape if shape[0] == "script" and "src" not in shape[1]]


def test_streamlits_page_still_loads_its_app_without_its_unused_font_preload():
    found, original = _page("story", {}), read_html(INDEX)
    assert _inline_scripts(found)[: len(_inline_scripts(original))] == _inline_scripts(original)
    assert not [shape for shape in found.shape if shape[0] == "script" and "src" in shape[1]]
    assert len([shape for shape in found.shape if shape[0] == "title"]) == 1
    assert not any(link.get("rel") == "preload" and link.get("as") == "font" for link in found.links)
    assert any(link.get("rel") == "stylesheet" for link in found.links)


def test_what_our_head_rules_say_is_never_taken_for_a_place_in_streamlits_page(monkeypatch):
    monkeypatch.setattr(previews.style, "head_stylesheet", lambda: "/* <noscript> <title> <html lang> */ p { }")
    found, original = _page("story", {}), read_html(INDEX)
    assert _inline_scripts(found)[: len(_inline_scripts(original))] == _inline_scripts(original)
    assert found.html_attrs["lang"] == "ar" and found.title


@pytest.mark.parametrize("payload", XSS_PAYLOADS, ids=range(len(XSS_PAYLOADS)))
def test_hostile_values_in_the_link_or_the_public_address_stay_text(payload):
    baseline = _page("donors", {"lang": ["en"]})
    query = {"lang": ["en"], "actor": [payload], "camp": [payload], payload: [payload]}
    assert _page("donors", query).shape == baseline.shape
    root = site_root(f"https://example.org/{payload}", "127.0.0.1", 8501)
    hostile_root = _page("donors", {"lang": ["en"]}, root=root)
    assert hostile_root.shape == baseline.shape
    assert hostile_root.one("og:image").startswith(root)


def test_hostile_query_strings_fall_back_to_a_well_formed_preview():
    baseline = {lang: _page("money", {"lang": [lang]}).shape for lang in LANGS}
    for query in HOSTILE_QUERY_STRINGS:
        found = _page("money", parse_qs_lists(query))
        assert found.shape == baseline[found.html_attrs["lang"]], query


def _camp_of(actor_id: str) -> str:
    return {row["actor_id"]: row["camp"] for row in csv_rows("actors.csv")}[actor_id]


@pytest.mark.parametrize("lang", LANGS)
def test_a_camp_filtered_donors_link_previews_a_card_from_those_camps(lang):
    """/donors?camp=pro_trump unfurls with a pro-Trump giver's card, never the page's pro-Harris one."""
    found = _page("donors", {"lang": [lang], "camp": ["pro_trump"]})
    image = found.one("og:image")
    assert query_of(image)["camp"] == ["pro_trump"]
    camp = next(row for row in csv_rows("camps.csv") if row["camp_id"] == "pro_trump")
    givers = [row for row in csv_rows("actors.csv") if row["actor_id"] in _donors()]
    alt = found.one("og:image:alt")
    assert any(row[f"name_{lang}"] in alt for row in givers if row["camp"] == "pro_trump"), alt
    assert not any(row[f"name_{lang}"] in alt for row in givers if row["camp"] != "pro_trump"), alt
    assert camp[f"label_{lang}"] in found.one("og:description")


@pytest.mark.parametrize("lang", LANGS)
def test_an_actor_outside_the_links_camps_is_left_out_of_the_preview(lang):
    """The page drops such an actor (with a notice), so the preview, its card and its canonical link do too."""
    outside = next(actor for actor in _donors() if _camp_of(actor) == "pro_harris")
    name = next(row[f"name_{lang}"] for row in csv_rows("actors.csv") if row["actor_id"] == outside)
    found = _page("donors", {"lang": [lang], "camp": ["pro_trump"], "actor": [outside]})
    assert name not in found.title and name not in found.one("og:description") and name not in found.one("og:image:alt")
    assert "actor" not in query_of(found.one("og:image")) and "actor" not in query_of(found.one("og:url"))
    assert query_of(found.one("og:image")) == query_of(
        _page("donors", {"lang": [lang], "camp": ["pro_trump"]}).one("og:image")
    )
