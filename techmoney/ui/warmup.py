"""Warm what every page needs before the server takes its first reader.

Each page shows one page content per (page, language, camps) (techmoney/content/page_content.py), cached by the UI
layer (techmoney.ui.ui.page_content) and built on first use. After a deploy the first readers arrive
together, and a burst over views nobody had opened yet stalled (200 readers over 50 views: first render
p95 11.5 s with only the default camps warm). serve.py starts :func:`warm` in the server's lifespan and
answers 503 until it is done (techmoney.web.health): every page and the embeds in both languages and
every subset of the camps (6 x 2 x 16 = 192 page contents, their charts shared), then every share card (each
page's, and each actor's on Donors), so no reader ever waits for a build. Budget: see
:data:`BUDGET_S` (tests/ui/test_warmup.py holds it).

The first script run of a process also pays for the import of Streamlit's emoji catalogue (~165 ms,
techmoney.ui.internals); :func:`warm` pays it first.
"""

from __future__ import annotations

import itertools
import time

from techmoney.web import downloads
from techmoney.ui import internals, ui
from techmoney.words.i18n import LANGS
from techmoney.words.site import PAGE_IDS
from techmoney.web.url_state import CAMPS
from techmoney.words.addresses import ViewState

VIEWS = (*PAGE_IDS, "embed")
# Every subset of the camps, as a link names it (in CAMPS order), all of them first: what links open.
CAMP_SUBSETS = tuple(sorted((c for n in range(len(CAMPS) + 1) for c in itertools.combinations(CAMPS, n)),
                            key=len, reverse=True))
# CPU seconds (about the wall time on an idle core): measured 21.3 s on the development machine.
BUDGET_S = 30.0


def warm() -> float:
    """Build the page contents and the share cards, and pay Streamlit's first-use costs; returns the seconds
    taken. Raises DatasetError if the data does not validate (the pages then show the failure)."""
    start = time.perf_counter()
    internals.warm_first_use()
    for camps in CAMP_SUBSETS:
        for lang in LANGS:
            for page_id in VIEWS:
                ui.page_content(page_id, ViewState(lang=lang, camps=camps))
    actors = list(ui.dataset().by_id("actors"))
    for lang in LANGS:
        for page_id in PAGE_IDS:
            downloads.resolve(f"card/{page_id}.png", {"lang": [lang]})
        for actor in actors:
            downloads.resolve("card/donors.png", {"lang": [lang], "actor": [actor]})
    return time.perf_counter() - start
