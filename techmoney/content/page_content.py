"""What each page shows for a language and camps (one frozen object a page), built once.

Pure (no Streamlit): the builders below return frozen objects of ready text, HTML fragments and figures
(techmoney/content/charts.py), in one language. ``build`` binds the dataset and the language once (``Words``,
techmoney/words/bound.py); each page content hands it to the content builders (charts, story, people,
cap_explainer), which return text, gathers its own text the same way, and renders last: the HTML layer
(techmoney/content/html/render.py) is handed ready text and labels. Both hosts show one per (dataset, page,
language, camps) (``cached``: the Streamlit pages and the server's first screen,
techmoney/content/html/first_paint.py) and only lay it out, so the path of a number is CSV -> loader
(techmoney/data/dataset.py) -> Words -> builder -> page content -> page.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd

from techmoney.content import cap_explainer, charts, embeds, people, release, story
from techmoney.content.html import render
from techmoney.data import export
from techmoney.data.built_once import built_once
from techmoney.data.dataset import CHANGELOG_FILE, CORRECTIONS_AR_FILE, DICTIONARY_FILE, Dataset
from techmoney.site import addresses
from techmoney.site.addresses import ViewState
from techmoney.site.sitemap import CHART_IDS, PAGES_BY_ID
from techmoney.words import facts
from techmoney.words.bound import Words
from techmoney.words.locale import locale

TRANSLATED_CORRECTIONS = {"ar": CORRECTIONS_AR_FILE}  # language -> the changelog's corrections in it
SUMMARISED_DICTIONARY = ("ar",)  # languages the English data dictionary is summarised in, before it
HEADLINE_WEEK = "ev_allies_talks_begin"  # the Timeline's headline: the week the allies began calling donors
CAP_ANCHOR = "cap"  # the Money page's explanation of the $844,600 cap: the twins chart and refunds link to it
# The Sources page's method (records, data dictionary) and corrections (and changelog): every page's footer links
# to them.
METHOD_ANCHOR, CORRECTIONS_ANCHOR = "method", "corrections"


@dataclass(frozen=True)
class ChartContent:
    chart: charts.Chart
    alt: str  # the chart's accessible name: what it shows, how sure the figures are, where they come from
    table_html: str  # its data as a table in a disclosure: the text alternative (the CSV is among the chart's tools)
    empty_notice: str  # shown in its place when the camp filter leaves nothing to draw

    @property
    def figure(self):
        return self.chart.figure


@dataclass(frozen=True)
class PageContent:
    page_id: str
    lang: str
    camps: tuple[str, ...]
    kicker_html: str  # the line above the headline: the product's name
    title: str  # the page's headline: its story, in a sentence
    intro_html: str  # the opening paragraphs
    empty_notice: str  # shown instead of the page's content when no camp is selected

    @property
    def empty(self) -> bool:
        return not self.camps


@dataclass(frozen=True)
class SectionContent:
    text_html: str  # heading, prose, quote, and the chart's data table
    chart: ChartContent


@dataclass(frozen=True)
class StoryContent(PageContent):
    key_figures_html: str  # "" when no key figure belongs to the camps shown
    sections: tuple[SectionContent, ...]


@dataclass(frozen=True)
class MoneyContent(PageContent):
    goal: ChartContent
    twins: ChartContent
    cap_link_html: str  # from the twins' refunds to the cap's explanation below
    cap_title: str
    allocation: ChartContent  # where each twin's gift went, step by step (public record beside the article)
    cap_html: str  # the explanation beside it, each sentence labelled with where it comes from
    flows: ChartContent
    limits_html: str


@dataclass(frozen=True)
class DonorsContent(PageContent):
    camps_chart: ChartContent
    names: dict[str, str]  # id -> name of the actors in the camps shown, for the picker
    actor_cards: dict[str, str]  # id -> the actor's records as a card
    actors_heading_html: str
    actors_table_html: str  # the names table as HTML (the first screen's, and the page's text alternative)
    actors_frame: pd.DataFrame  # the same names for a searchable, sortable grid (no ids; no address: None)
    actors_links: dict[str, tuple[str, str]]  # column of actors_frame -> (its links' text, what they are)
    actors_text_html: str  # under the grid: the HTML table in a disclosure, for screen readers and print

    @property
    def actors_html(self) -> str:
        return self.actors_heading_html + self.actors_table_html


@dataclass(frozen=True)
class TimelineContent(PageContent):
    chart: ChartContent
    undated_html: str  # the events without a date, or "" when the filter leaves none


@dataclass(frozen=True)
class SourcesContent(PageContent):
    chart_titles: dict[str, str]  # chart id -> title, for the embed picker
    embed_default: str  # the chart the picker starts on: the first with something to draw for the camps
    embed_heights: dict[str, int]  # chart id -> the iframe's height: the chart's plus the embed page's margin
    downloads_html: str
    article_html: str
    documents_html: str  # the method: cited records and the data dictionary
    corrections_html: str  # the corrections (in Arabic on Arabic pages) and the changelog

    @property
    def empty(self) -> bool:
        return False  # the article, the files and how to cite do not depend on the camps shown


@dataclass(frozen=True)
class EmbedContent:
    charts: dict[str, ChartContent]
    credits: dict[str, str]  # chart id -> the credit under it: the site, linked to the full view (embeds.credit_html)


def chart_content(words: Words, chart_id: str, camps: tuple[str, ...]) -> ChartContent:
    dataset, lang = words.dataset, words.lang
    built = charts.built_chart(words, chart_id, camps)
    source = words.t("source_line", version=dataset.version)
    table = render.details(
        words.t("chart_table"), render.table(built.table, lang, caption=built.title), lang, css_class="tm-chart-table"
    )
    return ChartContent(
        built,
        f"{built.title}. {built.subtitle} {source}",
        table,
        words.t("chart_empty", title=render.markdown_literal(built.title)),
    )


def headline(words: Words, page_id: str) -> facts.Traced:
    """A page's headline, as a desk would write it: the page's story in one sentence, its figures from the records
    it declares (the product's name is the kicker above it)."""
    if page_id == "story":
        goal = words.figure(facts.GOAL_FACT).amount
        return facts.Traced(words.t("headline_story", goal=goal), (facts.GOAL_FACT,))
    if page_id == "timeline":
        talks = words.dataset.by_id("events")[HEADLINE_WEEK]
        return facts.Traced(words.t("headline_timeline", when=words.date(talks["date"][:7], "month")), (HEADLINE_WEEK,))
    return facts.Traced(words.t(f"headline_{page_id}"), ())


@dataclass(frozen=True)
class _PageText:
    """The text every page opens with, before it is rendered."""

    kicker: str  # the product's name
    title: str
    intro: str  # the opening paragraphs, one a line
    empty_notice: str


def _page_text(words: Words, page_id: str, camps: tuple[str, ...], *intro_keys: str) -> _PageText:
    return _PageText(
        words.t("app_title"),
        headline(words, page_id).text,
        "\n".join(words.t(key) for key in intro_keys),
        words.t("empty_filter_pick_above" if camps else "empty_no_camp_pick_above"),
    )


def _opening(text: _PageText, page_id: str, lang: str, camps: tuple[str, ...], intro_html: str = "") -> dict:
    """The fields every page content has, rendered (``intro_html``: more opening, after the paragraphs)."""
    return dict(
        page_id=page_id,
        lang=lang,
        camps=camps,
        kicker_html=render.kicker(text.kicker, lang),
        title=text.title,
        intro_html=render.prose(text.intro, lang) + intro_html,
        empty_notice=text.empty_notice,
    )


def _common(words: Words, page_id: str, camps: tuple[str, ...], *intro_keys: str, intro_html: str = "") -> dict:
    return _opening(_page_text(words, page_id, camps, *intro_keys), page_id, words.lang, camps, intro_html)


def story_content(words: Words, camps: tuple[str, ...]) -> StoryContent:
    """The Story page: its text first (opening, key figures, sections and their charts, the link to the cap's
    explanation, the labels), then its HTML."""
    opening = _page_text(words, "story", camps, "app_tagline", "story_intro_pick_above")
    figures = story.key_figures(words, camps)
    sections = story.sections(words, camps)
    charts_shown = [chart_content(words, section.chart_id, camps) for section in sections]
    cap_label, cap_href = cap_link(words, page=PAGES_BY_ID["money"].url_path)
    heading, excerpt, sources = words.t("key_figures"), words.t("col_excerpt"), words.t("outside_sources")

    lang = words.lang  # the HTML, top to bottom
    opened = _opening(opening, "story", lang, camps)
    to_cap = render.page_link(cap_label, cap_href, lang)
    key_figures = ""
    if figures:
        key_figures = (
            render.heading(heading, lang)
            + render.key_figures_row(figures, lang, excerpt, sources)
            + (to_cap if any(f.camp == "pro_trump" for f in figures) else "")
        )
    section_contents = []
    for section, chart in zip(sections, charts_shown, strict=True):
        more = (chart.table_html if chart.figure is not None else "") + (to_cap if section.chart_id == "twins" else "")
        paragraphs = [p.text for p in section.paragraphs]
        text = render.section(section.title, paragraphs, lang, more, sources=section.sources, sources_label=sources)
        section_contents.append(SectionContent(text, chart))
    return StoryContent(**opened, key_figures_html=key_figures, sections=tuple(section_contents))


def cap_link(words: Words, page: str = "") -> tuple[str, str]:
    """The link to the explanation of the cap, as (text, address): an anchor on the Money page, or from another
    page the Money page in the same language (a new page load, which scrolls to the anchor once it is drawn)."""
    query = addresses.query_string(ViewState(lang=words.lang))
    href = f"{page}{'?' + query if query and page else ''}#{CAP_ANCHOR}"
    return words.t("cap_link", cap=words.figure(facts.LIMIT_FACT).full_text), href


def money_content(words: Words, camps: tuple[str, ...]) -> MoneyContent:
    """The Money page: its text first (opening, the cap's explanation and link, the limits), then its HTML."""
    opening = _page_text(words, "money", camps, "money_intro")
    cap_label, cap_href = cap_link(words)
    cap_title, cap_sentences, source_prefix = (
        cap_explainer.title(words),
        cap_explainer.explainer(words),
        words.t("source_prefix"),
    )
    limits, limits_title, limits_note = charts.limits_table(words), words.t("limits_title"), words.t("limits_note")
    chart = functools.partial(chart_content, words, camps=camps)
    goal, twins, allocation, flows = chart("goal"), chart("twins"), chart("allocation"), chart("flows")

    lang = words.lang  # the HTML, top to bottom
    return MoneyContent(
        **_opening(opening, "money", lang, camps),
        goal=goal,
        twins=twins,
        cap_link_html=render.page_link(cap_label, cap_href, lang),
        cap_title=cap_title,
        allocation=allocation,
        cap_html=render.explainer(cap_sentences, lang, source_prefix),
        flows=flows,
        limits_html=render.heading(limits_title, lang)
        + render.prose(limits_note, lang)
        + render.table(limits, lang, caption=limits_title),
    )


def donors_content(words: Words, camps: tuple[str, ...]) -> DonorsContent:
    dataset, lang = words.dataset, words.lang
    names = facts.actor_names(dataset, lang, camps)
    actors = people.actors_table(words, camps)
    record = people.record_column(words)
    table = render.table(actors, lang, caption=words.t("actors_table"), links={record: words.t("record_link")})
    frame = actors.reset_index(drop=True)
    return DonorsContent(
        **_common(words, "donors", camps, "donors_intro"),
        camps_chart=chart_content(words, "camps", camps),
        names=names,
        actor_cards={actor_id: _actor_card_html(people.actor_card(words, actor_id), lang) for actor_id in names},
        actors_heading_html=render.heading(words.t("actors_table"), lang),
        actors_table_html=table,
        actors_frame=frame.assign(**{record: frame[record].where(frame[record] != "", None)}),
        actors_links={record: (words.t("record_link"), words.t("record_help"))},
        actors_text_html=render.details(words.t("actors_table_text"), table, lang, css_class="tm-chart-table"),
    )


def _actor_card_html(card: people.ActorCard, lang: str) -> str:
    return render.heading(card.heading, lang) + render.actor_card(
        card.name, card.role, card.camp_label, card.color, lang, list(card.lines)
    )


def timeline_content(words: Words, camps: tuple[str, ...]) -> TimelineContent:
    lang = words.lang
    events = charts.timeline_events(words, camps)
    undated = events[events["when"].isna()]
    undated_html = (
        render.event_list(words.t("undated"), zip(undated["label"], undated["reasoning"], strict=True), lang)
        if len(undated)
        else ""
    )
    return TimelineContent(
        **_common(words, "timeline", camps, "timeline_intro"),
        chart=chart_content(words, "timeline", camps),
        undated_html=undated_html,
    )


def sources_content(words: Words, camps: tuple[str, ...]) -> SourcesContent:
    dataset, lang = words.dataset, words.lang
    view = ViewState(lang=lang, camps=camps)
    built = {chart_id: charts.built_chart(words, chart_id, camps) for chart_id in CHART_IDS}
    bundle = render.download_links(
        [(words.t("download_bundle", version=dataset.version), addresses.bundle_href(), export.bundle_name(dataset))],
        lang,
        css_class="tm-downloads tm-primary",
    )
    more = [(words.t("download_filtered"), addresses.actors_csv_href(view), addresses.actors_csv_filename(view))]
    more += [
        (
            words.t("download_table", name=name, label=words.t(f"table_{name}")),
            addresses.table_csv_href(name),
            f"{name}.csv",
        )
        for name in dataset.tables
    ]
    downloads_html = (
        render.heading(words.t("downloads_heading"), lang)
        + bundle
        + render.details(words.t("download_tables"), render.download_links(more, lang), lang, css_class="tm-docs")
    )
    cited = render.details(words.t("records_heading"), render.citation_list(dataset, lang), lang, css_class="tm-docs")
    corrections = [(CHANGELOG_FILE, "changelog_heading", "en")]
    if lang in TRANSLATED_CORRECTIONS:  # the corrections in the reader's language, before the English changelog
        corrections.insert(0, (TRANSLATED_CORRECTIONS[lang], "corrections_heading", lang))
    documents_html = cited + _documents(words, [(DICTIONARY_FILE, "dictionary_heading", "en")])
    if lang in SUMMARISED_DICTIONARY:  # a short summary in the reader's language before the English dictionary
        documents_html = render.prose(words.t("dictionary_summary"), lang) + documents_html
    found, report, says, unknown = words.english_original()
    original = render.sources_note((found.text, says.text, unknown.text), report, lang, words.t("original_heading"))
    return SourcesContent(
        **_common(words, "sources", camps, "sources_intro", intro_html=original),
        chart_titles={chart_id: chart.title for chart_id, chart in built.items()},
        embed_default=next((i for i, chart in built.items() if chart.figure is not None), CHART_IDS[0]),
        embed_heights={chart_id: embeds.embed_height(chart) for chart_id, chart in built.items()},
        downloads_html=downloads_html,
        article_html=render.article(dataset, lang, words.t("not_story"), lambda group: _cited_by(words, group)),
        documents_html=documents_html,
        corrections_html=_documents(words, corrections),
    )


def _documents(words: Words, documents: list[tuple[str, str, str]]) -> str:
    """Our Markdown documents (file, heading key, the document's language), each in a disclosure."""
    dataset, lang = words.dataset, words.lang
    return "".join(
        render.markdown_document(dataset.documents.get(name, ""), words.t(key), lang, doc_lang)
        for name, key, doc_lang in documents
    )


def _cited_by(words: Words, group) -> str:
    """A highlight's title: the records that cite it, by name (their ids are in the list it links to)."""
    dataset, lang = words.dataset, words.lang
    labels = dict.fromkeys(facts.record_label(dataset, c.table, c.record_id, lang) for c in group)
    return words.t("cited_by", records=locale(lang).join(labels, clauses=True))


def embed_content(words: Words, camps: tuple[str, ...]) -> EmbedContent:
    dataset, lang = words.dataset, words.lang
    return EmbedContent(
        {chart_id: chart_content(words, chart_id, camps) for chart_id in CHART_IDS},
        {chart_id: embeds.credit_html(chart_id, lang, camps, dataset) for chart_id in CHART_IDS},
    )


BUILDERS = {
    "story": story_content,
    "money": money_content,
    "donors": donors_content,
    "timeline": timeline_content,
    "sources": sources_content,
    "embed": embed_content,
}


VIEWS = tuple(BUILDERS)  # the pages and the embeds: what a page content is built for


def build(dataset: Dataset, page_id: str, lang: str, camps: tuple[str, ...]):
    """The page content of a page (or of the embeds, ``page_id="embed"``) for a language and camps."""
    return BUILDERS[page_id](Words(dataset, lang), camps)


@built_once(maxsize=512)  # every (page or embeds, language, camps): 6 x 2 x 16 = 192
def cached(dataset: Dataset, page_id: str, lang: str, camps: tuple[str, ...]):
    """The page content, once per process: loaded from the release's bake when there is one for this
    dataset (techmoney/content/release.py), else built. The Streamlit pages and the server's first screen
    show the same object. Keyed on the dataset object, so a reload never serves stale content. Shared:
    never mutate it."""
    baked = release.for_data(dataset.data_dir)
    found = baked.page_content(page_id, lang, camps) if baked is not None else None
    return found if found is not None else build(dataset, page_id, lang, camps)


def chart(dataset: Dataset, chart_id: str, lang: str, camps: tuple[str, ...]) -> charts.Chart:
    """A chart as the pages show it (from the embeds' page content, which holds every chart)."""
    return cached(dataset, "embed", lang, camps).charts[chart_id].chart
