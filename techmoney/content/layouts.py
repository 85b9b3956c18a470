"""Each page's layout, written once: the blocks a page shows, top to bottom, as plain data.

Two hosts draw a layout, one function or macro per block kind: the Streamlit page (techmoney/ui/layout.py)
and the server's first screen (techmoney/content/html/first_paint.py with templates/first_paint_blocks.html). The
chart a page's link embeds and the number of charts the hand-over waits for are read from it too, so the
page, its first screen and its embeds cannot disagree on what the page shows.

A layout is built from the page content of one language and camps (techmoney/content/page_content.py):
its blocks hold ready text, rendered fragments and charts. What only a host knows (the page's address, the
name picked) a block names and the host fills in: the links to copy under each chart, at the top of the page
and in its footer start from the host's root (techmoney/content/html/view_tools.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from techmoney.content import page_content as contents
from techmoney.content.page_content import (
    CAP_ANCHOR,
    CORRECTIONS_ANCHOR,
    METHOD_ANCHOR,
    ChartContent,
    DonorsContent,
    MoneyContent,
    PageContent,
    SourcesContent,
    StoryContent,
    TimelineContent,
)
from techmoney.data.built_once import built_once
from techmoney.data.dataset import Dataset
from techmoney.data.schema import CAMPS
from techmoney.site.sitemap import PAGES_BY_ID
from techmoney.words.i18n import t

# --------------------------------------------------------------------------- the block kinds


@dataclass(frozen=True)
class Title:
    kind: ClassVar[str] = "title"
    text: str


@dataclass(frozen=True)
class Html:
    """A fragment rendered, and escaped, by techmoney/content/html/render.py."""

    kind: ClassVar[str] = "html"
    fragment: str


@dataclass(frozen=True)
class Notice:
    """A short notice in an info box (plain words: Streamlit reads them as Markdown)."""

    kind: ClassVar[str] = "notice"
    text: str


@dataclass(frozen=True)
class Chart:
    """A chart, or its notice when the camps leave it nothing to draw; under a chart its tools (its data, its
    image, its embed, the link to this view: the page at ``page_path``), then with ``table`` its data table."""

    kind: ClassVar[str] = "chart"
    content: ChartContent
    page_path: str
    table: bool = True


@dataclass(frozen=True)
class Header:
    kind: ClassVar[str] = "header"
    text: str
    anchor: str = ""  # the id links jump to; "" for none


@dataclass(frozen=True)
class Caption:
    kind: ClassVar[str] = "caption"
    text: str


@dataclass(frozen=True)
class Columns:
    """Side by side on a wide screen (each column as wide as its share of ``widths``), stacked on a phone."""

    kind: ClassVar[str] = "columns"
    widths: tuple[int, ...]
    columns: tuple[tuple[Block, ...], ...]


@dataclass(frozen=True)
class Scroll:
    """Blocks in a box of fixed height that scrolls."""

    kind: ClassVar[str] = "scroll"
    height: int  # px
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Citation:
    """How to cite this view: a sentence with the dataset's version and date and the view's link (each host
    puts its root before ``page_path``)."""

    kind: ClassVar[str] = "citation"
    page_path: str


@dataclass(frozen=True)
class Share:
    """The link to this view, to copy, and its share card (on Donors the card of the camps and the name picked)."""

    kind: ClassVar[str] = "share"
    page_id: str


@dataclass(frozen=True)
class Footer:
    """The page's foot: the release, the method, the corrections, the contact, the licence and how to cite this
    view (the page at ``page_path``)."""

    kind: ClassVar[str] = "footer"
    page_path: str


@dataclass(frozen=True)
class EmbedPicker:
    """A chart to embed, and the snippet that embeds it in this view's language and camps."""

    kind: ClassVar[str] = "embed_picker"
    label: str
    titles: Mapping[str, str]  # chart id -> title, in the order offered
    default: str  # the chart it starts on: the first with something to draw for the camps
    heights: Mapping[str, int]  # chart id -> the iframe's height without script
    note: str  # under the snippet: the link works in a CMS that reads oEmbed


@dataclass(frozen=True)
class DonorPicker:
    """A name to pick (the view's ``actor``) and that name's records as a card."""

    kind: ClassVar[str] = "donor_picker"
    label: str
    placeholder: str
    names: Mapping[str, str]  # actor id -> name, the actors of the camps shown
    cards: Mapping[str, str]  # actor id -> the records card
    button: str  # the first screen's form: the button that shows the name picked


@dataclass(frozen=True, eq=False)
class Grid:
    """A table to search and sort (the app's grid); the first screen shows ``table_html``, the same rows as an
    HTML table."""

    kind: ClassVar[str] = "grid"
    frame: pd.DataFrame
    links: Mapping[str, tuple[str, str]]  # column -> (its links' text, what they are)
    label: str  # its accessible name
    table_html: str


@dataclass(frozen=True)
class Disclosure:
    """A long fragment behind its label, sent only once a reader opens it."""

    kind: ClassVar[str] = "disclosure"
    name: str  # names the open state (Streamlit's session state key)
    label: str
    fragment: str


Block = (
    Title
    | Html
    | Notice
    | Chart
    | Header
    | Caption
    | Columns
    | Scroll
    | Citation
    | Share
    | Footer
    | EmbedPicker
    | DonorPicker
    | Grid
    | Disclosure
)
Layout = tuple[Block, ...]


# --------------------------------------------------------------------------- the pages


def story(page: StoryContent) -> Layout:
    """Key figures, then each narrative section beside the chart that carries its figures."""
    return (
        *head(page, page.key_figures_html),
        *when(not page.empty and not page.sections, Notice(page.empty_notice)),  # camps shown, none with a section
        *(
            Columns(
                widths=(2, 3),
                columns=(
                    (Html(section.text_html),),
                    (Chart(section.chart, path(page), table=False),),
                ),
            )
            for section in page.sections
        ),
        foot(page),
    )


def money(page: MoneyContent) -> Layout:
    """The $100M+ estimate, the twins' gifts and the cap, where each twin's gift went under the cap (beside
    its explanation), where the money goes, and the legal limits."""
    return (
        *head(page),
        *when(
            not page.empty,
            Chart(page.goal, path(page)),
            Chart(page.twins, path(page)),
            Html(page.cap_link_html),
            Header(page.cap_title, anchor=CAP_ANCHOR),
            Columns(
                widths=(3, 2),
                columns=(
                    (Chart(page.allocation, path(page)),),
                    (Html(page.cap_html),),
                ),
            ),
            Chart(page.flows, path(page)),
        ),
        Html(page.limits_html),
        foot(page),
    )


def donors(page: DonorsContent) -> Layout:
    """A name's records, amounts by camp, and everyone the article names in the camps shown."""
    lang = page.lang
    picker = DonorPicker(
        label=t("actor_select", lang),
        placeholder=t("actor_none", lang),
        names=page.names,
        cards=page.actor_cards,
        button=t("actor_show", lang),
    )
    return (
        *head(page),
        *when(
            not page.empty,
            picker,
            Chart(page.camps_chart, path(page)),
            Html(page.actors_heading_html),
            Grid(page.actors_frame, page.actors_links, t("actors_grid", lang), page.actors_table_html),
            Html(page.actors_text_html),
        ),
        foot(page),
    )


def timeline(page: TimelineContent) -> Layout:
    """Dated events on a time axis; the undated ones listed apart."""
    return (
        *head(page),
        *when(
            not page.empty,
            Chart(page.chart, path(page)),
            *when(page.undated_html, Html(page.undated_html)),
        ),
        foot(page),
    )


def sources(page: SourcesContent) -> Layout:
    """How to cite and embed, the downloads, the article with its cited sentences marked, the method (records and
    dictionary) and the corrections (the footer of every page links to these two)."""
    lang = page.lang
    return (
        *head(page),
        Header(t("cite_heading", lang)),
        Citation(path(page)),
        Header(t("embed_heading", lang)),
        Caption(t("embed_help", lang)),
        EmbedPicker(
            label=t("embed_heading", lang),
            titles=page.chart_titles,
            default=page.embed_default,
            heights=page.embed_heights,
            note=t("embed_oembed", lang),
        ),
        Html(page.downloads_html),
        Header(t("article_heading", lang)),
        Scroll(height=520, blocks=(Html(page.article_html),)),
        Header(t("method_heading", lang), anchor=METHOD_ANCHOR),
        Disclosure(name="docs", label=t("docs_heading", lang), fragment=page.documents_html),
        Header(t("corrections_section", lang), anchor=CORRECTIONS_ANCHOR),
        Disclosure(name="corrections", label=t("corrections_docs", lang), fragment=page.corrections_html),
        foot(page),
    )


def head(page: PageContent, more_html: str = "") -> Layout:
    """A page's kicker (the product's name), its headline, its opening, the link to this view and its share card,
    then ``more_html``; when no camp is shown, the notice that says so."""
    return (
        Html(page.kicker_html),
        Title(page.title),
        Html(page.intro_html),
        Share(page.page_id),
        *when(more_html, Html(more_html)),
        *when(page.empty, Notice(page.empty_notice)),
    )


def foot(page: PageContent) -> Footer:
    return Footer(path(page))


def path(page: PageContent) -> str:
    """The page's address, relative to the app's root."""
    return PAGES_BY_ID[page.page_id].url_path


def when(condition: object, *blocks: Block) -> Layout:
    return blocks if condition else ()


LAYOUTS = {"story": story, "money": money, "donors": donors, "timeline": timeline, "sources": sources}


# --------------------------------------------------------------------------- reading a layout


@built_once(maxsize=512)  # every (page, language, camps): 5 x 2 x 16 = 160
def cached(dataset: Dataset, page_id: str, lang: str, camps: tuple[str, ...]) -> Layout:
    """The layout of a page for a language and camps, once per process: both hosts read the same one."""
    return LAYOUTS[page_id](contents.cached(dataset, page_id, lang, camps))


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block, those inside columns and boxes included, in reading order."""
    for block in blocks:
        yield block
        if isinstance(block, Columns):
            for column in block.columns:
                yield from walk(column)
        elif isinstance(block, Scroll):
            yield from walk(block.blocks)


def drawn_charts(blocks: Layout) -> int:
    """How many charts the page draws (a chart the camps leave empty is a notice): the hand-over waits for them."""
    return sum(isinstance(block, Chart) and block.content.figure is not None for block in walk(blocks))


def chart_ids(blocks: Layout) -> tuple[str, ...]:
    """The charts a page shows, in order, or offers to embed (Sources)."""
    found: list[str] = []
    for block in walk(blocks):
        if isinstance(block, Chart):
            found.append(block.content.chart.chart_id)
        elif isinstance(block, EmbedPicker):
            found.extend(block.titles)
    return tuple(dict.fromkeys(found))


def main_chart(dataset: Dataset, page_id: str, lang: str, camps: tuple[str, ...]) -> str:
    """The chart a page's link embeds: the first of the page's charts that the camps leave something in (those
    it shows for these camps first, then those it shows for all); none: its first, with its notice."""
    ids = tuple(
        dict.fromkeys(
            chart_ids(cached(dataset, page_id, lang, camps)) + chart_ids(cached(dataset, page_id, lang, CAMPS))
        )
    )
    drawn = (chart_id for chart_id in ids if contents.chart(dataset, chart_id, lang, camps).figure is not None)
    return next(drawn, ids[0])
