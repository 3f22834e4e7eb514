# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INDEX ?= .zhiqa

.PHONY: run test install install-dev ingest chat bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

ingest: install
	$(BIN)/zhiqa --index $(INDEX) ingest corpus/

run: ingest
	$(BIN)/zhiqa --index $(INDEX) chat

test: install-dev
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: install
	$(BIN)/python -m eval.bench

clean:
	rm -rf $(INDEX) .pytest_cache build *.egg-info
