# Two commands set everything up: `make run` serves, `make test` tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench clean

$(BIN)/facts: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: $(BIN)/facts
	$(BIN)/facts db upgrade
	$(BIN)/facts seed
	$(BIN)/facts serve

test: $(BIN)/facts
	$(BIN)/pytest

bench: $(BIN)/facts
	$(BIN)/python benchmarks/paging.py

clean:
	rm -rf $(VENV) data/facts.db data/facts.db-*
