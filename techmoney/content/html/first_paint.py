"""The first screen from the server: the view a link names, in the page's HTML, before any JavaScript.

Streamlit draws a page only once its JavaScript has loaded, connected and run the script: on a phone
that is seconds of an empty page. So the page routes (techmoney.content.html.previews) also carry the
view itself: the page's layout (techmoney.content.layouts, the blocks the Streamlit page draws, built from
the same cached page content) drawn by one macro per block kind (templates/first_paint_blocks.html), in the
same templates' fragments: title, opening, key figures, sections, tables, source lines, the article; each
chart drawn in its place, in the interactive chart's box, from the images the bake drew of the same figure
(techmoney/content/chart_screen.py; without them, the place says the chart's title, subtitle and source
line). Its controls work without the app: the camp filter is a link per camp, the name picker a form, both
to the same page's views.

The hand-over (templates/first_paint_handover.html, static/head.css): while this block is shown,
Streamlit's root renders hidden beneath it; once the app's last element (``shell.show_rendered``'s
marker) and every chart of the layout are drawn, the block is removed and the app shown in one frame.
The page records how the hand-over ended (``data-tm-handover`` on <html>: "app", or "timeout" when the
app had not drawn the view in time). Readers without JavaScript, and crawlers, keep this block: the
whole text of the view.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import Markup

from techmoney.content import chart_screen, embeds, layouts
from techmoney.content import page_content as contents
from techmoney.content.html import render, style, view_tools
from techmoney.data.dataset import Dataset
from techmoney.data.schema import CAMPS
from techmoney.site import links
from techmoney.site.addresses import ViewState, to_query_params
from techmoney.site.sitemap import PAGES, PAGES_BY_ID
from techmoney.words import facts
from techmoney.words.i18n import LANGS, t

RENDERED_CLASS = "tm-rendered"  # the app's last element on every page and embed: the hand-over waits for it
# The faces the first screen waits for (static/head.css), asked for with the HTML: Arabic pages show Latin
# letters and digits too (Noto Sans), English pages Arabic only in closed disclosures.
FONTS = {
    "ar": ("NotoSansArabic-Bold", "NotoSansArabic-Regular", "NotoSans-Bold", "NotoSans-Regular"),
    "en": ("NotoSans-Bold", "NotoSans-Regular"),
}
HANDOVER_TIMEOUT_MS = 30_000  # a phone that never draws the app still gets it, unfinished, after this long
# The app's DOM as the hand-over reads it, Streamlit's and Plotly's names (canaries: tests/ui/test_internals.py):
# where the app renders (index.html's root), an element whose code is still loading, a chart and its drawn plot.
HANDOVER_DOM = {
    "root_id": "root",
    "loading": '[data-testid="stSkeleton"]',
    "plot": "js-plotly-plot",
    "plot_drawn": "main-svg",
}


@dataclass(frozen=True)
class ChartPlace:
    """Where a chart is drawn: its box as tall as the figure, its images (none: what it says, in words)."""

    title: str
    subtitle: str
    source: str
    height: int  # px; 0: the camp filter left nothing to draw
    empty_notice: str
    table_html: Markup  # only where the page shows no table beside the chart (embeds)
    images: tuple[chart_screen.ScreenImage, ...] = ()  # narrowest first; named by the chart's alt text


def chart_place(chart: contents.ChartContent, lang: str, version: str, with_table: bool = False) -> ChartPlace:
    built = chart.chart
    figure = built.figure
    table = render.table(built.table, lang, caption=built.title) if with_table and figure is not None else ""
    return ChartPlace(
        title=built.title,
        subtitle=built.subtitle,
        source=t("source_line", lang, version=version),
        height=int(figure.layout.height or 0) if figure is not None else 0,
        empty_notice=t("chart_empty", lang, title=built.title),
        table_html=Markup(table),  # rendered and escaped by techmoney.content.html.render  # nosec B704
        images=chart_screen.images(figure, lang, chart.alt),
    )


def _safe(fragment: str) -> Markup:
    """A view model's fragment: rendered, and escaped, by techmoney.content.html.render."""
    return Markup(fragment)  # nosec B704


def first_paint(page: str, view: ViewState, root: str, dataset: Dataset, chart: str | None = None) -> str:
    """The block for ``view`` on ``page`` (``chart``: the embed of that chart). ``root`` is the app's absolute
    root URL, ending in "/" (the links, the citation and the share link start from it)."""
    lang = view.lang
    version = dataset.version
    css = Markup(style.stylesheet(lang))  # our own file, checked to hold no "</" (techmoney/content/html/style.py)  # nosec B704
    common = dict(
        lang=lang,
        safe=_safe,
        rendered_class=RENDERED_CLASS,
        dom=HANDOVER_DOM,
        timeout_ms=HANDOVER_TIMEOUT_MS,
        css=css,
        fonts=FONTS.get(lang, FONTS["ar"]),
    )
    if chart is not None:
        embed = contents.cached(dataset, "embed", lang, view.camps)
        place = chart_place(embed.charts[chart], lang, version, with_table=True)
        return render.render(
            "first_paint_embed.html",
            place=place,
            credit=_safe(embed.credits[chart]),
            height=embeds.embed_height(embed.charts[chart].chart),
            **common,
        )
    layout = layouts.cached(dataset, page, lang, view.camps)
    page_url = root + PAGES_BY_ID[page].url_path
    context = dict(
        layout=layout,
        charts=layouts.drawn_charts(layout),
        view=view,
        page_url=page_url,
        place_of=lambda chart: chart_place(chart, lang, version),
        # The language control as the app draws it: each language named in itself, in the app's order.
        langs=[(code, t(f"lang_{code}", code), links.view_link(page_url, replace(view, lang=code))) for code in LANGS],
        pages=[
            (
                t(other_page.title_key, lang),
                links.view_link(root + other_page.url_path, replace(view, actor=None)),
                other_page.page_id == page,
            )
            for other_page in PAGES
        ],
        lang_nav=t("lang_nav", lang),
        camps_label=t("camp_filter", lang),
        no_camp=t("camp_filter_none", lang),
        camps=camp_links(dataset, page, view, page_url),
        # The view's language and camps, as the fields of a form that changes something else (the name picked).
        view_fields=[
            (key, value)
            for key, values in to_query_params(ViewState(lang=lang, camps=view.camps)).items()
            for value in ([values] if isinstance(values, str) else values)
        ],
        citation_text=links.citation(page_url, view, dataset),
        embed_snippet=lambda picker, chart_id: embeds.embed_snippet(
            page_url, view, chart_id, picker.titles[chart_id], picker.heights[chart_id]
        ),
        # What the app draws under each chart, at the top and at the foot of the page (the panels' own ids).
        tools_html=lambda block: view_tools.chart_tools(
            root,
            block.page_path,
            view,
            block.content.chart.chart_id,
            block.content.chart.title,
            embeds.embed_height(block.content.chart),
            view_tools.FIRST_SCREEN_PREFIX,
        ),
        share_html=lambda block: view_tools.share_bar(root, block.page_id, view, view_tools.FIRST_SCREEN_PREFIX),
        footer_html=lambda block: view_tools.footer(root, block.page_path, view, dataset),
    )
    return render.render("first_paint.html", **context, **common)


@dataclass(frozen=True)
class CampLink:
    """One camp in the first screen's camp filter: a link to the same view with that camp shown or hidden."""

    label: str
    shown: bool
    href: str
    action: str  # the link's accessible name: "Hide: <camp>" or "Show: <camp>"


def camp_links(dataset: Dataset, page: str, view: ViewState, page_url: str) -> list[CampLink]:
    """The camp filter before the app: each camp a link that shows or hides it on this page, in this language
    (the name picked stays while its camp is shown)."""
    found = []
    for camp in CAMPS:
        shown = camp in view.camps
        camps = tuple(c for c in CAMPS if (c in view.camps) != (c == camp))
        actor = view.actor if page == "donors" and facts.camp_of(dataset, view.actor) in camps else None
        label = facts.camp_label(dataset, camp, view.lang)
        found.append(
            CampLink(
                label=label,
                shown=shown,
                href=links.view_link(page_url, ViewState(lang=view.lang, camps=camps, actor=actor)),
                action=t("camp_hide" if shown else "camp_add", view.lang, camp=label),
            )
        )
    return found
