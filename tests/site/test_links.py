"""Share links, the language switch, embed links and the citation line built from a view."""

import re
from urllib.parse import parse_qs, urlsplit

from techmoney.data.dataset import load_dataset
from techmoney.site import links
from techmoney.site.addresses import ViewState
from techmoney.site.links import citation, embed_link, view_link
from techmoney.words.formatting import date_words


def test_the_view_link_holds_the_view_and_drops_the_old_query():
    link = view_link(
        "http://host:8501/money?lang=xx#frag", ViewState(lang="en", camps=("pro_trump",), actor="hastings")
    )
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


DATASET = load_dataset()


def test_the_citation_names_the_release_cnbcs_report_the_unknown_translator_and_the_views_link():
    report = DATASET.by_id("context_facts")["cnbc_report"]
    for lang, says in (("en", "publisher we do not know"), ("ar", "لا نعرف ناشرها")):
        view = ViewState(lang=lang, camps=("pro_trump",))
        text = citation("http://host:8501/money", view, DATASET)
        assert DATASET.version in text and date_words(DATASET.released, "day", lang) in text
        assert report["source_title"] in text and report[f"publisher_{lang}"] in text and says in text
        assert date_words(report["source_date"], "month", lang) in text
        assert text.endswith("\n" + view_link("http://host:8501/money", view)) and "camp=pro_trump" in text


def test_the_citations_link_is_a_line_of_its_own_with_no_control_character_a_linkifier_would_take():
    """Pasted into a CMS, an address followed by U+2069 became a broken link (the journalist's read, task 7)."""
    for lang in ("ar", "en"):
        sentence, link = citation("http://host:8501/", ViewState(lang=lang), DATASET).split("\n")
        assert re.fullmatch(r"https?://\S+", link) and not re.search("[\u2066-\u2069\u200e\u200f]", link)
        assert "http" not in sentence


def test_a_link_naming_an_actor_outside_its_camps_is_read_without_them_and_says_so():
    from techmoney.data.dataset import shared_dataset
    from techmoney.site import url_state
    from techmoney.words import facts

    dataset = shared_dataset()
    view, notices = links.parse_view(dataset, {"lang": ["en"], "camp": ["pro_trump"], "actor": ["hastings"]})
    assert view == ViewState(lang="en", camps=("pro_trump",))
    assert [(n.key, n.shown_value, n.reason) for n in notices] == [
        ("actor", facts.actor_name(dataset, "hastings", "en"), url_state.OUTSIDE_CAMPS)
    ]
    kept, notices = links.parse_view(dataset, {"camp": ["pro_harris"], "actor": ["hastings"]})
    assert kept.actor == "hastings" and not notices
    assert links.parse_view(dataset, {"camp": [""], "actor": ["hastings"]})[0].actor is None
