# Two commands do all set-up on a fresh machine with Python 3.11+ (see README):
#   make demo   install into .venv and print the sample office's summary
#   make test   install into .venv and run ruff, mypy (strict) and the whole test suite
# Another interpreter: make test PYTHON=python3.13 VENV=.venv313
# `make docs` builds the documentation site into site/ (strict: a broken link fails).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
DOCS_STAMP = $(VENV)/.installed-docs
# Every extra the test suite exercises (the core alone needs none of them).
EXTRAS  = dev,cli,ics,testing,durable,dask,office,solver

.PHONY: demo test lint typecheck pytest suite bench docs clean mutation

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS)]"
	touch $(STAMP)

$(DOCS_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS),docs]"
	touch $(DOCS_STAMP)

demo: $(STAMP)
	$(BIN)/python -m jiguan_core demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

typecheck: $(STAMP)
	$(BIN)/mypy

# Branch coverage (the command line's subprocesses included) is printed after the tests;
# tools/coverage_floor.py fails a module under 90% without a reason in pyproject.toml.
pytest: $(STAMP)
	rm -f .coverage .coverage.*
	$(BIN)/python -m pytest -n auto --cov --cov-report=term-missing:skip-covered --cov-report=json:coverage.json
	$(BIN)/python tools/coverage_floor.py coverage.json

# Mutation testing of rules/, assessment/ and development/ (tools/mutate.py; not in CI: it
# runs the package's tests once per mutant, about an hour on two cores). MODULES=... for some.
MODULES ?= --all
mutation: $(STAMP)
	nice -n 10 $(BIN)/python tools/mutate.py $(MODULES)

# The whole suite without coverage (CI's second interpreter: coverage is measured once, on the
# first, where the optional durable_rules engine is installed).
suite: $(STAMP)
	$(BIN)/python -m pytest -n auto

test: lint typecheck pytest

docs: $(DOCS_STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs build --strict --site-dir site

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS),bench]"
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .venv313 build dist site .mypy_cache .ruff_cache .hypothesis .coverage .coverage.* coverage.json
