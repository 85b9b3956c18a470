"""Warm what every page needs before the server takes its first reader.

Each page shows one view model per (page, language, camps) (components/views.py), cached by the UI
layer (components.ui.page_view) and built on first use. After a deploy the first readers arrive
together and each built the same views at once (measured before this module: ten readers opening
Donors together waited ~0.9-1.4 s each, later ones ~30 ms). serve.py calls :func:`warm` in the server's
lifespan, before it accepts connections: every page and the embeds in both languages with the default
camps (what a shared link opens), and the share cards that link previews point at.
"""

from __future__ import annotations

import time

from components import downloads, ui
from components.i18n import LANGS
from components.site import PAGE_IDS
from components.url_state import CAMPS, ViewState

VIEWS = (*PAGE_IDS, "embed")


def warm() -> float:
    """Build the views and the share cards; returns the seconds taken. Raises DatasetError if the data
    does not validate (the pages then show the failure)."""
    start = time.perf_counter()
    for lang in LANGS:
        view = ViewState(lang=lang, camps=CAMPS)
        for page_id in VIEWS:
            ui.page_view(page_id, view)
        for page_id in PAGE_IDS:
            downloads.resolve(f"card/{page_id}.png", {"lang": [lang]})
    return time.perf_counter() - start
