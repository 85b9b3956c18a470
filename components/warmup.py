"""Warm what every page needs before the server takes its first reader.

Each page shows one view model per (page, language, camps) (components/views.py), cached by the UI
layer (components.ui.page_view) and built on first use. After a deploy the first readers arrive
together and each built the same views at once (measured before this module: ten readers opening
Donors together waited ~0.9-1.4 s each, later ones ~30 ms). serve.py calls :func:`warm` in the server's
lifespan, before it accepts connections: every page and the embeds in both languages with the default
camps (what a shared link opens), and the share cards that link previews point at.

The first script run of a process also paid ~340 ms inside Streamlit, measured with cProfile: the import
of its emoji catalogue (a large regular expression compiled when st.set_page_config checks the page
icon, ~165 ms) and its once-per-process check that the script is not run from a REPL (an
``inspect.stack()``, ~170 ms). :func:`warm` does both once, as that first run would; compiling
app.py and the page scripts costs ~2 ms in all and is left to the first run.
"""

from __future__ import annotations

import gc
import importlib
import time

from streamlit import delta_generator

from components import downloads, ui
from components.i18n import LANGS
from components.site import PAGE_IDS
from components.url_state import CAMPS, ViewState

VIEWS = (*PAGE_IDS, "embed")


def _streamlit_first_use() -> None:
    importlib.import_module("streamlit.emojis")
    # Streamlit's own once-per-process check (private; skipped if a release renames it). The runtime is
    # already up in the lifespan, so it prints nothing, as in a script run.
    getattr(delta_generator, "_maybe_print_use_warning", lambda: None)()


def warm() -> float:
    """Build the views and the share cards, and pay Streamlit's first-use costs; returns the seconds
    taken. Raises DatasetError if the data does not validate (the pages then show the failure)."""
    start = time.perf_counter()
    _streamlit_first_use()
    for lang in LANGS:
        view = ViewState(lang=lang, camps=CAMPS)
        for page_id in VIEWS:
            ui.page_view(page_id, view)
        for page_id in PAGE_IDS:
            downloads.resolve(f"card/{page_id}.png", {"lang": [lang]})
    gc.freeze()  # the views live as long as the process, like the dataset: out of the GC's scans (ui.dataset)
    return time.perf_counter() - start
