"""One view model per page: everything a page shows for a (language, camps) view, built once.

Pure (no Streamlit): the builders below read the dataset and return frozen objects of ready text,
HTML fragments (components/render.py) and figures (components/charts.py). The UI layer caches one
per (dataset, page, language, camps) and the page modules only lay them out, so the path of a
number is CSV -> loader (components/dataset.py) -> builder (charts, story, people) -> view -> page.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components import charts, downloads, export, facts, people, render, story
from components.dataset import CHANGELOG_FILE, DICTIONARY_FILE, Dataset
from components.i18n import t
from components.site import PAGES_BY_ID
from components.url_state import ViewState

MONEY_CHARTS = ("goal", "twins", "flows")


@dataclass(frozen=True)
class ChartView:
    chart: charts.Chart
    alt: str  # the chart's accessible name: what it shows, how sure the figures are, where they come from
    table_html: str  # its data as a table in a disclosure, with the same data as a CSV link
    empty_notice: str  # shown in its place when the camp filter leaves nothing to draw

    @property
    def figure(self):
        return self.chart.figure


@dataclass(frozen=True)
class PageView:
    page_id: str
    lang: str
    camps: tuple[str, ...]
    title: str
    intro_html: str  # the opening paragraphs
    card_link_html: str  # the page's share card ("" on Donors, whose card follows the actor picked)
    empty_notice: str  # shown instead of the page's content when no camp is selected

    @property
    def empty(self) -> bool:
        return not self.camps


@dataclass(frozen=True)
class SectionView:
    text_html: str  # heading, prose, quote, and the chart's data table
    chart: ChartView


@dataclass(frozen=True)
class StoryView(PageView):
    key_figures_html: str  # "" when no key figure belongs to the camps shown
    sections: tuple[SectionView, ...]


@dataclass(frozen=True)
class MoneyView(PageView):
    charts: tuple[ChartView, ...]
    limits_html: str


@dataclass(frozen=True)
class DonorsView(PageView):
    camps_chart: ChartView
    names: dict[str, str]  # id -> name of the actors in the camps shown, for the picker
    actor_cards: dict[str, str]  # id -> the actor's records as a card
    actors: pd.DataFrame  # the names table (indexed by actor id, for the highlight)
    actors_caption: str

    def actor_card_link_html(self, actor: str | None) -> str:
        """The share card of the actor picked (the page's own card when none is)."""
        return _card_link("donors", ViewState(lang=self.lang, actor=actor))

    def actors_table_html(self, selected: str | None) -> str:
        return render.table(self.actors, self.lang, caption=self.actors_caption, highlight=selected, index=True)


@dataclass(frozen=True)
class TimelineView(PageView):
    chart: ChartView
    undated_html: str  # the events without a date, or "" when the filter leaves none


@dataclass(frozen=True)
class SourcesView(PageView):
    chart_titles: dict[str, str]  # chart id -> title, for the embed picker
    downloads_html: str
    article_html: str
    documents_html: str  # cited records, data dictionary and changelog


@dataclass(frozen=True)
class EmbedView:
    charts: dict[str, ChartView]


def chart_view(dataset: Dataset, chart_id: str, lang: str, camps: tuple[str, ...]) -> ChartView:
    built = charts.build_chart(chart_id, dataset, lang, camps)
    source = t("source_line", lang, version=dataset.version)
    csv = render.download_links(
        [(t("download_csv", lang), downloads.chart_csv_href(chart_id, ViewState(lang=lang, camps=camps)),
          downloads.chart_csv_filename(chart_id, lang))], lang)
    table = render.details(t("chart_table", lang), render.table(built.table, lang, caption=built.title) + csv, lang,
                           css_class="tm-chart-table")
    return ChartView(built, f"{built.title}. {built.subtitle} {source}", table,
                     t("chart_empty", lang, title=render.markdown_literal(built.title)))


def _card_link(page_id: str, view: ViewState) -> str:
    return render.download_links(
        [(t("share_card", view.lang), downloads.card_href(page_id, view), downloads.card_filename(page_id, view))],
        view.lang)


def _page(dataset: Dataset, page_id: str, lang: str, camps: tuple[str, ...], *intro_keys: str, card: bool = True) -> dict:
    """The fields every page view has (``card=False``: the page places its own share-card link)."""
    page = PAGES_BY_ID[page_id]
    return dict(page_id=page_id, lang=lang, camps=camps,
                title=t("app_title" if page.is_default else page.title_key, lang),
                intro_html=render.prose("\n".join(t(key, lang) for key in intro_keys), lang),
                card_link_html=_card_link(page_id, ViewState(lang=lang)) if card else "",
                empty_notice=t("empty_filter", lang))


def story_view(dataset: Dataset, lang: str, camps: tuple[str, ...]) -> StoryView:
    figures = story.key_figures(dataset, lang, camps)
    sections = []
    for section in story.sections(dataset, lang, camps):
        chart = chart_view(dataset, section.chart_id, lang, camps)
        text = render.section(section.title, section.body, section.quote, t("col_excerpt", lang), lang,
                              chart.table_html if chart.figure is not None else "")
        sections.append(SectionView(text, chart))
    key_figures = ""
    if figures:
        key_figures = render.heading(t("key_figures", lang), lang) + render.key_figures(figures, lang,
                                                                                       t("col_excerpt", lang))
    return StoryView(**_page(dataset, "story", lang, camps, "app_tagline", "story_intro"),
                     key_figures_html=key_figures, sections=tuple(sections))


def money_view(dataset: Dataset, lang: str, camps: tuple[str, ...]) -> MoneyView:
    limits = render.table(charts.limits_table(dataset, lang), lang, caption=t("limits_title", lang))
    return MoneyView(**_page(dataset, "money", lang, camps, "money_intro"),
                     charts=tuple(chart_view(dataset, chart_id, lang, camps) for chart_id in MONEY_CHARTS),
                     limits_html=render.heading(t("limits_title", lang), lang) + render.prose(t("limits_note", lang),
                                                                                             lang) + limits)


def donors_view(dataset: Dataset, lang: str, camps: tuple[str, ...]) -> DonorsView:
    names = facts.actor_names(dataset, lang, camps)
    return DonorsView(**_page(dataset, "donors", lang, camps, "donors_intro", card=False),
                      camps_chart=chart_view(dataset, "camps", lang, camps), names=names,
                      actor_cards={actor_id: people.actor_card_html(dataset, actor_id, lang) for actor_id in names},
                      actors=people.actors_table(dataset, lang, camps), actors_caption=t("actors_table", lang))


def timeline_view(dataset: Dataset, lang: str, camps: tuple[str, ...]) -> TimelineView:
    events = charts.timeline_events(dataset, lang, camps)
    undated = events[events["when"].isna()]
    undated_html = render.event_list(t("undated", lang), zip(undated["label"], undated["date_reasoning"], strict=True),
                                     lang) if len(undated) else ""
    return TimelineView(**_page(dataset, "timeline", lang, camps, "timeline_intro"),
                        chart=chart_view(dataset, "timeline", lang, camps), undated_html=undated_html)


def sources_view(dataset: Dataset, lang: str, camps: tuple[str, ...]) -> SourcesView:
    view = ViewState(lang=lang, camps=camps)
    bundle = render.download_links(
        [(t("download_bundle", lang, version=dataset.version), downloads.bundle_href(), export.bundle_name(dataset))],
        lang, css_class="tm-downloads tm-primary")
    more = [(t("download_filtered", lang), downloads.actors_csv_href(view), downloads.actors_csv_filename(view))]
    more += [(t("download_table", lang, name=name), downloads.table_csv_href(name), f"{name}.csv")
             for name in dataset.tables]
    downloads_html = (render.heading(t("downloads_heading", lang), lang) + bundle
                      + render.details(t("download_tables", lang), render.download_links(more, lang), lang,
                                       css_class="tm-docs"))
    cited = render.details(t("cited_by", lang, ids="…"), render.citation_list(dataset, lang), lang, css_class="tm-docs")
    documents_html = cited + "".join(render.markdown_document(dataset.documents.get(name, ""), t(key, lang), lang)
                                     for name, key in ((DICTIONARY_FILE, "dictionary_heading"),
                                                       (CHANGELOG_FILE, "changelog_heading")))
    return SourcesView(**_page(dataset, "sources", lang, camps, "sources_intro"),
                       chart_titles={chart_id: charts.build_chart(chart_id, dataset, lang, camps).title
                                     for chart_id in charts.CHART_IDS},
                       downloads_html=downloads_html,
                       article_html=render.article(dataset, lang, t("not_story", lang),
                                                   lambda ids: t("cited_by", lang, ids=ids)),
                       documents_html=documents_html)


def embed_view(dataset: Dataset, lang: str, camps: tuple[str, ...]) -> EmbedView:
    return EmbedView({chart_id: chart_view(dataset, chart_id, lang, camps) for chart_id in charts.CHART_IDS})


BUILDERS = {"story": story_view, "money": money_view, "donors": donors_view, "timeline": timeline_view,
            "sources": sources_view, "embed": embed_view}


def build(dataset: Dataset, page_id: str, lang: str, camps: tuple[str, ...]):
    """The view model of a page (or of the embeds, ``page_id="embed"``) for a language and camps."""
    return BUILDERS[page_id](dataset, lang, camps)
