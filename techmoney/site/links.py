"""Links to the current view: the share link, the embed snippet, the citation line, and reading a
link's query back into a view.

Pure string building from a base URL and a ViewState; every part is URL-encoded and the snippet
is HTML-escaped, since the base URL and the state come from the browser.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import replace
from urllib.parse import urlencode

from techmoney.data.dataset import Dataset
from techmoney.site import addresses, url_state
from techmoney.site.addresses import ViewState
from techmoney.site.sitemap import CHART_IDS, URL_PATHS
from techmoney.words import facts
from techmoney.words.formatting import date_words, ltr
from techmoney.words.i18n import pick, t

DEFAULT_BASE = "http://localhost:8501/"


def parse_view(
    dataset: Dataset, params: Mapping[str, str | Sequence[str]]
) -> tuple[ViewState, tuple[url_state.Notice, ...]]:
    """The view a page's or a download's query asks for, against this dataset's actors and the charts;
    bad values fall back to defaults, each with a notice. An actor outside the link's camps is dropped
    too (fit_view), with a notice naming them: the page, its share card and its preview all read the
    link this way, so none of them names someone the view does not show."""
    view, notices = url_state.parse_view_state(params, actor_ids=_actor_ids(dataset), chart_ids=CHART_IDS)
    fitted = fit_view(dataset, view)
    if fitted != view and len(notices) < url_state.MAX_NOTICES:
        name = facts.actor_name(dataset, view.actor, view.lang)
        notices += (url_state.Notice("actor", url_state.safe_display(name), url_state.OUTSIDE_CAMPS),)
    return fitted, notices


def fit_view(dataset: Dataset, view: ViewState) -> ViewState:
    """The view without an actor whose camp it does not show."""
    if view.actor is not None and facts.camp_of(dataset, view.actor) not in view.camps:
        return replace(view, actor=None)
    return view


@functools.lru_cache(maxsize=4)
def _actor_ids(dataset: Dataset) -> frozenset[str]:
    return frozenset(dataset.actors["actor_id"])


def _base(url: str | None) -> str:
    """The page URL without query or fragment; anything but http(s) falls back to the default."""
    base = (url or "").split("?")[0].split("#")[0]
    return base if base.lower().startswith(("http://", "https://")) else DEFAULT_BASE


def _root_of(url: str | None) -> str:
    """The app's root URL from the current page's URL (embeds are served from the root)."""
    base = _base(url)
    head, _, last = base.rstrip("/").rpartition("/")
    return f"{head}/" if last in URL_PATHS else base if base.endswith("/") else base + "/"


def view_link(base_url: str | None, view: ViewState) -> str:
    base = _base(base_url)
    query = addresses.query_string(view)
    return f"{base}?{query}" if query else base


def embed_link(base_url: str | None, view: ViewState, chart_id: str) -> str:
    base = _root_of(base_url)
    params = addresses.to_query_params(ViewState(lang=view.lang, camps=view.camps, chart=chart_id))
    return f"{base}?{urlencode(params, doseq=True)}&embed=true"


def citation_sentence(view: ViewState, dataset: Dataset) -> str:
    """How to cite a view, in its language: the dataset's version and date (a release's, the same for every
    reader, so a page can be built once), and the source: CNBC's report (its headline, outlet and month, from
    context_facts.csv) in an Arabic translation whose publisher the data does not know. In Arabic the English
    headline is isolated (LRI…PDI; a page shows it as <bdi>)."""
    lang = view.lang
    report = dataset.by_id("context_facts")[facts.ENGLISH_REPORT]
    released = date_words(dataset.released, "day", lang) if dataset.released else t("date_unknown", lang)
    headline = f"“{report['source_title']}”"
    return t(
        "cite_text",
        lang,
        version=dataset.version,
        date=released,
        report=headline if lang == "en" else ltr(headline),
        publisher=pick(report, "publisher", lang),
        when=date_words(report["source_date"], "month", lang),
    )


def citation(base_url: str | None, view: ViewState, dataset: Dataset) -> str:
    """The citation as text to copy: its sentence, then the view's link on a line of its own, with no control
    character around it (a CMS that turns addresses into links takes the whole address, and nothing more)."""
    return f"{citation_sentence(view, dataset)}\n{view_link(base_url, view)}"
