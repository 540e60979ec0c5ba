# One command each: `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SEED   := seeds/white-house-summit.ar.txt

.PHONY: run test lint eval bench bench-store bundle deb package-test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The window on a demo desk holding the seed article (created on first run; DB=path for another)
run: $(STAMP)
	$(BIN)/factdesk app --demo --db $(or $(DB),build/demo.db)

test: $(STAMP)
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/factdesk eval tests/fixtures/gold

bench: $(STAMP)
	$(BIN)/python bench/extract_bench.py

# 1M claims: about 6 minutes and ~1.6 GB in bench/out/ (CLAIMS=100000 for a quick look)
bench-store: $(STAMP)
	$(BIN)/python bench/store_bench.py --claims $(or $(CLAIMS),1000000)

# --- installers (packaging/README.md) ---------------------------------------------------------
PKG_STAMP := $(VENV)/.package-stamp

$(PKG_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	touch $(PKG_STAMP)

# PyInstaller onedir build: dist/factdesk/
bundle: $(PKG_STAMP)
	rm -rf dist/factdesk
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/factdesk.spec

# dist/factdesk_<version>_amd64.deb
deb: bundle
	packaging/linux/build-deb.sh dist/factdesk

# Installs the .deb for real (root or sudo), upgrades over an older one, smoke-tests it on
# Xvfb (xcb) and offscreen; run by .ci/run after `make test`
package-test: deb
	packaging/linux/package-test.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
