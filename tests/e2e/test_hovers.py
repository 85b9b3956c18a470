"""Issue 24: a chart's hover label lies wholly inside its chart, on a 360 px phone and on a 1440 px screen, in
both languages: the pointer is put on every bar and time marker of every chart in turn and the label drawn is
measured against the chart's box (Plotly draws a label as one line, wider than a phone, unless it is wrapped).
"""

from __future__ import annotations

import pytest

from tests.e2e import LANGS, PAGES, page_url

WIDTHS = (1440, 360)  # one visit, widest first, then narrowed
CHART_PAGES = [p for p in PAGES if p.has_charts]
PAGE_LANGS = [pytest.param(p, lang, id=f"{p.name}-{lang}") for p in CHART_PAGES for lang in LANGS]
pytestmark = pytest.mark.timeout(600)

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


# Every chart laid out at its box's width (after a resize Plotly draws again).
_LAID_OUT_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].every(p => {
  const box = p.closest('[data-testid="stPlotlyChart"]');
  return p._fullLayout && box && Math.abs(p._fullLayout.width - box.clientWidth) <= 1;
})"""


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


@pytest.mark.parametrize(("app_page", "lang"), PAGE_LANGS)
def test_every_hover_label_lies_inside_its_chart(visit, app_page, lang):
    found, shown = [], 0
    opened = visit(page_url(app_page.path, lang), viewport={"width": WIDTHS[0], "height": 900}, charts=True)
    page = opened.page
    for width in WIDTHS:
        # The whole page in the window at once (Streamlit scrolls its main area, not the document); Plotly lays
        # its charts out again for the new width (and Streamlit collapses the sidebar when the window narrows).
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(500)
        height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        page.set_viewport_size({"width": width, "height": height + 100})
        page.wait_for_function(_LAID_OUT_JS, timeout=30_000, polling=100)
        page.wait_for_timeout(500)
        count, cut = _cut_labels(page, width)
        shown += count
        found += cut
    assert shown > 0, "no hover label was shown at all"
    assert found == []
