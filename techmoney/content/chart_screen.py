"""The first screen's charts: each chart's image, drawn by the bake, put inline in the page's HTML.

The server's first screen (techmoney/content/html/first_paint.py) shows every chart before the app draws it, as Our
World in Data's baked pages do: the same figure drawn as SVG by Chromium through kaleido (the ``screen``
kind of techmoney.content.chart_images, at a phone's width and at the page's), in the interactive chart's
box. Inline, an SVG is drawn with the page's web fonts and its text can be selected and found.

The images are only read here, from the images' store: the bake draws them before it renders the pages.
Without them (no Chromium where the bake ran) a chart keeps its place's words, and nothing is drawn on a
reader's request.

Plotly writes a chart's text, which comes from the data, into the SVG as text nodes, and kaleido
serializes it as XML; an SVG put inside HTML is parsed again by the browser. So an image is parsed here
and written anew from what a chart draws (an allow-list of SVG's drawing elements and attributes): no
script, event handler, foreign content or link out of it reaches the page, whatever the figure says.
Its ids (clip paths, patterns) are given the image's own prefix, as one page holds several images.
"""

from __future__ import annotations

import functools
import logging
import re
import xml.etree.ElementTree as ET  # only to write the tree out; parsing is defusedxml's  # nosec B405
from dataclasses import dataclass

import plotly.graph_objects as go
from defusedxml.ElementTree import fromstring
from markupsafe import Markup

from techmoney.content import chart_images

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# What Plotly draws a figure with. Anything else (script, foreignObject, image, style, use, animation...)
# is left out with what it holds; a link (<a>, made from a label's markup) gives way to its text.
DRAWING = frozenset(
    {
        "svg",
        "g",
        "defs",
        "clipPath",
        "mask",
        "pattern",
        "linearGradient",
        "radialGradient",
        "stop",
        "rect",
        "path",
        "line",
        "circle",
        "ellipse",
        "polygon",
        "polyline",
        "text",
        "tspan",
        "marker",
    }
)
UNWRAPPED = frozenset({"a"})
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)
_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]*)\1\s*\)", re.IGNORECASE)
_UNSAFE_STYLE = re.compile(r"expression|javascript:|@import|\\", re.IGNORECASE)
# Characters XML does not allow, which a browser's serializer still writes out (a NUL in a label): read as
# U+FFFD, as an HTML parser reads them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LOG = logging.getLogger("tech_money")


@dataclass(frozen=True)
class ScreenImage:
    """One rendering of a chart for the first screen: drawn ``width`` CSS pixels wide, inline and safe."""

    width: int
    svg: Markup


def images(figure: go.Figure | None, lang: str, label: str) -> tuple[ScreenImage, ...]:
    """The chart's first-screen images, narrowest first, named ``label`` for screen readers (its alt text);
    none unless the store holds every width (the bake draws them; a chart is never drawn here)."""
    if figure is None:
        return ()
    store = chart_images.shared_store()
    found = []
    for width in chart_images.SCREEN_WIDTHS_PX:
        name = chart_images.image_key(chart_images.ImageRequest(figure, lang, "screen", width))
        svg = store.get(name)
        if svg is None:
            return ()
        try:
            found.append(ScreenImage(width, inline(svg, label, prefix=f"tm{name[:10]}-")))
        except (ET.ParseError, ValueError) as err:  # not an SVG drawn by kaleido: the chart keeps its words
            _LOG.warning("chart image %s cannot be shown in the first screen: %s", name, err)
            return ()
    return tuple(found)


def inline(svg: bytes, label: str, prefix: str) -> Markup:
    """``svg`` as an element to put in a page: its drawing only, its ids prefixed with ``prefix``, as wide as
    its box and as tall as drawn, an image named ``label``."""
    body = _drawing(svg, prefix)
    attrs = Markup(' role="img" aria-label="{}"').format(label)
    return Markup(body[:4] + str(attrs) + body[4:])  # after "<svg"; the rest written by _drawing  # nosec B704


@functools.lru_cache(maxsize=256)  # each distinct image once per process (a bake renders hundreds of pages)
def _drawing(svg: bytes, prefix: str) -> str:
    root = fromstring(_NOT_XML.sub("\ufffd", svg.decode("utf-8")), forbid_dtd=True)
    if root.tag != f"{{{SVG_NS}}}svg":
        raise ValueError(f"not an SVG: {root.tag}")
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    out = _copy(root, ids, prefix)
    assert out is not None  # the root is an svg
    width, height = root.get("width"), root.get("height")
    out.attrib = {key: value for key, value in out.attrib.items() if key not in ("width", "height", "style", "role")}
    out.set("viewBox", root.get("viewBox") or f"0 0 {width} {height}")
    out.set("width", "100%")
    out.set("height", str(height))
    out.set("preserveAspectRatio", "xMidYMin meet")  # narrower boxes scale it down; wider ones centre it
    return ET.tostring(out, encoding="unicode", short_empty_elements=True)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if tag.startswith(f"{{{SVG_NS}}}") else ""


def _copy(element: ET.Element, ids: set[str], prefix: str) -> ET.Element | None:
    """The element as drawn (None: left out), its children copied alike; an unwrapped element's children and
    text join its parent (see :func:`_children`)."""
    name = _local(element.tag)
    if name not in DRAWING:
        return None
    out = ET.Element(
        element.tag,
        {
            key: value
            for key, value in ((key, _attribute(key, value, ids, prefix)) for key, value in element.attrib.items())
            if value is not None
        },
    )
    out.text = element.text
    _children(element, out, ids, prefix)
    if (name in ("g", "defs") and not len(out) and not (out.text or "").strip()) or (
        name == "path" and not out.get("d")
    ):
        return None  # Plotly's empty layers: nothing drawn
    return out


def _children(element: ET.Element, out: ET.Element, ids: set[str], prefix: str) -> None:
    for child in element:
        if _local(child.tag) in UNWRAPPED:
            _append_text(out, child.text)
            _children(child, out, ids, prefix)
        else:
            copied = _copy(child, ids, prefix)
            if copied is not None:
                copied.tail = child.tail
                out.append(copied)
                continue
        _append_text(out, child.tail)


def _append_text(out: ET.Element, text: str | None) -> None:
    if not text:
        return
    if len(out):
        out[-1].tail = (out[-1].tail or "") + text
    else:
        out.text = (out.text or "") + text


def _attribute(key: str, value: str, ids: set[str], prefix: str) -> str | None:
    """An attribute as written out: None for an event handler, a link or a style that reaches outside the
    image; a reference to one of its ids, prefixed."""
    name = key.rsplit("}", 1)[-1].lower()
    # Plotly's own marks for its scripts (classes, data-unformatted: a label's markup as written) style and
    # say nothing here.
    if name.startswith(("on", "data-")) or name == "class" or key == f"{{{XML_NS}}}base":
        return None
    if name == "href":
        return f"#{prefix}{value[1:]}" if value.startswith("#") and value[1:] in ids else None
    if name == "id":
        return prefix + value
    if name == "style" and _UNSAFE_STYLE.search(value):
        return None
    urls = _URL.findall(value)
    if urls:
        if not all(target.startswith("#") and target[1:] in ids for _, target in urls):
            return None
        return _URL.sub(lambda match: f"url(#{prefix}{match.group(2)[1:]})", value)
    return value
