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

.PHONY: demo test lint typecheck pytest bench docs clean

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

pytest: $(STAMP)
	$(BIN)/python -m pytest

test: lint typecheck pytest

docs: $(DOCS_STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs build --strict --site-dir site

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS),bench]"
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .venv313 build dist site .mypy_cache .ruff_cache .hypothesis
