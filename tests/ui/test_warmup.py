"""techmoney/ui/warmup.py: with a bake of its inputs a server builds nothing, before or after its first
reader; without one it builds the default views only, and any other view once, when first asked for."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator

import pytest

from techmoney.bake import downloads
from techmoney.content import page_content, share_card
from techmoney.data.schema import CAMPS
from techmoney.site import links
from techmoney.site.addresses import CAMP_SUBSETS, ViewState
from techmoney.site.sitemap import PAGE_IDS
from techmoney.ui import shell, warmup
from techmoney.words.i18n import LANGS
from tests.conftest import DATA, DATA_DIR_ENV, clear_streamlit_caches


def _refuse(*args, **kwargs):
    raise AssertionError("built, though the bake holds it")


def test_with_a_bake_nothing_is_built_for_any_view(baked, monkeypatch):
    shell.forget_page_contents()
    monkeypatch.setattr(page_content, "build", _refuse)
    monkeypatch.setattr(share_card, "render_card", _refuse)
    assert "bake" in warmup.prepare()
    data = shell.dataset()
    for lang in LANGS:
        for camps in CAMP_SUBSETS:  # every link's camps, read the way the page reads them
            view, _ = links.parse_view(data, {"lang": [lang], "camp": list(camps) or [""]})
            assert view.camps == camps
            for page_id in page_content.VIEWS:
                assert shell.page_content(page_id, view) is not None
    shell.forget_page_contents()


@pytest.fixture(scope="module")
def unbaked(tmp_path_factory) -> Iterator[tuple[str, list[tuple]]]:
    """A changed copy of data/ (no bake has its digest), prepared once for the module: what prepare() said, and
    each page content built (not loaded) from then on."""
    copy = tmp_path_factory.mktemp("unbaked") / "data"
    shutil.copytree(DATA, copy)
    with (copy / "events.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")  # a blank line: the same data, another digest
    built, build = [], page_content.build

    def counted(dataset, page_id, lang, camps):
        built.append((page_id, lang, camps))
        return build(dataset, page_id, lang, camps)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV, str(copy))
        patch.setattr(page_content, "build", counted)
        clear_streamlit_caches()
        said = warmup.prepare()
        yield said, built
    clear_streamlit_caches()


def test_without_a_bake_only_the_default_views_are_built_before_the_first_reader(unbaked):
    said, built = unbaked
    assert "no bake" in said
    assert sorted(built[:12]) == sorted((page_id, lang, CAMPS) for lang in LANGS for page_id in page_content.VIEWS)
    for lang in LANGS:
        for page_id in PAGE_IDS:
            assert downloads.resolve(f"card/{page_id}.png", {"lang": [lang]}).content.startswith(b"\x89PNG")


def test_without_a_bake_another_view_is_built_once_when_readers_ask_for_it_together(unbaked):
    _, built = unbaked
    before = len(built)
    view = ViewState(lang="en", camps=("skeptic",))
    shown = []
    readers = [threading.Thread(target=lambda: shown.append(shell.page_content("money", view))) for _ in range(8)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert built[before:] == [("money", "en", ("skeptic",))]
    assert len(shown) == 8 and all(content is shown[0] for content in shown) and shown[0].camps == ("skeptic",)
