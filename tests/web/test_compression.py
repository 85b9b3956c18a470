"""techmoney/web/compression.py: bundles compressed once into a cache, then answered from it as files."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from techmoney.web import compression
from tests.asgi_client import get

SCRIPT = ("const answer = 42;\n" * 400).encode()  # compressible, well over the minimum size


@pytest.fixture
def site(tmp_path: Path):
    """A Streamlit-like static dir (bundles under static/, a font, a tiny script) and its cache."""
    static = tmp_path / "streamlit"
    (static / "static" / "js").mkdir(parents=True)
    (static / "static" / "media").mkdir()
    (static / "static" / "js" / "main.abc123.js").write_bytes(SCRIPT)
    (static / "static" / "js" / "tiny.js").write_bytes(b"let x = 1;")
    (static / "static" / "media" / "font.woff2").write_bytes(b"wOF2" + bytes(4000))
    (static / "index.html").write_text("<!doctype html>" + "<p>x</p>" * 400)
    cache = tmp_path / "cache"
    return static, cache


def _app(static: Path, files: compression.CompressedFiles, base_path: str = "") -> Starlette:
    mount = "/" + base_path.strip("/") if base_path.strip("/") else "/"
    return Starlette(routes=[Mount(mount, StaticFiles(directory=static))],
                     middleware=[Middleware(compression.PrecompressedStatic, files=files, base_path=base_path)])


def test_the_cache_holds_each_bundle_once_per_encoding_and_is_not_redone(site):
    static, cache = site
    assert compression.build_cache(static, cache) == 2  # main.abc123.js in brotli and gzip
    assert brotli.decompress((cache / "static/js/main.abc123.js.br").read_bytes()) == SCRIPT
    assert gzip.decompress((cache / "static/js/main.abc123.js.gz").read_bytes()) == SCRIPT
    assert not (cache / "static/js/tiny.js.br").exists() and not (cache / "static/media/font.woff2.br").exists()
    assert not (cache / "index.html.br").exists(), "the page HTML is made per view (techmoney.web.routes)"
    assert compression.build_cache(static, cache) == 0


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [("gzip, deflate, br, zstd", "br"), ("gzip", "gzip"), ("br;q=0, gzip;q=0.5", "gzip"), ("", None),
     ("identity", None), ("br;q=0", None), ("GZIP", "gzip"), ("br;q=abc, gzip", "gzip")],
)
def test_a_bundle_goes_out_in_the_best_encoding_the_browser_accepts(site, accept, encoding):
    static, cache = site
    compression.build_cache(static, cache)
    files = compression.CompressedFiles()
    files.load(static, cache)
    answer = get(_app(static, files), "/static/js/main.abc123.js", {"Accept-Encoding": accept})
    assert answer.status == 200 and "Accept-Encoding" in answer.headers["vary"]
    decode = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda body: body}[encoding]
    assert answer.headers.get("content-encoding") == encoding
    assert decode(answer.body) == SCRIPT and answer.headers["content-type"].endswith("javascript; charset=utf-8")
    if encoding:
        assert int(answer.headers["content-length"]) == len(answer.body) < len(SCRIPT) / 5
        assert "immutable" in answer.headers["cache-control"]


def test_files_the_cache_lacks_pass_through_as_they_are(site):
    static, cache = site
    files = compression.CompressedFiles()  # not loaded: a server still starting, or a read-only image
    for path in ("/static/js/main.abc123.js", "/static/js/tiny.js", "/static/media/font.woff2"):
        answer = get(_app(static, files), path, {"Accept-Encoding": "br, gzip"})
        assert answer.status == 200 and "content-encoding" not in answer.headers
        assert answer.body == (static / path.lstrip("/")).read_bytes()


def test_under_a_base_path_only_its_bundles_are_answered(site):
    static, cache = site
    compression.build_cache(static, cache)
    files = compression.CompressedFiles()
    files.load(static, cache)
    app = _app(static, files, base_path="/tm/")
    assert get(app, "/tm/static/js/main.abc123.js", {"Accept-Encoding": "br"}).headers["content-encoding"] == "br"


def test_the_apps_own_files_get_a_cache_lifetime(tmp_path):
    (tmp_path / "app" / "static" / "fonts").mkdir(parents=True)
    (tmp_path / "app" / "static" / "fonts" / "a.woff2").write_bytes(b"wOF2" + bytes(100))
    answer = get(_app(tmp_path, compression.CompressedFiles()), "/app/static/fonts/a.woff2")
    assert answer.status == 200 and "max-age=" in answer.headers["cache-control"]
    assert "cache-control" not in get(_app(tmp_path, compression.CompressedFiles()), "/app/static/none.woff2").headers


def test_the_cache_is_kept_per_streamlit_version(monkeypatch, tmp_path):
    monkeypatch.setenv(compression.CACHE_DIR_ENV, str(tmp_path))
    assert compression.cache_dir("1.67.0") != compression.cache_dir("1.68.0")
    assert compression.cache_dir("1.67.0").is_relative_to(tmp_path)
