# Masthead: `make run` serves the demo publication, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
POSTGRES_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: run test test-sqlite test-postgres test-browser lint install tools worker clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed

# Browser-test tools from Debian: Chromium, Java for the Nu HTML Checker, Varnish and wrk for the
# scaled-shape tests.
tools: node_modules/.installed
	@command -v chromium >/dev/null && command -v java >/dev/null && [ -x /usr/sbin/varnishd ] \
	  && command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq chromium default-jre-headless varnish wrk >/dev/null; \
	  else echo "Install Debian's chromium, default-jre-headless, varnish and wrk (sudo apt-get install ...)"; exit 1; fi; }

## The one-machine shape: SQLite, demo content, task worker, at http://127.0.0.1:8000
run: install
	$(PY) manage.py serve

worker: install
	$(PY) manage.py db_worker

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	DJANGO_SETTINGS_MODULE=masthead.settings.test $(PY) manage.py makemigrations --check --dry-run

test-sqlite: install
	env -u DATABASE_URL $(PY) -m pytest masthead -q

test-postgres: install
	DATABASE_URL=$(POSTGRES_TEST_URL) $(PY) -m pytest masthead -q

test-browser: install tools
	env -u DATABASE_URL POSTGRES_TEST_URL=$(POSTGRES_TEST_URL) $(PY) -m pytest e2e -q

## Everything: lint, the suite on SQLite and on PostgreSQL side by side (each holds about one of
## the two cores), then the browser tests. Each suite's output is printed whole when it ends.
test: lint
	$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres
	$(MAKE) --no-print-directory test-browser

clean:
	rm -rf $(VENV) node_modules static_collected var
