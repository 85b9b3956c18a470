"""Compressed text assets, made once and served as files: Streamlit's JavaScript and CSS, the page HTML.

Streamlit serves its frontend bundles (``/static/...``, 23 MB, Plotly's alone 4.7 MB) uncompressed and
leaves compression to a proxy: compressing at the origin on every request costs CPU each time, worst
in the rush after a deploy (its SelectiveGZipMiddleware explains the choice). Neither ``make run``, the
Docker image nor our nginx recipe has such a proxy, so a first visit downloaded ~8.5 MB. Here every
compressible bundle is compressed once, with gzip and brotli, into a cache directory
(``python -m techmoney.web.compression`` at install time, or the server's start for what is missing), and
:class:`PrecompressedStatic` answers a request for a bundle with the smaller file the browser accepts:
no compression work per request, the bytes read from disk like the originals.

The cache lives in ``$TECH_MONEY_CACHE_DIR`` (default ``.cache/`` in the project), one folder per
Streamlit version; the bundles' names carry their content hash, so a file there never goes stale.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import mimetypes
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import brotli
from starlette.responses import FileResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_LOG = logging.getLogger("tech_money")

CACHE_DIR_ENV = "TECH_MONEY_CACHE_DIR"
DEFAULT_CACHE_DIR = Path(__file__).resolve().parents[2] / ".cache"
COMPRESSIBLE = frozenset({".js", ".mjs", ".css", ".json", ".svg", ".html", ".txt", ".map"})
MIN_SIZE = 1000  # bytes; smaller files gain less than the headers cost (Streamlit's gzip threshold)
# Brotli's best quality makes Plotly's bundle 10% smaller than quality 9 but takes a minute for all
# bundles: worth it once at install time (the CLI), not while a server is starting.
BEST_QUALITY, QUICK_QUALITY = 11, 9
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))  # in order of preference
IMMUTABLE = "public, max-age=31536000, immutable"  # as Streamlit serves the same (content-hashed) files


def cache_dir(streamlit_version: str, root: Path | None = None) -> Path:
    base = root or Path(os.environ.get(CACHE_DIR_ENV) or DEFAULT_CACHE_DIR)
    return base / "compressed" / f"streamlit-{streamlit_version}"


BUNDLES = "static"  # the folder of Streamlit's static dir (and the URL path under the app root) with its bundles


def _sources(static_dir: Path) -> Iterable[Path]:
    for path in sorted((static_dir / BUNDLES).rglob("*")):
        if path.suffix in COMPRESSIBLE and path.is_file() and path.stat().st_size >= MIN_SIZE:
            yield path


def _write_atomically(target: Path, data: bytes) -> None:
    # Several replicas may fill one cache at once: each writes its own temporary file, then renames.
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def compress(data: bytes, encoding: str, quality: int = QUICK_QUALITY) -> bytes:
    if encoding == "br":
        return brotli.compress(data, quality=quality)
    return gzip.compress(data, compresslevel=9, mtime=0)


def build_cache(static_dir: Path, target: Path, quality: int = QUICK_QUALITY) -> int:
    """Compress every compressible file of ``static_dir`` not yet in ``target``; returns how many files
    were written. Raises OSError if ``target`` cannot be written."""
    written = 0
    for source in _sources(static_dir):
        relative = source.relative_to(static_dir)
        data = None
        for encoding, suffix in ENCODINGS:
            out = target / f"{relative}{suffix}"
            if out.exists():
                continue
            data = data if data is not None else source.read_bytes()
            _write_atomically(out, compress(data, encoding, quality))
            written += 1
    return written


@dataclass
class CompressedFiles:
    """What the cache holds: URL path under the app root (``static/js/…``) -> {encoding: compressed file}. Filled once at
    start (``load``); empty until then, so requests pass through to Streamlit as they always did."""

    files: dict[str, dict[str, Path]] = field(default_factory=dict)

    def load(self, static_dir: Path, cache: Path) -> None:
        found: dict[str, dict[str, Path]] = {}
        for source in _sources(static_dir):
            relative = source.relative_to(static_dir).as_posix()
            size = source.stat().st_size
            for encoding, suffix in ENCODINGS:
                packed = cache / f"{relative}{suffix}"
                if packed.is_file() and packed.stat().st_size < size:
                    found.setdefault(relative, {})[encoding] = packed
        self.files = found


def accepted(accept_encoding: str) -> set[str]:
    """The content codings an Accept-Encoding header allows (q=0 refuses one)."""
    codings = set()
    for item in accept_encoding.split(","):
        name, _, params = item.strip().partition(";")
        quality = params.strip().removeprefix("q=").strip() if params.strip().startswith("q=") else "1"
        try:
            allowed = float(quality) > 0
        except ValueError:
            allowed = False
        if name.strip() and allowed:
            codings.add(name.strip().lower())
    return codings


def choose(accept_encoding: str, available: Iterable[str]) -> str | None:
    """The best encoding both sides have (brotli before gzip), or None for the identity."""
    wanted = accepted(accept_encoding)
    offered = set(available)
    return next((encoding for encoding, _ in ENCODINGS if encoding in wanted and encoding in offered), None)


def _header(scope: Scope, name: bytes) -> str:
    return next((value.decode("latin-1") for key, value in scope.get("headers", []) if key.lower() == name), "")


class PrecompressedStatic:
    """ASGI middleware: ``GET {base}/static/<bundle>`` answered from the compressed cache when the
    browser accepts an encoding the cache has; everything else passes on, a ``Vary`` added to
    compressible bundles so a shared cache keeps both forms apart. Also gives the app's own files
    (``{base}/app/static/``: the fonts) a cache lifetime, which Streamlit leaves unset."""

    def __init__(self, app: ASGIApp, *, files: CompressedFiles, base_path: str = "",
                 app_static_max_age: int = 7 * 24 * 3600) -> None:
        self.app = app
        self.files = files
        base = base_path.strip("/")
        self.root = f"/{base}/" if base else "/"
        self.static_prefix = f"{self.root}{BUNDLES}/"
        self.app_static_prefix = f"{self.root}app/static/"
        self.app_static_cache = f"public, max-age={app_static_max_age}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path.startswith(self.app_static_prefix):
            await self.app(scope, receive, _with_headers(send, {"cache-control": self.app_static_cache}))
            return
        if not path.startswith(self.static_prefix):
            await self.app(scope, receive, send)
            return
        variants = self.files.files.get(path.removeprefix(self.root))
        if variants is None:
            await self.app(scope, receive, send)
            return
        encoding = choose(_header(scope, b"accept-encoding"), variants)
        if encoding is None:
            await self.app(scope, receive, _with_headers(send, {"vary": "Accept-Encoding"}))
            return
        media_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        response = FileResponse(
            variants[encoding], media_type=media_type,
            headers={"Content-Encoding": encoding, "Vary": "Accept-Encoding", "Cache-Control": IMMUTABLE},
        )
        await response(scope, receive, send)


def _with_headers(send: Send, headers: dict[str, str]) -> Send:
    """``send`` that adds ``headers`` to a successful response unless it already has them."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start" and message["status"] == 200:
            present = {key.lower() for key, _ in message.get("headers", [])}
            extra = [(key.encode(), value.encode()) for key, value in headers.items() if key.encode() not in present]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return sending
