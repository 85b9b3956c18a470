"""What every view carries to pass itself on (techmoney/content/html/view_tools.py): each chart's tools name this
chart's files for the view's camps, its embed and this view's link; the share bar this view's link and card; the
footer the release, the method, the corrections, the contact (or that there is none), the licences and the
citation.
Every value that reaches them stays text. (In the browser, on every page: tests/e2e/test_view_tools.py.)"""

from __future__ import annotations

import dataclasses
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from techmoney.bake import downloads
from techmoney.content import chart_images, embeds, layouts
from techmoney.content.html import view_tools
from techmoney.data.dataset import shared_dataset
from techmoney.data.schema import CAMPS
from techmoney.site import addresses, links
from techmoney.site.addresses import ViewState, site_root
from techmoney.words.i18n import LANGS, t
from tests.content.html.test_render import Parsed
from tests.hostile_inputs import XSS_PAYLOADS

ROOT = "https://news.example.org/tm/"
CAMPS_SHOWN = ("pro_harris", "pro_trump")
TAGS = {"div", "span", "a", "button", "p", "textarea", "input", "footer", "ul", "li", "strong", "bdi"}


def _tools(lang: str, view: ViewState | None = None, root: str = ROOT) -> str:
    view = view or ViewState(lang=lang, camps=CAMPS_SHOWN)
    chart = layouts.contents.chart(shared_dataset(), "twins", lang, view.camps)
    return view_tools.chart_tools(root, "money", view, "twins", chart.title, embeds.embed_height(chart))


def _file(href: str) -> downloads.File:
    split = urlsplit(href)
    assert split.path.startswith(addresses.DOWNLOAD_PREFIX) and not split.netloc, href
    found = downloads.find(split.path.removeprefix(addresses.DOWNLOAD_PREFIX), parse_qs(split.query), shared_dataset())
    assert found is not None, href
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_a_charts_tools_name_its_csv_and_images_for_the_views_camps_its_embed_and_this_views_link(lang):
    found = Parsed(_tools(lang))
    files = [attrs for tag, attrs in found.tags if tag == "a" and "download" in attrs]
    shown = ViewState(lang=lang, camps=CAMPS_SHOWN)
    assert [(_file(a["href"]).kind, _file(a["href"]).variant) for a in files] == [
        ("chart", ""),
        *(("image", kind) for kind in chart_images.DOWNLOAD_KINDS),
    ]
    for attrs in files:
        assert _file(attrs["href"]).name == "twins" and _file(attrs["href"]).view == shown
    (snippet,) = [text for text in found.text if "<iframe" in text]  # the textarea's text, decoded once
    (src,) = re.findall(r'<iframe src="([^"]+)"', snippet)
    assert unescape(src) == links.embed_link(ROOT, shown, "twins")
    (link,) = [attrs["value"] for tag, attrs in found.tags if tag == "input"]
    assert link == links.view_link(ROOT + "money", shown)
    panels = {attrs["id"] for tag, attrs in found.tags if "popover" in attrs}
    assert {
        attrs["popovertarget"] for tag, attrs in found.tags if tag == "button" and "popovertarget" in attrs
    } == panels


@pytest.mark.parametrize("lang", LANGS)
def test_the_share_bar_gives_this_views_link_and_card_which_on_donors_follows_the_camps_and_the_name(lang):
    view = ViewState(lang=lang, camps=("pro_harris",), actor="hastings")
    found = Parsed(view_tools.share_bar(ROOT, "donors", view))
    (link,) = [attrs["value"] for tag, attrs in found.tags if tag == "input"]
    assert link == links.view_link(ROOT + "donors", view)
    (card,) = [attrs for tag, attrs in found.tags if tag == "a"]
    assert _file(card["href"]) == downloads.File("card", "donors", view)
    money = Parsed(view_tools.share_bar(ROOT, "money", view))
    (card,) = [attrs for tag, attrs in money.tags if tag == "a"]
    assert _file(card["href"]) == downloads.File("card", "money", ViewState(lang=lang)), "one card for the page"


@pytest.mark.parametrize("lang", LANGS)
def test_the_footer_gives_the_release_method_corrections_licences_and_citation_and_says_there_is_no_contact(lang):
    dataset = shared_dataset()
    view = ViewState(lang=lang, camps=CAMPS_SHOWN)
    found = Parsed(view_tools.footer(ROOT, "timeline", view, dataset))
    text = " ".join(found.all_text.split())
    hrefs = [attrs["href"] for tag, attrs in found.tags if tag == "a"]
    assert dataset.contact == "", "the project publishes no contact address (data/publisher.toml)"
    assert _plain(t("footer_no_contact", lang, log=t("corrections_log", lang))) in _plain(text)
    assert _plain(links.citation_sentence(view, dataset)) in _plain(text)
    assert hrefs[0] == links.view_link(ROOT + "timeline", view), "the citation names this view"
    sources = links.view_link(ROOT + "sources", ViewState(lang=lang, camps=CAMPS_SHOWN))
    assert f"{sources}#method" in hrefs and f"{sources}#corrections" in hrefs
    assert addresses.DATA_LICENCE_URL in hrefs and "MIT" in text and dataset.version in text


def _plain(text: str) -> str:
    return " ".join(re.sub("[\u2066-\u2069]", "", text).split())


def test_a_contact_the_publisher_sets_is_in_every_footer_as_a_link():
    dataset = dataclasses.replace(shared_dataset(), contact="mailto:corrections@example.org")
    for lang in LANGS:
        found = Parsed(view_tools.footer(ROOT, "money", ViewState(lang=lang), dataset))
        assert "mailto:corrections@example.org" in [attrs["href"] for tag, attrs in found.tags if tag == "a"]
        assert "corrections@example.org" in found.all_text
        assert _plain(t("footer_no_contact", lang, log=t("corrections_log", lang))) not in _plain(found.all_text)


@pytest.mark.parametrize("payload", XSS_PAYLOADS, ids=range(len(XSS_PAYLOADS)))
def test_hostile_values_stay_text(payload):
    """A public address, a contact (past the loader's check, in a dataset built in memory), a chart title."""
    root = site_root(f"https://example.org/{payload}", "127.0.0.1", 8501)
    dataset = dataclasses.replace(shared_dataset(), contact=payload)
    view = ViewState(lang="en", camps=CAMPS)
    for html in (
        view_tools.chart_tools(root, "money", view, "goal", payload, 540),
        view_tools.share_bar(root, "money", view),
        view_tools.footer(root, "money", view, dataset),
    ):
        found = Parsed(html)
        for tag, attrs in found.tags:
            assert tag in TAGS, (tag, attrs)
            assert not any(name.startswith("on") for name in attrs), (tag, attrs)
            assert not any(str(value).lower().lstrip().startswith("javascript:") for value in attrs.values()), attrs
