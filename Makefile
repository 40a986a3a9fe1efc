# Two commands: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEMO   := $(CURDIR)/.demo-data

.PHONY: setup compile run test bench lint check catalogs clean

# The phone page's one JavaScript library (docs/phones.md): tweetnacl, pinned in
# package-lock.json by its integrity hash, installed without running any package's scripts,
# and copied beside the page with its licence (peertui/phones/static/vendor/, not in git).
# Without npm the app still runs; only phones cannot be turned on.
NACL := peertui/phones/static/vendor/tweetnacl/nacl-fast.min.js

setup: $(STAMP) $(NACL)

$(NACL): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		{ npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && \
		  mkdir -p $(@D) && \
		  cp node_modules/tweetnacl/nacl-fast.min.js node_modules/tweetnacl/LICENSE $(@D)/; } || \
		echo "peertui: npm could not install the phone page's library, so phones cannot be turned on (the rest works)." >&2; \
	else \
		echo "peertui: npm is missing, so phones cannot be turned on (Debian: apt-get install npm)." >&2; \
	fi

$(STAMP): pyproject.toml scripts/system-deps.sh
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "peertui needs Python 3.11 or newer (found " + sys.version.split()[0] + "). Set PYTHON=python3.12 or similar.")'
	@bash scripts/system-deps.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Opens the app on a demo data folder inside the checkout, never on real data. The first time
# (no store.json there yet) it fills the folder with the fictional demo group.
# Bytecode is compiled ahead (some environments set PYTHONDONTWRITEBYTECODE, and then every
# start would compile all of peertui again: about 100 ms).
compile: setup
	@$(PY) -m compileall -q peertui

# Danish unless PEERTUI_LANG says otherwise (PEERTUI_LANG=en make run), whatever the locale.
run: setup compile
	@test -e $(DEMO)/store.json || PEERTUI_LANG=$${PEERTUI_LANG:-da} $(VENV)/bin/peertui demo --data-dir $(DEMO)
	PEERTUI_LANG=$${PEERTUI_LANG:-da} PEERTUI_DATA_DIR=$(DEMO) $(VENV)/bin/peertui

test: setup
	@bash scripts/test-deps.sh
	$(VENV)/bin/ruff check .
	$(PY) -m mypy
	$(VENV)/bin/lint-imports
	$(VENV)/bin/peertui check
	$(PY) -m pytest -q -n auto

bench: setup compile
	$(PY) -m bench

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: setup
	$(VENV)/bin/peertui check

# After adding or changing a message: extract, merge into peertui/locale/*/peertui.po and
# compile. Then translate what is empty in the .po files and run it again.
catalogs: setup
	$(PY) scripts/catalogs.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build dist node_modules peertui/phones/static/vendor
