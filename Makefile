# Set-up and everyday commands. Everything the project needs is installed from here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: install install-test node chromium serve build validate schema lint check test bench fuzz

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

install-test: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The JavaScript tools (linter, property tests) come from npm into node_modules; Node and
# npm themselves from Debian when the machine has none.
NODE_TOOLS := node_modules/.installed

node: $(NODE_TOOLS)

$(NODE_TOOLS): package.json package-lock.json
	@if ! command -v npm >/dev/null; then \
		echo "Installing Debian's nodejs and npm for the JavaScript tools"; \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q nodejs npm; \
	fi
	@# npm install, not npm ci: the lock holds only this platform's Biome binary, which ci refuses
	npm install --no-audit --no-fund --loglevel=error
	touch $@

chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium; \
	fi

serve: install
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: install
	$(BIN)/mkdocs build --strict

validate: install
	$(BIN)/python -m build_tools validate

schema: install
	$(BIN)/python -m build_tools schema

lint: install-test node
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	node_modules/.bin/biome check

# Everything but the browser: quick enough to run before every commit.
check: install-test lint
	node --test tests/js/
	$(BIN)/python -m pytest -n auto --dist loadgroup -m "not browser"

test: install-test chromium lint
	node --test tests/js/
	$(BIN)/python -m pytest -n auto --dist loadgroup -m "not serial"
	$(BIN)/python -m pytest -m serial

bench: install-test chromium
	$(BIN)/python benchmarks/bench.py; front=$$?; \
	$(BIN)/python benchmarks/build_bench.py; build=$$?; \
	$(BIN)/python benchmarks/hostile_bench.py; hostile=$$?; \
	test $$front -eq 0 -a $$build -eq 0 -a $$hostile -eq 0

fuzz: install-test node
	FC_RUNS=2000 node --test tests/js/
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_properties.py
