"""Every hostile payload through every HTML fragment (techmoney/content/html/render.py) and link
(techmoney/site/links.py).

The output is parsed with html.parser and its tags and attributes inspected: no element or attribute
a payload could have introduced, no event-handler attribute, no script-capable URL, and the payload
present as literal text (escaped, not dropped). Notices, shown by st.warning as Markdown, are rendered
as CommonMark to check that a payload comes out as literal text.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from urllib.parse import parse_qs, quote, urlsplit

import pandas as pd
import pytest
from markdown_it import MarkdownIt

from techmoney.content import embeds
from techmoney.content.html import render
from techmoney.content.story import KeyFigure
from techmoney.data.dataset import Dataset, load_dataset
from techmoney.site import addresses, links
from techmoney.site.addresses import ViewState
from techmoney.site.url_state import safe_display
from techmoney.words.facts import Source
from techmoney.words.i18n import t
from tests.conftest import DATA, count
from tests.hostile_inputs import XSS_PAYLOADS

DATASET = load_dataset(DATA)
LANG_ARGS = ("ar", "en")

# Everything the builders are meant to emit; anything else came from a payload.
ALLOWED_TAGS = {
    "div", "p", "span", "strong", "ul", "li", "figure", "blockquote", "figcaption", "mark", "a", "code",
    "table", "caption", "thead", "tbody", "tr", "th", "td", "section", "h2", "h3", "details", "summary",
    "bdi",  # an isolated Latin run inside Arabic text
}  # fmt: skip
ALLOWED_ATTRS = {
    "class", "dir", "lang", "id", "title", "href", "style", "role", "tabindex", "aria-label",
    "scope", "download", "data-label", "target", "rel",
}  # fmt: skip
CSS_COLOR = re.compile(r"--camp:#[0-9A-Za-z]{6}")


class Parsed(HTMLParser):
    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.declarations: list[str] = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.declarations.append(f"comment:{data}")

    def handle_decl(self, decl):
        self.declarations.append(f"decl:{decl}")

    def handle_pi(self, data):
        self.declarations.append(f"pi:{data}")

    def unknown_decl(self, data):
        self.declarations.append(f"unknown:{data}")

    @property
    def all_text(self) -> str:
        return "".join(self.text)

    def attribute_values(self) -> list[str]:
        return [value or "" for _, attrs in self.tags for value in attrs.values()]


def _url_scheme(url: str) -> str:
    """The scheme a browser would see: controls and whitespace removed, lower-cased."""
    cleaned = "".join(ch for ch in url if not (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"))).lower()
    match = re.match(r"([a-z][a-z0-9+.\-]*):", cleaned)
    return match.group(1) if match else ""


def assert_safe(fragment: str, allowed_tags: set[str] = ALLOWED_TAGS, external: tuple[str, ...] = ()) -> Parsed:
    """``external``: the https addresses a link may start with besides in-page and download links."""
    assert "<script" not in fragment.lower()
    assert "<style" not in fragment.lower()
    parsed = Parsed(fragment)
    assert not parsed.declarations, parsed.declarations
    for tag, attrs in parsed.tags:
        assert tag in allowed_tags, f"unexpected <{tag}> in {fragment[:300]!r}"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name}= on <{tag}>"
            assert name in ALLOWED_ATTRS or tag == "iframe", f"unexpected attribute {name}= on <{tag}>"
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                assert _url_scheme(value or "") in ("", "http", "https"), f"{name}={value!r} on <{tag}>"
            if name == "href":
                assert (value or "").startswith(("#", addresses.DOWNLOAD_PREFIX, *external)), (
                    f"only in-page and download links: {value!r}"
                )
            if name == "style":
                assert CSS_COLOR.fullmatch(value or "") or (tag, value) == ("iframe", "border:0"), f"style={value!r}"
    return parsed


# --------------------------------------------------------------------------- fragments


@pytest.mark.parametrize("lang", [*LANG_ARGS, "<script>alert(1)</script>", '" onload="alert(1)'])
def test_prose_card_table_key_figures_and_sections_escape_every_payload(lang):
    tried = 0
    for payload in XSS_PAYLOADS:
        parsed = assert_safe(render.prose(f"before {payload} after", lang))
        assert payload in parsed.all_text

        parsed = assert_safe(render.actor_card(payload, payload, payload, payload, lang, [payload, "x"]))
        assert parsed.all_text.count(payload) == 4
        (card,) = [attrs for tag, attrs in parsed.tags if tag == "div"]
        assert card["style"] == "--camp:#767676", "a hostile color falls back to grey"

        frame = pd.DataFrame({payload: [payload, 1.0], "n": [2.5, None]}, index=pd.Index([payload, "b"], name=payload))
        parsed = assert_safe(render.table(frame, lang, caption=payload, index=True))
        assert parsed.all_text.count(payload) == 5  # caption, index name, column, row header, cell
        (region,) = [attrs for tag, attrs in parsed.tags if tag == "div"]
        assert region["aria-label"] == payload

        # A link column: only https addresses become links, each attribute and text escaped.
        frame = pd.DataFrame({"record": [f"https://www.fec.gov/?q={payload}", payload, ""]})
        parsed = assert_safe(render.table(frame, lang, links={"record": payload}), external=("https://www.fec.gov/",))
        anchors = [attrs for tag, attrs in parsed.tags if tag == "a"]
        assert [a["href"] for a in anchors] == [f"https://www.fec.gov/?q={payload}"]
        assert anchors[0]["target"] == "_blank" and "noopener" in anchors[0]["rel"]
        assert parsed.all_text.count(payload) == 2  # the link's text, and the cell that is not an https address

        figure = KeyFigure(
            label=payload, value=payload, qualifier=payload, caveat=payload, excerpt=payload, camp=payload, records=()
        )
        parsed = assert_safe(render.key_figures_row([figure, figure], lang, payload, payload))
        assert parsed.all_text.count(payload) == 2 * 6  # label, value, qualifier, caveat, summary, excerpt
        groups = [attrs for tag, attrs in parsed.tags if attrs.get("role") == "group"]
        assert [g["aria-label"] for g in groups] == [payload, payload]

        table = render.table(pd.DataFrame({"c": [payload]}), lang)
        parsed = assert_safe(render.section(payload, [payload, payload], lang, table))
        assert parsed.all_text.count(payload) == 4  # title, two paragraphs, table cell
        source = Source(record_id="x", name=payload, title=payload, url="https://www.fec.gov/")
        parsed = assert_safe(
            render.section(payload, [payload], lang, sources=[source], sources_label=payload),
            external=("https://www.fec.gov/",),
        )
        assert parsed.all_text.count(payload) == 4  # title, paragraph, the sources' label, the source's name
        assert [attrs["title"] for tag, attrs in parsed.tags if tag == "a"] == [payload]

        parsed = assert_safe(render.event_list(payload, [(payload, payload)], lang))
        assert parsed.all_text.count(payload) == 3
        tried += 6
    count("XSS payloads tried in render/links builders", tried)


@pytest.mark.parametrize("lang", LANG_ARGS)
def test_heading_and_disclosure_escape_every_payload(lang):
    for payload in XSS_PAYLOADS:
        parsed = assert_safe(render.heading(payload, lang))
        assert parsed.tags[0][0] == "h2" and payload in parsed.all_text
        inner = render.table(pd.DataFrame({"c": [payload]}), lang, caption=payload)
        parsed = assert_safe(render.details(payload, inner, lang, css_class="tm-chart-table"))
        assert [tag for tag, _ in parsed.tags][:2] == ["details", "summary"]
        assert parsed.all_text.count(payload) == 3  # summary, caption, cell
    count("XSS payloads tried in render/links builders", 2 * len(XSS_PAYLOADS))


def test_isolated_latin_runs_become_bdi_in_text_and_stay_characters_in_attributes():
    text = "مجموعات \u2066501(c)(4)\u2069 <b>"
    parsed = assert_safe(render.table(pd.DataFrame({"c": [text]}), "ar", caption=text))
    assert ("bdi", {"dir": "ltr"}) in parsed.tags
    (region,) = [attrs for tag, attrs in parsed.tags if tag == "div"]
    assert region["aria-label"] == text, "inside an attribute the isolates stay as characters"
    assert "<b>" in parsed.all_text
    unbalanced = assert_safe(render.prose("a \u2066b c", "ar"))
    assert "bdi" not in [tag for tag, _ in unbalanced.tags]


@pytest.mark.parametrize("lang", LANG_ARGS)
def test_download_links_escape_payloads_and_link_only_our_download_paths(lang):
    for payload in XSS_PAYLOADS:
        links_given = [
            (payload, f"download/card/{quote(payload)}.png?lang={quote(payload)}", payload),  # as downloads builds it
            ("x", payload, "x.csv"),  # not one of our paths: left out
            ("y", f"javascript:alert(1)//download/{payload}", "y"),
            ("z", "download/javascript:alert(1)", "z"),
        ]
        fragment = render.download_links(links_given, lang)
        parsed = Parsed(fragment)
        anchors = [attrs for tag, attrs in parsed.tags if tag == "a"]
        assert len(anchors) == 1, fragment
        assert anchors[0]["href"] == f"download/card/{quote(payload)}.png?lang={quote(payload)}"
        assert anchors[0]["download"] == payload and payload in parsed.all_text
        assert set(anchors[0]) == {"href", "download"}
        assert all(not name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    assert render.download_links([("x", "https://evil.invalid/download/x", "x")], "en") == ""
    count("XSS payloads tried in render/links builders", len(XSS_PAYLOADS))


DOC_TAGS = ALLOWED_TAGS | {"h1", "h4", "ol", "pre", "em", "hr", "img"}


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_a_markdown_document_shows_raw_html_as_text_and_builds_no_script_link(payload):
    document = (
        f"# Title\n\n```\nline 1\nline 2\n```\n\nText {payload}\n\n| a | b |\n|---|---|\n"
        f"| {payload} | [x](javascript:alert(1)) |\n"
    )
    parsed = Parsed(render.markdown_document(document, payload, "ar"))
    for tag, attrs in parsed.tags:
        assert tag in DOC_TAGS, f"<{tag}> from {payload!r}"
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src"):
            assert _url_scheme(attrs.get(name) or "") in ("", "http", "https"), (tag, attrs)
    assert ("div", {"class": "tm-doc", "dir": "ltr", "lang": "en"}) in parsed.tags
    assert payload in parsed.all_text  # the summary, escaped; in the document Markdown may decode entities
    assert "line 1\nline 2" in parsed.all_text, "code keeps its line breaks"


def test_the_page_language_sets_direction_and_lang_and_nothing_else():
    for lang, direction in (("ar", "rtl"), ("en", "ltr"), ("xx", "rtl"), ('"><x', "rtl")):
        (_tag, attrs) = Parsed(render.prose("text", lang)).tags[0]
        assert attrs["dir"] == direction and attrs["lang"] == ("en" if lang == "en" else "ar")


@pytest.mark.parametrize(
    ("color", "shown"),
    [
        ("#0072B2", "#0072B2"),
        ("#0072B2;background:url(x)", "#767676"),
        ('#0072B"', "#767676"),
        ("red", "#767676"),
        ("#12345", "#767676"),
        ("#1234567", "#767676"),
        ("expression(alert(1))", "#767676"),
        ("", "#767676"),
    ],
)
def test_the_actor_card_color_is_a_colour_or_grey(color, shown):
    parsed = assert_safe(render.actor_card("n", "r", "c", color, "en", []))
    (card,) = [attrs for tag, attrs in parsed.tags if tag == "div"]
    assert card["style"] == f"--camp:{shown}"


# --------------------------------------------------------------------------- the article and its citations


def _hostile_dataset(payload: str) -> tuple[Dataset, str, str]:
    """The real dataset plus an article line, an actor and a quote made of the payload.

    Returns the dataset, the hostile actor id and the hostile quote id. Built in memory: the loader
    would (rightly) refuse such ids.
    """
    tables = {name: frame.copy() for name, frame in DATASET.tables.items()}
    story_line = f"مقدمة {payload} خاتمة"
    boilerplate_line = f"{payload} boilerplate"
    article = DATASET.article + "\n" + story_line + "\n" + boilerplate_line
    boilerplate_number = article.count("\n") + 1
    actor_id, quote_id = payload, payload + "-q"
    actor = {column: payload for column in tables["actors"].columns}
    actor.update(actor_id=actor_id, camp="context", kind="person", source_excerpt=payload)
    tables["actors"] = pd.concat([tables["actors"], pd.DataFrame([actor])], ignore_index=True)
    said = {column: payload for column in tables["quotes"].columns}
    said.update(quote_id=quote_id, speaker_id=actor_id, source_excerpt=f"{payload} خاتمة", event_id="")
    tables["quotes"] = pd.concat([tables["quotes"], pd.DataFrame([said])], ignore_index=True)
    line = {"line_number": boilerplate_number, "kind": "boilerplate", "text": boilerplate_line, "note": payload}
    tables["article_lines"] = pd.concat([tables["article_lines"], pd.DataFrame([line])], ignore_index=True)
    return Dataset(article=article, version=DATASET.version, tables=tables), actor_id, quote_id


@pytest.mark.parametrize("lang", LANG_ARGS)
def test_the_article_and_citation_list_escape_payloads_in_text_ids_and_excerpts(lang):
    tried = 0
    for payload in XSS_PAYLOADS:
        dataset, actor_id, quote_id = _hostile_dataset(payload)
        article = assert_safe(
            render.article(
                dataset,
                lang,
                "not story",
                lambda group: "cited by " + ", ".join(f"{c.table}/{c.record_id}" for c in group),
            )
        )
        # The story line and the boilerplate line both show the payload as text.
        assert article.all_text.count(payload) >= 2
        # The payload excerpt is highlighted, and its mark names the hostile records literally.
        titles = [attrs["title"] for tag, attrs in article.tags if tag == "mark"]
        assert any(f"actors/{actor_id}" in title and f"quotes/{quote_id}" in title for title in titles)
        hrefs = [attrs["href"] for tag, attrs in article.tags if tag == "a"]
        assert all(href.startswith("#rec-") for href in hrefs)
        # Overlapping excerpts share one mark, which links to the longest (the quote's).
        assert f"#rec-quotes-{quote_id}" in hrefs

        listing = assert_safe(render.citation_list(dataset, lang))
        ids = [attrs["id"] for tag, attrs in listing.tags if tag == "li"]
        assert f"rec-actors-{actor_id}" in ids and f"rec-quotes-{quote_id}" in ids
        assert f"actors/{actor_id}" in listing.all_text
        assert f"{payload} خاتمة" in listing.all_text
        tried += 2
    count("XSS payloads tried in render/links builders", tried)


def test_every_highlight_links_to_a_listed_record():
    article = Parsed(render.article(DATASET, "en", "not story", lambda group: "cited"))
    listing = Parsed(render.citation_list(DATASET, "en"))
    targets = {attrs["href"][1:] for tag, attrs in article.tags if tag == "a"}
    ids = {attrs["id"] for tag, attrs in listing.tags if tag == "li"}
    assert targets and targets <= ids


# --------------------------------------------------------------------------- notices (Markdown)

md = MarkdownIt("commonmark", {"html": True})
md.validateLink = lambda url: True  # a permissive renderer: keep every link, so the test sees them


def test_markdown_literal_shows_every_payload_as_text():
    for payload in XSS_PAYLOADS:
        rendered = Parsed(md.render(render.markdown_literal(payload)))
        assert [tag for tag, _ in rendered.tags] in ([], ["p"])
        visible = payload.replace("\x00", "\ufffd").strip()
        assert rendered.all_text.strip() == visible
    count("XSS payloads tried in render/links builders", len(XSS_PAYLOADS))


@pytest.mark.parametrize("lang", LANG_ARGS)
def test_a_link_notice_shows_its_key_and_value_literally(lang):
    """Notices name the key and the value dropped from the link, both from the URL, and st.warning renders
    Markdown: each payload comes out as one paragraph of literal text."""
    for key in ("notice_dropped", "notice_unknown_key", "notice_too_long", "notice_repeated"):
        for payload in XSS_PAYLOADS:
            shown = safe_display(payload)
            rendered = Parsed(md.render(render.notice_text(t(key, lang), shown, shown)))
            assert [tag for tag, _ in rendered.tags] == ["p"], (key, payload)
            assert rendered.tags[0][1] == {}
            assert shown in rendered.all_text
    count("XSS payloads tried in render/links builders", 4 * len(XSS_PAYLOADS))


# --------------------------------------------------------------------------- links

HOSTILE_BASES = [
    'http://host/"><script>alert(1)</script>',
    "http://host/sources?lang=xx&camp=<script>#<img src=x onerror=alert(1)>",
    "http://host/a b\"c'd<e>/",
    "http://host/\u202eevil/",
    None,
    "",
]


def _iframe_and_listener(snippet: str) -> tuple[str, str]:
    """The snippet's iframe, and what follows it (the script that resizes it)."""
    iframe, end, listener = snippet.partition("</iframe>")
    return iframe + end, listener


# What follows the iframe for a plain link and title: the same whatever the link and title.
LISTENER = _iframe_and_listener(embeds.embed_snippet("http://host/", ViewState(), "goal", "t"))[1]


@pytest.mark.parametrize("base", HOSTILE_BASES)
def test_the_embed_snippet_is_one_iframe_whatever_the_base_url_and_title(base):
    view = ViewState(lang="en", camps=("pro_trump",))
    tried = 0
    for payload in XSS_PAYLOADS:
        iframe, listener = _iframe_and_listener(embeds.embed_snippet(base, view, "twins", payload))
        assert listener == LISTENER
        parsed = assert_safe(iframe, allowed_tags={"iframe"})
        assert [tag for tag, _ in parsed.tags] == ["iframe"]
        attrs = parsed.tags[0][1]
        assert set(attrs) == {"src", "title", "width", "height", "style", "loading"}
        assert attrs["title"] == payload
        assert attrs["style"] == "border:0"
        query = parse_qs(urlsplit(attrs["src"]).query, keep_blank_values=True)
        assert query == {"lang": ["en"], "camp": ["pro_trump"], "chart": ["twins"], "embed": ["true"]}
        tried += 1
    count("XSS payloads tried in render/links builders", tried)


@pytest.mark.parametrize("base", HOSTILE_BASES)
def test_the_share_link_drops_the_old_query_and_fragment(base):
    view = ViewState(lang="en", camps=("skeptic",), actor="hastings")
    link = links.view_link(base, view)
    assert "<script" not in link.split("?")[-1] and "onerror" not in link
    parts = urlsplit(link)
    assert parse_qs(parts.query) == {"lang": ["en"], "camp": ["skeptic"], "actor": ["hastings"]}
    assert parts.fragment == ""


@pytest.mark.parametrize(
    "base", ["javascript:alert(1)//", " JaVaScRiPt:alert(1)//", "data:text/html,<script>alert(1)</script>"]
)
def test_a_non_http_base_url_cannot_make_a_script_link(base):
    view = ViewState(lang="en")
    iframe, listener = _iframe_and_listener(embeds.embed_snippet(base, view, "goal", "t"))
    assert_safe(iframe, allowed_tags={"iframe"})
    assert listener == LISTENER
    assert _url_scheme(links.view_link(base, view)) in ("http", "https")


def test_a_table_cell_of_addresses_links_each_by_its_site_and_nothing_else_is_linked():
    """Outside sources are linked where shown (issue 31): a cell of https addresses becomes links read as their site;
    any other text, however it looks, stays text."""
    frame = pd.DataFrame(
        {
            "link": [
                "https://www.fec.gov/a https://x.com/JoeBiden/status/1",
                "javascript:alert(1)",
                "http://example.org/",
            ]
        }
    )
    shown = Parsed(render.table(frame, "en"))
    hrefs = [attrs["href"] for tag, attrs in shown.tags if tag == "a"]
    assert hrefs == ["https://www.fec.gov/a", "https://x.com/JoeBiden/status/1"]
    assert "fec.gov" in shown.all_text and "x.com" in shown.all_text and "javascript:alert(1)" in shown.all_text


def test_the_articles_own_latin_is_isolated_where_shown_and_a_figure_kept_with_its_unit():
    frame = pd.DataFrame({"excerpt": ["قال هاريس لشبكة ABC News"], "amount": ["7 ملايين دولار"]})
    html = render.table(frame, "ar")
    assert '<bdi dir="ltr">ABC News</bdi>' in html
    assert '<span class="tm-nw">7 ملايين دولار</span>' in html
