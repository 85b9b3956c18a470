"""Every chart carries its tools and every view shares itself (techmoney/content/html/view_tools.py), on a phone and a
desktop, in both languages: under each chart its data, its image, its embed and the link to this view, all in
view; at the top of each page the link to this view and its share card; at its foot the release, method,
corrections, contact, licence and citation. Each tool's link answers with the right file for the view's camps,
checked over HTTP (CSV rows, image type and size, the snippet's address), not by clicking each; the panels
open and copy from the keyboard.

Every page is read from the visits the other browser tests share (one per page, language and size), and the
camp-filtered view from test_share_views.py's."""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from PIL import Image

from techmoney.content import chart_images, charts, layouts
from techmoney.data.dataset import shared_dataset
from techmoney.data.schema import CAMPS
from techmoney.site.sitemap import PAGES_BY_ID
from techmoney.words.bound import Words
from techmoney.words.formatting import date_words
from techmoney.words.i18n import t
from tests.e2e import DESKTOP, LANGS, PAGES, PHONE, page_url

SIZES = [pytest.param(PHONE, id="390"), pytest.param(DESKTOP, id="1280")]
MAIN = '[data-testid="stMain"]'
ISOLATES = re.compile("[\u2066-\u2069]")

# Each chart's tools in view: (its accessible name, and for each control its text, whether it is shown and
# inside the window's width).
_TOOLS_JS = """() => [...document.querySelectorAll('[data-testid="stMain"] .tm-tools:not(.tm-share)')].map(group => ({
  label: group.getAttribute('aria-label'),
  controls: [...group.querySelectorAll(':scope > a, :scope > button, .tm-images a')].map(el => {
    const r = el.getBoundingClientRect();
    return {text: el.innerText.trim(), shown: r.width > 0 && r.height >= 20 && r.left >= 0 && r.right <= innerWidth,
            kind: el.tagName === 'A' ? (el.hasAttribute('download') ? 'file' : 'link') : 'panel'};
  }),
}))"""


def _plain(text: str) -> str:
    return " ".join(ISOLATES.sub("", text).split())


def _drawn_titles(page_id: str, lang: str, camps: tuple[str, ...] = CAMPS) -> list[str]:
    """The titles of the charts the page draws, in order (a chart the camps empty is a notice: no tools)."""
    return [
        block.content.chart.title
        for block in layouts.walk(layouts.cached(shared_dataset(), page_id, lang, camps))
        if isinstance(block, layouts.Chart) and block.content.figure is not None
    ]


@pytest.mark.parametrize("viewport", SIZES)
@pytest.mark.parametrize(
    ("app_page", "lang"), [pytest.param(p, lang, id=f"{p.name}-{lang}") for p in PAGES for lang in LANGS]
)
def test_every_chart_shows_its_four_tools_and_every_page_its_share_bar_and_footer(
    shared_visit, app_page, lang, viewport
):
    visit = shared_visit(page_url(app_page.path, lang), viewport=viewport, charts=app_page.has_charts)
    groups = visit.page.evaluate(_TOOLS_JS)
    titles = _drawn_titles(app_page.name, lang)
    assert [_plain(group["label"]) for group in groups] == [
        _plain(t("tools_label", lang, title=title)) for title in titles
    ]
    assert len(groups) == visit.page.locator(f"{MAIN} .js-plotly-plot").count()
    for group in groups:
        kinds = [control["kind"] for control in group["controls"]]
        assert kinds == ["file", "panel", "panel", *["file"] * len(chart_images.DOWNLOAD_KINDS)], group
        assert [_plain(control["text"]) for control in group["controls"][:3]] == [
            _plain(t(key, lang)) for key in ("tool_data", "tool_embed", "tool_link")
        ]
        assert all(control["shown"] for control in group["controls"]), f"a tool out of view: {group}"
    share = visit.page.locator(f"{MAIN} .tm-share")
    assert share.count() == 1
    assert share.get_by_role("button", name=_plain(t("share_link", lang))).is_visible()
    assert share.locator('a[href*="download/card/"]').is_visible()
    footer = visit.page.locator(f"{MAIN} footer.tm-footer")
    assert footer.count() == 1
    text = _plain(footer.inner_text())
    dataset = shared_dataset()
    for shown in (
        dataset.version,
        date_words(dataset.released, "day", lang),
        "CC BY 4.0",
        "MIT",
        dataset.by_id("context_facts")["cnbc_report"]["source_title"],
        _plain(t("footer_method", lang)),
        _plain(t("footer_corrections", lang)),
    ):
        assert _plain(shown) in text, shown
    assert footer.locator("a[dir=ltr]").first.get_attribute("href") == visit.page.url.split("#")[0], (
        "the citation's link"
    )
    anchors = [urlsplit(href).fragment for href in footer.locator("a").evaluate_all("links => links.map(a => a.href)")]
    assert {"method", "corrections"} <= set(anchors)
    if viewport is PHONE:
        visit.screenshot(f"{app_page.name}-tools", lang, "phone")


def _get(visit, href: str):
    """What the server answers for a link of the page (relative to the page, as the browser reads it)."""
    response = visit.page.request.get(visit.page.evaluate("href => new URL(href, location.href).href", href))
    assert response.status == 200, href
    return response


@pytest.mark.parametrize("lang", LANGS)
def test_each_tool_answers_with_the_right_file_for_the_views_camps(shared_visit, lang):
    """/donors?camp=pro_trump: its chart's CSV has the pro-Trump rows, each image its type and size, the embed
    snippet the chart in this language and camps, the links this view."""
    camps = ("pro_trump",)
    visit = shared_visit(page_url("/donors", lang, "camp=pro_trump"), viewport=DESKTOP, charts=True)
    page = visit.page
    (tools,) = page.locator(f"{MAIN} .tm-tools:not(.tm-share)").all()
    built = charts.build_chart(Words(shared_dataset(), lang), "camps", camps)

    csv = _get(visit, tools.locator("a[download$='.csv']").get_attribute("href"))
    assert csv.headers["content-type"].startswith("text/csv") and csv.body().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(csv.body()), encoding="utf-8-sig")
    assert len(frame) == len(built.table) and list(frame.columns) == list(built.table.columns)
    assert [str(v) for v in frame.iloc[:, 0]] == [str(v) for v in built.table.iloc[:, 0]], "the pro-Trump rows"

    links = tools.locator(".tm-images a")
    assert links.count() == len(chart_images.DOWNLOAD_KINDS)
    for number, kind in enumerate(chart_images.DOWNLOAD_KINDS):
        href = links.nth(number).get_attribute("href")
        assert parse_qs(urlsplit(href).query).get("camp") == ["pro_trump"], href
        answer = _get(visit, href)
        assert answer.headers["content-type"].startswith(chart_images.KINDS[kind].media_type), (kind, answer.headers)
        body = answer.body()
        if kind == "svg":
            assert b"<svg" in body[:500] and f'width="{chart_images.PAGE_WIDTH_PX}"'.encode() in body[:2000]
            continue
        size = Image.open(io.BytesIO(body)).size
        expected = chart_images.KINDS[kind].canvas or (chart_images.PAGE_WIDTH_PX * chart_images.PNG_SCALE, size[1])
        assert size == expected and size[1] > 0, (kind, size)

    snippet = tools.locator("textarea[data-tm-copy-text]").input_value()
    (src,) = re.findall(r'<iframe src="([^"]+)"', snippet)
    src = src.replace("&amp;", "&")
    assert src.startswith(visit.server.base_url + "/?")
    assert parse_qs(urlsplit(src).query) == {
        **({"lang": ["en"]} if lang == "en" else {}),
        "camp": ["pro_trump"],
        "chart": ["camps"],
        "embed": ["true"],
    }
    assert "html" in _get(visit, src).headers["content-type"], "the embed answers"

    view = visit.server.base_url + page_url("/" + PAGES_BY_ID["donors"].url_path, lang, "camp=pro_trump")
    assert tools.locator("input[data-tm-copy-text]").input_value() == view
    share = page.locator(f"{MAIN} .tm-share")
    assert share.locator("input[data-tm-copy-text]").input_value() == view
    card = _get(visit, share.locator('a[href*="download/card/"]').get_attribute("href"))
    assert Image.open(io.BytesIO(card.body())).size == (1200, 630)
    assert page.locator(f"{MAIN} footer a[dir=ltr]").first.get_attribute("href") == view


def test_a_panel_opens_from_the_keyboard_selects_its_text_copies_it_and_closes_with_escape(shared_visit):
    visit = shared_visit(page_url("/money", "en"), viewport=DESKTOP, charts=True)
    page = visit.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=visit.server.base_url)
    button = page.locator(f'{MAIN} .tm-tool[popovertarget="tm-embed-goal"]')
    button.focus()
    page.keyboard.press("Enter")
    panel = page.locator(f"{MAIN} #tm-embed-goal")
    page.wait_for_function("() => document.querySelector('#tm-embed-goal').matches(':popover-open')")
    field = panel.locator("textarea")
    # The page's script focuses the field on the popover's toggle event, which comes a task after it opens.
    page.wait_for_function(
        "() => document.activeElement === document.querySelector('#tm-embed-goal textarea')", timeout=5_000
    )
    assert page.evaluate(
        "() => { const f = document.activeElement; return f.selectionEnd - f.selectionStart === f.value.length; }"
    )
    panel.get_by_role("button", name=t("copy", "en")).click()
    panel.locator('[role="status"]', has_text=t("copied", "en")).wait_for(timeout=5_000)  # said, once copied
    assert page.evaluate("navigator.clipboard.readText()") == field.input_value()
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('#tm-embed-goal').matches(':popover-open')")
    assert visit.problems() == []
