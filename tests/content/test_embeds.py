"""What an embedded chart carries beside it (techmoney/content/embeds.py): the way back to the full view, the
data's release and licence.
(The chart a page's link embeds: tests/content/test_layouts.py; its height in a host page:
tests/e2e/test_embed_host.py.)"""

from __future__ import annotations

from dataclasses import fields
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from techmoney.content import embeds, page_content
from techmoney.data.dataset import load_dataset
from techmoney.data.schema import CAMPS
from techmoney.site import addresses
from techmoney.site.addresses import ViewState
from techmoney.site.sitemap import CHART_IDS, PAGES
from techmoney.words.bound import Words
from techmoney.words.formatting import LRI, PDI, date_words
from techmoney.words.i18n import t


def charts_shown(page_id: str, lang: str = "en") -> set[str]:
    """The charts the page's content gives its page to show."""
    page = page_content.build(load_dataset(), page_id, lang, CAMPS)
    found = [getattr(page, f.name) for f in fields(page)]
    found += [section.chart for section in getattr(page, "sections", ())]
    return {item.chart.chart_id for item in found if isinstance(item, page_content.ChartContent)}


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_each_embeds_link_back_opens_a_page_that_shows_that_chart(chart_id):
    path = urlsplit(embeds.full_view_href(chart_id, "en", CAMPS)).path
    [page] = [page for page in PAGES if (page.url_path or "./") == path]
    assert chart_id in charts_shown(page.page_id)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))

    def handle_data(self, data):
        self.text += data


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_credit_opens_the_full_view_in_the_same_language_and_camps_and_names_the_release_and_licence(lang):
    dataset = load_dataset()
    reader = _Links()
    reader.feed(embeds.credit_html("twins", lang, ("pro_trump", "skeptic"), dataset))
    [back, licence] = reader.links
    assert back["target"] == "_blank" and "noopener" in back["rel"].split()
    assert parse_qs(urlsplit(back["href"]).query, keep_blank_values=True) == (
        {"camp": ["pro_trump", "skeptic"], **({"lang": ["en"]} if lang == "en" else {})}
    )
    assert licence["href"] == addresses.DATA_LICENCE_URL and "license" in licence["rel"].split()
    text = " ".join(reader.text.replace(LRI, "").replace(PDI, "").split())
    for shown in (
        t("app_title", lang),
        t("new_tab", lang),
        dataset.version,
        date_words(dataset.released, "day", lang),
        addresses.DATA_LICENCE,
    ):
        assert shown in text


def test_without_script_an_iframe_is_taller_for_a_taller_figure():
    dataset = load_dataset()
    built = {
        chart_id: page_content.chart_content(Words(dataset, "en"), chart_id, CAMPS).chart for chart_id in CHART_IDS
    }
    by_figure = sorted(built.values(), key=lambda chart: chart.figure.layout.height)
    heights = [embeds.embed_height(chart) for chart in by_figure]
    assert heights == sorted(heights) and heights[0] > by_figure[0].figure.layout.height


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_the_embed_snippet_is_one_iframe_whose_attributes_cannot_be_broken_out_of():
    hostile_base = 'http://host/"><script>alert(1)</script>'
    parser = _Tags()
    parser.feed(embeds.embed_snippet(hostile_base, ViewState(), "goal", '"><img src=x onerror=alert(1)>'))
    assert [tag for tag, _ in parser.tags] == ["iframe", "script"]  # the script that resizes the iframe
    assert parser.tags[0][1]["title"] == '"><img src=x onerror=alert(1)>'
