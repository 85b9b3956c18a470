"""Each page's layout, written once (techmoney/content/layouts.py): it shows every chart its page content
builds, and a page's link embeds one of them. (Both hosts draw the same layout: tests/ui/test_layout.py.)"""

from __future__ import annotations

import itertools

import pytest

from techmoney.content import charts, layouts
from techmoney.data.dataset import load_dataset
from techmoney.data.schema import CAMPS
from techmoney.site.sitemap import CHART_IDS, PAGE_IDS
from techmoney.words.bound import Words
from techmoney.words.i18n import LANGS
from tests.content.test_embeds import charts_shown

DATASET = load_dataset()
SELECTIONS = [CAMPS, ("pro_trump",), ("skeptic",), ()]


@pytest.mark.parametrize("page", [page for page in PAGE_IDS if page != "sources"])
def test_a_layout_shows_every_chart_its_page_content_builds(page):
    assert set(layouts.chart_ids(layouts.cached(DATASET, page, "en", CAMPS))) == charts_shown(page)


def test_the_sources_layout_offers_every_chart_to_embed():
    assert layouts.chart_ids(layouts.cached(DATASET, "sources", "en", CAMPS)) == CHART_IDS


@pytest.mark.parametrize(("lang", "camps"), list(itertools.product(LANGS, SELECTIONS)))
def test_a_pages_link_embeds_a_chart_the_page_shows(lang, camps):
    for page in PAGE_IDS:
        chart = layouts.main_chart(DATASET, page, lang, camps)
        assert chart in layouts.chart_ids(layouts.cached(DATASET, page, lang, CAMPS)), page
        shown = layouts.chart_ids(layouts.cached(DATASET, page, lang, camps))
        words = Words(DATASET, lang)
        if charts.built_chart(words, chart, camps).figure is None:  # nothing to draw for these camps at all
            assert all(charts.built_chart(words, c, camps).figure is None for c in shown), (page, camps)


def test_a_pages_link_embeds_its_first_chart_with_something_to_draw_for_the_camps():
    assert layouts.main_chart(DATASET, "money", "en", CAMPS) == "goal"
    assert layouts.main_chart(DATASET, "money", "en", ("pro_trump",)) == "twins"  # the estimate is pro-Harris
    assert layouts.main_chart(DATASET, "money", "en", ()) == "goal"  # nothing anywhere: the first, with its notice
