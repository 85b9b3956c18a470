"""A burst of new readers on one replica: 200 sessions over 50 distinct views arriving within 5 s (issue 23's
target: first render p95 <= 1 s). ``python -m bench.burst [--sessions 200] [--views 50] [--seconds 5]``.

Starts serve.py on a free port, waits until it is ready (warm), then opens one tab per arrival, spread
evenly over the window, each on the next of the views (page, language, camps), and prints the first
render's latency (GET of the page to the end of its first run) at p50/p95/max; then the same burst
again, when nothing at all is left to build, as the floor the machine allows. The clients run on the
same machine as the server: on a shared machine the figures include their contention.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

from bench.load import open_tab, percentile
from harness.servers import StreamlitServer

PAGES = ("", "money", "donors", "timeline", "sources")
CAMPS = ("pro_harris", "pro_trump", "skeptic", "context")


def views(count: int) -> list[tuple[str, str]]:
    """``count`` distinct (page, query) pairs, spread over pages, languages and camp subsets."""
    subsets = [c for n in range(len(CAMPS) + 1) for c in itertools.combinations(CAMPS, n)]
    every = [
        (page, urlencode([("lang", lang), *[("camp", c) for c in camps or ("",)]]))
        for camps in subsets
        for lang in ("ar", "en")
        for page in PAGES
    ]
    step = max(1, len(every) // count)
    return every[::step][:count]


def burst(port: int, sessions: int, chosen: list[tuple[str, str]], seconds: float) -> tuple[list[float], list[str]]:
    start = time.monotonic()

    def arrive(i: int) -> float:
        time.sleep(max(0.0, start + i * seconds / sessions - time.monotonic()))
        page, query = chosen[i % len(chosen)]
        return open_tab(port, page, query=query, client_id=f"burst-{i}", timeout=60).latency_s

    latencies, errors = [], []
    with ThreadPoolExecutor(max_workers=sessions) as pool:
        for future in [pool.submit(arrive, i) for i in range(sessions)]:
            try:
                latencies.append(future.result())
            except Exception as exc:  # noqa: BLE001 - a failed tab is counted, not fatal
                errors.append(repr(exc))
    return latencies, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--views", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tm-burst-") as tmp:
        server = StreamlitServer("serve.py", Path(tmp), name="burst").start()
        try:
            print(f"ready {server.healthy_after_s:.1f} s after spawn", flush=True)
            for label in ("first burst", "same burst again"):
                latencies, errors = burst(server.port, args.sessions, views(args.views), args.seconds)
                ms = [1000 * s for s in latencies]
                print(
                    f"{label}: {len(ms)}/{args.sessions} sessions over {args.views} views in {args.seconds:.0f} s: "
                    f"first render p50 {percentile(ms, 50):.0f} ms, p95 {percentile(ms, 95):.0f} ms, "
                    f"max {max(ms, default=0):.0f} ms; {len(errors)} errors {errors[:3]}",
                    flush=True,
                )
        finally:
            server.stop()


if __name__ == "__main__":
    main()
