# Two commands for a fresh clone: `make book` and `make test`. Both set up .venv first.
# The rest: `make data` (processed tables from evidence), `make notebooks` (re-run and save the
# notebooks' outputs), `make bench`, `make freeze`, `make clean`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SETUP  := $(VENV)/.requirements-installed
HTML   := _build/html/index.html
NOTEBOOKS := $(sort $(wildcard book/*.ipynb))
BOOK_INPUTS := _config.yml _toc.yml $(wildcard book/*) $(wildcard analysis/*.py) \
               $(wildcard data/raw/*) $(wildcard data/evidence/*) $(wildcard data/processed/*) \
               $(wildcard data/external/*)
# Sphinx options: warnings are errors (-W), report them all (--keep-going), nitpicky (-n).
JB_FLAGS := --all --warningiserror --keep-going --nitpick

.PHONY: setup book test data notebooks bench freeze clean

setup: $(SETUP)

$(SETUP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

book: $(HTML)
	@echo "Book: $(CURDIR)/$(HTML)"

# Rebuilt (every page, every notebook re-executed) only when an input changed.
$(HTML): $(SETUP) $(BOOK_INPUTS)
	rm -rf _build/html _build/.doctrees _build/jupyter_execute
	$(BIN)/jupyter-book build . $(JB_FLAGS)
	touch $@

# Processed tables are written only by code, only when every evidence record is valid.
data: $(SETUP)
	$(BIN)/python -m analysis.evidence

test: $(SETUP)
	$(BIN)/python -m pytest -n 2 --dist loadfile

notebooks: $(SETUP)
	for nb in $(NOTEBOOKS); do $(BIN)/jupyter execute --inplace "$$nb" || exit 1; done

bench: $(SETUP)
	$(BIN)/python scripts/bench.py

freeze: $(SETUP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > .requirements.new
	@echo "Pins written to .requirements.new; merge them into requirements.txt under its header."

clean:
	rm -rf _build
