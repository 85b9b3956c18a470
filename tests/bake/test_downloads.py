"""techmoney/bake/downloads.py: the links the pages show and the files they resolve to."""

from __future__ import annotations

import html
import io
import zipfile
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from PIL import Image

from techmoney.bake import downloads
from techmoney.content import cards, chart_images, charts, share_card
from techmoney.data.dataset import load_dataset
from techmoney.data.schema import TABLES
from techmoney.site import addresses
from techmoney.site.addresses import ViewState
from techmoney.site.sitemap import CHART_IDS
from techmoney.site.sitemap import PAGE_IDS as PAGES
from techmoney.site.url_state import CAMPS
from techmoney.words.bound import Words
from techmoney.words.i18n import pick
from tests.conftest import DATA, drawn_or_skip
from tests.hostile_inputs import XSS_PAYLOADS

DATASET = load_dataset(DATA)


def _resolve(href: str):
    split = urlsplit(href)
    return downloads.resolve(
        split.path.removeprefix("download/"), parse_qs(split.query, keep_blank_values=True), DATASET
    )


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("page", [page for page in PAGES if page != "donors"])
def test_a_card_link_gives_the_pages_card_as_a_1200x630_png(page, lang):
    href = addresses.card_href(page, ViewState(lang=lang, camps=("skeptic",)))
    assert href == f"download/card/{page}.png" + ("?lang=en" if lang == "en" else ""), "one card a page"
    served = _resolve(href)
    assert served.media_type == "image/png" and served.filename == f"tech-money-2024-{page}-{lang}.png"
    assert Image.open(io.BytesIO(served.content)).size == (1200, 630)


def _givers(camp: str) -> list[str]:
    money, actors = DATASET.money_facts, DATASET.by_id("actors")
    return [payer for payer in money.loc[money["kind"] == "donation", "payer_id"] if actors[payer]["camp"] == camp]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_donors_card_follows_the_camps_shown(lang):
    """A camp-filtered Donors view's card shows a gift from those camps: a pro-Trump view, a pro-Trump giver's."""
    everyone = _resolve(addresses.card_href("donors", ViewState(lang=lang)))
    href = addresses.card_href("donors", ViewState(lang=lang, camps=("pro_trump",)))
    assert parse_qs(urlsplit(href).query)["camp"] == ["pro_trump"]
    served = _resolve(href)
    assert Image.open(io.BytesIO(served.content)).size == (1200, 630)
    assert served.filename == f"tech-money-2024-donors-pro_trump-{lang}.png"
    givers = {
        giver: share_card.render_card(cards.card_for("donors", DATASET, lang, giver)) for giver in _givers("pro_trump")
    }
    assert givers and served.content in givers.values() and served.content != everyone.content
    assert everyone.content == share_card.render_card(cards.card_for("donors", DATASET, lang, _givers("pro_harris")[0]))


def test_a_donors_card_link_naming_an_actor_outside_its_camps_gives_the_camps_card():
    outside = _resolve("download/card/donors.png?camp=pro_trump&actor=" + _givers("pro_harris")[0])
    assert outside.content == _resolve("download/card/donors.png?camp=pro_trump").content


def test_a_donors_view_without_camps_has_a_card_naming_no_one():
    served = _resolve(addresses.card_href("donors", ViewState(lang="en", camps=())))
    spec = cards.card_for("donors", DATASET, "en", camps=())
    assert served.content == share_card.render_card(spec) and served.filename == "tech-money-2024-donors-none-en.png"
    names = {pick(row, "name", "en") for row in DATASET.by_id("actors").values()}
    assert not any(name in f"{spec.title} {spec.key_figure} {spec.qualifier}" for name in names)


@pytest.mark.parametrize("camps", [CAMPS, ("pro_trump",), ()])
@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_a_chart_csv_link_gives_that_charts_table_for_the_view(chart_id, camps):
    view = ViewState(lang="en", camps=camps)
    href = addresses.chart_csv_href(chart_id, view)
    assert parse_qs(urlsplit(href).query, keep_blank_values=True).get("camp", list(CAMPS)) == (list(camps) or [""])
    served = _resolve(href)
    assert served.content.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for spreadsheets"
    expected = charts.build_chart(Words(DATASET, "en"), chart_id, camps).table
    frame = pd.read_csv(io.BytesIO(served.content), encoding="utf-8-sig", keep_default_na=False)
    assert list(frame.columns) == list(expected.columns) and len(frame) == len(expected)


def test_table_actor_and_bundle_links():
    for name in DATASET.tables:
        served = _resolve(addresses.table_csv_href(name))
        frame = pd.read_csv(io.BytesIO(served.content), encoding="utf-8-sig", keep_default_na=False)
        assert served.filename == f"{name}.csv" and len(frame) == len(DATASET.tables[name])
    served = _resolve(addresses.actors_csv_href(ViewState(camps=("pro_trump",))))
    assert served.filename == "tech-money-2024-actors-pro_trump.csv"
    trump = (DATASET.actors["camp"] == "pro_trump").sum()
    assert len(pd.read_csv(io.BytesIO(served.content), encoding="utf-8-sig")) == trump
    served = _resolve(addresses.bundle_href())
    assert served.media_type == "application/zip" and served.filename.endswith(f"v{DATASET.version}.zip")
    assert "manifest.json" in zipfile.ZipFile(io.BytesIO(served.content)).namelist()


@pytest.mark.parametrize(
    "path",
    [
        "card/nope.png",
        "card/story.jpg",
        "card/story",
        "chart/goal.gif",
        "chart/goal-640x480.png",
        "chart/.svg",
        "chart/-1200x630.png",
        "chart/nope.svg",
        "chart/goal.SVG",
        "chart/../goal.svg",
        "chart/../goal.csv",
        "table/../../etc/passwd.csv",
        "table/actors.zip",
        "bundle.tar",
        "",
        "/",
        "card/",
        "card/.png",
        "chart/<script>.csv",
        "README.md",
        "source/article_ar.txt",
    ],
)
def test_anything_else_is_not_a_file(path):
    assert downloads.resolve(path, {}, DATASET) is None


def test_bad_query_values_fall_back_as_on_a_page():
    served = downloads.resolve("card/donors.png", {"lang": ["xx"], "actor": ["<script>"]}, DATASET)
    assert served.filename == "tech-money-2024-donors-ar.png"
    served = downloads.resolve("chart/goal.csv", {"camp": ["nope", "pro_trump"], "lang": ["en", "ar"]}, DATASET)
    assert served is not None and served.filename.endswith(".csv")


# --- chart images: drawn once for the module, in one browser session, into a store of its own ----------------

IMAGE_VIEW = ViewState(lang="en", camps=("pro_trump",))
FALLBACK_VIEW = ViewState()  # what a bad lang and camp fall back to


@pytest.fixture(scope="module")
def image_store():
    store = chart_images.ImageStore(None)
    requests = chart_images.chart_requests(
        "twins", DATASET, IMAGE_VIEW.lang, IMAGE_VIEW.camps
    ) + chart_images.chart_requests("twins", DATASET, FALLBACK_VIEW.lang, FALLBACK_VIEW.camps, ("svg",))
    drawn_or_skip(lambda: chart_images.render_images(requests, store=store))
    shared = chart_images.shared_store
    chart_images.shared_store = lambda: store
    yield store
    chart_images.shared_store = shared


def test_chart_image_links_follow_the_csvs_rules():
    view = ViewState(lang="en", camps=("pro_trump", "skeptic"))
    csv_query = urlsplit(addresses.chart_csv_href("twins", view)).query
    for kind, path in (
        ("svg", "twins.svg"),
        ("png", "twins.png"),
        ("1200x630", "twins-1200x630.png"),
        ("1080x1080", "twins-1080x1080.png"),
    ):
        assert addresses.chart_image_href("twins", view, kind) == f"download/chart/{path}?{csv_query}"
        assert addresses.chart_image_path(path) == ("twins", kind)


@pytest.mark.parametrize("kind,size", [("png", None), ("1200x630", (1200, 630)), ("1080x1080", (1080, 1080))])
def test_a_chart_png_link_gives_a_png_of_its_size(image_store, kind, size):
    served = _resolve(addresses.chart_image_href("twins", IMAGE_VIEW, kind))
    assert served.media_type == "image/png"
    assert served.filename == addresses.chart_image_filename("twins", "en", kind)
    with Image.open(io.BytesIO(served.content)) as png:
        figure = charts.build_chart(Words(DATASET, "en"), "twins", IMAGE_VIEW.camps).figure
        assert png.format == "PNG"
        assert png.size == (size or (2 * chart_images.PAGE_WIDTH_PX, 2 * (figure.layout.height - 24)))


def test_a_chart_svg_link_gives_the_views_chart_as_svg(image_store):
    served = _resolve(addresses.chart_image_href("twins", IMAGE_VIEW, "svg"))
    assert served.media_type == "image/svg+xml" and served.filename == "tech-money-2024-twins-en.svg"
    text = served.content.decode()
    title = charts.build_chart(Words(DATASET, "en"), "twins", IMAGE_VIEW.camps).title
    assert (
        text.startswith("<svg") and f"<title>{html.escape(title, quote=False)}" in text and "Tyler Winklevoss" in text
    )


@pytest.mark.parametrize("payload", XSS_PAYLOADS[:4])
def test_bad_image_query_values_fall_back_as_for_a_csv(image_store, payload):
    served = downloads.resolve("chart/twins.svg", {"lang": [payload], "camp": [payload]}, DATASET)
    assert served.filename == "tech-money-2024-twins-ar.svg"
    assert served.content == image_store.get(
        chart_images.image_key(chart_images.chart_requests("twins", DATASET, "ar", FALLBACK_VIEW.camps, ("svg",))[0])
    )


def test_an_image_of_a_chart_the_camps_empty_is_not_a_file():
    assert charts.build_chart(Words(DATASET, "en"), "goal", ("pro_trump",)).figure is None
    assert _resolve(addresses.chart_image_href("goal", IMAGE_VIEW, "png")) is None


def test_a_table_download_is_the_curated_file_after_a_byte_order_mark():
    """Fact-check C21 (issue 31): "a data file as curated" means its bytes (integers, true/false, blank cells), not
    the loaded frame with derived values filled in."""
    for name, table in ((t.name, t) for t in TABLES):
        served = _resolve(addresses.table_csv_href(name)).content
        assert served == "\ufeff".encode() + (DATA / table.file).read_bytes(), name
