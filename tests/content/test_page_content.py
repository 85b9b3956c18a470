"""What each page shows for a language and camps (techmoney/content/page_content.py), built
without Streamlit."""

from __future__ import annotations

import itertools
import re

import pytest

from techmoney.content import page_content, story
from techmoney.data.dataset import load_dataset
from techmoney.data.schema import CAMPS
from techmoney.site.sitemap import CHART_IDS, PAGES
from techmoney.words import facts
from techmoney.words.bound import Words
from techmoney.words.i18n import LANGS, t
from tests.conftest import DATA

DATASET = load_dataset(DATA)
SELECTIONS = [CAMPS, ("skeptic",), ()]


@pytest.mark.parametrize(("lang", "camps"), list(itertools.product(LANGS, SELECTIONS)))
def test_every_page_has_a_view_in_every_language_and_selection(lang, camps):
    for page in PAGES:
        view = page_content.build(DATASET, page.page_id, lang, camps)
        assert view.lang == lang and view.camps == camps
        # The headline states the page's story; the product's name is the kicker above it (issue 31).
        assert view.title == page_content.headline(Words(DATASET, lang), page.page_id).text
        assert view.title not in (t("app_title", lang), t(page.title_key, lang))
        assert t("app_title", lang) in view.kicker_html.replace("\u00a0", " ")
        # No camp picked empties every page but Sources, whose article and files do not depend on the camps.
        assert view.empty == (camps == () and page.page_id != "sources")


@pytest.mark.parametrize("lang", LANGS)
def test_a_chart_view_names_what_it_shows_how_sure_it_is_and_its_source(lang):
    for chart_id in CHART_IDS:
        view = page_content.chart_content(Words(DATASET, lang), chart_id, CAMPS)
        assert view.chart.title in view.alt and view.chart.subtitle in view.alt
        assert t("source_line", lang, version=DATASET.version) in view.alt
        # The table is the text alternative; its CSV is among the chart's tools (techmoney/content/html/view_tools.py).
        assert "<table" in view.table_html and "download/" not in view.table_html


def test_a_chart_the_filter_empties_says_so_in_its_place():
    view = page_content.chart_content(Words(DATASET, "en"), "twins", ("skeptic",))
    assert view.figure is None and view.chart.title in view.empty_notice.replace("\\", "")


@pytest.mark.parametrize("lang", LANGS)
def test_the_story_pairs_each_section_with_its_chart(lang):
    view = page_content.story_content(Words(DATASET, lang), CAMPS)
    expected = story.sections(Words(DATASET, lang), CAMPS)
    assert [s.chart.chart.chart_id for s in view.sections] == [s.chart_id for s in expected]


@pytest.mark.parametrize("lang", LANGS)
def test_the_cap_link_points_at_the_money_pages_explanation_in_the_same_language(lang):
    assert f'href="#{page_content.CAP_ANCHOR}"' in page_content.money_content(Words(DATASET, lang), CAMPS).cap_link_html
    expected = f"money?lang=en#{page_content.CAP_ANCHOR}" if lang == "en" else f"money#{page_content.CAP_ANCHOR}"
    assert page_content.story_content(Words(DATASET, lang), ("pro_trump",)).key_figures_html.count(expected) == 1


def test_the_donors_picker_offers_only_the_camps_shown():
    view = page_content.donors_content(Words(DATASET, "en"), ("skeptic",))
    assert set(view.names) == {a for a, row in DATASET.by_id("actors").items() if row["camp"] == "skeptic"}
    assert set(view.actor_cards) == set(view.names)
    assert all(facts.actor_name(DATASET, a, "en") in card for a, card in view.actor_cards.items())


@pytest.mark.parametrize("lang", LANGS)
def test_a_highlight_in_the_article_names_its_records_not_their_ids(lang):
    """docs/ARABIC.md: internal ids are never shown as text; the list a highlight links to keeps them, for citing."""
    article = page_content.build(DATASET, "sources", lang, CAMPS).article_html
    titles = re.findall(r'<mark title="([^"]*)"', article)
    assert titles
    ids = {str(i) for table in ("actors", "money_facts", "events", "quotes") for i in DATASET.tables[table].iloc[:, 0]}
    for title in titles:
        assert not any(re.search(rf"\b{re.escape(i)}\b", title) for i in ids if "_" in i), title
    harris = facts.actor_name(DATASET, "harris", lang)
    assert any(harris in title for title in titles)


def test_the_arabic_sources_page_gives_the_corrections_in_arabic_and_the_english_one_does_not():
    arabic = page_content.build(DATASET, "sources", "ar", CAMPS).corrections_html
    english = page_content.build(DATASET, "sources", "en", CAMPS).corrections_html
    assert t("corrections_heading", "ar") in arabic and 'dir="rtl"' in arabic
    assert "844,600" in arabic.split(t("changelog_heading", "ar"))[0], "the corrections come first"
    assert t("corrections_heading", "en") not in english and t("changelog_heading", "en") in english


@pytest.mark.parametrize("lang", LANGS)
def test_the_sources_page_keeps_the_method_and_the_corrections_apart(lang):
    """Every page's footer links to each (techmoney/content/html/view_tools.py)."""
    page = page_content.build(DATASET, "sources", lang, CAMPS)
    assert t("dictionary_heading", lang) in page.documents_html and t("records_heading", lang) in page.documents_html
    assert t("changelog_heading", lang) not in page.documents_html
    assert t("dictionary_heading", lang) not in page.corrections_html
