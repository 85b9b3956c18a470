# Tech Money 2024: the same steps as `make run`, in a container.
#   docker build -t tech-money-2024 .
#   docker run --rm -p 8501:8501 -e TECH_MONEY_PUBLIC_URL=https://example.org/ tech-money-2024
# TECH_MONEY_PUBLIC_URL: the address readers use, for the absolute links in link previews (README: Deployment).
# Several replicas behind a proxy: see deploy/nginx.conf (sticky sessions) and bench/README.md.
FROM python:3.11-slim AS app

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    TECH_MONEY_CACHE_DIR=/app/.cache

WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

# Only what the app needs (not .venv, node_modules, tests): code, data, fonts, Streamlit config.
COPY app.py serve.py ./
COPY app_pages/ app_pages/
COPY techmoney/ techmoney/
COPY data/ data/
COPY static/ static/
COPY .streamlit/ .streamlit/

# Streamlit's JavaScript and CSS, compressed once here (about a minute), so no container compresses
# anything at start or per request (techmoney/web/compression.py, through servestatic).
RUN python -m techmoney.web.compression "$(python -c 'from techmoney.ui.internals import static_dir; print(static_dir())')"

# Every view, answer and chart image built once (techmoney/bake/build.py), in a stage with Debian's Chromium, which
# draws the charts through kaleido: the served image carries the bake, not the browser. A container is ready
# about a second after it starts, loading what readers ask for instead of building it.
FROM app AS bake
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium \
    && rm -rf /var/lib/apt/lists/*
RUN python -m techmoney.ui.bake

FROM app
COPY --from=bake /app/.cache/bake/ /app/.cache/bake/

# Run unprivileged; the app only reads its files.
RUN useradd --create-home --uid 10001 app
USER app

EXPOSE 8501

HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() == b'ok' else 1)"

CMD ["python", "-m", "streamlit", "run", "serve.py", "--server.address", "0.0.0.0", "--server.port", "8501", "--server.headless", "true"]
