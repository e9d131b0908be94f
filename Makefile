# Two commands for a fresh clone: `make book` and `make test`. Both set up .venv first.
# Also: `make unit` (unit tests only, no book), `make data` (processed tables from the evidence
# records), `make figures` (figure pack), `make slides` (slide deck), `make pdf` (PDF edition),
# `make notebooks` (re-run notebooks and save their outputs), `make lab` (JupyterLab),
# `make lint` (ruff and mypy), `make lock` (the hashed pins), `make bench`, `make bench-scale`,
# `make lighthouse`, `make clean`.

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
# A recipe that fails leaves no target behind that a later run would take as up to date.
.DELETE_ON_ERROR:
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SETUP  := $(VENV)/.requirements-installed
DEV_SETUP := $(VENV)/.requirements-dev-installed
# Code and data are this copy's, wherever the environment lives (`make VENV=...` in a copy).
export PYTHONPATH := $(CURDIR)$(if $(PYTHONPATH),:$(PYTHONPATH))
HTML   := _build/html/index.html
DOWNLOADS := book/downloads
FIGPACK   := $(DOWNLOADS)/call-center-careers-figures.zip
WORKBOOK  := $(DOWNLOADS)/call-center-careers-data.xlsx
DECK      := _build/slides/call-center-careers.pptx
DECK_DOWNLOAD := $(DOWNLOADS)/call-center-careers-slides.pptx
CHECKED   := _build/evidence-checked
PDF    := _build/pdf/call-center-careers.pdf
HTML_PDF := _build/html/call-center-careers.pdf
NOTEBOOKS := $(sort $(wildcard book/*.ipynb))
CODE   := $(wildcard analysis/*.py analysis/*/*.py analysis/*/*/*.py)
TABLES := $(wildcard data/processed/*)
EVIDENCE_INPUTS := $(TABLES) $(wildcard data/evidence/*) $(wildcard data/raw/*) $(CODE)
BOOK_INPUTS := _config.yml _toc.yml CITATION.cff \
               $(wildcard book/*.md book/sources/*.md book/*.ipynb book/*.bib _static/* _templates/*/* \
                 _ext/*.py _ext/static/* _ext/static/*/*) \
               scripts/execute_notebooks.py scripts/build_book.py $(CODE) $(wildcard data/raw/*) $(wildcard data/evidence/*) \
               $(TABLES) $(wildcard data/external/*)
# Sphinx options: warnings are errors (-W), report them all (--keep-going), nitpicky (-n).
# No --all: pages are re-read only when what they show changed (_ext/notebook_deps.py).
JB_FLAGS := $(shell $(PYTHON) _ext/build_config.py --jb-flags)

.PHONY: setup book test unit lint lock data downloads figures slides pdf notebooks lab bench bench-scale lighthouse clean

setup: $(SETUP)

# The lock (requirements.txt: every package, pinned, with its hashes) first, then the project itself
# (editable, its dependencies already there; a local project has no hash to check). The editable
# install is a plain path entry (compat mode), not setuptools' import finder: with the finder, a
# copy that borrows this environment would import any module it lacks from this project instead.
ifeq ($(abspath $(VENV)),$(CURDIR)/.venv)
$(SETUP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . --config-settings editable_mode=compat
	touch $@
else
# Another project's environment (VENV=..., as the tests and benchmarks run scratch copies): used as
# it is and never reinstalled from here, which would point its editable install at this copy.
$(SETUP):
	@test -x $(BIN)/python || { echo "make: no environment at $(VENV): run make setup in its project" >&2; exit 1; }
endif

book: $(HTML) downloads $(HTML_PDF)
	@echo "Book: $(CURDIR)/$(HTML)"

# The processed tables must be what the evidence records give: a hand-edited table stops here.
$(CHECKED): $(SETUP) $(EVIDENCE_INPUTS)
	@mkdir -p $(@D)
	$(BIN)/python -m analysis.tools.make_data --check
	@touch $@

# 1. Execute the notebooks whose recorded inputs changed, in parallel, into _build/.jupyter_cache,
#    while the tables are checked, the downloads brought up to date and Sphinx starts
#    (scripts/build_book.py): no page is read unless all of them succeeded;
# 2. build: Sphinx re-reads only the pages whose source or outputs changed (_ext/notebook_deps.py).
# A failure removes the pages (no stale book is left to open) and, for a failed Sphinx build, its
# saved state, so the next run builds everything again and reports the same errors.
$(HTML): $(SETUP) $(BOOK_INPUTS)
	@mkdir -p _build
	@$(BIN)/python scripts/build_book.py --log _build/build.log --also "$(MAKE) -s $(CHECKED) downloads" \
	  $(JB_FLAGS); status=$$?; \
	if [ $$status -ne 0 ]; then \
	  rm -rf _build/html; \
	  if [ $$status -ne 3 ]; then tail -n 60 _build/build.log; rm -rf _build/.doctrees; fi; \
	  exit 1; \
	fi
	@sed 's/\x1b\[[0-9;]*m//g' _build/build.log | grep -E '^(updating environment|build succeeded)' || true
	@touch $@

# Downloads linked from the book: the processed tables as CSV and XLSX, the figure pack (whose
# images the pages place, so it is ready before any page is read) and the slide deck.
downloads: $(WORKBOOK) $(FIGPACK) $(DECK_DOWNLOAD)

$(WORKBOOK): $(SETUP) $(CHECKED) $(TABLES) $(CODE)
	$(BIN)/python -m analysis.tools.make_downloads

figures: $(FIGPACK)

# Redrawn only when something the figures read changed (scripts/traced_run.py keeps a stamp).
$(FIGPACK): $(SETUP) $(CHECKED) $(TABLES) $(CODE) $(wildcard data/external/* data/raw/*) CITATION.cff
	$(BIN)/python scripts/traced_run.py --stamp _build/figure-pack.stamp.json --output $@ --output _build/figures \
	  -- analysis.tools.make_figures

slides: $(DECK) $(DECK_DOWNLOAD)
	@echo "Slides: $(CURDIR)/$(DECK)"

$(DECK): $(SETUP) $(CHECKED) $(TABLES) $(CODE) $(wildcard data/external/* data/raw/*) CITATION.cff
	$(BIN)/python -m analysis.tools.make_deck --out $@ --download $(DECK_DOWNLOAD)

$(DECK_DOWNLOAD): $(DECK)
	mkdir -p $(DOWNLOADS) && cp $< $@.partial && mv $@.partial $@

pdf: $(PDF)

# The PDF edition inside the site, where the data page links it by a relative address: it opens from
# the published site, a local build and an offline copy alike.
$(HTML_PDF): $(PDF)
	cp $< $@.partial && mv $@.partial $@

# The PDF reads the notebook cache that `make book` has just refreshed.
$(PDF): $(HTML) scripts/make_pdf.py
	$(BIN)/python scripts/make_pdf.py --out $@

# Processed tables are written only by code, only when every evidence record is valid.
data: $(SETUP)
	$(BIN)/python -m analysis.tools.make_data

# Every test. The tests of the built pages and the PDF read _build/html and the notebook cache
# it leaves; the build tests work on scratch copies of the project.
test: $(SETUP) $(HTML)
	$(BIN)/python -m pytest -n 2 --dist loadfile

# The unit tests alone: no book build, no notebook run, no whole renders (tests marked `book` or
# `slow` are left out; `make test` runs them).
unit: $(SETUP)
	$(BIN)/python -m pytest -n 2 -m "not book and not slow" tests

# Then drops the run's timings from the cells, so an unchanged output leaves the file unchanged.
notebooks: $(SETUP)
	for nb in $(NOTEBOOKS); do $(BIN)/jupyter execute --inplace "$$nb" || exit 1; done
	$(BIN)/python scripts/tidy_notebooks.py $(NOTEBOOKS)

# Development extras (JupyterLab, nbdime, ruff, mypy, pip-tools), locked with hashes in
# requirements-dev.txt; only `make lab`, `make lint` and `make lock` install them.
$(DEV_SETUP): $(SETUP) requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	touch $@

# Lint, format and types: ruff over the code and the notebooks, mypy over the package, the
# scripts and the book's extensions (their settings are in pyproject.toml).
lint: $(DEV_SETUP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# The locks, from pyproject.toml's dependencies and extras: requirements.txt (the report and its
# tests) and requirements-dev.txt (that and the development tools). Kept pins stay; `make lock
# UPGRADE=1` moves every package to its newest allowed version.
COMPILE = $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
          --no-emit-find-links $(if $(UPGRADE),--upgrade)
lock: $(DEV_SETUP)
	$(COMPILE) --extra test --extra pdf --output-file requirements.txt pyproject.toml
	$(COMPILE) --extra test --extra pdf --extra dev --constraint requirements.txt --output-file requirements-dev.txt pyproject.toml

# JupyterLab on the project's environment and its python3 kernel, to rerun notebooks by hand.
# First points git, for this repository only, at nbdime's notebook diff and merge drivers
# (.gitattributes names them), so `git diff` shows cells and outputs instead of JSON.
lab: $(DEV_SETUP)
	git config diff.jupyternotebook.command "$(abspath $(BIN))/git-nbdiffdriver diff"
	git config merge.jupyternotebook.driver "$(abspath $(BIN))/git-nbmergedriver merge %O %A %B %L %P"
	git config merge.jupyternotebook.name "jupyter notebook merge driver"
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" $(if $(filter 0,$(shell id -u)),--allow-root) book/

bench: $(SETUP)
	$(BIN)/python scripts/bench.py

# Cost as the evidence grows: synthetic corpora of 10, 100 and 1,000 sources (never committed).
bench-scale: $(SETUP)
	$(BIN)/python scripts/bench_scale.py

# Lighthouse (mobile preset) on the landing, pay and explorer pages served compressed, in Debian's
# Chromium; Lighthouse pinned by tools/lighthouse/package-lock.json (`npm ci`, once). Not in `make test`.
LIGHTHOUSE := tools/lighthouse/node_modules/.package-lock.json
$(LIGHTHOUSE): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --no-audit --no-fund --ignore-scripts

lighthouse: $(HTML) $(LIGHTHOUSE)
	$(BIN)/python scripts/lighthouse.py

clean:
	rm -rf _build $(DOWNLOADS)
