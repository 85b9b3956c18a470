"""techmoney/site/addresses.py: the root every absolute link starts from, and a page's address."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from techmoney.site.addresses import CAMP_SUBSETS, ViewState, page_href, site_root
from tests.hostile_inputs import HOSTILE_HOSTS, XSS_PAYLOADS


@pytest.mark.parametrize(
    ("public", "host", "port", "base", "root"),
    [
        ("https://example.org/tm", "ignored", 1, "", "https://example.org/tm/"),
        ("https://example.org/", "ignored", 1, "base", "https://example.org/"),
        ("", "127.0.0.1", 8501, "", "http://127.0.0.1:8501/"),
        (None, "127.0.0.1", 8501, "/base/", "http://127.0.0.1:8501/base/"),
        (None, "0.0.0.0", 8501, "", "http://localhost:8501/"),
        (None, "::", 8601, "", "http://localhost:8601/"),
        (None, "::ffff:127.0.0.1", 8601, "", "http://[::ffff:127.0.0.1]:8601/"),
        (None, "::1", 8501, "", "http://[::1]:8501/"),
        (None, "news.example.org", 80, "", "http://news.example.org:80/"),
        ("javascript:alert(1)", "127.0.0.1", 8501, "", "http://127.0.0.1:8501/"),
        ("example.org", "127.0.0.1", 8501, "", "http://127.0.0.1:8501/"),
        ("https://user:secret@example.org/", "127.0.0.1", 8501, "", "http://127.0.0.1:8501/"),
        ("https://example.org:99999/", "127.0.0.1", 8501, "", "http://127.0.0.1:8501/"),
    ],
)
def test_links_start_from_the_public_address_else_the_printed_one(public, host, port, base, root):
    assert site_root(public, host, port, base) == root


@pytest.mark.parametrize("hostile", [*HOSTILE_HOSTS, *XSS_PAYLOADS])
def test_a_hostile_host_or_public_address_never_gives_a_root_that_markup_or_a_query_would_escape(hostile):
    for root in (
        site_root(None, hostile, 8501),
        site_root(f"https://example.org/{hostile}", "x", 1),
        site_root(hostile, "127.0.0.1", 8501),
    ):
        parts = urlsplit(root)
        assert parts.scheme in ("http", "https") and parts.hostname and root.endswith("/")
        assert not set(root) & set("<>\"'& \\\u202e"), root


def test_a_pages_address_carries_its_view_and_a_chart_link_the_embed_flag():
    assert page_href("", ViewState()) == ""
    assert page_href("money", ViewState(lang="en", camps=("pro_trump",))) == "money?lang=en&camp=pro_trump"
    assert page_href("", ViewState(chart="flows")) == "?chart=flows&embed=true"


def test_every_subset_of_the_camps_once_all_of_them_first():
    assert len(CAMP_SUBSETS) == len(set(CAMP_SUBSETS)) == 16
    assert len(CAMP_SUBSETS[0]) == 4 and CAMP_SUBSETS[-1] == ()
