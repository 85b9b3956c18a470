"""The bake: every page content and every answer a reader can be sent, built once per release.

``python -m techmoney.ui.bake [DATA_DIR]`` (``make bake``; ``make run``, ``make test`` and the Dockerfile
run it) builds, for data/ (or DATA_DIR) with this code and these versions:

* every page content (techmoney.content.page_content): 5 pages and the embeds, in both languages, for
  each of the 16 subsets of the camps;
* every chart image (techmoney.content.chart_images: SVG, PNG, social sizes, the first screen's), drawn
  once each by Chromium through kaleido; without Chromium the bake says so and the first screen keeps
  its placeholders;
* every answer of techmoney.bake.answers.every_address: each page's HTML with its link preview and first
  screen (on Donors, with each actor its camps show), each chart link, each share card, chart CSV and
  image and data file, the bundle;

into the folder techmoney.content.release names by the digest of those inputs, built aside and renamed,
so replicas sharing a volume never see half a bake. A server whose inputs have that digest loads from it
(techmoney.content.release, techmoney.web.routes); nothing in it depends on a request. It prints the
folder, what it holds and how long it took; an existing bake of the same inputs is left as it is.

The bake sits below both hosts and imports neither: what it needs of the frontend its pages are served with
(Streamlit's index.html and Plotly template) is handed to it as a ``Frontend`` by the host that knows it
(techmoney/ui/bake.py).
"""

from __future__ import annotations

import argparse
import fcntl
import gzip
import json
import os
import pickle  # our own page contents, for techmoney.content.release to read back  # nosec B403
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

import plotly.graph_objects as go
import plotly.io

from techmoney.bake import answers
from techmoney.content import chart_images, release
from techmoney.content import page_content as contents
from techmoney.content.html import previews
from techmoney.data.dataset import default_data_dir, load_dataset
from techmoney.site import addresses
from techmoney.site.addresses import CAMP_SUBSETS
from techmoney.words.i18n import LANGS


@dataclass(frozen=True)
class Frontend:
    """What the bake needs of the frontend that shows its pages."""

    index_html: str  # the page shell every page's HTML fills (as techmoney.content.html.previews.read_index reads it)
    template_name: str  # the Plotly template the host's figures carry: its name, and its content as JSON
    template: dict

    def use(self) -> None:
        """Make the template the default of this process's figures (in each worker too: whatever the way a
        worker starts, it builds the figures the host would)."""
        plotly.io.templates[self.template_name] = go.layout.Template(self.template)
        plotly.io.templates.default = self.template_name


def _worker(address: str, n: int, parts: int) -> int:
    """Which worker makes an answer: the one that built the page contents of its camps if it shows any
    (a page, a chart's CSV), else the next in turn."""
    path, _, query = address.partition("?")
    if path.startswith(addresses.DOWNLOAD_PREFIX) and not path.startswith(f"{addresses.DOWNLOAD_PREFIX}chart/"):
        return n % parts
    view = previews.read_view(None, parse_qs(query, keep_blank_values=True))
    return CAMP_SUBSETS.index(view.camps) % parts


def _build_contents(data_dir: Path, folder: Path, part: int, parts: int, frontend: Frontend) -> None:
    """One worker's share of the page contents: those of every ``parts``-th camp subset."""
    frontend.use()
    dataset = load_dataset(data_dir)
    (folder / release.CONTENTS).mkdir(exist_ok=True)
    for camps in CAMP_SUBSETS[part::parts]:
        for lang in LANGS:
            for page_id in contents.VIEWS:
                content = contents.cached(dataset, page_id, lang, camps)
                (folder / release.content_name(page_id, lang, camps)).write_bytes(pickle.dumps(content, protocol=5))


def _draw_images(data_dir: Path) -> str:
    """Every chart image of every view (downloads and first screens), each distinct one drawn once, in one
    browser, into the images' store (techmoney.content.chart_images); what was done, for the manifest."""
    requests = chart_images.every_request(load_dataset(data_dir), LANGS, CAMP_SUBSETS)
    try:
        chart_images.render_images(requests)
    except chart_images.ChromiumMissing as err:
        print(f"chart images not drawn, the first screen keeps its placeholders: {err}", file=sys.stderr)
        return f"not drawn: {err}"
    return f"{len({chart_images.image_key(request) for request in requests})} distinct"


def _build_answers(data_dir: Path, folder: Path, part: int, parts: int, frontend: Frontend) -> dict[str, dict]:
    """One worker's share of the answers: those showing its camps' page contents, and its turn of the
    others. Returns their index entries."""
    frontend.use()
    dataset = load_dataset(data_dir)
    (folder / release.ANSWERS).mkdir(exist_ok=True)
    index_html, index = frontend.index_html, {}
    for n, address in enumerate(answers.every_address(dataset)):
        if _worker(address, n, parts) != part:
            continue
        try:
            found = answers.make(address, index_html, dataset)
        except chart_images.ChromiumMissing:
            continue  # an image download: drawn when asked for, where there is a browser
        if found is None:  # a chart image the camps leave nothing to draw in
            continue
        text = found.media_type.startswith("text/")
        stored = gzip.compress(found.content, mtime=0) if text else found.content
        name = release.answer_name(stored)  # by content: many addresses show the same image or CSV
        if not (folder / name).exists():
            (folder / name).write_bytes(stored)
        index[address] = {"file": name, "media_type": found.media_type, "filename": found.filename, "gzip": text}
    return index


def build(data_dir: Path, target: Path, frontend: Frontend, workers: int | None = None) -> dict:
    """Bake ``data_dir`` into ``target`` (aside, then renamed) for ``frontend``; returns the manifest. The page
    contents first, in ``workers`` processes; then every chart image, drawn from them; then every answer, which
    shows both, again in ``workers`` processes."""
    start = time.perf_counter()
    frontend.use()
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(dir=target.parent, prefix=".building-"))
    building.chmod(0o755)  # mkdtemp's is 0700: the server may run as another user (the Dockerfile's)
    workers = workers or min(2, os.cpu_count() or 1)
    shares = ([data_dir] * workers, [building] * workers, range(workers), [workers] * workers, [frontend] * workers)
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_build_contents, *shares))
        release.building(data_dir, building)  # the answers show these contents: load, do not build, them
        images = _draw_images(data_dir)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            index = {address: entry for part in pool.map(_build_answers, *shares) for address, entry in part.items()}
        manifest = {
            "digest": target.name,
            "dataset_version": load_dataset(data_dir).version,
            "page_contents": len(list((building / release.CONTENTS).iterdir())),
            "answers": len(index),
            "chart_images": images,
            "bytes": sum(p.stat().st_size for p in building.rglob("*") if p.is_file()),
            "seconds": round(time.perf_counter() - start, 1),
            "workers": workers,
        }
        (building / release.ANSWER_INDEX).write_text(json.dumps(index, indent=0, sort_keys=True), encoding="utf-8")
        (building / release.MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        building.rename(target)
        _prune(target)
    except OSError:
        if not (target / release.MANIFEST).is_file():  # another process's bake of the same inputs won the rename
            raise
    finally:
        release.forget()
        shutil.rmtree(building, ignore_errors=True)
    return json.loads((target / release.MANIFEST).read_text(encoding="utf-8"))


def _prune(kept: Path, keep: int = 3) -> None:
    """Remove all but the ``keep`` newest bakes beside ``kept`` (older releases' replicas may still read
    theirs during a rolling update)."""
    bakes = sorted(
        (p for p in kept.parent.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in bakes[keep:]:
        if old != kept:
            shutil.rmtree(old, ignore_errors=True)


def ensure(frontend: Frontend, data_dir: Path | None = None) -> tuple[Path, dict | None]:
    """The bake of ``data_dir`` (default data/) for ``frontend``, built if it is not there yet; the manifest when
    built now. Processes asking at once (replicas sharing a volume, test workers) wait for one build."""
    data_dir = Path(data_dir or default_data_dir()).resolve()
    target = release.folder_for(data_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    with (target.parent / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (target / release.MANIFEST).is_file():
            return target, None
        return target, build(data_dir, target, frontend)


def main(frontend: Frontend, argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m techmoney.ui.bake", description=__doc__.split("\n")[0])
    parser.add_argument(
        "data_dir", nargs="?", type=Path, help="the data folder (default: data/ or $TECH_MONEY_DATA_DIR)"
    )
    target, manifest = ensure(frontend, parser.parse_args(argv).data_dir)
    if manifest is None:
        print(f"{target}: already baked")
    else:
        print(
            f"{target}: baked {manifest['page_contents']} page contents, {manifest['answers']} answers and the chart "
            f"images ({manifest['chart_images']}), {manifest['bytes'] / 1e6:.1f} MB, in {manifest['seconds']} s on "
            f"{manifest['workers']} worker(s)"
        )
