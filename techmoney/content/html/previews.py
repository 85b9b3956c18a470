"""Link previews: the page HTML a chat app, a social site or a reader without JavaScript gets for a link.

Streamlit serves one static index.html for every page (streamlit/streamlit#853), and link-preview
crawlers read only that HTML. So the server answers each page path with Streamlit's index.html plus,
for the exact view in the link (page, lang, camps, actor): Open Graph and Twitter Card tags (the share
card as the image), ``<html lang dir>``, a canonical link with hreflang alternates, and a short summary
in ``<noscript>``. The query is read with the page's own rules (techmoney.site.links.parse_view), so a bad
value falls back exactly as on the page; every value is escaped by the templates (techmoney/content/html/render.py:
Jinja2 with autoescape).

Pure: no Streamlit import; techmoney.web.routes serves it.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from markupsafe import Markup

from techmoney.content import cards, share_card
from techmoney.content.html import render, style
from techmoney.content.html.first_paint import HANDOVER_DOM, RENDERED_CLASS
from techmoney.data.dataset import Dataset
from techmoney.site import addresses, links, url_state
from techmoney.site.addresses import ViewState
from techmoney.site.sitemap import CHART_IDS, PAGES_BY_ID
from techmoney.words.i18n import LANGS, pick, t
from techmoney.words.locale import locale

# What each page's preview says about it, from the translation table (the opening line of the page).
SUMMARY_KEYS = {
    "story": "app_tagline",
    "money": "money_intro",
    "donors": "donors_intro",
    "timeline": "timeline_intro",
    "sources": "sources_intro",
}
_LOG = logging.getLogger("tech_money")
LOCALES = {"ar": "ar_AR", "en": "en_US"}


@dataclass(frozen=True)
class Alternate:
    hreflang: str  # "ar", "en" or "x-default"
    url: str


@dataclass(frozen=True)
class Preview:
    """What the tags say about one view; every string is plain text (the templates escape)."""

    lang: str
    direction: str
    title: str
    description: str
    site_name: str
    url: str  # canonical: this view's link, cleaned of values the page would drop
    alternates: tuple[Alternate, ...]
    locale: str
    locale_alternates: tuple[str, ...]
    image: str  # absolute URL of the view's 1200x630 share card
    image_alt: str
    other_lang_label: str
    other_lang_href: str
    other_lang: str
    card_label: str
    bundle_label: str
    bundle_href: str

    image_width: int = share_card.WIDTH
    image_height: int = share_card.HEIGHT


def read_view(dataset: Dataset | None, query: Mapping[str, str | Sequence[str]]) -> ViewState:
    """The view the link asks for, as the page would read it (no dataset: no actor can be checked)."""
    if dataset is None:
        view, _ = url_state.parse_view_state(query, actor_ids=(), chart_ids=CHART_IDS)
    else:
        view, _ = links.parse_view(dataset, query)
    return replace(view, chart=None)


def _view_url(root: str, page: str, view: ViewState) -> str:
    return links.view_link(root + PAGES_BY_ID[page].url_path, view)


def _camps_line(dataset: Dataset, view: ViewState) -> str:
    if view.camps == url_state.CAMPS:
        return ""
    labels = {row["camp_id"]: pick(row, "label", view.lang) for _, row in dataset.camps.iterrows()}
    shown = locale(view.lang).join(labels[camp] for camp in view.camps) or t("actor_none", view.lang)
    return f"{t('camp_filter', view.lang)}: {shown}"


def _actor_line(dataset: Dataset, actor_id: str, lang: str) -> str:
    actor = dataset.actors.loc[dataset.actors["actor_id"] == actor_id].iloc[0]
    return f"{pick(actor, 'name', lang)}: {pick(actor, 'role', lang)}."


def _card_view(dataset: Dataset, page: str, view: ViewState) -> ViewState:
    """The view whose share card the preview shows: on Donors the card of the actor picked, or of the camps'
    lead actor (cards.lead_actor), if it can be drawn, else the page's (a crawler must not be sent to an
    image that fails)."""
    if page != "donors":
        return view
    try:
        cards.card_png(dataset, page, view.lang, *cards.card_key(dataset, page, view))  # kept
    except ValueError as err:  # share_card refuses text it cannot fit or draw
        _LOG.warning(
            "share card of %s (%s, %s) cannot be drawn, previews show the page's: %s",
            view.actor,
            view.camps,
            view.lang,
            err,
        )
        return replace(view, actor=None, camps=url_state.CAMPS)
    return view


def _card_alt(dataset: Dataset, page: str, view: ViewState) -> str:
    """The card in words: "title: figure." then its note, each a sentence."""
    actor, camps = cards.card_key(dataset, page, view)
    spec = cards.card_for(page, dataset, view.lang, actor, camps)
    return " ".join(
        part if part.endswith((".", "؟", "?", "!")) else f"{part}."
        for part in (f"{spec.title}: {spec.key_figure}", spec.qualifier)
        if part
    )


def preview(page: str, view: ViewState, root: str, dataset: Dataset | None) -> Preview:
    """The preview of ``view`` on ``page``; ``root`` is the app's absolute root URL
    (techmoney.site.addresses.site_root)."""
    lang = view.lang
    actor = view.actor if page == "donors" and dataset is not None else None
    names = [t("app_title", lang)]
    if not PAGES_BY_ID[page].is_default:
        names.insert(0, t(PAGES_BY_ID[page].title_key, lang))
    if actor:
        name = pick(dataset.actors.loc[dataset.actors["actor_id"] == actor].iloc[0], "name", lang)
        names.insert(0, t("actor_records", lang, name=name))
    summary = [t(SUMMARY_KEYS[page], lang)]
    if actor:
        summary.insert(0, _actor_line(dataset, actor, lang))
    if dataset is not None and (camps := _camps_line(dataset, view)):
        summary.append(camps)
    other = next(code for code in LANGS if code != lang)
    alternates = tuple(Alternate(code, _view_url(root, page, replace(view, lang=code))) for code in LANGS)
    default = next(a.url for a in alternates if a.hreflang == addresses.DEFAULT_LANG)
    version = dataset.version if dataset is not None else ""
    card = _card_view(dataset, page, view) if dataset is not None else view
    return Preview(
        lang=lang,
        direction=locale(lang).direction,
        title=" | ".join(names),
        description=" ".join(part if part.endswith((".", "?", "!", "؟")) else part + "." for part in summary),
        site_name=t("app_title", lang),
        url=_view_url(root, page, view),
        alternates=(*alternates, Alternate("x-default", default)),
        locale=LOCALES[lang],
        locale_alternates=tuple(LOCALES[code] for code in LANGS if code != lang),
        image=root + addresses.card_href(page, card),
        image_alt=_card_alt(dataset, page, card) if dataset is not None else t("app_title", lang),
        other_lang_label=t(f"lang_{other}", other),
        other_lang_href=_view_url(root, page, replace(view, lang=other)),
        other_lang=other,
        card_label=t("share_card", lang),
        bundle_label=t("download_bundle", lang, version=version),
        bundle_href=root + addresses.bundle_href(),
    )


# ---------------------------------------------------------------------------------- the page's HTML

_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_TITLE = re.compile(r"<title>.*?</title>", re.IGNORECASE | re.DOTALL)
_FONT_PRELOAD = re.compile(r"\s*<link\b[^>]*\brel=\"preload\"[^>]*\bas=\"font\"[^>]*>", re.IGNORECASE)
_NOSCRIPT = re.compile(r"<noscript>.*?</noscript>", re.IGNORECASE | re.DOTALL)
# Streamlit's bundle: its entry module and the modules it preloads.
_MODULE = re.compile(r"\s*<script\b[^>]*\btype=\"module\"[^>]*\bsrc=\"([^\"]+)\"[^>]*>\s*</script>", re.IGNORECASE)
_MODULE_PRELOAD = re.compile(r"\s*<link\b[^>]*\brel=\"modulepreload\"[^>]*\bhref=\"([^\"]+)\"[^>]*>", re.IGNORECASE)


@functools.lru_cache(maxsize=8)
def _places(index_html: str) -> tuple[tuple[int, int, str], ...]:
    """Where the preview goes in Streamlit's index.html: (start, end, slot), in order. This is the
    ``index_html`` reach into Streamlit's internals (techmoney.ui.internals, its canary in
    tests/ui/test_internals.py): regular expressions over a file Streamlit does not document. Its <html> tag, its
    <title> and its <noscript> are replaced (if it has none, the head goes before </head> and the summary
    before </body>) and its preload of its own default font dropped: the theme sets other fonts, so no
    text would be shown in it (static/head.css). Its bundle's script and preloads are dropped too: the
    page loads them after its first paint (see bundle). Only Streamlit's file is searched, never our fragments."""
    places = [
        (m.start(), m.end(), "")
        for pattern in (_FONT_PRELOAD, _MODULE, _MODULE_PRELOAD)
        for m in pattern.finditer(index_html)
    ]
    for pattern, slot, fallback in (
        (_HTML_TAG, "html", None),
        (_TITLE, "head", "</head>"),
        (_NOSCRIPT, "body", "</body>"),
    ):
        found = pattern.search(index_html)
        if found:
            places.append((found.start(), found.end(), slot))
        elif fallback and fallback in index_html:
            at = index_html.index(fallback)
            places.append((at, at, slot))
    return tuple(sorted(places))


def page_html(index_html: str, item: Preview, more_head: str = "", first_screen: str = "") -> str:
    """Streamlit's index.html with the preview: lang and dir on <html>, the tags and static/head.css in
    place of its <title> (then ``more_head``, rendered HTML), the summary in place of its <noscript>
    (see _places), followed by ``first_screen`` (the view itself, techmoney.content.html.first_paint: rendered
    and escaped there), the scripts that keep <html lang dir> on the app's language and copy what the Copy
    buttons name (templates/copy_script.html), and the loader of Streamlit's bundle."""
    # Our own file, checked to hold no "</" (techmoney/content/html/style.py).
    css = Markup(style.head_stylesheet())  # nosec B704
    slots = {
        "": "",
        "html": render.render("html_tag.html", p=item),
        "head": render.render("preview_head.html", p=item, css=css) + more_head,
        "body": render.render("preview_noscript.html", p=item)
        + first_screen
        + render.render("lang_follower.html", rendered_class=RENDERED_CLASS, dom=HANDOVER_DOM)
        + render.render("copy_script.html")
        + render.render("bundle_loader.html", bundle=bundle(index_html), on_intent=app_loading() == "intent"),
    }
    parts, done = [], 0
    for start, end, slot in _places(index_html):
        parts += [index_html[done:start], slots[slot]]
        done = end
    return "".join(parts) + index_html[done:]


# A measurement switch for bench/vitals.py, never set in production: "intent" asks for Streamlit's bundle on the
# reader's first pointer, touch or key on a chart or control of the first screen, not once the page has loaded.
APP_LOADING_ENV = "TECH_MONEY_BENCH_APP_LOADING"
SHIPPED_LOADING = "load"


def app_loading() -> str:
    """When the page asks for Streamlit's bundle: "load" (shipped: once the page has loaded and drawn) or, on a
    server the benchmark starts with $TECH_MONEY_BENCH_APP_LOADING=intent, "intent"."""
    return "intent" if os.environ.get(APP_LOADING_ENV) == "intent" else SHIPPED_LOADING


@functools.lru_cache(maxsize=8)
def bundle(index_html: str) -> tuple[str, ...]:
    """Streamlit's JavaScript as its index.html loads it: the entry module first, then the modules it
    preloads. The page asks for them once it has loaded and drawn (templates/bundle_loader.html): requested
    with the HTML, 2 MB of JavaScript shared a phone's bandwidth with the page's text and ran before the
    browser drew it (Lighthouse's mobile first paint: 8.4 s with the text in the HTML, 2.3 s unthrottled)."""
    entry = [m.group(1) for m in _MODULE.finditer(index_html)]
    return tuple(entry + [m.group(1) for m in _MODULE_PRELOAD.finditer(index_html)])


@functools.lru_cache(maxsize=8)
def read_index(path: Path) -> str:
    return path.read_text(encoding="utf-8")
