"""HTML fragments from Jinja2 templates (techmoney/content/html/templates/), escaped by the template engine.

Every page fragment the app shows in ``st.html`` is rendered here. Autoescape is on, so a value from
the data or the URL can never become markup; ``|safe`` is used only for partials rendered by this
module (a chart's table inside a section, the Markdown documents rendered by markdown-it with raw
HTML off). In text nodes the ``bidi`` filter turns the Latin runs our Arabic strings isolate with
U+2066…U+2069 (techmoney/words/formatting.py) into ``<bdi dir="ltr">``, the form docs/ARABIC.md asks for in HTML.
"""

from __future__ import annotations

import functools
import numbers
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from techmoney.data.dataset import Dataset
from techmoney.site.addresses import DOWNLOAD_PREFIX
from techmoney.words.formatting import LRI, PDI, isolate_latin
from techmoney.words.locale import locale

_CITING_TABLES = ("actors", "money_facts", "money_flows", "endorsements", "quotes", "events")
# CommonMark plus tables; html=False: any raw HTML in a document is shown as text.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")


# A figure and its unit, or a name and its number, kept on one line: «7 ملايين دولار», «844,600 دولار», «ترامب 47».
# Marked up (white-space: nowrap, static/app.css), not a no-break space: the text itself stays as written.
_UNBREAKABLE = re.compile(
    r"\d[\d,.]* (?:(?:مليون|ملايين|مليونا|ألف|آلاف|مليار) )?دولار|\d[\d,.]* (?:مليون|ملايين)"
    r"|(?:ترامب|Trump) 47|\d{4}–\d{4}\)?"
)


def _bidi(value: object) -> Markup:
    """Filter for text nodes: the value escaped, its isolated Latin runs as <bdi dir="ltr">, a figure kept with
    its unit (never use it inside an attribute, where the isolates stay as characters)."""
    if isinstance(value, Markup):
        return value
    escaped = _UNBREAKABLE.sub(lambda m: f'<span class="tm-nw">{m.group()}</span>', str(escape(value)))
    if LRI in escaped and escaped.count(LRI) == escaped.count(PDI):
        escaped = escaped.replace(LRI, '<bdi dir="ltr">').replace(PDI, "</bdi>")
    return Markup(escaped)  # escaped above, only our fixed tags (bdi, the nowrap span) added  # nosec B704


bidi = _bidi  # for fragments built in code around a translated sentence (techmoney/content/html/view_tools.py)


def _direction(lang: str) -> Markup:
    """The dir and lang attributes of an element in ``lang`` (anything unknown reads as Arabic)."""
    words = locale(lang)
    return Markup('dir="{}" lang="{}"').format(words.direction, words.code)


def _paragraphs(text: str) -> list[str]:
    return [line for line in str(text).split("\n") if line.strip()]


_ENV = Environment(
    loader=PackageLoader("techmoney.content.html", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.globals["direction"] = _direction
_ENV.filters["paragraphs"] = _paragraphs
_ENV.filters["bidi"] = _bidi
_ENV.filters["latin"] = isolate_latin  # the article's own Arabic: each Latin run isolated, for |bidi to mark up
# A link in a table reads as its site ("fec.gov"), the full address on hover: a long address would stack a
# narrow column on many lines.
_ENV.filters["site"] = lambda url: urlsplit(url).netloc.removeprefix("www.")
# A cell of one or more addresses, space-separated (the downloads keep them so), shown as links.
_ENV.tests["links"] = lambda value: (
    isinstance(value, str) and bool(value) and all(url.startswith("https://") for url in value.split())
)


def _separator(lang: str) -> str:
    """Between linked sources (each "publisher, date" holds a comma): a semicolon in the reader's script."""
    return "؛ " if locale(lang).rtl else "; "


def _sources_links(sources: Iterable[object], label: str, lang: str) -> Markup:
    """Outside sources as links (``.name`` shown, ``.url`` followed, ``.title`` on hover), after ``label``."""
    sources = list(sources)
    if not sources:
        return Markup("")
    html = render("sources_links.html", sources=sources, lang=lang, label=label, separator=_separator(lang))
    return Markup(html)  # rendered, and escaped, by the template  # nosec B704


def render(template: str, /, **context: object) -> str:
    return _ENV.get_template(template).render(**context)


# --------------------------------------------------------------------------- small fragments


def prose(text: str, lang: str, css_class: str = "tm-prose") -> str:
    """Paragraphs (one per line of ``text``) in the page's direction."""
    return render("prose.html", text=text, lang=lang, css_class=css_class)


def heading(text: str, lang: str) -> str:
    return render("heading.html", text=text, lang=lang)


def download_links(links: Iterable[tuple[str, str, str]], lang: str, css_class: str = "tm-downloads") -> str:
    """Download links (label, href, file name) on one line. Only our own ``download/...`` paths are
    linked: anything else is left out rather than trusted."""
    ours = [
        (label, href, name)
        for label, href, name in links
        if href.startswith(DOWNLOAD_PREFIX) and ":" not in href.split("?")[0]
    ]
    return render("downloads.html", links=ours, lang=lang, css_class=css_class) if ours else ""


def details(summary: str, inner_html: str, lang: str, css_class: str = "tm-details") -> str:
    """A native disclosure (no widget, no rerun to open it); ``inner_html`` comes from this module."""
    return render("details.html", summary=summary, inner=Markup(inner_html), lang=lang, css_class=css_class)  # nosec B704


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def _cell(value: object) -> str:
    """A table cell as shown: a dash for nothing, whole numbers with separators, and in Arabic text (the article's
    own words are stored bare) each Latin run isolated, so "ABC News" keeps its place in the line."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return "—"
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return f"{int(value):,}"
    text = str(value)
    if text.startswith("https://"):  # an address: shown as a link, never broken up by isolates
        return text
    return isolate_latin(text) if _ARABIC_LETTER.search(text) else text


# A figure as one unbreakable word ("7,000,000", "$1,000,000", "7%", "—"); its column is kept on one line.
_FIGURE = re.compile(r"[$]?[\d.,]+[%٪]?|—")
LABEL_CHARS = 20  # a column whose cells are all this short holds labels ("مؤيدو هاريس"): each on one line
PROSE_CHARS = 40  # a column holding a cell longer than this is prose: it keeps a reading width (static/app.css)


def _column_kind(cells: list[str]) -> str:
    """The CSS class a column's cells take: "tm-num" (figures) and "tm-label" (short labels) keep each cell on
    one line, "tm-prose-col" (sentences) keeps a reading width, "" otherwise. So figures never stack a digit
    per line and sentences are not squeezed to a word a line."""
    if cells and all(_FIGURE.fullmatch(cell) for cell in cells if cell):
        return "tm-num"
    if cells and all(cell == "—" or cell.startswith("https://") for cell in cells):
        return "tm-label"  # links, each shown as its site's name (the filter "site")
    longest = max((len(cell) for cell in cells), default=0)
    return "tm-label" if longest <= LABEL_CHARS else "tm-prose-col" if longest > PROSE_CHARS else ""


def table(
    frame: pd.DataFrame, lang: str, caption: str = "", index: bool = False, links: Mapping[str, str] | None = None
) -> str:
    """A plain, accessible table (header cells scoped, caption, page direction); every cell escaped.
    ``links``: column -> the text of a link to each of its cells' https addresses (opens in a new tab).

    The charts' text alternatives: they read right to left in Arabic like the prose around them."""
    columns = ([frame.index.name or ""] if index else []) + [str(c) for c in frame.columns]
    link_texts = [(links or {}).get(str(column)) for column in frame.columns]
    rows = []
    for key, row in zip(frame.index, frame.itertuples(index=False), strict=True):
        cells = [_cell(v) for v in row]
        hrefs = [
            cell if text and cell.startswith("https://") else None for cell, text in zip(cells, link_texts, strict=True)
        ]
        rows.append({"key": _cell(key) if index else None, "cells": cells, "hrefs": hrefs})
    kinds = [
        "tm-label" if text else _column_kind([row["cells"][number] for row in rows])
        for number, text in enumerate(link_texts)
    ]
    return render(
        "table.html", columns=columns, rows=rows, caption=caption, lang=lang, kinds=kinds, link_texts=link_texts
    )


def actor_card(name: str, role: str, camp_label: str, color: str, lang: str, lines: list[str]) -> str:
    safe_color = color if len(color) == 7 and color.startswith("#") and color[1:].isalnum() else "#767676"
    return render(
        "actor_card.html", name=name, role=role, camp_label=camp_label, color=safe_color, lang=lang, lines=lines
    )


def key_figures_row(figures: Iterable[object], lang: str, source_label: str, sources_label: str) -> str:
    """The key-figures row: label, value, its qualifier or caveat, the outside sources it cites (linked, after
    ``sources_label``), and the source sentence on demand (``source_label``)."""
    return render(
        "key_figures.html",
        figures=list(figures),
        lang=lang,
        source_label=source_label,
        sources_links=lambda sources: _sources_links(sources, sources_label, lang),
    )


def section(
    title: str,
    paragraphs: Iterable[str],
    lang: str,
    more_html: str = "",
    sources: Iterable[object] = (),
    sources_label: str = "",
) -> str:
    """A Story section's text: heading and our own prose (quoting the article), the outside sources it rests on
    (linked, after ``sources_label``), then ``more_html`` (the chart's table, a link: partials rendered by this
    module)."""
    return render(
        "section.html",
        title=title,
        paragraphs=list(paragraphs),
        lang=lang,
        sources=_sources_links(sources, sources_label, lang),
        more=Markup(more_html),  # a partial rendered here  # nosec B704
    )


def kicker(text: str, lang: str) -> str:
    """The line above a page's headline: the product's name."""
    return render("kicker.html", text=text, lang=lang)


def sources_note(paragraphs: Iterable[str], headline: object, lang: str, heading_text: str) -> str:
    """The article's English original on Sources: what we read, its headline linked (``.title``, ``.url``,
    ``.name``), what it says, and what we do not know."""
    paragraphs = list(paragraphs)
    return render(
        "source_note.html", heading=heading_text, first=paragraphs[0], rest=paragraphs[1:], headline=headline, lang=lang
    )


def event_list(heading_text: str, events: Iterable[tuple[str, str]], lang: str) -> str:
    """A heading and a list of (label, note) lines, e.g. the events the article gives no date for."""
    return render("event_list.html", heading=heading_text, events=list(events), lang=lang)


def explainer(sentences: Iterable[object], lang: str, source_prefix: str) -> str:
    """Sentences (``.text``, ``.label``, ``.provenance``), each followed by the label saying where it comes
    from: the article, public record, or our own derivation (techmoney/content/cap_explainer.py); a sentence's
    outside sources (``.sources``) follow ``source_prefix``."""
    return render(
        "explainer.html", sentences=list(sentences), lang=lang, source_prefix=source_prefix, separator=_separator(lang)
    )


def page_link(label: str, href: str, lang: str) -> str:
    """A link to a place in the app: a page of ours (``money?lang=en#cap``) or an anchor (``#cap``).
    Anything with a scheme or a host is left out rather than trusted."""
    if ":" in href.split("#")[0].split("?")[0] or href.startswith("//"):
        return ""
    return render("link.html", label=label, href=href, lang=lang)


def markdown_document(markdown_text: str, summary: str, lang: str, doc_lang: str = "en") -> str:
    """One of our Markdown documents (data dictionary, changelog: English, left to right on Arabic pages
    too; the corrections in Arabic) in a disclosure. Raw HTML in the document is shown as text."""
    # markdown-it with html=False escapes any raw HTML in the document.
    body = Markup(_MARKDOWN.render(markdown_text))  # nosec B704
    return details(summary, render("document.html", body=body, doc_lang=doc_lang), lang, css_class="tm-docs")


def embed_snippet(
    src: str, title: str, height: int, max_width: int | None = None, max_height: int | None = None
) -> str:
    """The iframe a reader pastes into another page (shown as code; attributes escaped), ``height`` pixels
    tall until the chart says how tall it is (a fixed script listens: embed_listener.html); a CMS's
    ``max_width`` and ``max_height`` in pixels cap it."""
    style = "border:0" + "".join(
        f";{name}:{int(size)}px" for name, size in (("max-width", max_width), ("max-height", max_height)) if size
    )
    return render("embed_snippet.html", src=src, title=title, height=int(height), style=style).strip()


def notice_text(template: str, key: str, shown_value: str) -> str:
    """A notice about a dropped link value, for st.warning (which renders Markdown): the key and the value
    come from the URL, so both are shown literally."""
    return template.format(key=markdown_literal(key), value=markdown_literal(shown_value))


_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()#+-.!|<>~$:=&\"'")


def markdown_literal(text: str) -> str:
    """Text for a Streamlit element that renders Markdown (st.warning, st.info), every Markdown/HTML
    character backslash-escaped so it shows literally."""
    return "".join(f"\\{ch}" if ch in _MARKDOWN_SPECIAL else ch for ch in text)


# --------------------------------------------------------------------------- the article and its citations


@dataclass(frozen=True)
class Citation:
    table: str
    record_id: str
    excerpt: str

    @property
    def anchor(self) -> str:
        return f"rec-{self.table}-{self.record_id}"


@functools.lru_cache(maxsize=4)
def citations(dataset: Dataset) -> tuple[Citation, ...]:
    """Every (record, excerpt) pair in the dataset that points into the article."""
    found = []
    for name in _CITING_TABLES:
        frame = dataset.tables[name]
        id_column = frame.columns[0]
        for _, row in frame.iterrows():
            if row.get("source_excerpt"):
                found.append(Citation(name, str(row[id_column]), row["source_excerpt"]))
    return tuple(found)


@dataclass(frozen=True)
class Span:
    text: str
    cited_by: tuple[Citation, ...] = ()  # empty: plain text


def _spans(line: str, cites: Iterable[Citation]) -> list[Span]:
    """A line cut into plain and cited spans; overlapping citations share one span."""
    found = sorted(
        ((start, start + len(c.excerpt), c) for c in cites for start in _occurrences(line, c.excerpt)),
        key=lambda s: (s[0], -s[1]),
    )
    merged: list[list] = []
    for start, end, c in found:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(c)
        else:
            merged.append([start, end, [c]])
    spans, cursor = [], 0
    for start, end, group in merged:
        spans += [Span(line[cursor:start]), Span(line[start:end], tuple(group))]
        cursor = end
    return [span for span in [*spans, Span(line[cursor:])] if span.text]


def _occurrences(line: str, excerpt: str) -> list[int]:
    starts, start = [], line.find(excerpt)
    while start != -1:
        starts.append(start)
        start = line.find(excerpt, start + 1)
    return starts


def article(dataset: Dataset, lang: str, not_story_label: str, cited_by_label) -> str:
    """The article line by line, cited spans marked and linked to their records; lines that are not the
    story (site boilerplate, related links) set apart. ``cited_by_label(citations)`` is the highlight's title."""
    marked = {int(r["line_number"]): r["kind"] for _, r in dataset.article_lines.iterrows()}
    cites = citations(dataset)
    lines = [
        {
            "number": number,
            "boilerplate": marked.get(number, "title") != "title",
            "spans": [] if marked.get(number, "title") != "title" else _spans(text, cites),
            "text": text,
        }
        for number, text in enumerate(dataset.article.split("\n"), 1)
        if text.strip()
    ]
    return render("article.html", lines=lines, lang=lang, not_story=not_story_label, title_of=cited_by_label)


def citation_list(dataset: Dataset, lang: str) -> str:
    """The records behind the highlights, each with the anchor the article links to."""
    return render("citations.html", citations=citations(dataset), lang=lang)
