# Two commands for a fresh clone: `make book` and `make test`. Both set up .venv first.
# Also: `make data` (processed tables from the evidence records), `make figures` (figure pack),
# `make pdf` (PDF edition), `make slides` (slide deck), `make notebooks` (re-run notebooks and save their outputs),
# `make bench`, `make freeze`, `make clean`.

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SETUP  := $(VENV)/.requirements-installed
HTML   := _build/html/index.html
DOWNLOADS := book/downloads
FIGPACK   := $(DOWNLOADS)/call-center-careers-figures.zip
WORKBOOK  := $(DOWNLOADS)/call-center-careers-data.xlsx
DECK      := _build/slides/call-center-careers.pptx
DECK_DOWNLOAD := $(DOWNLOADS)/call-center-careers-slides.pptx
PDF    := _build/pdf/call-center-careers.pdf
NOTEBOOKS := $(sort $(wildcard book/*.ipynb))
CODE   := $(wildcard analysis/*.py)
TABLES := $(wildcard data/processed/*)
BOOK_INPUTS := _config.yml _toc.yml $(wildcard book/*.md book/sources/*.md book/*.ipynb book/*.bib _static/* _templates/*/* _ext/*.py _ext/static/* _ext/static/*/*) $(CODE) \
               $(wildcard data/raw/*) $(wildcard data/evidence/*) $(TABLES) $(wildcard data/external/*)
# Sphinx options: warnings are errors (-W), report them all (--keep-going), nitpicky (-n).
JB_FLAGS := --all --warningiserror --keep-going --nitpick

.PHONY: setup book test data downloads figures slides pdf notebooks bench bench-scale freeze clean

setup: $(SETUP)

$(SETUP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

book: $(HTML)
	@echo "Book: $(CURDIR)/$(HTML)"

# Rebuilt (every page, every notebook re-executed) only when an input changed.
# The notebooks are executed first, two at a time, into a fresh cache that the build then reads.
$(HTML): $(SETUP) $(BOOK_INPUTS) $(WORKBOOK) $(FIGPACK) $(DECK_DOWNLOAD)
	rm -rf _build/html _build/.doctrees _build/jupyter_execute
	$(BIN)/python scripts/execute_notebooks.py
	$(BIN)/jupyter-book build . $(JB_FLAGS) 2>&1 | tee _build/build.log
	touch $@

# Downloads linked from the book: the processed tables as CSV and XLSX, the figure pack, the deck.
downloads: $(WORKBOOK) $(FIGPACK) $(DECK_DOWNLOAD)

$(WORKBOOK): $(SETUP) $(TABLES) $(CODE)
	$(BIN)/python -m analysis.export

figures: $(FIGPACK)

$(FIGPACK): $(SETUP) $(TABLES) $(CODE) $(wildcard data/external/* data/raw/*)
	$(BIN)/python -m analysis.figures

# The slide deck (python-pptx): written to _build/slides/ and copied to the book's downloads.
slides: $(DECK) $(DECK_DOWNLOAD)
	@echo "Slides: $(CURDIR)/$(DECK)"

$(DECK): $(SETUP) $(TABLES) $(CODE) $(wildcard data/external/* data/raw/*) CITATION.cff
	$(BIN)/python -m analysis.slides --out $@ --download $(DECK_DOWNLOAD)

$(DECK_DOWNLOAD): $(DECK)
	mkdir -p $(DOWNLOADS) && cp $< $@.partial && mv $@.partial $@

pdf: $(PDF)

# The PDF reads the notebook cache that `make book` has just refreshed.
$(PDF): $(HTML) scripts/make_pdf.py
	$(BIN)/python scripts/make_pdf.py --out $@

# Processed tables are written only by code, only when every evidence record is valid.
data: $(SETUP)
	$(BIN)/python -m analysis.evidence

# The tests of the built pages and the PDF read _build/html and the notebook cache it leaves.
test: $(SETUP) $(HTML)
	$(BIN)/python -m pytest -n 2 --dist loadfile

notebooks: $(SETUP)
	for nb in $(NOTEBOOKS); do $(BIN)/jupyter execute --inplace "$$nb" || exit 1; done

bench: $(SETUP)
	$(BIN)/python scripts/bench.py

# Cost as the evidence grows: synthetic corpora of 10, 100 and 1,000 sources (never committed).
bench-scale: $(SETUP)
	$(BIN)/python scripts/bench_scale.py

freeze: $(SETUP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > .requirements.new
	@echo "Pins written to .requirements.new; merge them into requirements.txt under its header."

clean:
	rm -rf _build $(DOWNLOADS)
