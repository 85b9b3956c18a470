# Two commands do everything on a fresh machine:
#   make run    create .venv, install the app's packages, serve the app and print its address (http://localhost:8501)
#   make test   install what the tests need (packages, Chromium, axe-core, nginx), validate data/, run every test and audit
# CI (.ci/run) calls `make test`.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: run test venv dev-venv system-deps node-deps compressed bake validate layers lint unit e2e audit bench clean

# serve.py prints the address once it is ready; no first-run e-mail prompt to answer.
run: venv compressed bake
	$(PY) -m streamlit run serve.py --server.port $(PORT) --server.showEmailPrompt false

# Reinstall only when the pins change: the stamp records which requirements are installed.
$(VENV)/.stamp-app: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.stamp-dev: requirements.txt requirements-dev.txt $(VENV)/.stamp-app
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

venv: $(VENV)/.stamp-app
dev-venv: $(VENV)/.stamp-dev

# Streamlit's JavaScript and CSS compressed once per Streamlit release (a minute the first time, then
# nothing to do): techmoney/web/compression.py.
compressed: venv
	$(PY) -m techmoney.web.compression "$$($(PY) -c 'from techmoney.ui.internals import static_dir; print(static_dir())')"

# Every view and answer built once per release (techmoney/bake/build.py), into .cache/bake/<digest of the inputs>,
# with every chart image drawn by Chromium when it is installed (techmoney/content/chart_images.py; only what
# changed is drawn again); nothing to do when the inputs have not changed. Servers load from it.
bake: venv
	$(PY) -m techmoney.ui.bake

# Chromium comes from Debian (Playwright's own browser download cannot work here): the browser tests and the
# chart images (kaleido drives it); nginx is for the replica test. As root we install them; elsewhere we
# fall back to Playwright's browser (the chart images then need BROWSER_PATH pointed at it).
system-deps:
	@missing=""; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || missing="$$missing nginx"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "not root: using Playwright's Chromium ($$missing missing)"; \
	    $(VENV)/bin/playwright install chromium; \
	  fi; \
	fi

node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

node-deps: node_modules/.stamp

validate: venv
	$(PY) -m techmoney.data.validate

# The layers as folders, no import running back up (pyproject.toml: [tool.importlinter]).
layers: dev-venv
	$(VENV)/bin/lint-imports

# ruff's lint and its formatter, checked, not applied (pyproject.toml: [tool.ruff]).
lint: dev-venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

unit: dev-venv system-deps validate layers lint bake
	$(PY) -m pytest -q tests --ignore=tests/e2e -n 2

e2e: dev-venv system-deps node-deps compressed bake
	$(PY) -m pytest -q tests/e2e

audit: dev-venv
	$(VENV)/bin/bandit -q -c pyproject.toml -r app.py serve.py techmoney app_pages bench harness
	@# pip-audit asks PyPI's JSON API for advisories; where only the package index is reachable (this
	@# workplace), it reports every package as "could not be audited" rather than failing.
	@log=$$(mktemp); $(VENV)/bin/pip-audit --progress-spinner off --skip-editable >$$log 2>&1; rc=$$?; \
	  grep -v "could not be audited" $$log; echo "pip-audit: $$(grep -c 'could not be audited' $$log) package(s) not auditable here"; \
	  rm -f $$log; exit $$rc

# Two workers: the browser tests in two groups, one a worker (tests/conftest.py: BROWSER_GROUPS); the other
# test modules are spread over both as they come free, one module to a worker.
test: dev-venv system-deps node-deps compressed validate layers lint bake
	$(PY) -m pytest -q tests -n 2
	$(MAKE) --no-print-directory audit

bench: dev-venv system-deps compressed bake
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) node_modules test-artifacts bench/results
