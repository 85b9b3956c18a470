"""Issue 14: charts and pages read right on every screen from 360 to 1440 px, in both languages; issue 24: so
do their hover labels.

Each chart page is loaded once per language (all eight at once) and its window narrowed through the widths, widest first
(Streamlit collapses the sidebar as a window narrows, as it does when a page opens that narrow). At each
width, once Plotly has laid the charts out again, one pass measures every chart text; at a desktop's and a
phone's width a screenshot of the whole page goes to ``test-artifacts/layout/<page>-<lang>-<width>.jpg``. Each test reads one finding
from those measurements, so a failure names the check, the width and by how much. The Sources page (code
left to right) and the Donors page filtered to one camp (the name picker) are loaded once each.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from tests.e2e import LANGS, PAGES, ROOT, TABLES, page_url
from tests.e2e.conftest import ARTIFACTS, Visitor

WIDTHS = (1440, 1280, 1024, 768, 390, 360)  # widest first (see the module docstring)
PHONES = (390, 360)
HOVER_WIDTHS = (1440, 360)  # a hover label is measured on the widest screen and the narrowest phone
START_HEIGHT = 900
GROWTH = 2.5  # the window starts this much taller than the page at 1440 px (pages grow as they narrow)
CHART_PAGES = [p for p in PAGES if p.has_charts]
PAGE_LANGS = [pytest.param(p, lang, id=f"{p.name}-{lang}") for p in CHART_PAGES for lang in LANGS]
SHOTS = ARTIFACTS / "layout"
SHOT_WIDTHS = (1280, 390)  # the widths whose screenshots we look at (a page is up to 18,000 px tall)
# The first test measures all eight pages at every width: minutes on a shared two-core machine.
pytestmark = pytest.mark.timeout(900)
DATA = ROOT / "data"
SMALLEST_PX = 11
BARE = "[\\s\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"  # spaces and bidi controls, left out to compare texts

# A watcher in each page notes when the layout last changed (the window, the page's height, a chart's size), so
# pages resized together settle together; a page is ready once its charts are drawn at the window's width and
# nothing has moved for 250 ms.
_WATCH_JS = """() => {
  if (window.__tmWatch) return;
  const key = () => [innerWidth, innerHeight, document.querySelector('[data-testid="stMain"]').scrollHeight,
                     ...[...document.querySelectorAll('.js-plotly-plot')].map(p => `${p._fullLayout?.width}x${p._fullLayout?.height}`)].join();
  let last = key();
  window.__tmChanged = performance.now();
  window.__tmWatch = setInterval(() => { const now = key(); if (now !== last) { last = now; window.__tmChanged = performance.now(); } }, 50);
}"""
_SETTLED_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].every(p => {
    const box = p.closest('[data-testid="stPlotlyChart"]');
    return p._fullLayout && box && Math.abs(p._fullLayout.width - box.clientWidth) <= 1;
  }) && performance.now() - window.__tmChanged > 250"""

# Every chart's texts (titles, subtitles, labels, ticks, legends, notes; not hover labels) and what is
# wrong with each, as readable lines. ``texts`` keeps each text's content and whether it is fully shown.
_CHARTS_JS = r"""({lang, smallest}) => {
  const bare = s => s.replace(/[\s\u00a0\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '');
  const short = s => s.trim().replace(/\s+/g, ' ').slice(0, 45);
  const area = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left))
                       * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
  const inset = (r, dx, dy) => ({left: r.left + dx, right: r.right - dx, top: r.top + dy, bottom: r.bottom - dy});
  // The size drawn: the font size times any scale Plotly applies to fit a label (bar texts shrink that way).
  const px = el => {
    const m = el.getCTM(), scale = m ? Math.hypot(m.a, m.b) : 1;
    return Math.round(10 * scale * Math.min(...[el, ...el.querySelectorAll('tspan')].map(e => parseFloat(getComputedStyle(e).fontSize)))) / 10;
  };
  return [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
    const box = plot.getBoundingClientRect();
    const title = short(plot.querySelector('.gtitle')?.textContent ?? '?');
    const texts = [...plot.querySelectorAll('svg.main-svg text')]
      .filter(el => !el.closest('.hoverlayer') && el.textContent.trim())
      .map(el => ({el, r: el.getBoundingClientRect(), s: el.textContent}))
      .filter(t => t.r.width > 0 && t.r.height > 0 && getComputedStyle(t.el).visibility !== 'hidden');
    const beyond = t => Math.max(box.left - t.r.left, t.r.right - box.right, box.top - t.r.top, t.r.bottom - box.bottom);
    const outside = texts.filter(t => beyond(t) > 1).map(t => `${short(t.s)}: ${Math.round(beyond(t))}px outside`);

    const overlapping = new Set(), overlaps = [];
    texts.forEach((a, i) => texts.slice(i + 1).forEach(b => {
      const shared = area(inset(a.r, 1, 2), inset(b.r, 1, 2));
      if (shared > 4) { overlapping.add(a); overlapping.add(b); overlaps.push(`${short(a.s)} / ${short(b.s)}: ${Math.round(shared)}px²`); }
    }));

    // Text on a mark (a bar, a flow, a node, a marker): points inside the text's box that fall in a mark's shape.
    const marks = [...plot.querySelectorAll('.barlayer path, .scatterlayer .points path, .sankey-link, .node-rect')];
    const inFill = (mark, x, y) => {
      const m = mark.getScreenCTM();
      return !!m && mark.isPointInFill(new DOMPoint(x, y).matrixTransform(m.inverse()));
    };
    const onMarks = texts.filter(t => marks.some(mark => [0.2, 0.35, 0.5, 0.65, 0.8].some(fx => [0.4, 0.6].some(fy =>
      inFill(mark, t.r.left + fx * t.r.width, t.r.top + fy * t.r.height))))).map(t => `${short(t.s)}: on a bar, flow or node`);

    const small = texts.filter(t => px(t.el) < smallest - 0.05).map(t => `${short(t.s)}: ${px(t.el)}px`);

    const toolbars = [...plot.querySelectorAll('.modebar'),
                      ...(plot.closest('[data-testid="stElementContainer"]')?.querySelectorAll('[data-testid="stElementToolbar"]') ?? [])]
      .map(el => el.getBoundingClientRect()).filter(r => r.width > 0 && r.height > 0);
    const covered = texts.filter(t => toolbars.some(r => area(t.r, r) > 4)).map(t => `${short(t.s)}: under the chart toolbar`);

    let latinTicks = [], keysLeft = [];
    if (lang === 'ar') {
      latinTicks = [...plot.querySelectorAll('.xtick text, .ytick text')].map(el => el.textContent)
        .filter(s => /\$|\d\s*[kKMGBT]\b|[A-Za-z]/.test(s));
      // Plotly's own legend: the key (symbol) must sit right of its label.
      keysLeft = [...plot.querySelectorAll('.legend .traces')].map(item => {
        const key = item.querySelector('.legendpoints, .legendsymbols')?.getBoundingClientRect();
        const label = item.querySelector('.legendtext');
        return key && label && key.left < label.getBoundingClientRect().right - 1 ? `${short(label.textContent)}: key left of its label` : null;
      }).filter(Boolean);
      // A key drawn as a glyph (●, ○, ■…) in a text: every letter of its label lies left of it.
      for (const t of texts) {
        const s = t.el.textContent;
        if (!/[\u25A0-\u25FF]/.test(s) || !/[\u0600-\u06FF]/.test(s)) continue;
        const ext = i => { try { return t.el.getExtentOfChar(i); } catch (e) { return null; } };
        for (let i = 0; i < s.length; i++) {
          if (!/[\u25A0-\u25FF]/.test(s[i]) || !ext(i)) continue;
          const glyph = ext(i);
          for (let j = i + 1; j < s.length && !/[\u25A0-\u25FF]/.test(s[j]); j++) {
            const e = /[\u0600-\u06FF]/.test(s[j]) ? ext(j) : null;
            if (e && e.x + e.width > glyph.x + 1) { keysLeft.push(`${short(s)}: key ${s[i]} left of its label`); break; }
          }
        }
      }
    }
    return {title, outside, overlaps, onMarks, small, covered, latinTicks, keysLeft,
            texts: texts.map(t => ({s: bare(t.s), shown: beyond(t) <= 1 && !overlapping.has(t) && px(t.el) >= smallest - 0.05}))};
  });
}"""

# Tables that do not fit, measured with every disclosure open (as a reader opens the charts' data tables),
# then closed again: the table wider than its box, or the box past the window's edge.
_TABLES_JS = """(tables) => {
  const closed = [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stMarkdownContainer"] details:not([open])')];
  closed.forEach(d => { d.open = true; });
  const found = [...document.querySelectorAll(tables)].map(wrapper => {
    const table = wrapper.querySelector('table') ?? wrapper;
    const r = wrapper.getBoundingClientRect();
    const caption = (table.querySelector('caption')?.innerText ?? '').slice(0, 40);
    const wider = table.scrollWidth - wrapper.clientWidth, past = Math.max(-r.left, r.right - innerWidth);
    return wider > 1 || past > 1 ? `${caption}: ${Math.round(Math.max(wider, past))}px too wide` : null;
  }).filter(Boolean);
  closed.forEach(d => { d.open = false; });
  return found;
}"""

# Words broken inside a table cell, with every disclosure open: a word (a line may break after its "/" or "-",
# «يوليو/تموز», "dark-money") whose letters lie on two line boxes, and a figure cell (digits, no space) taller
# than one line. A cell drawn 1 px wide (the header row a phone hides for screen readers) is not read.
_BROKEN_WORDS_JS = r"""(tables) => {
  const closed = [...document.querySelectorAll('[data-testid="stMain"] details:not([open])')];
  closed.forEach(d => { d.open = true; });
  const lines = range => {
    const rects = [...range.getClientRects()].filter(r => r.width > 0.5 && r.height > 0.5);
    if (!rects.length) return 0;
    const height = Math.min(...rects.map(r => r.height)), tops = rects.map(r => r.top);
    return Math.max(...tops) - Math.min(...tops) > height / 2 ? 2 : 1;
  };
  const found = [];
  for (const cell of document.querySelectorAll([...tables.split(',')].map(t => `${t} th, ${t} td`).join(','))) {
    if (cell.getBoundingClientRect().width < 2) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.textContent.matchAll(/[^\s\/-]+[\/-]?/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        if (lines(range) > 1) found.push(`«${word[0]}» broken in «${cell.textContent.trim().slice(0, 40)}»`);
      }
    }
    const text = cell.textContent.trim();
    if (/\d/.test(text) && !/\s/.test(text)) {
      const range = document.createRange();
      range.selectNodeContents(cell);
      if (lines(range) > 1) found.push(`${text}: stacked on more than one line`);
    }
  }
  closed.forEach(d => { d.open = false; });
  return [...new Set(found)];
}"""

_CELLS_JS = """(tables) => [...document.querySelectorAll(tables)].flatMap(t => [...t.querySelectorAll('th, td')])
  .map(cell => cell.textContent.trim())"""


# The centre of every mark a reader can point at (a bar drawn at least 3 px wide or tall, a marker).
_POINTS_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap((plot, chart) =>
  [...plot.querySelectorAll('.barlayer .point path, .scatterlayer .points path')].map(mark => {
    const r = mark.getBoundingClientRect();
    return {chart, x: r.left + r.width / 2, y: r.top + r.height / 2, size: Math.min(r.width, r.height)};
  }).filter(point => point.size >= 3))"""

# The hover label shown in a chart: by how many pixels its text passes the chart's box (null: no label). The
# text, not the box drawn around it: Plotly's room check can leave that box's border a pixel or two over the edge.
_LABEL_JS = """(chart) => {
  const plot = document.querySelectorAll('.js-plotly-plot')[chart];
  const label = plot.querySelector('.hoverlayer .hovertext text');
  if (!label) return null;
  const box = plot.getBoundingClientRect(), r = label.getBoundingClientRect();
  return {past: Math.max(box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom),
          text: label.textContent.trim().slice(0, 50)};
}"""


def _cut_labels(page, width: int) -> tuple[int, list[str]]:
    """(how many labels were shown, one line for each label that passes its chart's edge)."""
    shown, cut = 0, []
    for point in page.evaluate(_POINTS_JS):
        page.mouse.move(point["x"], point["y"])
        try:
            page.wait_for_function(
                f"() => !!document.querySelectorAll('.js-plotly-plot')[{point['chart']}]"
                ".querySelector('.hoverlayer .hovertext')",
                timeout=1500,
                polling=50,
            )
        except Exception:  # noqa: BLE001 - a mark that shows no label is not this test's business
            continue
        label = page.evaluate(_LABEL_JS, point["chart"])
        shown += 1
        if label["past"] > 1:
            cut.append(f"{width}px, chart {point['chart'] + 1}: {label['text']}…: {round(label['past'])}px outside")
        page.mouse.move(0, 0)
    return shown, cut


def _settle(page) -> None:
    page.wait_for_function(_SETTLED_JS, polling=50, timeout=20_000)


def _main_height(page) -> int:
    return page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")


def _resize(pages: list, width: int, heights: dict) -> None:
    """Every page to ``width`` and laid out again, its window tall enough to show the whole page at once
    (Streamlit scrolls its main area, not the document). The pages are resized together, so they redraw
    in parallel; a page narrows into the room it was given, so its height is set again only if it outgrew it."""
    for page in pages:
        page.evaluate(_WATCH_JS)
        page.set_viewport_size({"width": width, "height": heights[page]})
        page.evaluate("window.__tmChanged = performance.now()")
    for page in pages:
        _settle(page)
        if _main_height(page) > heights[page]:
            heights[page] = _main_height(page) + 200
            page.set_viewport_size({"width": width, "height": heights[page]})
            page.evaluate("window.__tmChanged = performance.now()")
            _settle(page)


def _measure_all(visits: dict) -> dict:
    """Findings for each (page name, lang): {width: charts}, "tables" ({phone width: lines}), "broken" ({width:
    words broken in table cells}), "hovers" ({width: (labels shown, lines)}) and "cells"."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    # Room for the page as it will be at the narrowest width (pages grow as they narrow).
    heights = {visit.page: int(GROWTH * _main_height(visit.page)) for visit in visits.values()}
    found: dict = {key: {"tables": {}, "broken": {}, "hovers": {}} for key in visits}
    for width in WIDTHS:
        _resize([visit.page for visit in visits.values()], width, heights)
        for (name, lang), visit in visits.items():
            page = visit.page
            found[name, lang][width] = page.evaluate(_CHARTS_JS, {"lang": lang, "smallest": SMALLEST_PX})
            if width in PHONES:  # the charts' data tables, opened as a reader would, then closed again
                found[name, lang]["tables"][width] = page.evaluate(_TABLES_JS, TABLES)
            found[name, lang]["broken"][width] = page.evaluate(_BROKEN_WORDS_JS, TABLES)
            if width in HOVER_WIDTHS:
                found[name, lang]["hovers"][width] = _cut_labels(page, width)
            if width not in SHOT_WIDTHS:
                continue
            page.screenshot(
                path=str(SHOTS / f"{name}-{lang}-{width}.jpg"),
                type="jpeg",
                quality=70,
                clip={"x": 0, "y": 0, "width": width, "height": _main_height(page)},
            )
    for key, visit in visits.items():
        found[key]["cells"] = visit.page.evaluate(_CELLS_JS, TABLES)
    return found


@pytest.fixture(scope="module")
def layout(browser, app_server):
    """``layout(app_page, lang)`` -> findings. Every chart page in both languages is opened at once on first
    use and measured together (the pages load and redraw in parallel)."""
    visitor = Visitor(browser, app_server)
    measured: dict = {}

    def get(app_page, lang: str) -> dict:
        if not measured:
            viewport = {"width": WIDTHS[0], "height": START_HEIGHT}
            visits = {
                (p.name, code): visitor(page_url(p.path, code), viewport=viewport, ready=False)
                for p in CHART_PAGES
                for code in LANGS
            }
            for visit in visits.values():
                visit.wait_ready(charts=True)
            for key, visit in visits.items():
                assert visit.problems() == [], key
            measured.update(_measure_all(visits))
        return measured[app_page.name, lang]

    yield get
    visitor.close()


def _failures(found: dict, check: str) -> list[str]:
    return [
        f"{width}px, {chart['title']}: {line}" for width in WIDTHS for chart in found[width] for line in chart[check]
    ]


# What each check of a chart's texts means (the keys are the fields the layout script fills).
TEXT_CHECKS = {
    "outside": "every chart text lies inside its chart",
    "overlaps": "chart texts do not overlap",
    "onMarks": "labels never sit on bars, flows or nodes",
    "small": "chart text is at least 11px",
    "covered": "the chart toolbar covers no text",
}


@pytest.mark.parametrize("check", TEXT_CHECKS, ids=TEXT_CHECKS.get)
@pytest.mark.parametrize(("app_page", "lang"), PAGE_LANGS)
def test_chart_texts_are_laid_out_to_be_read(layout, app_page, lang, check):
    assert _failures(layout(app_page, lang), check) == [], TEXT_CHECKS[check]


@pytest.mark.parametrize("app_page", CHART_PAGES, ids=lambda p: p.name)
def test_arabic_axis_ticks_read_in_arabic(layout, app_page):
    assert _failures(layout(app_page, "ar"), "latinTicks") == []


@pytest.mark.parametrize("app_page", CHART_PAGES, ids=lambda p: p.name)
def test_arabic_legend_keys_sit_right_of_their_labels(layout, app_page):
    assert _failures(layout(app_page, "ar"), "keysLeft") == []


@pytest.mark.parametrize(("app_page", "lang"), PAGE_LANGS)
def test_every_hover_label_lies_inside_its_chart(layout, app_page, lang):
    """Issue 24: the pointer is put on every bar and time marker of every chart in turn, and the label drawn is
    measured against the chart's box (Plotly draws a label as one line, wider than a phone, unless it is wrapped)."""
    found = layout(app_page, lang)["hovers"]
    assert sum(shown for shown, _ in found.values()) > 0, "no hover label was shown at all"
    assert [line for _, cut in found.values() for line in cut] == []


def _events() -> pd.DataFrame:
    return pd.read_csv(DATA / "events.csv", dtype=str, keep_default_na=False)


@pytest.mark.parametrize("lang", LANGS)
def test_every_dated_event_label_is_fully_shown_on_a_phone(layout, lang):
    timeline = next(p for p in CHART_PAGES if p.name == "timeline")
    found = layout(timeline, lang)
    events = _events()
    labels = events.loc[events["date_precision"] != "none", f"label_{lang}"]
    assert len(labels) > 0
    for width in PHONES:
        (chart,) = found[width]
        for label in labels:
            bare = re.sub(BARE, "", label)
            holders = [text for text in chart["texts"] if bare in text["s"]]
            assert holders, f"{width}px: {label!r} is not in the timeline (cut or missing)"
            assert all(text["shown"] for text in holders), f"{width}px: {label!r} is cut, covered or too small"


@pytest.mark.parametrize(("app_page", "lang"), PAGE_LANGS)
def test_wide_tables_fit_a_phone(layout, app_page, lang):
    found = layout(app_page, lang)["tables"]
    assert {width: lines for width, lines in found.items() if lines} == {}


@pytest.mark.parametrize(("app_page", "lang"), PAGE_LANGS)
def test_no_word_or_figure_in_a_table_breaks_across_lines(layout, app_page, lang):
    found = layout(app_page, lang)["broken"]
    assert {width: words for width, words in found.items() if words} == {}


def _internal_ids() -> set[str]:
    """Every record id in data/ (each table's first column; line numbers are not ids a reader could mistake)."""
    ids: set[str] = set()
    for path in DATA.glob("*.csv"):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        ids |= {value for value in frame.iloc[:, 0] if re.search("[a-z]", value)}
    return ids


@pytest.mark.parametrize(("app_page", "lang"), PAGE_LANGS)
def test_reader_facing_tables_show_no_internal_ids(layout, app_page, lang):
    ids = _internal_ids()
    snake = {i for i in ids if "_" in i}
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, snake), key=len, reverse=True)) + r")\b")
    cells = layout(app_page, lang)["cells"]
    shown = sorted({c for c in cells if c in ids or pattern.search(c)})
    assert shown == []


# --------------------------------------------------------------------------- single loads

_LTR_JS = r"""() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const url = /https?:\/\//;
  const own = el => [...el.childNodes].some(n => n.nodeType === 3 && url.test(n.textContent));
  const wrong = [];
  for (const el of main.querySelectorAll('pre, code, [data-testid="stCode"], *')) {
    if (el.closest('.st-key-tm-cite')) continue;  // the citation: a sentence in the page's language (below)
    const isCode = el.matches('pre, code, [data-testid="stCode"]');
    if (!isCode && !own(el)) continue;
    const style = getComputedStyle(el);
    const align = style.textAlign === 'start' ? (style.direction === 'rtl' ? 'right' : 'left') : style.textAlign;
    const inline = style.display === 'inline';  // a link in a sentence (the footer's citation): no alignment of its own
    if (style.direction !== 'ltr' || (!inline && (align === 'right' || align === 'end')))
      wrong.push(`${el.tagName.toLowerCase()}${isCode ? '' : ' (URL)'}: ${style.direction}, ${align}: ${el.textContent.trim().slice(0, 50)}`);
  }
  return {wrong: [...new Set(wrong)]};
}"""


# The Sources page in Arabic on a phone, no camp chosen (see the citation's test): read by two tests.
SOURCES_PHONE = (page_url("/sources", "ar", "camp="), {"width": 390, "height": START_HEIGHT})


def test_code_urls_and_embed_snippets_are_left_to_right_on_arabic_pages(shared_visit):
    url, viewport = SOURCES_PHONE
    sources = shared_visit(url, viewport=viewport)
    # The citation and the embed snippet are shown as code (the link to the view is in a panel, with the chart's tools).
    sources.page.wait_for_function("document.querySelectorAll('[data-testid=\"stCode\"]').length >= 2")
    found = sources.page.evaluate(_LTR_JS)
    assert found["wrong"] == []


# The citation box as drawn: its direction, whether its first character (the opening «) is the right-most on
# the first line, and for its link whether the characters run left to right and the full stop before it
# lies on its right (read first), or on a line before it.
_CITATION_JS = r"""() => {
  const code = document.querySelector('.st-key-tm-cite code') ?? document.querySelector('.st-key-tm-cite pre');
  const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  let text = '', nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) { nodes.push([node, text.length]); text += node.textContent; }
  const at = i => {
    const [node, start] = nodes.filter(([, s]) => s <= i).pop();
    const range = document.createRange();
    range.setStart(node, i - start); range.setEnd(node, i - start + 1);
    return range.getBoundingClientRect();
  };
  const first = at(text.search(/\S/));
  const lineOne = [...text].map((_, i) => i).filter(i => /\S/.test(text[i]) && Math.abs(at(i).top - first.top) < 2);
  const link = text.search(/https?:/), end = link + text.slice(link).search(/[\s⁩]|$/) - 1;
  const stop = text.lastIndexOf('.', link);
  return {direction: getComputedStyle(code).direction,
          firstIsRightmost: Math.max(...lineOne.map(i => at(i).right)) <= first.right + 0.5,
          linkLeftToRight: at(link).left < at(end).left || Math.abs(at(link).top - at(end).top) > 2,
          stopRightOfLink: at(stop).left > at(link).right || Math.abs(at(stop).top - at(link).top) > 2};
}"""


@pytest.mark.parametrize("width", (390, 1440))
def test_the_arabic_citation_reads_right_to_left_with_its_link_left_to_right(shared_visit, width):
    # No camp chosen: the link ends in "camp=", and a trailing "=" left to the bidi algorithm in a right-to-left
    # line would jump to the link's far side.
    url, _ = SOURCES_PHONE
    sources = shared_visit(url, viewport={"width": width, "height": START_HEIGHT})
    sources.page.wait_for_selector(".st-key-tm-cite pre")
    assert sources.page.evaluate(_CITATION_JS) == {
        "direction": "rtl",
        "firstIsRightmost": True,
        "linkLeftToRight": True,
        "stopRightOfLink": True,
    }


# The options drawn (the list is virtualised: aria-setsize says how many there are in all).
_PICKER_JS = """() => {
  const options = [...document.querySelectorAll('[role="listbox"] [role="option"]')];
  return {names: options.map(o => o.innerText.trim()), size: Number(options[0]?.getAttribute('aria-setsize') ?? options.length)};
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_the_actor_picker_and_names_table_follow_the_camp_filter(visit, lang):
    camp = "skeptic"
    actors = pd.read_csv(DATA / "actors.csv", dtype=str, keep_default_na=False)
    wanted = set(actors.loc[actors["camp"] == camp, f"name_{lang}"])
    assert wanted, "the data has someone in this camp"
    donors = visit(page_url("/donors", lang, f"camp={camp}"), viewport={"width": 390, "height": START_HEIGHT})
    page = donors.page
    page.locator('[data-testid="stSelectbox"] input[role="combobox"]').click()
    page.wait_for_selector('[role="listbox"] [role="option"]')
    options = page.evaluate(_PICKER_JS)
    assert (set(options["names"]), options["size"]) == (wanted, len(wanted))
    page.keyboard.press("Escape")
    # The names' grid is drawn on a canvas; the same names as a text table are in the disclosure under it.
    page.evaluate(
        "() => document.querySelectorAll('[data-testid=\"stMain\"] details').forEach(d => { d.open = true; })"
    )
    table = page.locator('[data-testid="stMain"] .tm-table').last
    assert (
        set(table.locator("tbody tr td:first-of-type, tbody tr th").all_inner_texts()) & set(actors[f"name_{lang}"])
        == wanted
    )
