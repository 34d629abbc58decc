# PEEL Tracker. `make run` sets everything up and serves the app on SQLite; `make test` runs the
# whole suite on SQLite and then on a throwaway PostgreSQL server (what CI runs).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Local development only: debug on, an insecure key. Production sets its own (see docs/settings.md).
DEV_ENV := DJANGO_DEBUG=true
TEST_ENV := DJANGO_DEBUG=false DJANGO_SECRET_KEY=test-only-not-secret DJANGO_ALLOWED_HOSTS=testserver DJANGO_STATIC_MANIFEST=false DJANGO_SECURE_SSL_REDIRECT=false
HOST ?= 127.0.0.1
PORT ?= 8000
# The scored corpus of real texts (issue 15): ../shared beside the clone, as in CI.
CORPUS ?= ../shared/corpus

.PHONY: help install serve load fuzz bench bench-templates run migrate load-data demo-users test test-sqlite test-postgres lint format check clean reader-score

help:
	@echo "make run            install, migrate, load the real data, create demo users, serve on $(HOST):$(PORT)"
	@echo "make test           lint + checks + the whole suite on SQLite, then on a throwaway PostgreSQL"
	@echo "make test-sqlite    the suite on SQLite only"
	@echo "make test-postgres  the suite on a throwaway PostgreSQL only"
	@echo "make lint / format  ruff check, the import contracts (lint-imports) / ruff format"
	@echo "make install        create $(VENV) and install the dependencies"
	@echo "make load           load test: gunicorn on a throwaway PostgreSQL, page cache on then off, CONCURRENCY=20 DURATION=30 [LOAD_CACHE=on|off] [LOAD_ARGS=--vary]"
	@echo "make fuzz           fuzz test: hostile query strings for every page, export and admin list, gunicorn on a throwaway PostgreSQL, FUZZ_PER_URL=200 [LOAD_SCALE=0]"
	@echo "make bench          pages and exports at national scale on SQLite and PostgreSQL (BENCH_SCALES=1,10)"
	@echo "make bench-templates the findings list's template time, and its table in Jinja2 against Django's engine (DATABASE_URL)"
	@echo "make reader-score   score the report reader on a corpus of real texts (CORPUS=$(CORPUS))"
	@echo "make serve          gunicorn + WhiteNoise as in production (set the production env vars)"

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# GOV.UK Frontend from the npm registry, compiled without the GOV.UK Transport font.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/build/app.css: node_modules/.installed assets/scss/app.scss assets/copy-assets.mjs
	npm run --silent build

install: $(VENV)/.installed static/build/app.css

migrate: install
	$(DEV_ENV) $(MANAGE) migrate --noinput

load-data: migrate
	$(DEV_ENV) $(MANAGE) load_real_data

demo-users: migrate
	$(DEV_ENV) $(MANAGE) create_demo_users

run: load-data demo-users
	$(DEV_ENV) $(MANAGE) runserver $(HOST):$(PORT)

# Production-style: gunicorn serving the app, WhiteNoise serving collected static files.
# Needs the production environment (DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL...).
WORKERS ?= 3
serve: install
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(BIN)/gunicorn peel_tracker.wsgi:application --bind $(HOST):$(PORT) --workers $(WORKERS) \
		--access-logfile - --forwarded-allow-ips="$${FORWARDED_ALLOW_IPS:-127.0.0.1}"

# Load test (not part of `make test`): gunicorn + throwaway PostgreSQL, 20 clients for 30 s.
load: install
	scripts/with-postgres.sh benchmarks/run_load.sh

# Fuzz test (not part of `make test`; tests/test_fuzz_queries.py is): the load test's server with
# the real data only (LOAD_SCALE=0: a query string that filters nothing exports every row), then
# FUZZ_PER_URL (200) hostile query strings for each page, export and admin list an editor reads.
fuzz: install
	LOAD_SCALE=$${LOAD_SCALE:-0} scripts/with-postgres.sh benchmarks/run_load.sh fuzz

# Benchmark (not part of `make test`): every page and export at scale 1 and 10 on SQLite and a
# throwaway PostgreSQL, against the admin, django-import-export and raw SQL. BENCH_SCALES=1 for a
# quick run. Prints a Markdown table (docs/performance.md).
bench: install
	$(BIN)/python benchmarks/bench.py

# Is Django's template engine still the findings list's cost, and would Jinja2 win by a clear
# ratio? On a throwaway PostgreSQL holding the national dataset at TEMPLATES_SCALE (default 1).
TEMPLATES_SCALE ?= 1
bench-templates: install
	$(TEST_ENV) scripts/with-postgres.sh sh -c '$(MANAGE) migrate -v0 && \
	  $(MANAGE) generate_national_dataset --scale $(TEMPLATES_SCALE) -v0 && \
	  $(MANAGE) dbshell -- -c "VACUUM ANALYZE" >/dev/null && \
	  $(BIN)/python benchmarks/template_engines.py'

# The report reader on every text of the corpus: per document, per kind of document, in total.
reader-score: $(VENV)/.installed
	$(BIN)/python -m inspections.report_reader.score $(CORPUS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	$(TEST_ENV) $(MANAGE) check
	$(TEST_ENV) $(MANAGE) makemigrations --check --dry-run

test-sqlite: install
	$(TEST_ENV) DATABASE_URL=sqlite:///:memory: $(BIN)/pytest $(PYTEST_ARGS)

test-postgres: install
	$(TEST_ENV) scripts/with-postgres.sh $(BIN)/pytest $(PYTEST_ARGS)

test: lint check test-sqlite test-postgres

clean:
	rm -rf $(VENV) node_modules static/build db.sqlite3 staticfiles .pytest_cache .ruff_cache
