# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INDEX ?= .zhiqa
PORT ?= 7860

.PHONY: run test install install-dev ingest serve chat browser bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[ui]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# an index built by an incompatible zhiqa (exit 3) is rebuilt from the files it was built from
ingest: install
	$(BIN)/zhiqa --index $(INDEX) ingest corpus/ || { [ $$? -eq 3 ] && $(BIN)/zhiqa --index $(INDEX) ingest --rebuild \
		&& $(BIN)/zhiqa --index $(INDEX) ingest corpus/; }

# ingest corpus/ (unchanged files are skipped), then the web app on http://127.0.0.1:7860/
run: ingest
	$(BIN)/zhiqa --index $(INDEX) serve --port $(PORT)

chat: ingest
	$(BIN)/zhiqa --index $(INDEX) chat

# Debian's chromium (and a CJK font for readable screenshots) for the browser tests
BROWSER_PACKAGES := chromium fonts-wqy-zenhei
browser:
	@if [ -x /usr/bin/chromium ]; then exit 0; fi; \
	SUDO=; [ "$$(id -u)" = 0 ] || SUDO="sudo -n"; \
	export DEBIAN_FRONTEND=noninteractive; \
	$$SUDO apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null \
	  || { $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null; } \
	  || echo "make browser: could not install $(BROWSER_PACKAGES); browser tests will be skipped"

test: install-dev browser
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: install-dev
	$(BIN)/python -m eval.bench

clean:
	rm -rf $(INDEX) .pytest_cache build *.egg-info
