"""techmoney/content/chart_screen.py: a chart's first-screen images, read from the store only, and put inline
as their drawing alone: no script, handler, foreign content or link out, whatever the figure's text says;
their ids their own; named by the chart's alt text."""

from __future__ import annotations

import re

import pytest

from techmoney.content import chart_images, chart_screen, page_content
from techmoney.content.chart_images import ImageRequest, ImageStore
from techmoney.data.dataset import load_dataset
from techmoney.data.schema import CAMPS
from tests.conftest import DATA
from tests.content.html.test_render import Parsed

DATASET = load_dataset(DATA)

# What kaleido could hand back if a label's markup ever got past Plotly: each a way into the page.
HOSTILE_SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" role="img"
 lang="en" width="388" height="200" viewBox="0 0 388 200" style="" class="main-svg" onload="alert(1)">
<title>The chart</title>
<script>alert(2)</script>
<style>svg { display: none }</style>
<defs><clipPath id="clip1"><rect width="10" height="10"/></clipPath><g></g></defs>
<g clip-path="url(#clip1)" data-unformatted="&lt;script&gt;alert(3)&lt;/script&gt;">
<rect x="0" y="0" width="10" height="10" style="fill: url('https://example.org/track.svg#x')"/>
<rect x="0" y="0" width="10" height="10" style="fill: url(#clip1)" onclick="alert(4)"/>
<text x="1" y="2">&lt;script&gt;alert(5)&lt;/script&gt; &amp; <a xlink:href="javascript:alert(6)">link text</a> tail</text>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><script>alert(7)</script></div></foreignObject>
<image xlink:href="https://example.org/pixel.png"/>
<use xlink:href="https://example.org/sprite.svg#icon"/>
<path/>
</g>
</svg>"""
DRAWING_TAGS = {tag.lower() for tag in chart_screen.DRAWING}


def _inline(svg: bytes = HOSTILE_SVG, label: str = "A chart") -> Parsed:
    return Parsed(str(chart_screen.inline(svg, label, prefix="p1-")))


def test_an_inline_image_keeps_its_drawing_and_its_text_and_nothing_else():
    found = _inline()
    assert {tag for tag, _ in found.tags} <= DRAWING_TAGS
    assert not [
        (tag, name)
        for tag, attrs in found.tags
        for name in attrs
        if name.startswith("on") or name.endswith("href") or name.startswith("data-")
    ]
    assert "https://" not in " ".join(found.attribute_values()), "nothing is fetched from elsewhere"
    text = found.all_text
    assert "<script>alert(5)</script> & link text tail" in text, "the label's words stay, as text"
    assert "alert(2)" not in text and "alert(7)" not in text and "display: none" not in text


def test_an_inline_image_is_an_image_named_by_its_label_as_wide_as_its_box():
    label = 'Hastings: $7 million of "more than $100 million" <b>'
    (tag, attrs), *_ = _inline(label=label).tags
    assert tag == "svg" and attrs["role"] == "img" and attrs["aria-label"] == label
    assert (attrs["width"], attrs["height"], attrs["viewbox"]) == ("100%", "200", "0 0 388 200")


def test_an_inline_images_ids_are_its_own_and_its_references_follow_them():
    found = _inline()
    ids = [attrs["id"] for _, attrs in found.tags if "id" in attrs]
    refs = re.findall(r"url\(#([^)]+)\)", " ".join(found.attribute_values()))
    assert ids == ["p1-clip1"] and set(refs) == {"p1-clip1"}


def test_a_file_that_is_not_an_svg_is_refused():
    with pytest.raises(ValueError):
        chart_screen.inline(b"<html xmlns='http://www.w3.org/1999/xhtml'></html>", "x", prefix="p-")
    with pytest.raises(ValueError, match="DTD"):  # defusedxml's DTDForbidden: no entity can expand
        chart_screen.inline(
            b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', "x", prefix="p-"
        )


def _figure(chart_id: str = "goal", lang: str = "en"):
    return page_content.chart(DATASET, chart_id, lang, CAMPS).figure


def test_images_come_from_the_store_only_every_width_narrowest_first(monkeypatch, tmp_path):
    store = ImageStore(tmp_path)
    monkeypatch.setattr(chart_images, "shared_store", lambda: store)
    monkeypatch.setenv(chart_images.BROWSER_ENV, str(tmp_path / "no-chromium"))  # nothing may be drawn
    figure = _figure()
    assert chart_screen.images(figure, "en", "alt") == (), "none in the store: no image, and none drawn"
    widths = chart_images.SCREEN_WIDTHS_PX
    for width in widths[:-1]:
        store.put(chart_images.image_key(ImageRequest(figure, "en", "screen", width)), HOSTILE_SVG)
    assert chart_screen.images(figure, "en", "alt") == (), "all widths or none"
    store.put(chart_images.image_key(ImageRequest(figure, "en", "screen", widths[-1])), HOSTILE_SVG)
    found = chart_screen.images(figure, "en", "alt")
    assert [image.width for image in found] == sorted(widths)
    assert len({re.search(r'id="([^"]+)"', str(image.svg)).group(1) for image in found}) == len(widths)
    assert chart_screen.images(None, "en", "alt") == (), "a chart the camps leave empty has none"


def test_an_unreadable_stored_image_leaves_the_chart_to_its_words(monkeypatch, tmp_path):
    store = ImageStore(tmp_path)
    monkeypatch.setattr(chart_images, "shared_store", lambda: store)
    figure = _figure()
    for width in chart_images.SCREEN_WIDTHS_PX:
        store.put(chart_images.image_key(ImageRequest(figure, "en", "screen", width)), b"<svg unclosed")
    assert chart_screen.images(figure, "en", "alt") == ()
