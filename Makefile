# `make demo` and `make test` work on a fresh machine: they create .venv and install everything.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DATA ?= ../shared/bench

.PHONY: install demo test test-install test-lowest lint bench browser clean-venv

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

# Debian's Chromium for the browser tests (Playwright's own browser download does not work here).
browser:
	@bash scripts/install-browser.sh

demo: install
	$(BIN)/srccompare compare corpus/

test: install browser test-install test-lowest lint
	$(BIN)/python -m pytest -q

# The strict gate: ruff (lint and format) and mypy must all pass.
lint: install
	$(BIN)/ruff check srccompare tests bench scripts
	$(BIN)/ruff format --check srccompare tests bench scripts
	$(BIN)/mypy

# A user's install: the pip that Debian and Ubuntu ship (NOT upgraded), `pip install .`, then the console
# script on one HTML page and one text dump (scripts/smoke_install.py checks what comes out).
STOCK := .venv-stock
SOURCES := pyproject.toml $(shell find srccompare -type f -not -name '*.pyc')
$(STOCK)/.installed: $(SOURCES)
	rm -rf $(STOCK)
	$(PYTHON) -m venv $(STOCK)
	rm -rf build  # setuptools builds in the tree: no stale module from an earlier build
	$(STOCK)/bin/python -m pip install --quiet .
	touch $@

test-install: $(STOCK)/.installed
	$(STOCK)/bin/python scripts/smoke_install.py

# The lowest versions pyproject.toml allows (constraints/lowest.txt), stock pip again: the tests of
# decoding, HTML cleaning, hostile input, the CLI's input handling, fetching (urllib3, brotli, feedparser,
# warcio), dates (dateparser) and alignment (wordllama, numpy).
LOWEST := .venv-lowest
LOWEST_TESTS := tests/test_decode.py tests/test_cli_input.py tests/test_clean_html.py tests/test_e2e_inputs.py \
	tests/test_html_export.py tests/test_hostile.py tests/test_web.py tests/test_dates.py tests/test_facts.py \
	tests/test_group.py tests/test_store.py
$(LOWEST)/.installed: $(SOURCES) constraints/lowest.txt
	rm -rf $(LOWEST)
	$(PYTHON) -m venv $(LOWEST)
	rm -rf build
	$(LOWEST)/bin/python -m pip install --quiet -c constraints/lowest.txt . pytest hypothesis
	touch $@

test-lowest: $(LOWEST)/.installed
	$(LOWEST)/bin/python -m pytest -q -p no:cacheprovider $(LOWEST_TESTS)

bench: install
	$(BIN)/python -m bench $(DATA)

clean-venv:
	rm -rf $(VENV) $(STOCK) $(LOWEST)
