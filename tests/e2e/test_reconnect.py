"""A reader's first click after the server comes back (a deploy, a crash, a failover) takes effect.

The page reconnects to a new server process, whose new session knows only the link; the reader's last
choice must lead over it (techmoney/ui/session.py). The server here is our own, killed and restarted on
the same port, so the package's shared server is left alone.
"""

from __future__ import annotations

import os
import signal

import pytest

from harness.servers import StreamlitServer
from tests.e2e.conftest import AppServer, Visit, new_context

SWITCH = '[data-testid="stMain"] [data-testid="stButtonGroup"]'
CHOSEN = SWITCH + ' [role="radio"][aria-checked="true"]'


@pytest.fixture
def own_server(tmp_path):
    server = StreamlitServer("serve.py", tmp_path, name="reconnect")
    yield server
    server.stop()


def _choose(visit: Visit, name: str) -> None:
    visit.page.locator(SWITCH).get_by_role("radio", name=name).click()
    visit.wait_ready()


def _restart(server: StreamlitServer) -> None:
    os.killpg(server.pid, signal.SIGKILL)  # no goodbye to the page: like a lost machine
    server.proc.wait(10)
    server.spawn().wait_ready()


# One direction: the mechanism does not depend on the language chosen, and each case starts and kills a server.
@pytest.mark.parametrize("before, after", [("English", "العربية")])
def test_the_first_click_after_a_restart_takes_effect(browser, own_server, before, after):
    own_server.start()
    app = AppServer(f"http://127.0.0.1:{own_server.port}", own_server.proc, own_server.log_path)
    context = new_context(browser, viewport={"width": 1280, "height": 900}, locale="en-US")
    try:
        page = context.new_page()
        visit = Visit(page=page, server=app, log_offset=0)
        start_lang = "ar" if before == "English" else "en"
        page.goto(f"{app.base_url}/money?lang={start_lang}", wait_until="domcontentloaded")
        visit.wait_ready()
        _choose(visit, before)  # the reader's choice, written into the link
        assert page.locator(CHOSEN).inner_text().strip() == before

        _restart(own_server)
        page.wait_for_function(
            "() => document.querySelector('[data-testid=\"stApp\"]')?.dataset.testConnectionState === 'CONNECTED'",
            timeout=60_000,
            polling=100,
        )
        visit.wait_ready()
        assert page.locator(CHOSEN).inner_text().strip() == before, "the reconnect undid the reader's choice"

        _choose(visit, after)  # one click, right after the reconnect
        page.wait_for_timeout(1500)  # a bounce would come with the next run
        visit.wait_ready()
        assert page.locator(CHOSEN).inner_text().strip() == after
        assert ("lang=en" in page.url) == (after == "English")
    finally:
        context.close()
