"""techmoney/ui/warmup.py: after the warm-up, a first reader of any view or share card finds it built, and
the warm-up keeps within its budget."""

from __future__ import annotations

import time

from techmoney.web import downloads
from techmoney.content import share_card, page_content
from techmoney.ui import ui, warmup
from techmoney.words.i18n import LANGS
from techmoney.words.site import PAGE_IDS
from techmoney.words.addresses import ViewState
from techmoney.web import links


def _refuse(*args, **kwargs):
    raise AssertionError("built after the warm-up")


def test_after_the_warm_up_no_view_or_share_card_is_built_again_and_it_kept_its_budget(monkeypatch):
    ui.forget_page_contents()
    cpu = time.process_time()
    warmup.warm()
    assert time.process_time() - cpu < warmup.BUDGET_S
    monkeypatch.setattr(page_content, "build", _refuse)
    monkeypatch.setattr(share_card, "render_card", _refuse)
    data = ui.dataset()
    for lang in LANGS:
        for camps in warmup.CAMP_SUBSETS:  # every link's camps, read the way the page reads them
            query = {"lang": [lang], "camp": list(camps) or [""]}
            view, _ = links.parse_view(data, query)
            assert view.camps == camps
            for page_id in (*PAGE_IDS, "embed"):
                assert ui.page_content(page_id, view) is not None
        for page_id in PAGE_IDS:
            assert downloads.resolve(f"card/{page_id}.png", {"lang": [lang]}).content.startswith(b"\x89PNG")
        for actor in data.by_id("actors"):
            assert downloads.resolve("card/donors.png", {"lang": [lang], "actor": [actor]}).content.startswith(b"\x89PNG")
    assert len(warmup.CAMP_SUBSETS) == 16


def test_a_view_of_a_changed_dataset_is_still_built_on_demand():
    warmup.warm()
    ui.forget_page_contents()
    assert ui.page_content("money", ViewState(lang="en", camps=("skeptic",))).camps == ("skeptic",)
