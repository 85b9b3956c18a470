"""How the app draws a page: the page's layout (techmoney/content/layouts.py), one function per block kind.

The server's first screen draws the same layout from the same blocks (techmoney/content/html/first_paint.py), so
what the reader sees before the app is what the app then draws. The chart picker is a fragment: picking a
chart to embed reruns only the snippet. Picking a name reruns the page: the link to this view at its top,
its share card and the citation at its foot follow the name.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from techmoney.content import embeds, layouts
from techmoney.content.embeds import embed_height
from techmoney.content.html import view_tools
from techmoney.site import links
from techmoney.site.addresses import ViewState
from techmoney.ui import session, shell


def show_page(page_id: str) -> None:
    """The page's layout for the view in the session."""
    view = session.current()
    show(layouts.cached(shell.dataset(), page_id, view.lang, view.camps), view)


def show(blocks: layouts.Layout, view: ViewState) -> None:
    for block in blocks:
        DRAW[type(block)](block, view)


def _title(block: layouts.Title, view: ViewState) -> None:
    st.title(block.text, anchor=False)


def _html(block: layouts.Html, view: ViewState) -> None:
    shell.html(block.fragment)


def _notice(block: layouts.Notice, view: ViewState) -> None:
    st.info(block.text)


def _chart(block: layouts.Chart, view: ViewState) -> None:
    chart = block.content.chart
    tools = (
        ""
        if chart.figure is None
        else view_tools.chart_tools(
            shell.site_root(), block.page_path, view, chart.chart_id, chart.title, embed_height(chart)
        )
    )
    shell.show_chart(block.content, table=block.table, tools=tools)


def _header(block: layouts.Header, view: ViewState) -> None:
    st.header(block.text, anchor=block.anchor or False)


def _caption(block: layouts.Caption, view: ViewState) -> None:
    st.caption(block.text)


def _columns(block: layouts.Columns, view: ViewState) -> None:
    for column, blocks in zip(st.columns(list(block.widths), gap="large"), block.columns, strict=True):
        with column:
            show(blocks, view)


def _scroll(block: layouts.Scroll, view: ViewState) -> None:
    with st.container(height=block.height):
        show(block.blocks, view)


def _citation(block: layouts.Citation, view: ViewState) -> None:
    with st.container(key="tm-cite"):  # the citation reads in the page's direction (static/app.css)
        st.code(
            links.citation(shell.site_root() + block.page_path, view, shell.dataset()), language=None, wrap_lines=True
        )


def _share(block: layouts.Share, view: ViewState) -> None:
    shell.html(view_tools.share_bar(shell.site_root(), block.page_id, view))


def _footer(block: layouts.Footer, view: ViewState) -> None:
    shell.html(view_tools.footer(shell.site_root(), block.page_path, view, shell.dataset()))


@st.fragment
def _embed_picker(block: layouts.EmbedPicker, view: ViewState) -> None:
    """Choosing a chart reruns only the snippet; it starts on a chart with something to draw for the camps."""
    options = list(block.titles)
    chart_id = st.selectbox(
        block.label,
        options,
        format_func=block.titles.get,
        index=options.index(block.default),
        key="embed_chart",
        label_visibility="collapsed",
    )
    st.code(
        embeds.embed_snippet(shell.site_root(), view, chart_id, block.titles[chart_id], block.heights[chart_id]),
        language="html",
        wrap_lines=True,
    )
    st.caption(block.note)


def _donor_picker(block: layouts.DonorPicker, view: ViewState) -> None:
    """The name picked and its records card (picking one reruns the page, whose share bar and footer follow it)."""
    actor = view.actor
    selected = session.bound_widget(
        st.selectbox,
        "actor",
        True,
        value=actor if actor in block.names else None,
        label=block.label,
        options=list(block.names),
        format_func=block.names.get,
        placeholder=block.placeholder,
        index=None,
    )
    if selected:
        shell.html(block.cards[selected])


def open_key(name: str) -> str:
    """Where a disclosure's open state lives in the session ("open-docs": the Sources page's documents)."""
    return f"open-{name}"


def _grid(block: layouts.Grid, view: ViewState) -> None:
    shell.show_table(block.frame, block.links, view.lang, block.label)


def _disclosure(block: layouts.Disclosure, view: ViewState) -> None:
    with shell.lazy_expander(block.label, open_key(block.name)) as shown:
        if shown:
            shell.html(block.fragment)


DRAW: dict[type, Callable] = {
    layouts.Title: _title,
    layouts.Html: _html,
    layouts.Notice: _notice,
    layouts.Chart: _chart,
    layouts.Header: _header,
    layouts.Caption: _caption,
    layouts.Columns: _columns,
    layouts.Scroll: _scroll,
    layouts.Citation: _citation,
    layouts.Share: _share,
    layouts.Footer: _footer,
    layouts.EmbedPicker: _embed_picker,
    layouts.DonorPicker: _donor_picker,
    layouts.Grid: _grid,
    layouts.Disclosure: _disclosure,
}
