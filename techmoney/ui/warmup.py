"""Warm what every page needs before the server takes its first reader.

Each page shows one page content per (page, language, camps) (techmoney/content/page_content.py), cached by the UI
layer (techmoney.ui.ui.page_content) and built on first use. After a deploy the first readers arrive
together and each built the same page contents at once (measured before this module: ten readers opening
Donors together waited ~0.9-1.4 s each, later ones ~30 ms). serve.py calls :func:`warm` in the server's
lifespan, before it accepts connections: every page and the embeds in both languages with the default
camps (what a shared link opens), and the share cards that link previews point at.

The first script run of a process also pays for the import of Streamlit's emoji catalogue (~165 ms,
techmoney.ui.internals); :func:`warm` pays it first.
"""

from __future__ import annotations

import time

from techmoney.web import downloads
from techmoney.ui import internals, ui
from techmoney.words.i18n import LANGS
from techmoney.words.site import PAGE_IDS
from techmoney.web.url_state import CAMPS
from techmoney.words.addresses import ViewState

VIEWS = (*PAGE_IDS, "embed")


def warm() -> float:
    """Build the page contents and the share cards, and pay Streamlit's first-use costs; returns the seconds
    taken. Raises DatasetError if the data does not validate (the pages then show the failure)."""
    start = time.perf_counter()
    internals.warm_first_use()
    for lang in LANGS:
        view = ViewState(lang=lang, camps=CAMPS)
        for page_id in VIEWS:
            ui.page_content(page_id, view)
        for page_id in PAGE_IDS:
            downloads.resolve(f"card/{page_id}.png", {"lang": [lang]})
    return time.perf_counter() - start
