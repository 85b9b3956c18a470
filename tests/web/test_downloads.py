"""techmoney/web/downloads.py: the links the pages show and the files they resolve to."""

from __future__ import annotations

import io
import zipfile
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from PIL import Image

from techmoney.content import charts
from techmoney.web import downloads
from techmoney.words.site import PAGE_IDS as PAGES
from techmoney.data.dataset import load_dataset
from techmoney.web.url_state import CAMPS
from techmoney.words.addresses import ViewState
from techmoney.words import addresses
from techmoney.data.schema import TABLES
from tests.conftest import DATA

DATASET = load_dataset(DATA)


def _resolve(href: str):
    split = urlsplit(href)
    return downloads.resolve(split.path.removeprefix("download/"), parse_qs(split.query, keep_blank_values=True),
                             DATASET)


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_a_card_link_gives_the_pages_card_as_a_1200x630_png(page, lang):
    href = addresses.card_href(page, ViewState(lang=lang, camps=("skeptic",)))
    assert href == f"download/card/{page}.png" + ("?lang=en" if lang == "en" else ""), "cards do not follow camps"
    served = _resolve(href)
    assert served.media_type == "image/png" and served.filename == f"tech-money-2024-{page}-{lang}.png"
    assert Image.open(io.BytesIO(served.content)).size == (1200, 630)


@pytest.mark.parametrize("camps", [CAMPS, ("pro_trump",), ()])
@pytest.mark.parametrize("chart_id", charts.CHART_IDS)
def test_a_chart_csv_link_gives_that_charts_table_for_the_view(chart_id, camps):
    view = ViewState(lang="en", camps=camps)
    href = addresses.chart_csv_href(chart_id, view)
    assert parse_qs(urlsplit(href).query, keep_blank_values=True).get("camp", list(CAMPS)) == (list(camps) or [""])
    served = _resolve(href)
    assert served.content.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for spreadsheets"
    expected = charts.build_chart(chart_id, DATASET, "en", camps).table
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
    ["card/nope.png", "card/story.jpg", "card/story", "chart/goal.png", "chart/../goal.csv", "table/../../etc/passwd.csv",
     "table/actors.zip", "bundle.tar", "", "/", "card/", "card/.png", "chart/<script>.csv", "README.md",
     "source/article_ar.txt"],
)
def test_anything_else_is_not_a_file(path):
    assert downloads.resolve(path, {}, DATASET) is None


def test_bad_query_values_fall_back_as_on_a_page():
    served = downloads.resolve("card/donors.png", {"lang": ["xx"], "actor": ["<script>"]}, DATASET)
    assert served.filename == "tech-money-2024-donors-ar.png"
    served = downloads.resolve("chart/goal.csv", {"camp": ["nope", "pro_trump"], "lang": ["en", "ar"]}, DATASET)
    assert served is not None and served.filename.endswith(".csv")


def test_a_table_download_is_the_curated_file_after_a_byte_order_mark():
    """Fact-check C21 (issue 31): "a data file as curated" means its bytes (integers, true/false, blank cells), not
    the loaded frame with derived values filled in."""
    for name, table in ((t.name, t) for t in TABLES):
        served = _resolve(addresses.table_csv_href(name)).content
        assert served == "\ufeff".encode() + (DATA / table.file).read_bytes(), name
