"""Every file a reader can download: share cards, chart CSVs and images, table CSVs, the bundle.

The pages only show links (``href`` relative to the app root, built by techmoney.site.addresses);
this module makes the file behind a path and ``techmoney.web.routes`` serves it. Links instead of
st.download_button: a button is the costliest element to register on every rerun (bench/README.md), while
a link costs nothing until it is followed, and its URL can be shared ("here is the card") like the page's
own link.

Pure: no Streamlit. A request's query is read with the page's own rules (techmoney.site.links.parse_view), so
a bad value falls back to the default exactly as it does on a page.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from techmoney.content import cards, chart_images, people
from techmoney.content import page_content as contents
from techmoney.content.release import Answer
from techmoney.data import export
from techmoney.data.dataset import Dataset, shared_dataset
from techmoney.data.schema import TABLES, TABLES_BY_NAME
from techmoney.site import addresses, links
from techmoney.site.addresses import (
    ViewState,
    actors_csv_filename,
    card_filename,
    chart_csv_filename,
    chart_image_filename,
    chart_image_path,
)
from techmoney.site.sitemap import CHART_IDS, PAGE_IDS
from techmoney.words.bound import Words
from techmoney.words.i18n import LANGS

TABLE_NAMES = tuple(table.name for table in TABLES)


Download = Answer  # a file's bytes, media type and file name


def _csv(frame, index: bool = False) -> bytes:
    # UTF-8 with a byte-order mark, so spreadsheet programs open the Arabic text correctly.
    return frame.to_csv(index=index).encode("utf-8-sig")


def _chart_csv(dataset: Dataset, chart_id: str, lang: str, camps: tuple[str, ...]) -> bytes:
    return _csv(contents.chart(dataset, chart_id, lang, camps).table)


def _table_bytes(dataset: Dataset, name: str) -> bytes:
    """A data file as curated (integers, ``true``/``false``, blank cells), not the loaded frame with derived values
    filled in, after the byte-order mark every CSV download starts with; a dataset built in memory has no files,
    and gets its frame."""
    path = dataset.data_dir / TABLES_BY_NAME[name].file if dataset.data_dir is not None else None
    if path is None or not path.exists():
        return _csv(dataset.tables[name])
    return export.with_bom(path.read_bytes())


@functools.lru_cache(maxsize=2)
def _bundle(dataset: Dataset) -> bytes:
    return export.dataset_bundle(dataset)


@dataclass(frozen=True)
class File:
    """A file a reader can download, as its link names it: what the file depends on, nothing else."""

    kind: str  # "card", "chart" (its CSV), "image" (a chart's), "table", "actors" or "bundle"
    name: str  # the page, chart or table ("" for the names and the bundle)
    view: ViewState  # the language, camps and actor the file shows (defaults where it shows none)
    variant: str = ""  # an image's kind (chart_images.DOWNLOAD_KINDS)

    @property
    def href(self) -> str:
        """Its address, relative to the app root (techmoney.site.addresses): the same for every link that
        names it."""
        if self.kind == "card":
            return addresses.card_href(self.name, self.view)
        if self.kind == "chart":
            return addresses.chart_csv_href(self.name, self.view)
        if self.kind == "image":
            return addresses.chart_image_href(self.name, self.view, self.variant)
        if self.kind == "table":
            return addresses.table_csv_href(self.name)
        return addresses.actors_csv_href(self.view) if self.kind == "actors" else addresses.bundle_href()

    def make(self, dataset: Dataset) -> Download | None:
        """The file's bytes; None for a chart image the camps leave nothing to draw in. An image the bake did
        not draw is drawn now (without Chromium: chart_images.ChromiumMissing)."""
        view = self.view
        if self.kind == "card":
            return Download(
                cards.card_png(dataset, self.name, view.lang, *cards.card_key(dataset, self.name, view)),
                "image/png",
                card_filename(self.name, view),
            )
        if self.kind == "chart":
            return Download(
                _chart_csv(dataset, self.name, view.lang, view.camps),
                "text/csv",
                chart_csv_filename(self.name, view.lang),
            )
        if self.kind == "image":
            image = chart_images.chart_image(self.name, dataset, view.lang, view.camps, self.variant)
            return (
                None
                if image is None
                else Download(
                    image,
                    chart_images.KINDS[self.variant].media_type,
                    chart_image_filename(self.name, view.lang, self.variant),
                )
            )
        if self.kind == "table":
            return Download(_table_bytes(dataset, self.name), "text/csv", f"{self.name}.csv")
        if self.kind == "actors":
            return Download(
                _csv(people.actors_table(Words(dataset, view.lang), view.camps), index=True),
                "text/csv",
                actors_csv_filename(view),
            )
        return Download(_bundle(dataset), "application/zip", export.bundle_name(dataset))


def find(path: str, query: Mapping[str, str | Sequence[str]], dataset: Dataset) -> File | None:
    """The file at ``download/<path>`` for this query, or None if there is no such file."""
    view, _ = links.parse_view(dataset, query)
    kind, _, name = path.partition("/")
    stem, dot, extension = name.rpartition(".")
    if kind == "card" and dot and extension == "png" and stem in PAGE_IDS:
        return File(
            "card",
            stem,
            ViewState(lang=view.lang, camps=view.camps, actor=view.actor)
            if stem == "donors"
            else ViewState(lang=view.lang),
        )
    if kind == "chart" and dot and extension == "csv" and stem in CHART_IDS:
        return File("chart", stem, ViewState(lang=view.lang, camps=view.camps))
    image = chart_image_path(name) if kind == "chart" else None
    if image is not None and image[0] in CHART_IDS:
        return File("image", image[0], ViewState(lang=view.lang, camps=view.camps), image[1])
    if kind == "table" and dot and extension == "csv" and stem in TABLE_NAMES:
        return File("table", stem, ViewState())
    if path == "actors.csv":
        return File("actors", "", ViewState(lang=view.lang, camps=view.camps))
    if path == "bundle.zip":
        return File("bundle", "", ViewState())
    return None


def every_file(dataset: Dataset) -> Iterator[File]:
    """Every file a reader can download: each card (each page's, each actor's on Donors), each chart's CSV
    and images and the names' CSV, in each language and camps; each table; the bundle. (A chart the camps
    leave empty has no image: its File makes None.)"""
    for lang in LANGS:
        yield from (File("card", page, ViewState(lang=lang)) for page in PAGE_IDS if page != "donors")
        for camps in addresses.CAMP_SUBSETS:
            view = ViewState(lang=lang, camps=camps)
            yield File("card", "donors", view)
            yield from (
                File("card", "donors", replace(view, actor=actor))
                for actor, camp in zip(dataset.actors["actor_id"], dataset.actors["camp"], strict=True)
                if camp in camps
            )
            yield from (File("chart", chart_id, view) for chart_id in CHART_IDS)
            yield from (
                File("image", chart_id, view, kind) for chart_id in CHART_IDS for kind in chart_images.DOWNLOAD_KINDS
            )
            yield File("actors", "", view)
    yield from (File("table", name, ViewState()) for name in TABLE_NAMES)
    yield File("bundle", "", ViewState())


def resolve(path: str, query: Mapping[str, str | Sequence[str]], dataset: Dataset | None = None) -> Download | None:
    """The file at ``download/<path>`` for this query, made now, or None if there is no such file."""
    dataset = dataset if dataset is not None else shared_dataset()
    found = find(path, query, dataset)
    return found.make(dataset) if found is not None else None
