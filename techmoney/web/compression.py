"""Streamlit's JavaScript and CSS compressed once, then served as files by servestatic.

Streamlit serves its frontend bundles (``/static/...``, 26 MB, Plotly's alone 4.7 MB) uncompressed and
leaves compression to a proxy: compressing at the origin on every request costs CPU each time, worst
in the rush after a deploy (its SelectiveGZipMiddleware explains the choice). Neither ``make run``, the
Docker image nor our nginx recipe has such a proxy, so a first visit downloaded ~8.5 MB. Here the
bundles are copied once into a cache and compressed there with brotli and gzip by servestatic
(WhiteNoise's ASGI successor), at install time: ``python -m techmoney.web.compression STATIC_DIR``
(``make run``, ``make test`` and the Dockerfile do). The server then answers ``{base}/static/...``
through servestatic, which picks the smallest form the browser accepts and sets ``Vary`` and the
cache headers: no compression work per request. It also gives the app's fonts a cache lifetime,
which Streamlit leaves unset.

The cache lives in ``$TECH_MONEY_CACHE_DIR`` (default ``.cache/`` in the project), one folder per
frontend build (named by its index.html's digest); the bundles' names carry their content hash, so a
file there never goes stale. Without the cache the server says so and serves the bundles as they are.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import shutil
import tempfile
from pathlib import Path

from servestatic import ServeStaticASGI
from servestatic import cli as servestatic_cli
from starlette.types import ASGIApp

_LOG = logging.getLogger("tech_money")

CACHE_DIR_ENV = "TECH_MONEY_CACHE_DIR"
DEFAULT_CACHE_DIR = Path(__file__).resolve().parents[2] / ".cache"
BUNDLES = "static"  # the folder of Streamlit's static dir (and the URL path under the app root) with its bundles
FONTS_MAX_AGE = 7 * 24 * 3600  # our fonts keep their names across releases: a week, not forever


def cache_dir(static_dir: Path, root: Path | None = None) -> Path:
    """Where the compressed copy of ``static_dir``'s bundles lives: one folder per frontend build."""
    build = hashlib.sha256((static_dir / "index.html").read_bytes()).hexdigest()[:16]
    base = root or Path(os.environ.get(CACHE_DIR_ENV) or DEFAULT_CACHE_DIR)
    return base / "compressed" / build


def build_cache(static_dir: Path, target: Path) -> bool:
    """Copy ``static_dir``'s bundles into ``target``, each with its ``.br`` and ``.gz`` where they are
    smaller; False if ``target`` was already there. Built aside and renamed: replicas may race."""
    if target.is_dir():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(dir=target.parent, prefix=".building-"))
    building.chmod(0o755)  # mkdtemp's is 0700: the server may run as another user (the Dockerfile's)
    try:
        servestatic_cli.main(["--compress", "--quiet", "--no-zstd", str(static_dir / BUNDLES), str(building)])
        building.rename(target)
    except OSError:
        if not target.is_dir():
            raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return True


def serve_compressed(app: ASGIApp, *, cache: Path, fonts: Path, base_path: str = "") -> ASGIApp:
    """``app`` with ``{base}/static/`` answered from ``cache`` (content-hashed, so immutable) and
    ``{base}/app/static/fonts/`` from ``fonts`` with a week's lifetime; other paths pass on to ``app``."""
    base = base_path.strip("/")
    root = f"/{base}/" if base else "/"
    bundles = f"{root}{BUNDLES}/"
    served = ServeStaticASGI(
        app,
        max_age=FONTS_MAX_AGE,
        allow_all_origins=False,
        immutable_file_test=lambda _path, url: url.startswith(bundles),
    )
    served.add_files(fonts, prefix=f"{root}app/static/fonts/")
    if cache.is_dir():
        served.add_files(cache, prefix=bundles)
    else:
        _LOG.warning(
            "no compressed bundles at %s (python -m techmoney.web.compression makes them): "
            "Streamlit's JavaScript goes out uncompressed",
            cache,
        )
    return served


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m techmoney.web.compression", description=__doc__.split("\n")[0])
    parser.add_argument("static_dir", type=Path, help="Streamlit's static dir (techmoney.ui.internals.static_dir())")
    static_dir = parser.parse_args(argv).static_dir
    target = cache_dir(static_dir)
    print(f"{target}: {'compressed' if build_cache(static_dir, target) else 'already there'}")


if __name__ == "__main__":
    main()
