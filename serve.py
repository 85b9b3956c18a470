"""Tech Money 2024, served: the Streamlit app (app.py) plus what a plain Streamlit server lacks.

* each page's HTML carries its link preview (techmoney.web.previews), and the download links have their
  files (techmoney.web.downloads), both through techmoney.web.routes;
* Streamlit's JavaScript and CSS go out compressed, from files compressed once at install time
  (techmoney.web.compression, through servestatic);
* until the caches every page needs are filled (techmoney.ui.warmup), every request gets a quick 503
  (techmoney.web.health), so readers and load balancers wait for a warm replica; then the address to
  open is printed;
* every response carries the header policy, and unknown paths are a plain 404 (techmoney.web.headers).

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

from techmoney.web import compression, headers, health, routes
from techmoney.ui import internals, warmup
from techmoney.data.dataset import DatasetError

_LOG = logging.getLogger("tech_money")
BASE_PATH = st.get_option("server.baseUrlPath") or ""
FONTS = Path(__file__).parent / "static" / "fonts"
READINESS = health.Readiness()
ROUTES = routes.make_routes(BASE_PATH, internals.index_html())


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
    host = st.get_option("server.address") or st.get_option("browser.serverAddress") or "localhost"
    host = "localhost" if _listens_everywhere(host) else host
    base = BASE_PATH.strip("/")
    return f"http://{host}:{st.get_option('server.port')}/" + (f"{base}/" if base else "")


def _listens_everywhere(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_unspecified  # 0.0.0.0 or ::, not an address to open
    except ValueError:  # a host name
        return False


async def _prepare() -> None:
    warmed = await asyncio.to_thread(_warm)  # never raises: a failed warm-up still opens the gate
    READINESS.set_ready()
    print(f"\n  Tech Money 2024 is ready ({warmed}): {_address()}\n", flush=True)


@contextlib.asynccontextmanager
async def lifespan(_app):
    # Not awaited here: Streamlit listens before the lifespan ends anyway; the gate answers meanwhile.
    preparing = asyncio.create_task(_prepare())
    yield
    preparing.cancel()


app = st.App(
    "app.py",
    routes=ROUTES,
    middleware=[
        Middleware(health.WarmingGate, readiness=READINESS),
        Middleware(headers.HeaderPolicy, routes=ROUTES, static_dir=internals.static_dir(), base_path=BASE_PATH),
        Middleware(compression.serve_compressed, cache=compression.cache_dir(internals.static_dir()),
                   fonts=FONTS, base_path=BASE_PATH),
    ],
    lifespan=lifespan,
)
