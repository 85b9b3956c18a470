"""How long drawing every chart image takes: every chart x both languages x every camp subset, each kind
(SVG, 2x PNG, the social sizes, the first screen's SVG at two widths), into an empty store, in one browser
session. Issue 29's budget: the bake with its images under 3 minutes on a 2-core machine.

    .venv/bin/python -m bench.chart_images [--tabs 2]

Prints the counts, the seconds (browser start, drawing, in all) and the bytes of each kind.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from techmoney.content import chart_images
from techmoney.data.dataset import shared_dataset
from techmoney.data.schema import CAMPS
from techmoney.site.sitemap import CHART_IDS
from techmoney.words.i18n import LANGS

BUDGET_S = 180.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tabs", type=int, default=2, help="tabs drawing at once (default 2, one a core)")
    args = parser.parse_args()
    subsets = [c for n in range(len(CAMPS) + 1) for c in itertools.combinations(CAMPS, n)]
    start = time.perf_counter()
    dataset = shared_dataset()
    requests = chart_images.every_request(dataset, LANGS, subsets)
    figures = {chart_images.image_key(chart_images.ImageRequest(r.figure, r.lang, "svg")) for r in requests}
    keys = [chart_images.image_key(r) for r in requests]
    planned = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        store = chart_images.ImageStore(Path(folder))
        with chart_images.ImageRenderer(tabs=args.tabs) as renderer:
            opened = time.perf_counter()
            images = renderer.render(requests, store=store)
        drawn = time.perf_counter()
    sizes: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    seen = set()
    for request, key, image in zip(requests, keys, images, strict=True):
        if key in seen:
            continue
        seen.add(key)
        label = request.kind if request.kind != "screen" else f"screen {request.width}px"
        sizes[label]["raw"].append(len(image))
        sizes[label]["gzip"].append(len(gzip.compress(image, 9)))
    views = len(LANGS) * len(subsets) * len(CHART_IDS)
    total = drawn - start
    print(
        f"{views} chart views, {len(requests)} image requests, {len(figures)} distinct figures, "
        f"{len(set(keys))} distinct images"
    )
    print(
        f"figures built and keyed {planned - start:.1f} s, browser opened {opened - planned:.1f} s, "
        f"drawn {drawn - opened:.1f} s; in all {total:.1f} s (budget {BUDGET_S:.0f} s: "
        f"{'met' if total <= BUDGET_S else 'NOT met'})"
    )
    print("| kind | images | raw bytes (median, max) | gzip -9 bytes (median, max) |\n|---|--:|--:|--:|")
    for label, measured in sizes.items():
        raw, packed = measured["raw"], measured["gzip"]
        print(
            f"| {label} | {len(raw)} | {statistics.median(raw):,.0f}, {max(raw):,} | "
            f"{statistics.median(packed):,.0f}, {max(packed):,} |"
        )


if __name__ == "__main__":
    main()
