# Two commands set everything up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# Django 6 needs Python 3.12+; .python-version makes pyenv's python3 resolve to 3.13.
PYTHON ?= $(shell for p in python3 python3.13 python3.12; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; done)
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests run with production-like settings (DEBUG off) and a throwaway key; DEV_TOOLS
# loads the development-only evaluation app (evaluate_engine, generate_corpus) anyway.
TEST_ENV := SECRET_KEY=test-only-secret-key-not-for-production DEBUG=false SECURE_SSL_REDIRECT=false DEV_TOOLS=true

# The lock files pin every package, direct and indirect, with hashes: requirements.lock
# for production (the runtime dependencies), requirements-dev.lock for the desk's venv
# (runtime plus the dev extra; its runtime pins are constrained to requirements.lock).
# `make lock` regenerates both from pyproject.toml, keeping every pin that still fits;
# `make lock LOCK_ARGS=--upgrade` moves the indirect ones to their newest releases.
LOCK := requirements.lock
DEV_LOCK := requirements-dev.lock
UV_VERSION := $(shell sed -n 's/^ *"uv==\([^"]*\)".*/\1/p' pyproject.toml)
# Resolved for the Python and platform the desk and CI run on, whatever machine runs it.
UV_COMPILE = uv pip compile pyproject.toml --quiet --generate-hashes \
	--python-version 3.13 --python-platform x86_64-unknown-linux-gnu \
	--custom-compile-command "make lock" $(LOCK_ARGS)
# Writes both locks into directory $(1) from the pyproject.toml and locks found there.
define compile_locks
	(cd $(1) && export PATH="$(abspath $(VENV))/bin:$$PATH" \
	&& $(UV_COMPILE) -o $(LOCK) && $(UV_COMPILE) --extra dev -c $(LOCK) -o $(DEV_LOCK))
endef

.PHONY: run test test-slow test-all bench lint types check lock lock-check format check-python clean

check-python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: Python 3.12 or newer is needed (Django 6). Found: $$(python3 --version 2>&1)."; \
		echo "Install Python 3.12+ (e.g. 'pyenv install 3.13', which .python-version selects) or set PYTHON=/path/to/python3.13."; \
		exit 1; fi

# Installs exactly the locked versions, each checked against its hash; pip refuses a
# package the lock does not pin. The project itself is not installed: it runs from the
# checkout (pyproject.toml declares no packages), so nothing unpinned is built or fetched.
$(VENV)/.installed: $(DEV_LOCK) | check-python
	@if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
		rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); fi
	$(PY) -m pip install --quiet --require-hashes -r $(DEV_LOCK)
	touch $@

# uv from the pin in pyproject.toml, so `make lock` works before the venv is installed.
$(VENV)/bin/uv: pyproject.toml | check-python
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet "uv==$(UV_VERSION)"
	touch $@

lock: $(VENV)/bin/uv
	$(call compile_locks,.)

# Fails when the locks are not what `make lock` would write from pyproject.toml now
# (a pin added or changed without re-locking). Needs the package index, as installing does.
lock-check: $(VENV)/bin/uv
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT \
	&& cp pyproject.toml $(LOCK) $(DEV_LOCK) "$$tmp"/ \
	&& $(call compile_locks,"$$tmp") \
	&& diff -u $(LOCK) "$$tmp/$(LOCK)" && diff -u $(DEV_LOCK) "$$tmp/$(DEV_LOCK)" \
	|| { echo "error: the lock files are stale; run 'make lock' and commit them."; exit 1; }

run: $(VENV)/.installed
	DEBUG=true $(PY) manage.py migrate --noinput
	DEBUG=true $(PY) manage.py import_seeds
	DEBUG=true $(PY) manage.py ensure_demo_users
	@echo "Serving on http://$(HOST):$(PORT)/ (with a task worker for background imports)"
# A job left running by a worker that was killed resumes first: this worker is the only one.
	DEBUG=true $(PY) manage.py resume_import_jobs --takeover
# The task worker (background imports) runs beside the web server; the trap stops it
# when runserver exits, Ctrl+C included. --no-reload: the autoreloader's child process
# would outlive a kill of its parent.
	DEBUG=true $(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=true $(PY) manage.py runserver $(HOST):$(PORT)

# `make test` is the quick default: every test but those marked `slow` (the browser tests,
# the subprocess and throwaway-database ones, retraining the model...); `make test-slow`
# runs only those, `make test-all` everything. CI runs test and test-slow on both databases.
# A `-m` in PYTEST_ARGS replaces the default selection (pytest keeps the last one).
test: $(VENV)/.installed
	$(TEST_ENV) $(PY) -m pytest -m "not slow" $(PYTEST_ARGS)

test-slow: $(VENV)/.installed
	$(TEST_ENV) $(PY) -m pytest -m slow $(PYTEST_ARGS)

test-all: $(VENV)/.installed
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

# The benchmarks generate their corpora with the evaluation app's generator. On SQLite, or
# on PostgreSQL with DATABASE_URL set; one by name: make bench BENCH_ARGS="pages --claims 5000".
# Each figure is printed beside its budget; the JSON report goes to bench/out/.
bench: $(VENV)/.installed
	$(TEST_ENV) DEV_TOOLS=true $(PY) bench/run.py $(BENCH_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# mypy with django-stubs; which modules it checks, and how strictly, is in pyproject.toml.
types: $(VENV)/.installed
	$(TEST_ENV) $(VENV)/bin/mypy

# Everything CI checks before the tests.
check: lint types lock-check

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles
