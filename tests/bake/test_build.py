"""techmoney/bake/build.py: the bake holds every view and answer a reader can be sent, the same as one made
now, and a failed bake leaves nothing a server could take for one."""

from __future__ import annotations

import json
import os
import re

import pandas as pd
import pytest

from techmoney.bake import answers, build
from techmoney.content import chart_images, page_content, release
from techmoney.content.chart_images import ImageRequest, ImageStore
from techmoney.content.html import first_paint, previews
from techmoney.data.dataset import load_dataset
from techmoney.site.addresses import CAMP_SUBSETS, ViewState
from techmoney.ui import bake, internals
from techmoney.words.i18n import LANGS
from tests.conftest import DATA
from tests.content.html.test_render import Parsed

# A sample of what a reader asks for: pages, a chart link, an actor's page and card, a CSV, the bundle.
SAMPLE = (
    "",
    "money?lang=en&camp=pro_trump&camp=skeptic",
    "donors?actor=hastings",
    "?chart=flows&embed=true",
    "sources?lang=en&camp=",
    "download/card/donors.png?lang=en&actor=hastings",
    "download/chart/camps.csv?camp=pro_trump",
    "download/actors.csv?lang=en&camp=context",
)


def test_the_bake_holds_every_page_content_and_every_answer(baked):
    held, dataset = release.Release(baked), load_dataset()
    every = set(answers.every_address(dataset))
    assert set(held.addresses()) <= every
    for address in every - set(held.addresses()):  # only the images of charts the camps leave empty
        assert address.startswith("download/chart/") and not address.split("?")[0].endswith(".csv"), address
        assert answers.make(address, "", dataset) is None, address
    for camps in CAMP_SUBSETS:
        for lang in LANGS:
            for page_id in page_content.VIEWS:
                assert (baked / release.content_name(page_id, lang, camps)).is_file()
    manifest = json.loads((baked / release.MANIFEST).read_text())
    assert manifest["digest"] == baked.name == release.digest(DATA.resolve())
    assert manifest["answers"] == len(held.addresses())


@pytest.mark.parametrize("address", SAMPLE)
def test_a_baked_answer_is_the_one_made_now(baked, address):
    dataset = load_dataset()
    made = answers.make(address, previews.read_index(internals.index_html()), dataset)
    assert release.Release(baked).answer(address) == made


@pytest.mark.parametrize(
    ("page_id", "lang", "camps"),
    [("money", "ar", ("pro_trump", "skeptic")), ("donors", "en", ()), ("embed", "en", ("context",))],
)
def test_a_baked_page_content_shows_what_a_built_one_shows(baked, page_id, lang, camps):
    loaded = release.Release(baked).page_content(page_id, lang, camps)
    built = page_content.build(load_dataset(), page_id, lang, camps)
    assert _shown(loaded) == _shown(built)


def _shown(value):
    """What a page content shows, comparable: its text, and each chart's figure and table."""
    if isinstance(value, page_content.ChartContent):
        figure = value.figure.to_dict() if value.figure is not None else None
        return value.alt, value.table_html, figure, value.chart.table.to_csv()
    if isinstance(value, pd.DataFrame):
        return value.to_csv()
    if hasattr(value, "__dataclass_fields__"):
        return {name: _shown(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, dict):
        return {key: _shown(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(_shown(item) for item in value)
    return value


def _fail(*args):
    raise OSError("disk full")


def test_a_failed_bake_leaves_no_folder_behind(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "_build_contents", _fail)
    target = tmp_path / "bake" / "0123"
    with pytest.raises(OSError):
        build.build(DATA, target, bake.frontend(), workers=1)
    assert not target.exists() and list(target.parent.iterdir()) == []


_FIGURE = re.compile(r'<figure class="tm-fp-chart( tm-fp-drawn)?".*?</figure>', re.DOTALL)


def test_every_chart_of_every_baked_view_is_drawn_in_its_first_screen(baked):
    """Every page and embed the bake holds, in both languages and every camp subset: each chart's place holds
    its images (one per first-screen width), when the bake had Chromium to draw them."""
    held = release.Release(baked)
    if str(held.manifest.get("chart_images", "")).startswith("not drawn"):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and the bake drew no chart images: {held.manifest['chart_images']}", pytrace=False)
        pytest.skip(f"the bake drew no chart images: {held.manifest['chart_images']}")
    pages = [address for address in held.addresses() if not address.startswith("download/")]
    places = 0
    for address in pages:
        answer = held.answer(address)
        if not answer.media_type.startswith("text/html"):
            continue
        page = answer.content.decode("utf-8")
        drawn = re.search(r'<div id="tm-first-paint"[^>]*data-charts="(\d+)"', page)
        found = list(_FIGURE.finditer(page))
        assert drawn and len(found) == int(drawn.group(1)), f"{address}: a place for every chart the page draws"
        for place in found:
            assert place.group(1), f"{address}: a chart's place without its image"
            assert place.group(0).count("<svg") == len(chart_images.SCREEN_WIDTHS_PX), address
        places += len(found)
    assert places, "the bake's pages draw charts"


def test_without_chromium_the_bake_says_so_and_the_first_screen_keeps_its_placeholders(monkeypatch, tmp_path, capsys):
    store = ImageStore(tmp_path / "images")
    monkeypatch.setattr(chart_images, "shared_store", lambda: store)
    monkeypatch.setenv(chart_images.BROWSER_ENV, str(tmp_path / "no-chromium"))
    dataset = load_dataset()
    goal = page_content.chart(dataset, "goal", "en", ViewState().camps).figure
    # Two of the bake's images stand for all of them: what matters is that none can be drawn.
    monkeypatch.setattr(
        chart_images,
        "every_request",
        lambda *args, **kwargs: [ImageRequest(goal, "en", "screen", width) for width in chart_images.SCREEN_WIDTHS_PX],
    )
    said = build._draw_images(DATA)
    assert said.startswith("not drawn") and "keeps its placeholders" in capsys.readouterr().err
    found = Parsed(first_paint.first_paint("money", ViewState(lang="en"), "https://example.org/", dataset))
    tags = [tag for tag, _ in found.tags]
    assert "svg" not in tags and tags.count("figcaption") == tags.count("figure") >= 1, "each chart said in words"
