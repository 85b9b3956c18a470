"""Small HTML fragments the pages show (prose, quotes, actor cards, the highlighted article).

Every value from the data or the URL passes through ``html.escape`` here, and nowhere else builds
HTML, so tests/test_html_blocks.py can feed payloads through each function and check none survive.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape as _html_escape

import pandas as pd
from markdown_it import MarkdownIt

from components.dataset import Dataset
from components.i18n import DIRECTION, t

# CommonMark plus tables; html=False: any raw HTML in a document is shown as text.
_DOC_RENDERER = MarkdownIt("commonmark", {"html": False}).enable("table")


def escape(value: object) -> str:
    """html.escape, and line breaks as <br>: a blank line inside st.markdown's HTML would end the
    HTML block and let the rest be read as Markdown (links, images, headings)."""
    text = _html_escape(str(value))
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


_CITING_TABLES = ("actors", "money_facts", "money_flows", "endorsements", "quotes", "events")


def _attrs(lang: str) -> str:
    return f'dir="{DIRECTION.get(lang, "rtl")}" lang="{"en" if lang == "en" else "ar"}"'


def prose(text: str, lang: str, css_class: str = "tm-prose") -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())
    return f'<div class="{css_class}" {_attrs(lang)}>{paragraphs}</div>'


def quote(text: str, attribution: str, lang: str) -> str:
    """A verbatim Arabic quote (always lang="ar") with an attribution in the page language."""
    return (
        f'<figure class="tm-quote" {_attrs(lang)}><blockquote {_attrs("ar")}>{escape(text)}</blockquote>'
        f"<figcaption>{escape(attribution)}</figcaption></figure>"
    )


def actor_card(name: str, role: str, camp_label: str, color: str, lang: str, lines: list[str]) -> str:
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    safe_color = color if color.startswith("#") and len(color) == 7 and color[1:].isalnum() else "#767676"
    return (
        f'<div class="tm-card" style="--camp:{safe_color}" {_attrs(lang)}>'
        f"<strong>{escape(name)}</strong> — {escape(role)} <span class=\"tm-badge\">{escape(camp_label)}</span>"
        f"<ul>{items}</ul></div>"
    )


@dataclass(frozen=True)
class Citation:
    table: str
    record_id: str
    excerpt: str


def citations(dataset: Dataset) -> list[Citation]:
    """Every (record, excerpt) pair in the dataset that points into the article."""
    found = []
    for name in _CITING_TABLES:
        frame: pd.DataFrame = dataset.tables[name]
        id_column = frame.columns[0]
        for _, row in frame.iterrows():
            if row.get("source_excerpt"):
                found.append(Citation(name, str(row[id_column]), row["source_excerpt"]))
    return found


def anchor(c: Citation) -> str:
    return f"rec-{c.table}-{c.record_id}"


def article_html(dataset: Dataset, lang: str) -> str:
    """The article line by line, cited spans marked and linked to their records; non-story lines set apart."""
    cites = citations(dataset)
    marked = {int(r["line_number"]): r for _, r in dataset.article_lines.iterrows()}
    parts = []
    for number, line in enumerate(dataset.article.split("\n"), 1):
        if not line.strip():
            continue
        if number in marked and marked[number]["kind"] != "title":
            parts.append(
                f'<p class="tm-boilerplate" lang="ar" dir="rtl">{escape(line)}'
                f' <span class="tm-badge" {_attrs(lang)}>{escape(t("not_story", lang))}</span></p>'
            )
            continue
        parts.append(f'<p lang="ar" dir="rtl" id="line-{number}">{_highlight(line, cites, lang)}</p>')
    return f'<div class="tm-article" lang="ar" dir="rtl">{"".join(parts)}</div>'


def _highlight(line: str, cites: list[Citation], lang: str) -> str:
    spans: list[tuple[int, int, Citation]] = []
    for c in cites:
        start = line.find(c.excerpt)
        while start != -1:
            spans.append((start, start + len(c.excerpt), c))
            start = line.find(c.excerpt, start + 1)
    if not spans:
        return escape(line)
    spans.sort(key=lambda s: (s[0], -s[1]))
    merged: list[list] = []
    for start, end, c in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(c)
        else:
            merged.append([start, end, [c]])
    out, cursor = [], 0
    for start, end, group in merged:
        ids = ", ".join(f"{c.table}/{c.record_id}" for c in group)
        out.append(escape(line[cursor:start]))
        out.append(
            f'<mark title="{escape(t("cited_by", lang, ids=ids))}"><a href="#{escape(anchor(group[0]))}">'
            f"{escape(line[start:end])}</a></mark>"
        )
        cursor = end
    out.append(escape(line[cursor:]))
    return "".join(out)


def citation_list_html(dataset: Dataset, lang: str) -> str:
    """The records behind the highlights, each with the anchor the article links to."""
    items = "".join(
        f'<li id="{escape(anchor(c))}"><code>{escape(c.table)}/{escape(c.record_id)}</code>: '
        f'<span lang="ar" dir="rtl">{escape(c.excerpt)}</span></li>'
        for c in citations(dataset)
    )
    return f'<ul class="tm-citations" {_attrs(lang)}>{items}</ul>'


_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()#+-.!|<>~$:=&\"'")


def markdown_literal(text: str) -> str:
    """Text for a Streamlit element that renders Markdown (st.warning, st.caption, st.subheader,
    metric labels), with every Markdown/HTML character backslash-escaped so it shows literally."""
    return "".join(f"\\{ch}" if ch in _MARKDOWN_SPECIAL else ch for ch in text)


def style_html(stylesheet: str) -> str:
    """Our own CSS (components.style, never data) in a style element; ``</`` is refused so it cannot end
    the element."""
    if "</" in stylesheet:
        raise ValueError("the stylesheet must not contain '</'")
    return f"<style>{stylesheet}</style>"


def page_head_html(stylesheet: str, title: str, lang: str, switch: tuple[str, str, str], nav_label: str) -> str:
    """A page's head: the stylesheet, the title (h1) and the link to the same view in the other language,
    as a link with ``hreflang``, so it also works from a phone with the sidebar closed.

    ``switch`` is (label, href, language of the label); only a query on the current page (``?...``) is
    linked, and ``target="_self"`` keeps it in this tab (Streamlit opens other links in a new one)."""
    label, href, switch_lang = switch
    link = ""
    if href.startswith("?"):
        link = (f'<nav class="tm-lang" aria-label="{escape(nav_label)}"><a href="{escape(href)}" target="_self" '
                f'hreflang="{escape(switch_lang)}" lang="{escape(switch_lang)}">{escape(label)}</a></nav>')
    return f'{style_html(stylesheet)}<div class="tm-head" {_attrs(lang)}><h1>{escape(title)}</h1>{link}</div>'


def block(css_class: str, inner_html: str) -> str:
    """A layout wrapper (a grid cell, a spanning block). ``css_class`` is one of ours; ``inner_html`` must
    come from builders in this module."""
    return f'<div class="{escape(css_class)}">{inner_html}</div>'


def heading_html(text: str, lang: str, level: int = 2) -> str:
    return f'<h{level} {_attrs(lang)}>{escape(text)}</h{level}>'


def key_figures_html(figures: list, lang: str, source_label: str) -> str:
    """The key-figures row: value, label, qualifier, and the source sentence on demand (one element)."""
    cards = "".join(
        f'<div class="tm-kf" role="group" aria-label="{escape(f.label)}">'
        f'<div class="tm-kf-label">{escape(f.label)}</div>'
        f'<div class="tm-kf-value">{escape(f.value)}</div>'
        f'<div class="tm-kf-qualifier">{escape(f.qualifier)}</div>'
        f'<details><summary>{escape(source_label)}</summary><p lang="ar" dir="rtl">{escape(f.excerpt)}</p></details>'
        f"</div>"
        for f in figures
    )
    return f'<div class="tm-kfs" {_attrs(lang)}>{cards}</div>'


def section_html(title: str, body: str, quoted: str, attribution: str, lang: str) -> str:
    """A narrative section's text: heading, our own prose, and the verbatim Arabic quote (one element)."""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n") if p.strip())
    return (
        f'<section class="tm-section" {_attrs(lang)}><h2>{escape(title)}</h2>'
        f'<div class="tm-prose">{paragraphs}</div>{quote(quoted, attribution, lang)}</section>'
    )


def details_html(summary: str, inner_html: str, lang: str, css_class: str = "tm-details") -> str:
    """A native disclosure widget: keyboard- and screen-reader-ready with no script and no rerun.
    ``summary`` is escaped; ``inner_html`` must come from a builder in this module."""
    return f'<details class="{css_class}" {_attrs(lang)}><summary>{escape(summary)}</summary>{inner_html}</details>'


DOWNLOAD_PREFIX = "download/"  # components.downloads serves these paths, relative to the app root


def download_links_html(links: list[tuple[str, str, str]], lang: str, css_class: str = "tm-downloads") -> str:
    """Download links (label, href, file name), one line. Only our own ``download/...`` paths are
    linked: anything else is left out rather than trusted."""
    anchors = [
        f'<a href="{escape(href)}" download="{escape(filename)}">{escape(label)}</a>'
        for label, href, filename in links
        if href.startswith(DOWNLOAD_PREFIX) and ":" not in href.split("?")[0]
    ]
    return f'<p class="{css_class}" {_attrs(lang)}>{" ".join(anchors)}</p>' if anchors else ""


def markdown_doc_html(markdown_text: str, summary: str, lang: str) -> str:
    """One of our English Markdown documents (data dictionary, changelog) as HTML in a disclosure, left to
    right on Arabic pages too. Raw HTML in the document is escaped, not passed through."""
    # On one line, like every fragment here: a blank line would end the HTML block in st.markdown, and
    # Streamlit dedents each element's text line by line on every rerun. Newlines left inside text and
    # code blocks become character references, which render the same.
    body = _DOC_RENDERER.render(markdown_text).replace(">\n<", "><").replace("\n", "&#10;")
    return details_html(summary, f'<div class="tm-doc" dir="ltr" lang="en">{body}</div>', lang, css_class="tm-docs")


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "—"
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def table_html(frame: pd.DataFrame, lang: str, caption: str = "", highlight: object = None, index: bool = False) -> str:
    """A plain, accessible HTML table (header cells scoped, caption, page direction); every cell escaped.

    Cheaper to send than st.table and mirrors with the page: the tables are the charts' text
    alternatives, so they must read right to left in Arabic like the prose around them. Each cell
    carries its column's header (``data-label``): on a phone a row reads as a card (components.style).
    """
    columns = ([frame.index.name or ""] if index else []) + [str(c) for c in frame.columns]
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
    rows = []
    for key, row in zip(frame.index, frame.itertuples(index=False), strict=True):
        cells = ([f'<th scope="row">{escape(_cell(key))}</th>'] if index else []) + [
            f'<td data-label="{escape(column)}">{escape(_cell(v))}</td>' for column, v in zip(frame.columns, row, strict=True)
        ]
        marked = ' class="tm-highlight" aria-current="true"' if highlight is not None and key == highlight else ""
        rows.append(f"<tr{marked}>{''.join(cells)}</tr>")
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (
        f'<div class="tm-table" role="region" tabindex="0" aria-label="{escape(caption)}" {_attrs(lang)}>'
        f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
