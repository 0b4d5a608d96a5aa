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

.PHONY: run test bench lint format check-python clean

check-python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: Python 3.12 or newer is needed (Django 6). Found: $$(python3 --version 2>&1)."; \
		echo "Install Python 3.12+ (e.g. 'pyenv install 3.13', which .python-version selects) or set PYTHON=/path/to/python3.13."; \
		exit 1; fi

$(VENV)/.installed: pyproject.toml | check-python
	@if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
		rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

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

test: $(VENV)/.installed
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

# The benchmarks generate their corpora with the evaluation app's generator.
bench: $(VENV)/.installed
	$(TEST_ENV) DEV_TOOLS=true $(PY) bench/run.py $(BENCH_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles
