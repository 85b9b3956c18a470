"""The small layer between Streamlit and the pure builders: the cached dataset and page contents, and
how the app shows them (stylesheet, notices, charts, navigation, the language and camp controls).

Only this module, techmoney/ui/session.py and the page modules import streamlit. Everything a page
shows comes from one cached page content per (page, language, camps) (techmoney/content/page_content.py), built
once per process, so a rerun only re-sends what the page shows.
"""

from __future__ import annotations

import contextlib
import functools
import os

import streamlit as st

from techmoney.content import charts, release
from techmoney.content import page_content as contents
from techmoney.content.html import first_paint
from techmoney.content.html.render import markdown_literal, notice_text, render
from techmoney.content.html.style import stylesheet
from techmoney.data.dataset import Dataset, DatasetError, shared_dataset
from techmoney.data.schema import CAMPS
from techmoney.site import addresses, url_state
from techmoney.site.addresses import ViewState
from techmoney.site.sitemap import PAGES
from techmoney.ui import session
from techmoney.words import facts
from techmoney.words.i18n import LANGS, t
from techmoney.words.locale import locale

# The notice shown for each reason the link parser drops a value.
NOTICE_KEYS = {
    url_state.UNKNOWN_VALUE: "notice_dropped",
    url_state.TOO_LONG: "notice_too_long",
    url_state.UNKNOWN_KEY: "notice_unknown_key",
    url_state.REPEATED_KEY: "notice_repeated",
    url_state.OUTSIDE_CAMPS: "notice_outside_camps",
}


def dataset() -> Dataset:
    """The validated dataset, loaded once per server process (raises DatasetError)."""
    return shared_dataset()


def page_content(page_id: str, view: ViewState):
    """What the page shows for this language and these camps (techmoney/content/page_content.py), built
    once per process and shared with the server's first paint."""
    return contents.cached(dataset(), page_id, view.lang, view.camps)


def forget_page_contents() -> None:
    """Build or load the page contents again on next use (tests that edit a copy of data/ or bake)."""
    contents.cached.cache_clear()
    charts.built_chart.cache_clear()
    release.forget()


@functools.cache
def site_root() -> str:
    """The app's absolute root URL, that every absolute link starts from: $TECH_MONEY_PUBLIC_URL, else the
    address the server prints (its own address, or Streamlit's browser.serverAddress when it listens
    everywhere, and the port browsers use)."""
    host = st.get_option("server.address") or ""
    if addresses.listens_everywhere(host):
        host = st.get_option("browser.serverAddress")
    return addresses.site_root(
        os.environ.get(addresses.PUBLIC_URL_ENV),
        host,
        st.get_option("browser.serverPort"),
        st.get_option("server.baseUrlPath") or "",
    )


def inject_style(lang: str) -> None:
    st.html(f"<style>{stylesheet(lang)}</style>")


def html(fragment: str) -> None:
    """Show a fragment rendered (and escaped) by techmoney/content/html/render.py."""
    st.html(fragment)


def show_chart(chart: contents.ChartContent, *, table: bool = True, tools: str = "") -> None:
    """A chart (its title, qualifier subtitle and source line are drawn in the figure, so a downloaded
    image or an embed carries them), then ``tools`` (its data, image, embed and link:
    techmoney/content/html/view_tools.py)
    and, with ``table``, its data table in a native disclosure, in one element. No Plotly toolbar, on a page or
    in an embed: its camera gave a small PNG with the Arabic punctuation misplaced, where the tools give the
    page's own figure in every size."""
    if chart.figure is None:
        st.info(chart.empty_notice)
        return
    st.plotly_chart(
        chart.figure,
        width="stretch",
        key=f"chart-{chart.chart.chart_id}",
        alt=chart.alt,
        config={"displaylogo": False, "responsive": True, "displayModeBar": False},
    )
    below = tools + (chart.table_html if table else "")
    if below:
        html(below)


def show_table(frame, links: dict[str, tuple[str, str]], lang: str, alt: str) -> None:
    """A table to search and sort (Streamlit's grid: its toolbar searches, a click on a header sorts), its
    first column pinned, text aligned to the page's reading side (a cut sentence keeps its beginning), no
    column wider than a phone; ``links``: column -> (the text of its links, what they are) for a column of
    web addresses; ``alt`` names it to a screen reader."""
    align = "right" if locale(lang).direction == "rtl" else "left"
    config = {
        column: st.column_config.TextColumn(alignment=align, pinned=number == 0, width="medium")
        for number, column in enumerate(frame.columns)
    }
    config |= {
        column: st.column_config.LinkColumn(display_text=text, help=about, alignment=align, width="medium")
        for column, (text, about) in links.items()
    }
    st.dataframe(frame, hide_index=True, column_config=config, width="stretch", alt=alt)


def show_embed(view: ViewState) -> None:
    """An embed (``?embed=true&chart=…``): the chart alone, for an iframe."""
    inject_style(view.lang)
    embed = page_content("embed", view)
    show_chart(embed.charts[view.chart], table=False)
    html(embed.credits[view.chart])
    show_rendered()


def show_rendered() -> None:
    """The page's last element: the server's first screen (techmoney/content/html/first_paint.py) gives way to the
    app once it is drawn; its lang and dir are the document's from then on (templates/lang_follower.html)."""
    st.html(_rendered_marker(session.current().lang))


@functools.lru_cache(maxsize=4)
def _rendered_marker(lang: str) -> str:
    return render("rendered_marker.html", cls=first_paint.RENDERED_CLASS, lang=lang)


def show_data_failure(err: DatasetError) -> None:
    """The one page a broken dataset shows: what failed, as file:row:column, in both languages."""
    inject_style(LANGS[0])
    for lang in LANGS:
        st.header(t("data_failed_title", lang), anchor=False)
        st.write(t("data_failed_body", lang))
    st.code("\n".join(str(p) for p in err.problems), language=None)


def show_notices(lang: str) -> None:
    for notice in session.notices():
        # An unknown key's own name is what the reader needs to see; Notice keeps it as the shown value.
        key = notice.shown_value if notice.reason == url_state.UNKNOWN_KEY else notice.key
        st.warning(notice_text(t(NOTICE_KEYS[notice.reason], lang), key, notice.shown_value), icon="ℹ️")


def language_switch() -> None:
    """The two languages, each named in itself; switching keeps the view."""
    session.bound_widget(
        st.segmented_control,
        "lang",
        False,
        label=t("lang_nav", session.current().lang),
        options=LANGS,
        format_func=lambda lang: t(f"lang_{lang}", lang),
        required=True,
        label_visibility="collapsed",
    )


def camp_filter() -> None:
    """The camps shown; its help says who is in each camp and why (our judgement calls said where the
    reader picks)."""
    lang = session.current().lang
    labels, guide = _camp_filter_text(dataset(), lang)
    session.bound_widget(
        st.multiselect,
        "camps",
        True,
        label=t("camp_filter", lang),
        options=CAMPS,
        format_func=labels.get,
        help=guide,
        placeholder=t("camp_filter_none", lang),
    )


def camp_pills() -> None:
    """The same camp filter at the top of the page body, one tap a camp: on a phone the sidebar is hidden
    behind an icon. One row at every width (it scrolls sideways if it must), so the first screen keeps its
    place (templates/first_paint.html, .tm-fp-camps)."""
    lang = session.current().lang
    labels, guide = _camp_filter_text(dataset(), lang)
    with st.container(key="tm-camps"):
        session.bound_widget(
            st.pills,
            "camps",
            True,
            name="campbar",
            label=t("camp_filter", lang),
            options=CAMPS,
            format_func=labels.get,
            help=guide,
            selection_mode="multi",
            wrap=False,
        )


@functools.lru_cache(maxsize=8)
def _camp_filter_text(data: Dataset, lang: str) -> tuple[dict[str, str], str]:
    """Each camp's label, and the filter's help: what it does, then each camp and who is in it (Markdown,
    the data's text shown literally)."""
    labels = {camp: facts.camp_label(data, camp, lang) for camp in CAMPS}
    camps = "\n".join(
        f"- **{markdown_literal(label)}**: {markdown_literal(description)}"
        for label, description in facts.camp_descriptions(data, lang)
    )
    return labels, f"{t('camp_filter_help', lang)}\n\n{camps}"


def navigation(lang: str) -> list[st.Page]:
    """The pages, titled in ``lang``."""
    return [
        st.Page(
            page.script,
            title=t(page.title_key, lang),
            icon=page.icon,
            url_path=page.url_path or None,
            default=page.is_default,
        )
        for page in PAGES
    ]


@contextlib.contextmanager
def lazy_expander(label: str, key: str):
    """An expander whose content is built only while it is open (yields whether it is); its open state
    lives in ``st.session_state[key]``."""
    with st.expander(label, key=key, on_change="rerun") as box:
        yield box.open
