"""Share links, the language switch, embed snippets and the citation line built from a view."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from techmoney.web import links
from techmoney.web.links import citation, embed_link, embed_snippet, view_link
from techmoney.data.dataset import load_dataset
from techmoney.words.addresses import ViewState
from techmoney.words.formatting import date_words


def test_the_view_link_holds_the_view_and_drops_the_old_query():
    link = view_link("http://host:8501/money?lang=xx#frag", ViewState(lang="en", camps=("pro_trump",), actor="hastings"))
    parts = urlsplit(link)
    assert parts.path == "/money"
    assert parse_qs(parts.query) == {"lang": ["en"], "camp": ["pro_trump"], "actor": ["hastings"]}


def test_default_view_links_have_no_query():
    assert view_link("http://host:8501/", ViewState()) == "http://host:8501/"


def test_embeds_point_at_the_app_root_with_the_chart_and_embed_flag():
    assert embed_link("http://host:8501/sources", ViewState(), "flows").startswith("http://host:8501/?")
    assert embed_link("http://host/apps/tm/", ViewState(), "flows").startswith("http://host/apps/tm/?")
    query = parse_qs(urlsplit(embed_link("http://host:8501/sources", ViewState(lang="en"), "flows")).query)
    assert query == {"lang": ["en"], "chart": ["flows"], "embed": ["true"]}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_the_embed_snippet_is_one_iframe_whose_attributes_cannot_be_broken_out_of():
    hostile_base = 'http://host/"><script>alert(1)</script>'
    parser = _Tags()
    parser.feed(embed_snippet(hostile_base, ViewState(), "goal", '"><img src=x onerror=alert(1)>'))
    assert [tag for tag, _ in parser.tags] == ["iframe", "script"]  # the script that resizes the iframe
    assert parser.tags[0][1]["title"] == '"><img src=x onerror=alert(1)>'


DATASET = load_dataset()


def test_the_citation_names_the_datasets_version_and_date_and_the_views_link():
    text = citation("http://host:8501/", ViewState(lang="en"), DATASET)
    assert DATASET.version in text and date_words(DATASET.released, "day", "en") in text
    assert "http://host:8501/?lang=en" in text


def test_the_arabic_citation_isolates_its_link_as_one_left_to_right_run():
    text = citation("http://host:8501/", ViewState(lang="ar"), DATASET)
    assert "\u2066http://host:8501/\u2069" in text


def test_a_link_naming_an_actor_outside_its_camps_is_read_without_them_and_says_so():
    from techmoney.data.dataset import shared_dataset
    from techmoney.web import url_state
    from techmoney.words import facts

    dataset = shared_dataset()
    view, notices = links.parse_view(dataset, {"lang": ["en"], "camp": ["pro_trump"], "actor": ["hastings"]})
    assert view == ViewState(lang="en", camps=("pro_trump",))
    assert [(n.key, n.shown_value, n.reason) for n in notices] == [
        ("actor", facts.actor_name(dataset, "hastings", "en"), url_state.OUTSIDE_CAMPS)]
    kept, notices = links.parse_view(dataset, {"camp": ["pro_harris"], "actor": ["hastings"]})
    assert kept.actor == "hastings" and not notices
    assert links.parse_view(dataset, {"camp": [""], "actor": ["hastings"]})[0].actor is None
