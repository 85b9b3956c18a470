"""Tech Money 2024, served: the Streamlit app (app.py) plus what a plain Streamlit server lacks.

* each page's HTML carries its link preview (components.previews), and the download links have their
  files (components.downloads), both through components.routes;
* Streamlit's JavaScript and CSS go out compressed, from files compressed once (components.compression);
* before the first reader, the caches every page needs are filled (components.warmup), and then the
  address to open is printed.

Run it like any Streamlit app: ``streamlit run serve.py`` (Streamlit finds the ``app`` below and
serves it with uvicorn, reading .streamlit/config.toml as usual). app.py alone still runs, without
these (tests drive app.py directly).
"""

import asyncio
import contextlib
import ipaddress
import logging
import os
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware
from streamlit import config, file_util
from streamlit.web.server.server_util import get_url

from components import compression, routes, warmup
from components.dataset import DatasetError

_LOG = logging.getLogger("tech_money")
BASE_PATH = config.get_option("server.baseUrlPath") or ""
STREAMLIT_STATIC = Path(file_util.get_static_dir())
COMPRESSED = compression.CompressedFiles()


def _compress() -> None:
    cache = compression.cache_dir(st.__version__)
    try:
        written = compression.build_cache(STREAMLIT_STATIC, cache)
        if written:
            _LOG.info("compressed %d files into %s", written, cache)
    except OSError as err:  # e.g. a read-only image built without the cache: serve what is there
        _LOG.warning("cannot fill the compression cache %s (%s); serving those files uncompressed", cache, err)
    COMPRESSED.load(STREAMLIT_STATIC, cache)


def _warm() -> str:
    try:
        return f"pages warmed in {warmup.warm():.1f} s"
    except DatasetError:
        return "the dataset failed validation: every page shows what to fix"
    except Exception:  # noqa: BLE001 - a warm-up is an optimisation: a bug in it must not keep the app down
        _LOG.exception("warming the caches failed; the first readers will fill them")
        return "warming the caches failed (see above)"


def _address() -> str:
    """Where to open the app, as Streamlit's own welcome would say (it is off: it prints before the
    server is ready and, headless, looks up the machine's external address on the network)."""
    public = os.environ.get(routes.PUBLIC_URL_ENV)
    if public:
        return public
    host = config.get_option("browser.serverAddress") if config.is_manually_set("browser.serverAddress") else (
        config.get_option("server.address") or "localhost")
    return get_url("localhost" if _listens_everywhere(host) else host)


def _listens_everywhere(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_unspecified  # 0.0.0.0 or ::, not an address to open
    except ValueError:  # a host name
        return False


@contextlib.asynccontextmanager
async def lifespan(_app):
    _, warmed = await asyncio.gather(asyncio.to_thread(_compress), asyncio.to_thread(_warm))
    print(f"\n  Tech Money 2024 is ready ({warmed}): {_address()}\n", flush=True)
    yield


app = st.App(
    "app.py",
    routes=routes.make_routes(BASE_PATH, STREAMLIT_STATIC / "index.html"),
    middleware=[Middleware(compression.PrecompressedStatic, files=COMPRESSED, base_path=BASE_PATH)],
    lifespan=lifespan,
)
