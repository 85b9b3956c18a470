"""The one-file download: every table, the dictionary, the article, stamped with the version."""

import io
import json
import zipfile

import pytest

from components.dataset import load_dataset
from components.export import COMPUTED_FILE, bundle_name, dataset_bundle
from components.schema import TABLES


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def test_the_bundle_holds_every_table_and_is_stamped_with_the_version(dataset):
    archive = zipfile.ZipFile(io.BytesIO(dataset_bundle(dataset)))
    names = set(archive.namelist())
    assert {t.file for t in TABLES} <= names
    assert {"README.md", "CHANGELOG.md", "source/article_ar.txt", "manifest.json", COMPUTED_FILE} <= names
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
    text = archive.read(COMPUTED_FILE).decode("utf-8")
    refund = dataset.money_facts.set_index("fact_id").loc["refund_cameron_min", "amount"]
    assert f"refund_cameron_min" in text and f"{refund:g}" in text.replace(".0,", ",")
