# One command each: `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SEED   := seeds/white-house-summit.ar.txt

.PHONY: run test lint eval bench bench-store clean

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

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
