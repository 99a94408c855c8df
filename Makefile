# `make demo` and `make test` work on a fresh machine: they create .venv and install everything.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DATA ?= ../shared/bench

.PHONY: install demo test bench browser clean-venv

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

test: install browser
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m bench $(DATA)

clean-venv:
	rm -rf $(VENV)
