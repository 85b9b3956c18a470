"""On a server started as `make run` starts it, every link a page carries starts from the address the server
prints, and the oEmbed endpoint a page advertises answers (techmoney.site.addresses.site_root)."""

from __future__ import annotations

import html
import json
import re
import time
import urllib.request
from urllib.parse import urlsplit

import pytest

from tests.conftest import DATA
from tests.e2e import PAGES

URL = re.compile(r"https?://[^\s\"'<>\\)]+")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
NAMESPACE = re.compile(r'\sxmlns(:\w+)?="[^"]*"')  # an inline SVG's namespace: a name, not a link
OEMBED = re.compile(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"')
TARGETS = [page.path + query for page in PAGES for query in ("", "?lang=en&camp=pro_trump")] + [
    "/donors?actor=hastings",
    "/?embed=true&chart=flows&lang=en",
]


def _printed(server) -> str:
    """The address the server printed once ready."""
    for _ in range(50):
        found = re.search(r"Tech Money 2024 is ready \(.*\): (\S+)", server.log_path.read_text(errors="replace"))
        if found:
            return found.group(1)
        time.sleep(0.1)
    pytest.fail("the server printed no address")


def _outside_hosts() -> set[str]:
    """Hosts of the outside sources the data names (their links are shown as they are)."""
    text = "".join(path.read_text(encoding="utf-8") for path in DATA.glob("*.*") if path.suffix in (".csv", ".md"))
    return {urlsplit(url).hostname for url in URL.findall(text)}


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as answer:
        assert answer.status == 200, url
        return answer.read()


@pytest.mark.parametrize("target", TARGETS)
def test_every_link_in_a_page_starts_from_the_printed_address(app_server, target):
    printed = urlsplit(_printed(app_server))
    outside = _outside_hosts()
    page = html.unescape(NAMESPACE.sub("", COMMENT.sub("", _get(app_server.base_url + target).decode())))
    links = URL.findall(page)
    assert links
    for link in links:
        parts = urlsplit(link)
        assert parts.hostname, link
        parts.port  # noqa: B018 - raises on a port that is not one
        if parts.hostname not in outside:
            assert (parts.scheme, parts.hostname, parts.port) == (printed.scheme, printed.hostname, printed.port), link


@pytest.mark.parametrize("target", ["/", "/money?lang=en", "/?embed=true&chart=twins"])
def test_the_oembed_link_a_page_advertises_answers(app_server, target):
    [endpoint] = OEMBED.findall(_get(app_server.base_url + target).decode())
    answer = json.loads(_get(html.unescape(endpoint)))
    assert answer["type"] == "rich" and urlsplit(answer["provider_url"]).hostname == urlsplit(endpoint).hostname
