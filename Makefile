# Ballot Desk: `make run` serves the site on http://127.0.0.1:8000/ (`make run PORT=8001 HOST=0.0.0.0`
# to move it), `make test` runs every check.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Python caches compiled modules in __pycache__ (and pytest its rewritten test modules) unless
# PYTHONDONTWRITEBYTECODE is set, as it is on some machines (ours, CI's): then every process
# of `make test` (each pytest worker, each manage.py and gunicorn a test starts) compiles the
# whole project and its packages from source again, seconds each time.
unexport PYTHONDONTWRITEBYTECODE

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/ballotdesk
# The same order and the same random seeds on every run (pytest-randomly with a fixed seed,
# file order kept): a red run means the code changed. `make test-random` shuffles. Idle
# workers take tests queued for the others (worksteal), so no worker waits at the end.
PYTEST_ARGS ?= -n auto --dist worksteal -p randomly --randomly-seed=2024 --randomly-dont-reorganize
# Where `make run` serves. `make serve` leaves them to gunicorn (PORT given on the command line
# reaches it as the environment variable: 0.0.0.0:$PORT).
HOST ?= 127.0.0.1
PORT ?= 8000
FUZZ_ARGS ?= -n auto
FUZZ_TESTS := tests/api/test_api_contract.py

.PHONY: help run serve bench test test-tools test-random fuzz lint check migrations-check pytest-sqlite pytest-postgres seed lock clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(VENV)/bin/python:
	@PYTHON=$$(scripts/find-python.sh) || exit 1; \
	echo "Creating $(VENV) with $$PYTHON"; \
	"$$PYTHON" -m venv $(VENV)

# uv installs the pinned files in a few seconds where pip takes half a minute; pip does it
# alone if uv cannot be had.
UV_VERSION := 0.13.9
INSTALL = $(PY) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)" && \
	$(PY) -m uv pip install --quiet --python $(PY) -r $(1) || \
	$(PY) -m pip install --quiet --disable-pip-version-check -r $(1)

$(VENV)/.run-deps: requirements.txt | $(VENV)/bin/python
	$(call INSTALL,requirements.txt)
	@touch $@

$(VENV)/.test-deps: requirements-dev.txt | $(VENV)/bin/python
	$(call INSTALL,requirements-dev.txt)
	@touch $@ $(VENV)/.run-deps

# The reference tools the citation tests compare the site with: citeproc-js through
# Citation.js for the styled strings, and its BibTeX and RIS readers for the round trip of
# the downloads, from the npm registry with the machine's Node.js, at the versions
# tests/tools/package-lock.json pins (into tests/tools/node_modules, git-ignored).
TEST_TOOLS := tests/tools/node_modules/.package-lock.json

$(TEST_TOOLS): tests/tools/package.json tests/tools/package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the citation tests: apt-get install nodejs npm"; exit 1; }
	npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error
	@touch $@

test-tools: $(TEST_TOOLS) ## Install the citation tests' reference tools (Citation.js: citeproc-js, BibTeX and RIS readers; npm ci)

run: $(VENV)/.run-deps ## Install, migrate SQLite, load the seed newsroom, serve on :8000 (PORT=, HOST=)
	@$(PY) scripts/check-port.py $(HOST) $(PORT)
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_newsroom
	$(MANAGE) load_import_example
	$(MANAGE) ensure_admin
	$(MANAGE) runserver $(if $(findstring :,$(HOST)),[$(HOST)],$(HOST)):$(PORT)

serve: $(VENV)/.run-deps ## Production configuration locally: gunicorn, PostgreSQL, Redis, DEBUG off
	@scripts/serve.sh

seed: $(VENV)/.run-deps ## Load the seed newsroom (idempotent)
	$(MANAGE) seed_newsroom

.PHONY: backup restore
backup: $(VENV)/.run-deps ## Back up DATABASE_URL (default: make serve's) to backups/ with pg_dump
	@$(PY) scripts/backup.py backup

restore: $(VENV)/.run-deps ## Restore FILE=backups/... into TARGET_URL or DATABASE_URL (CONFIRM=1 replaces)
	@$(PY) scripts/backup.py restore "$(FILE)" $(if $(filter-out 0,$(CONFIRM)),--confirm)

.PHONY: drill drill-up drill-down
drill-up: $(VENV)/.run-deps ## Scale-out drill: primary + streaming replica, Redis, 2 gunicorns behind haproxy on :8200, Varnish on :8210
	@scripts/drill.sh up

drill: $(VENV)/.run-deps ## The whole scale-out drill: up, demo (replica reads, lag, purges, failover), down
	@scripts/drill.sh up && scripts/drill.sh demo; status=$$?; scripts/drill.sh down; exit $$status

drill-down: ## Stop the scale-out drill and remove its data (var/drill)
	@scripts/drill.sh down

.PHONY: soak
soak: $(VENV)/.test-deps ## Load and faults on a throwaway stack: import under 64 readers, PostgreSQL/Redis restarts (SOAK_SECONDS=120)
	@$(PY) scripts/soak.py

bench: $(VENV)/.run-deps ## Benchmark the production stack on a large synthetic newsroom; writes bench/results.md (bench/run.sh --help)
	@bench/run.sh $(BENCH_ARGS)

test: $(VENV)/.test-deps $(TEST_TOOLS) lint check migrations-check ## Lint, checks, pytest on SQLite and PostgreSQL
	@scripts/ensure-chromium.sh
	@$(MAKE) --no-print-directory pytest-sqlite
	@$(MAKE) --no-print-directory pytest-postgres

fuzz: $(VENV)/.test-deps ## API contract tests, random seeds, 500 examples per endpoint (FUZZ_EXAMPLES=, FUZZ_POSTGRES=1)
	@echo "== fuzz on SQLite"
	env -u DATABASE_URL HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest $(FUZZ_ARGS) $(FUZZ_TESTS)
	@if [ "$(FUZZ_POSTGRES)" = 1 ]; then \
		scripts/ensure-postgres.sh && echo "== fuzz on PostgreSQL ($(PG_TEST_URL))" && \
		DATABASE_URL=$(PG_TEST_URL) HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest $(FUZZ_ARGS) $(FUZZ_TESTS); \
	fi

lint: $(VENV)/.test-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: $(VENV)/.test-deps
	$(MANAGE) check --fail-level WARNING

migrations-check: $(VENV)/.test-deps
	$(MANAGE) makemigrations --check --dry-run

# Checks whose subject is not the database run once per `make test`: the browser tests
# (Chromium against a live server) in the PostgreSQL pass, production's database; the soak
# test, the citation reference checks (our strings and files against citeproc-js, pandoc
# and the readers of each format) and the crawls (every page, export, admin door and role
# visited for draft leaks, side doors, stored payloads and cache keys: the app's rules, which
# the engine does not change; the engine's own rules, constraints, search and locking, are
# tested in both passes) in the SQLite pass. Plain `pytest` runs all.
pytest-sqlite: $(VENV)/.test-deps $(TEST_TOOLS)
	@echo "== pytest on SQLite (browser tests: in the PostgreSQL pass; citation reference checks and crawls: here only)"
	env -u DATABASE_URL $(PY) -m pytest $(PYTEST_ARGS) -m "not browser"

pytest-postgres: $(VENV)/.test-deps $(TEST_TOOLS)
	@echo "== pytest on PostgreSQL ($(PG_TEST_URL); citation reference checks and crawls: in the SQLite pass)"
	@scripts/ensure-postgres.sh
	DATABASE_URL=$(PG_TEST_URL) $(PY) -m pytest $(PYTEST_ARGS) -m "not reference and not crawl"

test-random: $(VENV)/.test-deps $(TEST_TOOLS) ## pytest on SQLite in a random order (seed printed; SEED=N repeats one)
	env -u DATABASE_URL $(PY) -m pytest -n auto -p randomly $(if $(SEED),--randomly-seed=$(SEED))

lock: $(VENV)/.test-deps ## Re-pin dependencies from pyproject.toml
	$(PY) -m pip install --quiet "uv==$(UV_VERSION)"
	$(VENV)/bin/uv pip compile pyproject.toml -q --python-version 3.12 --no-header -o requirements.txt
	$(VENV)/bin/uv pip compile pyproject.toml --extra test -q --python-version 3.12 --no-header -o requirements-dev.txt

clean: ## Remove the virtualenv and the SQLite database
	rm -rf $(VENV) db.sqlite3 staticfiles test-artifacts tests/tools/node_modules
