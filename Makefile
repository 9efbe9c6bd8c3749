# Two commands set everything up: `make run` serves, `make test` tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# The tests generate a client with openapi-python-client, which needs its own environment.
CODEGEN := .venv-codegen/bin

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

$(CODEGEN)/openapi-python-client: pyproject.toml
	$(PYTHON) -m venv .venv-codegen
	$(CODEGEN)/python -m pip install --quiet --upgrade pip
	$(CODEGEN)/python -m pip install --quiet --group codegen
	touch $@

test: $(BIN)/facts $(CODEGEN)/openapi-python-client
	$(BIN)/pytest

# The benchmark's own tools (Datasette, py-spy) live in the `bench` extra; wrk comes from apt.
$(VENV)/.bench: $(BIN)/facts
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $@

bench: $(VENV)/.bench
	@command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .venv-codegen data/facts.db data/facts.db-*
