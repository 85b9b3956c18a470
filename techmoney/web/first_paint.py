"""The first screen from the server: the view a link names, in the page's HTML, before any JavaScript.

Streamlit draws a page only once its JavaScript has loaded, connected and run the script: on a phone
that is seconds of an empty page (issue 22). So the page routes (techmoney.web.previews) also carry the
view itself, rendered here from the same page content (techmoney.content.page_content, one cached object per
view and process, the one the Streamlit page shows) and the same templates: title, opening, key
figures, sections, tables, source lines, the article; each chart's place as tall as its figure, with
its title, subtitle and source line (and its data table, which the page shows beside it).

The hand-over (templates/first_paint_handover.html, static/head.css): while this block is shown,
Streamlit's root renders hidden beneath it; once the app's last element (``ui.show_rendered``'s
marker) and every chart of the view are drawn, the block is removed and the app shown in one frame.
Readers without JavaScript, and crawlers, keep this block: the whole text of the view.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from markupsafe import Markup

from techmoney.content import embeds, render, style
from techmoney.content import page_content as contents
from techmoney.data.dataset import Dataset
from techmoney.web import links
from techmoney.data.schema import CAMPS
from techmoney.words import facts
from techmoney.words.addresses import ViewState
from techmoney.words.i18n import LANGS, t
from techmoney.words.site import PAGES, PAGES_BY_ID

RENDERED_CLASS = "tm-rendered"  # the app's last element on every page and embed: the hand-over waits for it
# The faces the first screen waits for (static/head.css), asked for with the HTML: Arabic pages show Latin
# letters and digits too (Noto Sans), English pages Arabic only in closed disclosures.
FONTS = {"ar": ("NotoSansArabic-Bold", "NotoSansArabic-Regular", "NotoSans-Bold", "NotoSans-Regular"),
         "en": ("NotoSans-Bold", "NotoSans-Regular")}
HANDOVER_TIMEOUT_MS = 30_000  # a phone that never draws the app still gets it, unfinished, after this long


@dataclass(frozen=True)
class ChartPlace:
    """Where a chart will be drawn: its box as tall as the figure, and what it says in words."""

    title: str
    subtitle: str
    source: str
    height: int  # px; 0: the camp filter left nothing to draw
    empty_notice: str
    table_html: Markup  # only where the page shows no table beside the chart (embeds)


def chart_place(chart: contents.ChartContent, lang: str, version: str, with_table: bool = False) -> ChartPlace:
    built = chart.chart
    figure = built.figure
    table = render.table(built.table, lang, caption=built.title) if with_table and figure is not None else ""
    return ChartPlace(title=built.title, subtitle=built.subtitle, source=t("source_line", lang, version=version),
                      height=int(figure.layout.height or 0) if figure is not None else 0,
                      empty_notice=t("chart_empty", lang, title=built.title),
                      table_html=Markup(table))  # rendered and escaped by techmoney.content.render  # nosec B704


def _safe(fragment: str) -> Markup:
    """A view model's fragment: rendered, and escaped, by techmoney.content.render."""
    return Markup(fragment)  # nosec B704


def first_paint(page: str, view: ViewState, root: str, dataset: Dataset, chart: str | None = None) -> str:
    """The block for ``view`` on ``page`` (``chart``: the embed of that chart). ``root`` is the app's absolute
    root URL, ending in "/" (the links, the citation and the share link start from it)."""
    lang = view.lang
    version = dataset.version
    css = Markup(style.stylesheet(lang))  # our own file, checked to hold no "</" (techmoney/content/style.py)  # nosec B704
    common = dict(lang=lang, safe=_safe, rendered_class=RENDERED_CLASS, timeout_ms=HANDOVER_TIMEOUT_MS, css=css,
                  fonts=FONTS.get(lang, FONTS["ar"]))
    if chart is not None:
        embed = contents.cached(dataset, "embed", lang, view.camps)
        place = chart_place(embed.charts[chart], lang, version, with_table=True)
        return render.render("first_paint_embed.html", place=place, height=embeds.embed_height(embed.charts[chart].chart), **common)
    model = contents.cached(dataset, page, lang, view.camps)
    places = {name: chart_place(value, lang, version) for name, value in vars(model).items()
              if isinstance(value, contents.ChartContent)}
    if page == "story":
        places.update({f"section{i}": chart_place(s.chart, lang, version) for i, s in enumerate(model.sections)})
    other = next(code for code in LANGS if code != lang)
    page_url = root + PAGES_BY_ID[page].url_path
    context = dict(
        page=page, view=model, places=places, actor=view.actor if page == "donors" else None,
        charts=0 if model.empty else sum(place.height > 0 for place in places.values()),
        other_lang=other, other_lang_label=t(f"lang_{other}", other), lang_label=t(f"lang_{lang}", lang),
        other_lang_href=links.view_link(page_url, ViewState(lang=other, camps=view.camps, actor=view.actor)),
        pages=[(t(other_page.title_key, lang), links.view_link(root + other_page.url_path, replace(view, actor=None)),
                other_page.page_id == page) for other_page in PAGES],
        lang_nav=t("lang_nav", lang), camps_label=t("camp_filter", lang),
        camp_labels=[facts.camp_label(dataset, camp, lang) for camp in view.camps] or [t("camp_filter_none", lang)],
        camp_pills=[(facts.camp_label(dataset, camp, lang), camp in view.camps) for camp in CAMPS],
        **_sources(model, view, page_url, dataset),
    )
    return render.render("first_paint.html", **context, **common)


def _sources(model: contents.PageContent, view: ViewState, page_url: str, dataset: Dataset) -> dict:
    """What the Sources page shows around its view model: the citation, the share link, the embed snippet
    of the chart its picker starts on."""
    if not isinstance(model, contents.SourcesContent):
        return {}
    lang = view.lang
    chart = model.embed_default
    return dict(
        cite_heading=t("cite_heading", lang),
        citation=links.citation(page_url, view, dataset),
        share_label=t("share_link", lang), share_link=links.view_link(page_url, view),
        embed_heading=t("embed_heading", lang), embed_help=t("embed_help", lang),
        embed_snippet=links.embed_snippet(page_url, view, chart, model.chart_titles[chart], model.embed_heights[chart]),
        article_heading=t("article_heading", lang), docs_heading=t("docs_heading", lang),
    )

