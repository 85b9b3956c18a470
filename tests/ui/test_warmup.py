"""techmoney/ui/warmup.py: after the warm-up, a first reader of any page finds everything built."""

from __future__ import annotations

from techmoney.web import downloads
from techmoney.content import share_card, page_content
from techmoney.ui import ui, warmup
from techmoney.words.i18n import LANGS
from techmoney.words.site import PAGE_IDS
from techmoney.words.addresses import ViewState


def _refuse(*args, **kwargs):
    raise AssertionError("built after the warm-up")


def test_after_the_warm_up_no_page_view_or_share_card_is_built_again(monkeypatch):
    warmup.warm()
    monkeypatch.setattr(page_content, "build", _refuse)
    monkeypatch.setattr(share_card, "render_card", _refuse)
    for lang in LANGS:
        for page_id in (*PAGE_IDS, "embed"):
            assert ui.page_content(page_id, ViewState(lang=lang)) is not None
        for page_id in PAGE_IDS:
            assert downloads.resolve(f"card/{page_id}.png", {"lang": [lang]}).content.startswith(b"\x89PNG")


def test_a_view_the_warm_up_did_not_cover_is_still_built_on_demand():
    warmup.warm()
    narrow = ViewState(lang="en", camps=("skeptic",))
    assert ui.page_content("money", narrow).camps == ("skeptic",)
