"""The whole dataset as one download: a ZIP of the data files, stamped with the dataset version.

The archive holds the curated files as in data/ (so it re-imports through the project's own
validator), the data dictionary, changelog and licence, the source article, and extra files with the
derived amounts and values filled in for spreadsheet users. Every CSV in it starts with a UTF-8
byte-order mark, like the single downloads (techmoney/bake/downloads.py): a spreadsheet program opened on
a file without one reads the Arabic in the system's code page and garbles it. The loader reads the
files with or without it.
"""

from __future__ import annotations

import codecs
import io
import json
import zipfile
from pathlib import Path

import pandas as pd

from techmoney.data.dataset import ARTICLE_FILE, CHANGELOG_FILE, CORRECTIONS_AR_FILE, DATA_DIR, Dataset
from techmoney.data.schema import TABLES

COMPUTED_FILE = "computed/money_facts_with_derived_amounts.csv"
COMPUTED_CONTEXT_FILE = "computed/context_facts_with_derived_values.csv"
LICENSE_FILE = "LICENSE.md"  # the data's licence (CC BY 4.0), beside the files it covers


def bundle_name(dataset: Dataset) -> str:
    return f"tech-money-2024-data-v{dataset.version}.zip"


def with_bom(content: bytes) -> bytes:
    """A CSV's bytes with the UTF-8 byte-order mark in front (once)."""
    return content if content.startswith(codecs.BOM_UTF8) else codecs.BOM_UTF8 + content


def dataset_bundle(dataset: Dataset, data_dir: Path | None = None) -> bytes:
    data_dir = data_dir or dataset.data_dir or DATA_DIR
    buffer = io.BytesIO()
    files = [t.file for t in TABLES] + ["README.md", LICENSE_FILE, CHANGELOG_FILE, CORRECTIONS_AR_FILE, ARTICLE_FILE]
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in files:
            path = data_dir / name
            if path.exists():
                content = path.read_bytes()
                archive.writestr(name, with_bom(content) if name.endswith(".csv") else content)
        archive.writestr(COMPUTED_FILE, with_bom(_as_written(dataset.money_facts).to_csv(index=False).encode()))
        archive.writestr(
            COMPUTED_CONTEXT_FILE, with_bom(_as_written(dataset.context_facts).to_csv(index=False).encode())
        )
        computed = [COMPUTED_FILE, COMPUTED_CONTEXT_FILE]
        manifest = {
            "name": "Tech Money 2024",
            "version": dataset.version,
            "license": "CC-BY-4.0",
            "files": [name for name in files if (data_dir / name).exists()] + computed,
        }
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return buffer.getvalue()


def _as_written(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame in the curated files' conventions: a whole amount as an integer (7000000, not 7000000.0; a share
    stays 0.07), true/false in lower case."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_bool_dtype(out[column]) or out[column].map(lambda v: isinstance(v, bool)).any():
            out[column] = out[column].map(lambda v: str(v).lower() if isinstance(v, bool) else v)
        elif pd.api.types.is_float_dtype(out[column]):
            out[column] = pd.Series(
                [int(v) if pd.notna(v) and float(v).is_integer() else v for v in out[column]],
                index=out.index,
                dtype=object,
            )
    return out
