"""What a server does before it takes its first reader: open the release's bake, or build the default views.

Every view a reader can be sent is built once per release by the bake (techmoney/bake/build.py) and loaded
from it on first use (techmoney/content/release.py), so a server with a bake of its inputs is ready as
soon as it has found it. Without one (``streamlit run app.py`` in development, a test's copy of data/),
only the default views gate readiness: every page and the embeds in both languages with every camp
shown, and their share cards; any other view is built when first asked for, once, readers asking at the
same time waiting for that one build (techmoney/data/built_once.py). serve.py runs :func:`prepare`
in the server's lifespan and answers 503 until it returns (techmoney/web/health.py).

Once ready, :func:`preload` loads the default views before the first readers ask for them.
"""

from __future__ import annotations

import time

from techmoney.bake import downloads
from techmoney.content import release
from techmoney.content.page_content import VIEWS
from techmoney.data.dataset import default_data_dir
from techmoney.data.schema import CAMPS
from techmoney.site.addresses import ViewState
from techmoney.site.sitemap import PAGE_IDS
from techmoney.ui import shell
from techmoney.words.i18n import LANGS


def prepare() -> str:
    """Find the bake, or build the default views; returns what was done, for the log. Raises DatasetError
    if the data does not validate (the pages then show the failure; a bake's data validated when it was
    baked)."""
    start = time.perf_counter()
    baked = release.for_data(default_data_dir())
    if baked is not None:
        return f"loading from the bake {baked.path}, found in {time.perf_counter() - start:.1f} s"
    dataset = shell.dataset()
    for lang in LANGS:
        for page_id in VIEWS:
            shell.page_content(page_id, ViewState(lang=lang, camps=CAMPS))
        for page_id in PAGE_IDS:
            downloads.resolve(f"card/{page_id}.png", {"lang": [lang]}, dataset)
    return (
        f"no bake of these inputs (python -m techmoney.ui.bake makes one): built the default views in "
        f"{time.perf_counter() - start:.1f} s, the others are built when first asked for"
    )


def preload() -> None:
    """Once ready, load what the first readers ask for (the dataset, every page's default views), so that they
    do not wait for it: a reader asking meanwhile waits for the same load."""
    for lang in LANGS:
        for page_id in VIEWS:
            shell.page_content(page_id, ViewState(lang=lang, camps=CAMPS))
