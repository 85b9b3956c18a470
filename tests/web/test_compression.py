"""techmoney/web/compression.py: bundles compressed once into a cache, then served from it (bytes and headers on
the wire)."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse

from techmoney.web import compression
from tests.asgi_client import get

SCRIPT = ("const answer = 42;\n" * 400).encode()  # compressible, well over the minimum size
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda body: body}


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A Streamlit-like static dir (bundles under static/, a font, a tiny script), our fonts, a cache root."""
    static = tmp_path / "streamlit"
    (static / "static" / "js").mkdir(parents=True)
    (static / "static" / "media").mkdir()
    (static / "static" / "js" / "main.abc123.js").write_bytes(SCRIPT)
    (static / "static" / "js" / "tiny.js").write_bytes(b"let x = 1;")
    (static / "static" / "media" / "font.woff2").write_bytes(b"wOF2" + bytes(4000))
    (static / "index.html").write_text("<!doctype html><title>x</title>")
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / "a.woff2").write_bytes(b"wOF2" + bytes(100))
    return static, fonts, compression.cache_dir(static, tmp_path / "cache")


def _app(site, base_path: str = "") -> Starlette:
    _, fonts, cache = site
    fallback = Starlette()
    fallback.add_route("/{path:path}", lambda request: PlainTextResponse(f"streamlit: {request.url.path}"))
    return compression.serve_compressed(fallback, cache=cache, fonts=fonts, base_path=base_path)


def test_the_command_fills_the_cache_once(site, capsys, monkeypatch):
    static, _, cache = site
    monkeypatch.setenv(compression.CACHE_DIR_ENV, str(cache.parents[1]))
    compression.main([str(static)])
    assert capsys.readouterr().out == f"{cache}: compressed\n"
    assert brotli.decompress((cache / "js/main.abc123.js.br").read_bytes()) == SCRIPT
    compression.main([str(static)])
    assert "already there" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [
        ("gzip, deflate, br, zstd", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip;q=0.5", "gzip"),
        ("", None),
        ("identity", None),
        ("br;q=0", None),
        ("GZIP", "gzip"),
    ],
)
def test_a_bundle_goes_out_in_the_smallest_encoding_the_browser_accepts(site, accept, encoding):
    static, _, cache = site
    compression.build_cache(static, cache)
    answer = get(_app(site), "/static/js/main.abc123.js", {"Accept-Encoding": accept})
    assert answer.status == 200 and "Accept-Encoding" in answer.headers["vary"]
    assert answer.headers.get("content-encoding") == encoding
    assert DECODE[encoding](answer.body) == SCRIPT and "javascript" in answer.headers["content-type"]
    assert int(answer.headers["content-length"]) == len(answer.body)
    assert "immutable" in answer.headers["cache-control"]
    if encoding:
        assert len(answer.body) < len(SCRIPT) / 5


def test_files_not_worth_compressing_go_out_as_they_are(site):
    static, _, cache = site
    compression.build_cache(static, cache)
    for path in ("/static/js/tiny.js", "/static/media/font.woff2"):
        answer = get(_app(site), path, {"Accept-Encoding": "br, gzip"})
        assert answer.status == 200 and "content-encoding" not in answer.headers
        assert answer.body == (static / path.lstrip("/")).read_bytes()


def test_without_the_cache_the_bundles_pass_on_to_streamlit(site):
    answer = get(_app(site), "/static/js/main.abc123.js", {"Accept-Encoding": "br, gzip"})
    assert answer.body == b"streamlit: /static/js/main.abc123.js" and "content-encoding" not in answer.headers


def test_under_a_base_path_only_its_bundles_are_answered(site):
    static, _, cache = site
    compression.build_cache(static, cache)
    app = _app(site, base_path="/tm/")
    assert get(app, "/tm/static/js/main.abc123.js", {"Accept-Encoding": "br"}).headers["content-encoding"] == "br"
    assert get(app, "/static/js/main.abc123.js", {"Accept-Encoding": "br"}).body.startswith(b"streamlit: ")


def test_the_apps_fonts_get_a_cache_lifetime_and_other_paths_pass_on(site):
    answer = get(_app(site), "/app/static/fonts/a.woff2")
    assert answer.status == 200 and answer.headers["content-type"] == "font/woff2"
    assert f"max-age={compression.FONTS_MAX_AGE}" in answer.headers["cache-control"]
    assert get(_app(site), "/app/static/app.css").body == b"streamlit: /app/static/app.css"


def test_the_cache_is_kept_per_frontend_build(site, tmp_path):
    static, _, cache = site
    (static / "index.html").write_text("<!doctype html><title>another build</title>")
    assert compression.cache_dir(static, tmp_path / "cache") != cache
