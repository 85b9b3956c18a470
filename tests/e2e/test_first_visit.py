"""A first visit is light: a fresh browser opening the Story page (every chart drawn) transfers at most
2.5 MB, counting every response as it came over the wire (headers and compressed bodies) and the
websocket's messages; and it downloads no font face the page does not show text in.

The bytes by resource go to ``test-artifacts/first-visit.txt`` (and are printed with ``pytest -s``).
"""

from __future__ import annotations

import base64

from tests.e2e import DESKTOP
from tests.e2e.conftest import ARTIFACTS, Visit, new_context

TARGET = 2_500_000  # bytes
OUR_FONTS = "/app/static/fonts/"
STREAMLIT_ICON_FONT = "/static/media/MaterialSymbols-Rounded."  # Streamlit's own icons (menu, sidebar arrows)


def test_a_fresh_visit_to_the_story_page_stays_under_the_target(browser, app_server):
    context = new_context(browser, viewport=DESKTOP, locale="en-US")
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        urls: dict[str, str] = {}
        encodings: dict[str, str] = {}
        wire: dict[str, int] = {}
        socket = {"bytes": 0}

        def response(event):
            urls[event["requestId"]] = event["response"]["url"]
            headers = {k.lower(): v for k, v in event["response"]["headers"].items()}
            encodings[event["requestId"]] = headers.get("content-encoding", "")

        def frame(event):
            payload = event["response"]["payloadData"]
            socket["bytes"] += len(base64.b64decode(payload)) if event["response"]["opcode"] == 2 else len(payload)

        cdp.on("Network.responseReceived", response)
        cdp.on(
            "Network.loadingFinished", lambda event: wire.__setitem__(event["requestId"], event["encodedDataLength"])
        )
        cdp.on("Network.webSocketFrameReceived", frame)
        cdp.on("Network.webSocketFrameSent", frame)
        visit = Visit(page=page, server=app_server, log_offset=app_server.log_size())
        visit.attach()
        page.goto(app_server.base_url + "/", wait_until="domcontentloaded")
        visit.wait_ready(charts=True)
        page.wait_for_timeout(1000)  # anything the finished page still fetches (fonts, icons) counts too

        rows = sorted(((wire.get(rid, 0), encodings.get(rid, ""), url) for rid, url in urls.items()), reverse=True)
        total = sum(size for size, _, _ in rows) + socket["bytes"]
        table = "\n".join(
            f"{size:>10,}  {encoding or '-':5} {url.removeprefix(app_server.base_url)}" for size, encoding, url in rows
        )
        report = f"{table}\n{socket['bytes']:>10,}  websocket messages\n{total:>10,}  total ({len(rows)} responses)\n"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "first-visit.txt").write_text(report, encoding="utf-8")
        print(report)

        assert not visit.problems(), visit.problems()
        assert total <= TARGET, f"{total:,} bytes > {TARGET:,} (bundles not compressed? make compressed):\n{report}"
        # Bundles that compression would not shrink by 5% (servestatic skips them) go out as they are: none over ~1.5 kB.
        scripts = [(size, encoding, url) for size, encoding, url in rows if url.endswith((".js", ".css"))]
        assert all(encoding in ("br", "gzip") for size, encoding, _ in scripts if size > 1500), scripts
        fonts = [url for _, _, url in rows if url.split("?")[0].endswith((".woff2", ".woff", ".ttf", ".otf"))]
        assert all(OUR_FONTS in url or STREAMLIT_ICON_FONT in url for url in fonts), fonts
        assert any(OUR_FONTS in url for url in fonts), fonts
    finally:
        context.close()
