# Two commands for a fresh clone: `make book` and `make test`. Both set up .venv first.
# Also: `make unit` (unit tests only, no book), `make data` (processed tables from the evidence
# records), `make figures` (figure pack), `make slides` (slide deck), `make pdf` (PDF edition),
# `make notebooks` (re-run what changed and save the outputs in the notebooks), `make lab`
# (JupyterLab), `make lint` (ruff and mypy), `make lock` (the hashed pins), `make inputs` (what
# each step reads), `make bench`, `make bench-scale`, `make lighthouse`, `make clean`.

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
# Jobs run side by side within `make book` (the notebooks use one process per core themselves).
JOBS   ?= 2
# Sphinx options: warnings are errors (-W), report them all (--keep-going), nitpicky (-n).
JB_FLAGS := --warningiserror --keep-going --nitpick

# ---- What each step reads ----------------------------------------------------------------------
# The project's dependency graph, in one place. Shell patterns (`**` reaches any depth), expanded
# when `make book` starts. Every step also reads ALWAYS: the analysis package and the table of
# official occupations per rung it reads when imported, the lock file (the Python version is added
# by scripts/digest.py). A notebook reads its own code cells as well.
# `make inputs` prints the whole table; tests/test_declared_inputs.py holds it to the notebooks.
ALWAYS      := analysis/**/*.py data/external/rung_occupations.csv requirements.txt
TEXTS       := data/raw/*
MANIFEST    := data/raw/sources.csv
EVIDENCE    := data/evidence/*.yaml
T           := data/processed
TABLES      := $(T)/*.csv $(T)/datapackage.json
OEWS        := data/external/bls_oews_national.csv
PROJECTIONS := data/external/bls_employment_projections_2024_34.csv
TURNOVER    := data/external/turnover_studies.csv

# The artefacts: the check that the processed tables are what the evidence gives, the downloads
# (CSV and XLSX), the figure pack and the slide deck.
IN.check     := $(TEXTS) $(EVIDENCE) $(TABLES)
IN.downloads := $(TABLES) CITATION.cff
IN.figures   := $(TEXTS) $(EVIDENCE) $(T)/*.csv $(OEWS) $(TURNOVER) CITATION.cff
IN.slides    := $(MANIFEST) $(T)/*.csv $(OEWS) $(TURNOVER) CITATION.cff
# The notebooks, book/<name>.ipynb.
IN.index            := $(MANIFEST) $(T)/*.csv $(OEWS)
IN.01-sources       := $(TEXTS) $(EVIDENCE) $(T)/salaries.csv $(T)/conditions.csv
IN.02-pay           := $(TEXTS) $(T)/*.csv $(OEWS)
IN.03-career-ladder := $(MANIFEST) $(T)/roles.csv $(T)/requirements.csv $(T)/salaries.csv
IN.04-benefits      := $(MANIFEST) $(T)/benefits.csv $(T)/salaries.csv
IN.05-challenges    := $(MANIFEST) $(T)/challenges.csv $(T)/benefits.csv $(TURNOVER)
IN.06-conditions    := $(MANIFEST) $(T)/conditions.csv $(T)/metrics.csv
IN.07-agreement     := $(TEXTS) $(T)/salaries.csv $(T)/roles.csv $(T)/requirements.csv $(T)/benefits.csv \
                       $(OEWS) $(PROJECTIONS)
# The Sphinx build: the pages and what they are built with, the data the evidence pages and the
# quotation check read, and the steps above, whose digests stand for their outputs.
STAMPS      := _build/stamps
NB_NAMES    := $(patsubst book/%.ipynb,%,$(sort $(wildcard book/*.ipynb)))
IN.html     := _config.yml _toc.yml CITATION.cff book/*.md book/*.ipynb book/references.bib \
               _ext/*.py _ext/static/**/* _static/**/* _templates/**/* data/**/* \
               $(foreach s,downloads figures slides $(NB_NAMES),$(STAMPS)/$(s).sha256)
# The PDF edition: a single-page build of the same, printed by scripts/make_pdf.py.
IN.pdf      := scripts/make_pdf.py $(STAMPS)/html.sha256
$(foreach n,$(NB_NAMES),$(if $(IN.$(n)),,$(error book/$(n).ipynb reads nothing declared: add IN.$(n) to the Makefile)))
# -------------------------------------------------------------------------------------------------

STEPS     := check downloads figures slides $(NB_NAMES) html pdf
INPUTS     = $(if $(filter $(1),$(NB_NAMES)),code:book/$(1).ipynb )$(IN.$(1)) $(ALWAYS)
DIGESTS   := $(foreach s,$(STEPS),$(STAMPS)/$(s).sha256)
HTML      := _build/html/index.html
DOWNLOADS := book/downloads
CHECKED   := $(STAMPS)/check.ok
EXECUTED  := $(STAMPS)/notebooks.ok
WORKBOOK  := $(DOWNLOADS)/call-center-careers-data.xlsx
FIGPACK   := $(DOWNLOADS)/call-center-careers-figures.zip
DECK      := _build/slides/call-center-careers.pptx
DECK_DOWNLOAD := $(DOWNLOADS)/call-center-careers-slides.pptx
PDF       := _build/pdf/call-center-careers.pdf
# The PDF edition inside the site, where the data page links it by a relative address: it opens from
# the published site, a local build and an offline copy alike.
HTML_PDF  := _build/html/call-center-careers.pdf
# What the pages and the PDF edition are built from, besides their sources: the executed notebooks,
# the downloads they link and the figures they place.
BUILT     := $(EXECUTED) $(WORKBOOK) $(FIGPACK) $(DECK_DOWNLOAD)

# $(call locked,COMMAND): COMMAND holding the build's lock, so that a second `make book` (or test,
# notebooks, figures, slides, pdf, clean) in the same folder waits for the first to finish, and says
# so. A COMMAND that fails removes the pages and the PDF edition, still holding the lock: no book is
# left that the failed run did not finish, and no PDF printed beside pages that failed their checks.
LOCK      := _build/.lock
locked     = mkdir -p _build; run='$(1) || { rm -rf _build/html $(PDF); exit 1; }'; \
             flock -n -E 75 $(LOCK) -c "$$run"; s=$$?; \
             if [ $$s -eq 75 ]; then echo "make: another build is running in $(CURDIR); waiting for it to finish" >&2; \
               flock $(LOCK) -c "$$run"; s=$$?; fi; exit $$s
SUB       := $(MAKE) --no-print-directory -j$(JOBS)

.PHONY: setup book test unit lint lock data figures slides pdf notebooks lab inputs bench bench-scale lighthouse clean \
        _book _figures _slides _pdf _notebooks FORCE

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

book: $(SETUP)
	@$(call locked,$(SUB) _book)
	@echo "Book: $(CURDIR)/$(HTML)"
figures: $(SETUP)
	@$(call locked,$(SUB) _figures)
slides: $(SETUP)
	@$(call locked,$(SUB) _slides)
	@echo "Slides: $(CURDIR)/$(DECK)"
pdf: $(SETUP)
	@$(call locked,$(SUB) _pdf)
notebooks: $(SETUP)
	@$(call locked,$(SUB) _notebooks)
_book: $(HTML) $(HTML_PDF)
_figures: $(FIGPACK)
_slides: $(DECK_DOWNLOAD)
# The PDF's one-page build checks no quotation: the pages' build, which does, comes with it.
_pdf: $(HTML) $(PDF)

# Every step's digest, in one process; a file is rewritten only when its content changes.
FORCE:
$(DIGESTS) &: FORCE
	@$(BIN)/python -I -S scripts/digest.py $(STAMPS) $(foreach s,$(STEPS),'$(s)=$(call INPUTS,$(s))')

# The processed tables must be what the evidence records give: a hand-edited table, or evidence
# edited without `make data`, stops here. Every other step waits for it.
$(CHECKED): $(STAMPS)/check.sha256
	$(BIN)/python -m analysis.tools.make_data --check
	@touch $@

# Downloads linked from the book: the processed tables as CSV and XLSX, the figure pack (whose
# images the pages place) and the slide deck.
$(WORKBOOK): $(STAMPS)/downloads.sha256 | $(CHECKED)
	$(BIN)/python -m analysis.tools.make_downloads

$(FIGPACK): $(STAMPS)/figures.sha256 | $(CHECKED)
	$(BIN)/python -m analysis.tools.make_figures

$(DECK) $(DECK_DOWNLOAD) &: $(STAMPS)/slides.sha256 | $(CHECKED)
	$(BIN)/python -m analysis.tools.make_deck --out $(DECK) --download $(DECK_DOWNLOAD)

# The notebooks whose digest changed since their last successful run are executed by jupyter-cache
# into _build/.jupyter_cache (scripts/run_notebooks.py); a cell that raises stops here.
$(EXECUTED): $(foreach n,$(NB_NAMES),$(STAMPS)/$(n).sha256) | $(CHECKED)
	$(BIN)/python scripts/run_notebooks.py
	@touch $@

# Sphinx reads the notebooks from the cache (execute_notebooks: cache) and re-reads the pages whose
# inputs' content changed (_ext/changed_pages.py). Its output goes to _build/build.log; a failure
# prints the end of it and removes the pages and Sphinx's saved state, so the next run builds
# everything again and reports the same errors.
$(HTML): $(STAMPS)/html.sha256 | $(BUILT)
	@$(BIN)/jupyter-book build . $(JB_FLAGS) > _build/build.log 2>&1 \
	  || { tail -n 60 _build/build.log; rm -rf _build/html _build/.doctrees; exit 1; }
	@sed 's/\x1b\[[0-9;]*m//g' _build/build.log | grep -E '^(updating environment|build succeeded)' || true
	@touch $@

# The PDF edition: a single-page build of the same sources, printed by headless Chromium. It needs
# what the pages need, not the pages: the two builds run side by side.
$(PDF): $(STAMPS)/pdf.sha256 | $(BUILT)
	$(BIN)/python scripts/make_pdf.py --out $@

$(HTML_PDF): $(PDF) | $(HTML)
	cp $< $@.partial && mv $@.partial $@

# Processed tables are written only by code, only when every evidence record is valid.
data: $(SETUP)
	$(BIN)/python -m analysis.tools.make_data

# Every test. The tests of the built pages and the PDF read _build/html and the notebook cache
# it leaves; the build tests work on scratch copies of the project. Whole files go to the two
# workers, the longest first (tests/conftest.py), so that both finish at about the same time.
test: book
	$(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder

# The unit tests alone: no book build, no notebook run, no whole renders (tests marked `book` or
# `slow` are left out; `make test` runs them).
unit: $(SETUP)
	$(BIN)/python -m pytest -n 2 -m "not book and not slow" tests

# Brings the notebook cache up to date (executing only what changed), then writes the outputs into
# book/*.ipynb; review them with `git diff book/` and commit them: nbval compares them strictly.
_notebooks: $(EXECUTED)
	$(BIN)/python scripts/run_notebooks.py --save

# What each step of `make book` reads, as declared above.
inputs:
	@$(foreach s,$(STEPS),echo '$(s): $(call INPUTS,$(s))';)

# Development extras (JupyterLab, nbdime, ruff, mypy, pip-tools), locked with hashes in
# requirements-dev.txt; only `make lab`, `make lint` and `make lock` install them. The digests
# record the lock file, not what is installed, so they leave `make book` with nothing to redo.
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

lighthouse: book $(LIGHTHOUSE)
	$(BIN)/python scripts/lighthouse.py

# Everything built, but the lock itself (a build waiting on it would otherwise not be seen).
clean:
	@$(call locked,find _build -mindepth 1 -maxdepth 1 ! -name .lock -exec rm -rf {} + && rm -rf $(DOWNLOADS))
