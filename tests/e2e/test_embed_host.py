"""An embed in someone else's page: the snippet the Sources page gives, and the html an oEmbed client
library that no one here wrote (micawber) makes of a page link, each put in a plain host page served
from another origin or opened from a file (a newsroom's local test page); the iframe's height follows its
content (no scroll bar, no gap over 8 px) and its first height is its last (it never moves the article
around it by more than 8 px) on a phone and a desktop, in both languages, and without the script the
fixed height still shows it all. Embed pages carry no Plotly toolbar."""

from __future__ import annotations

import re
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import micawber
import pytest

from techmoney.content import charts, embeds
from techmoney.data.dataset import load_dataset
from techmoney.data.schema import CAMPS
from techmoney.site.addresses import ViewState
from techmoney.words.bound import Words
from tests.e2e.conftest import READY_TIMEOUT, SCREENSHOTS, new_context
from tests.link_preview import query_of, read_html

GAP_PX = 8
SMALL_PHONE = {"width": 360, "height": 740}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# Every height the host page's iframe has, from its first layout on ([ms, px], in the host page).
_RECORD_HEIGHTS = """document.addEventListener("DOMContentLoaded", () => {
  const frame = document.querySelector("iframe"), start = performance.now();
  window.tmHeights = [];
  if (frame) new ResizeObserver(() => window.tmHeights.push([Math.round(performance.now() - start),
                                                              frame.getBoundingClientRect().height])).observe(frame);
});"""

_HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>A newsroom's article</title><style>body {{ margin: 0 8px; font: 16px serif }}</style></head>
<body><p>The article, before the chart.</p>
{embed}
<p id="after">The article, after the chart.</p></body></html>"""

# Measured inside the embedded page: Streamlit scrolls its <main>, not the document.
_FRAME_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const block = main.querySelector('[data-testid="stMainBlockContainer"]');
  return {client: main.clientHeight, scroll: main.scrollHeight, content: Math.ceil(block.getBoundingClientRect().height),
          credit: !!document.querySelector('.tm-embed-credit a[target="_blank"]'),
          toolbar: !!document.querySelector('.modebar-container .modebar')};
}"""


class _Pages(BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, bytes]] = {}

    def do_GET(self):
        body = self.pages.get(self.path)
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    """A folder for host pages opened from disk (file://)."""
    return tmp_path_factory.mktemp("host-pages")


@pytest.fixture(scope="module")
def host() -> Iterator[tuple[str, dict[str, bytes]]]:
    """A plain web server on another port of 127.0.0.1 (another origin): (its address, its pages)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Pages.pages
    server.shutdown()
    server.server_close()


def _show(browser, host, name: str, embed_html: str, viewport: dict, files: Path | None = None):
    """The host page with ``embed_html``: served by ``host``, or, given ``files``, opened from a file there."""
    address, pages = host
    html = _HOST_PAGE.format(embed=embed_html)
    pages[f"/{name}"] = html.encode()
    context = new_context(browser, viewport=viewport)
    context.add_init_script(_RECORD_HEIGHTS)
    page = context.new_page()
    if files is None:
        page.goto(f"{address}/{name}")
    else:
        (files / f"{name}.html").write_text(html, encoding="utf-8")
        page.goto((files / f"{name}.html").as_uri())
    frame = page.wait_for_selector("iframe").content_frame()
    frame.wait_for_selector(".js-plotly-plot .main-svg", timeout=READY_TIMEOUT)
    frame.wait_for_selector(".tm-embed-credit", timeout=READY_TIMEOUT)
    page.evaluate("document.fonts.ready.then(() => true)")
    return context, page, frame


def _settled(page, frame) -> dict:
    """The frame's measures once the iframe has kept its height for a moment."""
    last = None
    for _ in range(40):
        height = page.eval_on_selector("iframe", "el => el.getBoundingClientRect().height")
        if height == last:
            break
        last = height
        page.wait_for_timeout(250)
    return {"iframe": last, **frame.evaluate(_FRAME_JS)}


# Each language at each size once; a host served over HTTP and one opened from a file (its origin is "null") each in
# both languages and at both sizes: the origin changes how the height reaches the host, not the height.
SNIPPET_HOSTS = [
    pytest.param(lang, viewport, scheme, id=f"{lang}-{viewport['width']}-{scheme}")
    for lang, viewport, scheme in [
        ("ar", PHONE, "http"),
        ("en", DESKTOP, "http"),
        ("en", PHONE, "file"),
        ("ar", DESKTOP, "file"),
    ]
]


@pytest.mark.parametrize(("lang", "viewport", "scheme"), SNIPPET_HOSTS)
def test_the_snippets_iframe_keeps_its_first_height_which_is_its_contents(
    browser, app_server, host, files, lang, viewport, scheme
):
    view = ViewState(lang=lang)
    built = charts.build_chart(Words(load_dataset(), lang), "flows", CAMPS)
    snippet = embeds.embed_snippet(
        f"{app_server.base_url}/sources", view, "flows", built.title, embeds.embed_height(built)
    )
    name = f"snippet-{lang}-{viewport['width']}-{scheme}"
    context, page, frame = _show(browser, host, name, snippet, viewport, files if scheme == "file" else None)
    try:
        page.wait_for_function("() => document.querySelector('iframe').style.height !== ''", timeout=READY_TIMEOUT)
        found = _settled(page, frame)
        heights = page.evaluate("window.tmHeights")  # before the screenshot, whose full page resizes the window
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"embed-host-{lang}-{viewport['width']}-{scheme}.png"), full_page=True)
        first = heights[0][1]
        assert first == embeds.embed_height(built), heights
        assert all(abs(height - first) <= GAP_PX for _, height in heights), f"the iframe jumps: {heights}"
        assert found["scroll"] <= found["client"], f"the embed scrolls: {found}"
        assert 0 <= found["client"] - found["content"] <= GAP_PX, f"a gap under the embed: {found}"
        assert found["credit"] and not found["toolbar"], found
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_without_the_script_the_fixed_height_shows_the_whole_chart_on_a_phone(browser, app_server, host, lang):
    built = charts.build_chart(Words(load_dataset(), lang), "timeline", CAMPS)
    snippet = embeds.embed_snippet(
        app_server.base_url, ViewState(lang=lang), "timeline", built.title, embeds.embed_height(built)
    )
    iframe_only = snippet.partition("</iframe>")[0] + "</iframe>"  # a CMS that strips scripts
    context, page, frame = _show(browser, host, f"fixed-{lang}", iframe_only, SMALL_PHONE)
    try:
        found = _settled(page, frame)
        assert found["iframe"] == embeds.embed_height(built)
        assert found["scroll"] <= found["client"], f"the fixed-height embed scrolls: {found}"
    finally:
        context.close()


def _discover(page_link: str) -> str:
    """The oEmbed endpoint a page names for itself, found the way consumers do: its link tag."""
    with urllib.request.urlopen(page_link, timeout=30) as response:
        found = read_html(response.read().decode())
    [href] = [link["href"] for link in found.links if link.get("type") == "application/json+oembed"]
    assert query_of(href)["url"] == [page_link]
    return href.split("?")[0]


def test_an_oembed_client_library_discovers_a_page_links_embed_and_it_works_in_a_host_page(browser, app_server, host):
    page_link = f"{app_server.base_url}/donors?lang=en&camp=pro_harris&camp=pro_trump"
    registry = micawber.ProviderRegistry()
    registry.register(re.escape(app_server.base_url) + r"/\S*", micawber.Provider(_discover(page_link)))
    found = registry.request(page_link, maxwidth=600)
    assert (found["type"], found["version"]) == ("rich", "1.0") and found["width"] <= 600
    article = registry.parse_text(f"Our story.\n{page_link}\nMore of our story.")
    embedded = re.search(r"<iframe [^>]*></iframe>", article)
    assert embedded and 'title="' in embedded.group(0)
    context, page, frame = _show(browser, host, "oembed", article, DESKTOP)
    try:
        assert query_of(frame.url) == {
            "lang": ["en"],
            "camp": ["pro_harris", "pro_trump"],
            "chart": ["camps"],
            "embed": ["true"],
        }
        page.wait_for_function("() => document.querySelector('iframe').style.height !== ''", timeout=READY_TIMEOUT)
        found = _settled(page, frame)
        assert found["scroll"] <= found["client"] and found["client"] - found["content"] <= GAP_PX, found
    finally:
        context.close()
