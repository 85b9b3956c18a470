"""What building once per release buys (issue 28): the bake's own build time, a replica's time from spawn to
ready with and without a bake, and a link gone viral through the nginx recipe.

    .venv/bin/python -m bench.release                  # everything (~3-5 min on 2 cores)
    .venv/bin/python -m bench.release --spawns 3 --viral 300

* **Bake**: ``python -m techmoney.ui.bake`` into an empty cache folder (nothing reused), wall time.
* **Spawn to ready**: ``streamlit run serve.py`` from spawn to the first ``/_stcore/health`` that says ok
  (polled every 0.2 s), ``--spawns`` times each: with the bake of the current inputs, and with an empty
  cache folder (no bake: the default views are built first); the empty app on Streamlit's default
  config beside them.
* **Viral link**: two replicas behind deploy/nginx.conf (its cache empty), then ``--viral`` requests in
  ``--seconds`` seconds, paced evenly, alternating one page link and its share card, 16 at a time at
  most; latency from send to the whole answer, and how many reached a replica (nginx's X-Cache-Status
  other than HIT). The same requests straight to one replica, for comparison.

Prints a Markdown report and writes it to bench/results/release.md. Not a test: a busy machine gives
slower figures; repeat it rather than trust one run.
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from harness.servers import HOST, ROOT, StreamlitServer, default_config_server, replicas_behind_nginx, running

EMPTY_APP = Path(__file__).resolve().parent / "empty_app.py"
DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "release.md"
VIRAL_LINKS = ("/donors?lang=en&camp=pro_trump", "/download/card/donors.png?lang=en")


def bake_seconds(cache: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "techmoney.ui.bake"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**os.environ, "TECH_MONEY_CACHE_DIR": str(cache)},
    )
    return time.perf_counter() - start


def spawn_to_ready(make, n: int) -> list[float]:
    found = []
    for _ in range(n):
        server = make()
        with running([server]):  # spawned, then polled until ready
            found.append(server.healthy_after_s)
    return found


def _get(port: int, path: str) -> tuple[float, int, str]:
    start = time.perf_counter()
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
        answer = conn.getresponse()
        answer.read()
        return time.perf_counter() - start, answer.status, answer.getheader("X-Cache-Status") or ""
    finally:
        conn.close()


def viral(port: int, n: int, seconds: float) -> list[tuple[float, int, str]]:
    """``n`` requests in ``seconds``, paced evenly, alternating the page link and its card."""
    results, lock, start = [], threading.Lock(), time.perf_counter()

    def one(i: int) -> None:
        delay = start + i * seconds / n - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        found = _get(port, VIRAL_LINKS[i % len(VIRAL_LINKS)])
        with lock:
            results.append(found)

    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(one, range(n)))
    return results


def _ms(values: list[float], q: float) -> str:
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000:.0f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.release", description=__doc__.split("\n")[0])
    parser.add_argument("--spawns", type=int, default=5)
    parser.add_argument("--viral", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    lines = [
        "# Built once per release (bench/release.py)",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f} at the start.",
        "",
    ]
    with tempfile.TemporaryDirectory(prefix="tm-release-") as tmp:
        tmp = Path(tmp)
        subprocess.run([sys.executable, "-m", "techmoney.ui.bake"], cwd=ROOT, check=True, capture_output=True)
        baked = bake_seconds(tmp / "fresh-cache")
        lines += ["| what | seconds |", "|---|--:|", f"| the bake, from nothing | {baked:.1f} |", ""]

        env_without = {**os.environ, "TECH_MONEY_CACHE_DIR": str(tmp / "empty-cache")}
        kinds = {
            "serve.py with the bake": lambda: StreamlitServer("serve.py", tmp),
            "serve.py without a bake": lambda: StreamlitServer("serve.py", tmp, env=env_without),
            "empty app, default config": lambda: default_config_server(EMPTY_APP, tmp, "empty"),
        }
        lines += [
            f"Spawn to ready (`/_stcore/health` ok), {args.spawns} spawns each:",
            "",
            "| server | median s | min s | max s |",
            "|---|--:|--:|--:|",
        ]
        for name, make in kinds.items():
            found = spawn_to_ready(make, args.spawns)
            lines.append(f"| {name} | {statistics.median(found):.2f} | {min(found):.2f} | {max(found):.2f} |")
        lines.append("")

        lines += [
            f"A link gone viral: {args.viral} requests in {args.seconds:.0f} s, alternating "
            f"`{VIRAL_LINKS[0]}` and its card `{VIRAL_LINKS[1]}`:",
            "",
            "| through | p50 ms | p95 ms | max ms | errors | reached a replica |",
            "|---|--:|--:|--:|--:|--:|",
        ]
        (tmp / "viral").mkdir()
        with replicas_behind_nginx("serve.py", tmp / "viral", n=2) as (proxy, servers):
            for name, port in (("nginx recipe, 2 replicas", proxy.port), ("one replica, no proxy", servers[0].port)):
                found = viral(port, args.viral, args.seconds)
                times = [t for t, _, _ in found]
                errors = sum(status != 200 for _, status, _ in found)
                reached = sum(cache != "HIT" for _, _, cache in found) if port == proxy.port else len(found)
                lines.append(
                    f"| {name} | {_ms(times, 0.5)} | {_ms(times, 0.95)} | {max(times) * 1000:.0f} | "
                    f"{errors} | {reached} ({reached / len(found):.1%}) |"
                )
    report = "\n".join(lines) + "\n"
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
