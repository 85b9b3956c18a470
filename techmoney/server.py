"""The composition root: the Streamlit app (app.py, techmoney.ui) and the HTTP side (techmoney.web) in one
st.App, with what a plain Streamlit server lacks.

* each page's HTML carries its link preview (techmoney.content.html.previews), and the download links have their
  files (techmoney.bake.downloads), both through techmoney.web.routes;
* Streamlit's JavaScript and CSS go out compressed, from files compressed once at install time
  (techmoney.web.compression, through servestatic);
* until it has found the release's bake (techmoney/bake/build.py), or built the default views without one
  (techmoney.ui.warmup), every request gets a quick 503 (techmoney.web.health), so readers and load
  balancers wait for a ready replica; then the address to open is printed; every absolute link starts
  from that address (or $TECH_MONEY_PUBLIC_URL), never from a request's Host;
* every response carries the header policy, and unknown paths are a plain 404 (techmoney.web.headers).

serve.py makes the st.App of these parts (``streamlit run serve.py``: Streamlit finds an ``app = st.App(...)``
by reading the script's source, so the call itself stays there) and serves it with uvicorn, reading
.streamlit/config.toml as usual. app.py alone still runs, without these (tests drive app.py directly).
Besides techmoney.ui, the one module that imports Streamlit: for the app's base path.
"""

import asyncio
import contextlib
import logging
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from techmoney.data.dataset import DatasetError
from techmoney.ui import internals, shell, warmup
from techmoney.web import compression, headers, health, routes

_LOG = logging.getLogger("tech_money")
BASE_PATH = st.get_option("server.baseUrlPath") or ""
PROJECT = Path(__file__).resolve().parents[1]
FONTS = PROJECT / "static" / "fonts"
READINESS = health.Readiness()
ROOT = shell.site_root()
ROUTES = routes.make_routes(ROOT, BASE_PATH, internals.index_html())


def _prepare_pages() -> str:
    try:
        return warmup.prepare()
    except DatasetError:
        return "the dataset failed validation: every page shows what to fix"
    except Exception:  # noqa: BLE001 - a warm-up is an optimisation: a bug in it must not keep the app down
        _LOG.exception("preparing the pages failed; the first readers will build them")
        return "preparing the pages failed (see above)"


def _preload() -> None:
    try:
        warmup.preload()
    except Exception:  # noqa: BLE001 - the readers who come will load what they need
        _LOG.exception("preloading the default views failed")


async def _prepare() -> None:
    prepared = await asyncio.to_thread(_prepare_pages)  # never raises: a failure still opens the gate
    READINESS.set_ready()
    # Streamlit's own welcome is off: it prints before the server is ready and, headless, looks up the
    # machine's external address on the network.
    print(f"\n  Tech Money 2024 is ready ({prepared}): {ROOT}\n", flush=True)
    await asyncio.to_thread(_preload)


@contextlib.asynccontextmanager
async def lifespan(_app):
    # Not awaited here: Streamlit listens before the lifespan ends anyway; the gate answers meanwhile.
    preparing = asyncio.create_task(_prepare())
    yield
    preparing.cancel()


SCRIPT = PROJECT / "app.py"
MIDDLEWARE = [
    Middleware(health.WarmingGate, readiness=READINESS),
    Middleware(
        headers.HeaderPolicy,
        routes=ROUTES,
        static_dir=internals.static_dir(),
        base_path=BASE_PATH,
        streamlit_prefixes=internals.STREAMLIT_PREFIXES,
    ),
    Middleware(
        compression.serve_compressed,
        cache=compression.cache_dir(internals.static_dir()),
        fonts=FONTS,
        base_path=BASE_PATH,
    ),
]
