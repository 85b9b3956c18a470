"""Reading a page's HTML the way a link-preview crawler does (no JavaScript): its <html> attributes,
title, meta tags, links and <noscript> text, and the shape of the markup (every tag with its attribute
names), so a test can tell that a hostile value stayed text.

Import as ``from tests.link_preview import read_html, png_size``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

__all__ = ["Preview", "png_size", "query_of", "read_html"]


@dataclass
class Preview:
    html_attrs: dict[str, str | None] = field(default_factory=dict)
    title: str = ""
    meta: dict[str, list[str]] = field(default_factory=dict)  # property or name -> contents, in order
    links: list[dict[str, str | None]] = field(default_factory=list)
    noscript: str = ""
    shape: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (tag, attribute names)

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def link(self, rel: str, hreflang: str | None = None) -> str:
        found = [
            link["href"]
            for link in self.links
            if link.get("rel") == rel and (hreflang is None or link.get("hreflang") == hreflang)
        ]
        assert len(found) == 1, f"{rel} {hreflang}: {found}"
        return found[0] or ""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = Preview()
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.found.shape.append((tag, tuple(name for name, _ in attrs)))
        if tag == "html":
            self.found.html_attrs = attributes
        elif tag == "meta" and ("property" in attributes or "name" in attributes):
            key = attributes.get("property") or attributes.get("name") or ""
            self.found.meta.setdefault(key, []).append(attributes.get("content") or "")
        elif tag == "link":
            self.found.links.append(attributes)
        if tag in ("title", "noscript"):
            self._in.append(tag)

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if "title" in self._in:
            self.found.title += data
        if "noscript" in self._in:
            self.found.noscript += data


def read_html(text: str) -> Preview:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.found


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", data[:8]
    return struct.unpack(">II", data[16:24])
