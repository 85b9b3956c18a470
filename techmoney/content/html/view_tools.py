"""What every view carries to pass itself on, as Datawrapper's "Get the data, Embed, Download image" and
Our World in Data's Download, Share and Embed do: under each chart its data, its image in each size, its
embed snippet and the link to this view; at the top of each page the link to this view and its share card;
at its foot the release, the method, the corrections, the contact, the licence and the citation.

Each is an HTML fragment (templates chart_tools.html, share_bar.html, footer.html, rendered and escaped by
techmoney/content/html/render.py) for a root: both hosts draw the same fragment, the Streamlit page
(techmoney/ui/layout.py) from the address the server prints, the first screen (techmoney/content/html/first_paint.py)
from the release's placeholder root, replaced when it is served. Nothing in them depends on the request: a
page is built once per release. The links to copy are absolute; the downloads are relative to the app's
root, as every download link is. Each fragment is built once per process for a root, page and view.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from markupsafe import Markup

from techmoney.content import chart_images, embeds
from techmoney.content.html import render
from techmoney.content.page_content import CORRECTIONS_ANCHOR, METHOD_ANCHOR
from techmoney.data.dataset import Dataset, is_contact
from techmoney.site import addresses, links
from techmoney.site.addresses import ViewState
from techmoney.site.sitemap import PAGES_BY_ID
from techmoney.words.formatting import date_words
from techmoney.words.i18n import t

# Each image's link text, the same in every language (its format, or its size in pixels: a label, read left to
# right), and what it is for (its title, in words), by kind (techmoney.content.chart_images.KINDS).
IMAGE_LABELS = {"svg": "SVG", "png": "PNG", "1200x630": "1200×630", "1080x1080": "1080×1080"}
IMAGE_HELP = {
    "svg": "image_svg_help",
    "png": "image_png_help",
    "1200x630": "image_1200x630_help",
    "1080x1080": "image_1080x1080_help",
}
CODE_LICENCE = "MIT"  # LICENSE at the repository's root
APP_PREFIX, FIRST_SCREEN_PREFIX = (
    "tm-",
    "tm-fp-",
)  # the panels' ids: the first screen's and the app's are both in the page for a moment


@dataclass(frozen=True)
class FileLink:
    label: str
    href: str  # relative to the app's root (techmoney.site.addresses)
    filename: str
    help: str = ""


@dataclass(frozen=True)
class Panel:
    """A panel to copy from (templates/copy_panel.html), opened by the button that names it."""

    id: str
    button: str
    heading: str
    value: str
    help: str
    lang: str
    multiline: bool = False

    @property
    def copy(self) -> str:
        return t("copy", self.lang)

    @property
    def copied(self) -> str:
        return t("copied", self.lang)

    @property
    def close(self) -> str:
        return t("close", self.lang)


def _image_help(kind: str, lang: str) -> str:
    found = chart_images.KINDS[kind]
    width, height = found.canvas or (chart_images.PAGE_WIDTH_PX * chart_images.PNG_SCALE, 0)
    return t(
        IMAGE_HELP[kind],
        lang,
        **({"width": width, "height": height} if found.canvas else {"width": width} if kind == "png" else {}),
    )


@functools.lru_cache(maxsize=1024)
def chart_tools(
    root: str, page_path: str, view: ViewState, chart_id: str, title: str, height: int, prefix: str = APP_PREFIX
) -> str:
    """Under a chart: its CSV and images for the view's language and camps, its embed snippet (this chart, this
    view) and the link to this view (``page_path`` after ``root``); ``height``: the embed's without script."""
    lang = view.lang
    shown = ViewState(lang=lang, camps=view.camps)
    csv = FileLink(
        t("tool_data", lang), addresses.chart_csv_href(chart_id, shown), addresses.chart_csv_filename(chart_id, lang)
    )
    images = [
        FileLink(
            IMAGE_LABELS[kind],
            addresses.chart_image_href(chart_id, shown, kind),
            addresses.chart_image_filename(chart_id, lang, kind),
            _image_help(kind, lang),
        )
        for kind in chart_images.DOWNLOAD_KINDS
    ]
    panels = [
        Panel(
            f"{prefix}embed-{chart_id}",
            t("tool_embed", lang),
            t("embed_this", lang),
            embeds.embed_snippet(root, view, chart_id, title, height),
            t("embed_this_help", lang),
            lang,
            multiline=True,
        ),
        Panel(
            f"{prefix}link-{chart_id}",
            t("tool_link", lang),
            t("share_link", lang),
            links.view_link(root + page_path, view),
            t("link_help", lang),
            lang,
        ),
    ]
    return render.render(
        "chart_tools.html",
        label=t("tools_label", lang, title=title),
        csv=csv,
        image_label=t("tool_image", lang),
        images=images,
        panels=panels,
        lang=lang,
    )


@functools.lru_cache(maxsize=1024)
def share_bar(root: str, page_id: str, view: ViewState, prefix: str = APP_PREFIX) -> str:
    """At the top of a page: the link to this view, to copy, and this view's share card (on Donors the card
    follows the camps and the name picked)."""
    lang = view.lang
    panel = Panel(
        f"{prefix}share-link",
        t("share_link", lang),
        t("share_link", lang),
        links.view_link(root + PAGES_BY_ID[page_id].url_path, view),
        t("link_help", lang),
        lang,
    )
    card_view = view if page_id == "donors" else ViewState(lang=lang)
    card = FileLink(
        t("share_card", lang), addresses.card_href(page_id, card_view), addresses.card_filename(page_id, card_view)
    )
    return render.render("share_bar.html", label=t("share_label", lang), p=panel, card=card, lang=lang)


def _field(name: str) -> str:
    """What a field of a translated sentence is filled with, to be replaced by markup (see _sentence)."""
    return f"\0{name}\0"


def _sentence(text: str, parts: dict[str, Markup]) -> Markup:
    """A translated sentence whose fields, filled with _field, are markup (a link): its words escaped, their
    isolates marked up."""
    pieces = text.split("\0")
    return Markup("").join(
        parts[piece] if odd else render.bidi(piece)
        for odd, piece in ((n % 2 == 1, piece) for n, piece in enumerate(pieces))
    )


def _link(href: str, label: str, rel: str = "") -> Markup:
    """A link whose words read left to right (a licence's name, an address) in either language."""
    return Markup('<a href="{}" dir="ltr"{}>{}</a>').format(href, Markup(' rel="{}"').format(rel) if rel else "", label)


def _contact_text(contact: str) -> str:
    return contact.removeprefix("mailto:") if contact.startswith("mailto:") else contact.removeprefix("https://")


@functools.lru_cache(maxsize=1024)
def footer(root: str, page_path: str, view: ViewState, dataset: Dataset) -> str:
    """The foot of a page: the citation of this view (its link after ``root``), the release, the method, the
    corrections, the contact (publisher.toml; without one, a sentence that says so, pointing to the
    corrections) and the licence of the data and of the code."""
    lang = view.lang
    sources = links.view_link(root + PAGES_BY_ID["sources"].url_path, ViewState(lang=lang, camps=view.camps))
    method, corrections = f"{sources}#{METHOD_ANCHOR}", f"{sources}#{CORRECTIONS_ANCHOR}"
    released = date_words(dataset.released, "day", lang) if dataset.released else t("date_unknown", lang)

    def link(href: str, key: str) -> Markup:
        return Markup('<a href="{}">{}</a>').format(href, render.bidi(t(key, lang)))

    if is_contact(dataset.contact):  # checked when loaded; a dataset built in memory is checked here
        contact = _sentence(
            t("footer_contact", lang, contact=_field("contact")),
            {"contact": _link(dataset.contact, _contact_text(dataset.contact))},
        )
    else:
        contact = _sentence(
            t("footer_no_contact", lang, log=_field("log")), {"log": link(corrections, "corrections_log")}
        )
    items = [
        render.bidi(t("footer_release", lang, version=dataset.version, date=released)),
        link(method, "footer_method"),
        link(corrections, "footer_corrections"),
        contact,
        _sentence(
            t("footer_licence", lang, data=_field("data"), code=_field("code")),
            {
                "data": _link(addresses.DATA_LICENCE_URL, addresses.DATA_LICENCE, "license"),
                "code": Markup('<span dir="ltr">{}</span>').format(CODE_LICENCE),
            },
        ),
    ]
    return render.render(
        "footer.html",
        cite_label=t("footer_cite", lang),
        citation=links.citation_sentence(view, dataset),
        link=links.view_link(root + page_path, view),
        copy=t("copy_citation", lang),
        copied=t("copied", lang),
        items=items,
        lang=lang,
    )
