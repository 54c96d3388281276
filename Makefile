# The two set-up commands (see README): `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=
BENCH_ARGS ?=

.PHONY: run test install install-dev migrations-check lint bench

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# axe-core, injected into pages by the accessibility browser tests; ESLint and Stylelint.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --silent

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Start the site on SQLite with demo content at http://127.0.0.1:8000
run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo_content
	$(PY) manage.py runserver 127.0.0.1:8000

## Run the whole test suite (set DATABASE_URL to run it on PostgreSQL)
test: install-dev node_modules/.package-lock.json
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(VENV)/bin/pytest $(PYTEST_ARGS)

## Side-by-side speed bench (about 4 minutes; needs wrk): prints the table, writes bench/RESULTS.md
bench: install
	$(PY) bench/run.py $(BENCH_ARGS)

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

## Check the Python, the templates and the CSS and JS that ship (static/)
lint: install-dev node_modules/.package-lock.json
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates */templates
	node_modules/.bin/eslint static/js
	node_modules/.bin/stylelint "static/css/**/*.css"
