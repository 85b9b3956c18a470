"""The one-file download: every table, the dictionary, the article, stamped with the version."""

import codecs
import io
import json
import zipfile

import pandas as pd
import pytest

from techmoney.data.dataset import load_dataset
from techmoney.data.export import COMPUTED_CONTEXT_FILE, COMPUTED_FILE, LICENSE_FILE, bundle_name, dataset_bundle
from techmoney.data.schema import TABLES
from tests.conftest import DATA


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def test_the_bundle_holds_every_table_and_is_stamped_with_the_version(dataset):
    archive = zipfile.ZipFile(io.BytesIO(dataset_bundle(dataset)))
    names = set(archive.namelist())
    assert {t.file for t in TABLES} <= names
    assert {
        "README.md",
        LICENSE_FILE,
        "CHANGELOG.md",
        "CORRECTIONS_ar.md",
        "source/article_ar.txt",
        "manifest.json",
        COMPUTED_FILE,
    } <= names
    assert json.loads(archive.read("manifest.json"))["version"] == dataset.version
    assert dataset.version in bundle_name(dataset)


def test_the_bundle_reimports_through_the_validator(dataset, tmp_path):
    zipfile.ZipFile(io.BytesIO(dataset_bundle(dataset))).extractall(tmp_path)
    again = load_dataset(tmp_path)
    for name, frame in dataset.tables.items():
        assert again.tables[name].equals(frame), name
    assert again.version == dataset.version


def test_the_computed_file_has_the_derived_amounts_filled_in(dataset, tmp_path):
    archive = zipfile.ZipFile(io.BytesIO(dataset_bundle(dataset)))
    text = archive.read(COMPUTED_FILE).decode("utf-8-sig")
    refund = dataset.money_facts.set_index("fact_id").loc["refund_cameron_min", "amount"]
    assert "refund_cameron_min" in text and f"{refund:g}" in text.replace(".0,", ",")


def test_the_bundle_holds_the_public_record_table_and_its_computed_values(dataset, tmp_path):
    archive = zipfile.ZipFile(io.BytesIO(dataset_bundle(dataset)))
    names = set(archive.namelist())
    assert {"context_facts.csv", COMPUTED_CONTEXT_FILE} <= names
    assert COMPUTED_CONTEXT_FILE in json.loads(archive.read("manifest.json"))["files"]
    shipped = archive.read("context_facts.csv").decode("utf-8-sig")
    assert shipped == (DATA / "context_facts.csv").read_text(encoding="utf-8"), "the curated file, after its BOM"
    computed = pd.read_csv(io.BytesIO(archive.read(COMPUTED_CONTEXT_FILE)), dtype=str, keep_default_na=False)
    derived = computed[computed["derivation"] != ""]
    assert len(derived) and (derived["value"] != "").all(), "every computed value is filled in"
    loaded = dataset.context_facts.set_index("context_id")["value"]
    assert all(int(v) == loaded[i] for i, v in zip(derived["context_id"], derived["value"], strict=True))
    archive.extractall(tmp_path)
    assert load_dataset(tmp_path).context_facts.equals(dataset.context_facts)


def test_every_csv_in_the_bundle_opens_in_a_spreadsheet_as_utf8(dataset):
    """A byte-order mark on each CSV, as on the single downloads, and only one: Excel reads a file without it
    in the system's code page, and "كامالا هاريس" comes out as mojibake."""
    archive = zipfile.ZipFile(io.BytesIO(dataset_bundle(dataset)))
    csvs = [name for name in archive.namelist() if name.endswith(".csv")]
    assert len(csvs) == len(TABLES) + 2
    for name in csvs:
        content = archive.read(name)
        assert content.startswith(codecs.BOM_UTF8) and not content[3:].startswith(codecs.BOM_UTF8), name
    names = pd.read_csv(io.BytesIO(archive.read("actors.csv")), encoding="utf-8-sig")["name_ar"]
    assert "كامالا هاريس" in set(names)


def test_the_bundle_carries_the_datas_licence(dataset):
    archive = zipfile.ZipFile(io.BytesIO(dataset_bundle(dataset)))
    licence = archive.read(LICENSE_FILE).decode("utf-8")
    assert "CC BY 4.0" in licence and "creativecommons.org/licenses/by/4.0" in licence
    assert licence == (DATA / LICENSE_FILE).read_text(encoding="utf-8")
    manifest = json.loads(archive.read("manifest.json"))
    assert LICENSE_FILE in manifest["files"] and manifest["license"] == "CC-BY-4.0"
