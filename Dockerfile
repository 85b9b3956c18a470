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

# Every chart image (SVG, PNG, social sizes; techmoney/content/chart_images.py) drawn here by Debian's
# Chromium through kaleido, in a stage of its own: the served image carries the images, not the browser.
FROM app AS images
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium \
    && rm -rf /var/lib/apt/lists/*
RUN python -m techmoney.content.chart_images --strict

FROM app
COPY --from=images /app/.cache/chart-images/ /app/.cache/chart-images/

# Streamlit's JavaScript and CSS, compressed once here (about a minute), so no container compresses
# anything at start or per request (techmoney/web/compression.py, through servestatic).
RUN python -m techmoney.web.compression "$(python -c 'from techmoney.ui.internals import static_dir; print(static_dir())')"

# Run unprivileged; the app only reads its files.
RUN useradd --create-home --uid 10001 app
USER app

EXPOSE 8501

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() == b'ok' else 1)"

CMD ["python", "-m", "streamlit", "run", "serve.py", "--server.address", "0.0.0.0", "--server.port", "8501", "--server.headless", "true"]
