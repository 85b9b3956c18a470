"""Every file a reader can download: share cards, chart and table CSVs, the bundle.

The pages only show links (``href`` relative to the app root, built by techmoney.words.addresses);
this module makes the file behind a path and ``techmoney.web.routes`` serves it. Links instead of st.download_button: a button is the costliest element to register on
every rerun (bench/README.md), while a link costs nothing until it is followed, and its URL can be
shared ("here is the card") like the page's own link.

Pure: no Streamlit. A request's query is read with the page's own rules (techmoney.web.links.parse_view), so
a bad value falls back to the default exactly as it does on a page.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from techmoney.content import cards, charts, people, share_card
from techmoney.data.built_once import built_once
from techmoney.data import export
from techmoney.web import links
from techmoney.data.dataset import Dataset, shared_dataset
from techmoney.data.schema import TABLES, TABLES_BY_NAME
from techmoney.words.site import PAGE_IDS
from techmoney.words.addresses import ViewState, actors_csv_filename, card_filename, chart_csv_filename

TABLE_NAMES = tuple(table.name for table in TABLES)


@dataclass(frozen=True)
class Download:
    content: bytes
    media_type: str
    filename: str


def _csv(frame, index: bool = False) -> bytes:
    # UTF-8 with a byte-order mark, so spreadsheet programs open the Arabic text correctly.
    return frame.to_csv(index=index).encode("utf-8-sig")


@built_once(maxsize=256)  # every card: 5 pages and 2 languages, and each actor's on donors
def _card(dataset: Dataset, page: str, lang: str, actor: str | None) -> bytes:
    return share_card.render_card(cards.card_for(page, dataset, lang, actor))


@functools.lru_cache(maxsize=256)
def _chart_csv(dataset: Dataset, chart_id: str, lang: str, camps: tuple[str, ...]) -> bytes:
    return _csv(charts.built_chart(chart_id, dataset, lang, camps).table)


def _table_bytes(dataset: Dataset, name: str) -> bytes:
    """A data file as curated (integers, ``true``/``false``, blank cells), not the loaded frame with derived values
    filled in, after the byte-order mark every CSV download starts with; a dataset built in memory has no files,
    and gets its frame."""
    path = dataset.data_dir / TABLES_BY_NAME[name].file if dataset.data_dir is not None else None
    if path is None or not path.exists():
        return _csv(dataset.tables[name])
    curated = path.read_bytes()
    return curated if curated.startswith(_BOM) else _BOM + curated


_BOM = "\ufeff".encode("utf-8")  # spreadsheet programs read a CSV as UTF-8 (its Arabic) only after it


@functools.lru_cache(maxsize=2)
def _bundle(dataset: Dataset) -> bytes:
    return export.dataset_bundle(dataset)


def resolve(path: str, query: Mapping[str, str | Sequence[str]], dataset: Dataset | None = None) -> Download | None:
    """The file at ``download/<path>`` for this query, or None if there is no such file."""
    dataset = dataset if dataset is not None else shared_dataset()
    view, _ = links.parse_view(dataset, query)
    kind, _, name = path.partition("/")
    stem, dot, extension = name.rpartition(".")
    if kind == "card" and dot and extension == "png" and stem in PAGE_IDS:
        actor = view.actor if stem == "donors" else None
        return Download(_card(dataset, stem, view.lang, actor), "image/png",
                        card_filename(stem, ViewState(lang=view.lang, actor=actor)))
    if kind == "chart" and dot and extension == "csv" and stem in charts.CHART_IDS:
        return Download(_chart_csv(dataset, stem, view.lang, view.camps), "text/csv",
                        chart_csv_filename(stem, view.lang))
    if kind == "table" and dot and extension == "csv" and stem in TABLE_NAMES:  # the file as curated, byte for byte
        return Download(_table_bytes(dataset, stem), "text/csv", f"{stem}.csv")
    if path == "actors.csv":
        return Download(_csv(people.actors_table(dataset, view.lang, view.camps), index=True), "text/csv",
                        actors_csv_filename(view))
    if path == "bundle.zip":
        return Download(_bundle(dataset), "application/zip", export.bundle_name(dataset))
    return None
