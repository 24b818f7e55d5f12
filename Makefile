# Two commands do everything on a fresh machine: `make` (set up and build) and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PAPER  ?=
# Options of python -m helpguide build: -q (quiet), -v (more), -j 1 (one process)
# RELEASE=1: a customer edition; the build stops if conf.py sets no support contact.
RELEASE ?=
BUILDOPTS ?=
BUILD  := build
# Every date in the outputs: the last commit's time unless SOURCE_DATE_EPOCH is set.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.DEFAULT_GOAL := all
.PHONY: all help venv html epub pdf booklet check test test-quick clean dist form handouts \
	saddle-stitch bench gettext check-pdf

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 14

all: $(STAMP) ## Set up .venv and build every output: html, pdf, handouts
	$(BUILD_CMD) all

venv: $(STAMP) ## Create .venv with the pinned build dependencies

# The venv is trusted only once its stamp exists: a failed install removes the
# stamp, so the next run installs again instead of using a half-made .venv.
$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
	  { echo "make: $(PYTHON) is not Python 3.11 or newer (Sphinx 9 needs 3.11+);" \
	    "run make PYTHON=python3.11 (or 3.12, 3.13)" >&2; exit 1; }
	@rm -f $@ $(TEST_STAMP)
	@test -x $(PY) && $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
	  { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The test tools (pytest, selenium, hypothesis) only for make test.
$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# Every target has one command line, python -m helpguide build TARGET (what
# people without make run), one process for all it makes (a group, dist):
# warnings are errors, and a product (with the doctree cache every product
# shares) is replaced only when its build succeeds.
BUILD_CMD := $(PY) -m helpguide build --build $(BUILD) $(if $(PAPER),--paper $(PAPER)) \
	$(if $(RELEASE),--release) $(BUILDOPTS)

html: $(STAMP) ## Offline HTML guide in build/html
	$(BUILD_CMD) html

epub: $(STAMP) ## EPUB for phones and e-readers in build/epub/
	$(BUILD_CMD) epub

pdf: $(STAMP) ## Booklet, checklist form and saddle-stitch booklet in build/pdf/
	$(BUILD_CMD) pdf

booklet: $(STAMP) ## PDF booklet in build/pdf/guide.pdf (also: python build_pdf.py)
	$(BUILD_CMD) booklet

form: $(STAMP) ## Fillable support checklist in build/pdf/support-checklist.pdf
	$(BUILD_CMD) form

handouts: $(STAMP) ## One PDF per program and platform in build/pdf/handouts/
	$(BUILD_CMD) handouts

saddle-stitch: $(STAMP) ## Booklet imposed for folding in build/pdf/guide-saddle-stitch.pdf
	$(BUILD_CMD) saddle-stitch

dist: $(STAMP) ## CD bundle: build/dist/<name>-<edition>/ and its .zip and .iso
	$(BUILD_CMD) all dist

# Sphinx's message templates of the sources, then each translation's catalog
# brought up to them: new messages untranslated, changed ones fuzzy.
gettext: $(STAMP) ## Update the translations: locale/<language>/LC_MESSAGES/*.po
	rm -rf $(BUILD)/gettext
	$(PY) -m sphinx -b gettext -q -c . source $(BUILD)/gettext
	$(PY) -m helpguide.locale guide $(BUILD)/gettext --conf .

# After make gettext, so a source edited since its translation shows as fuzzy;
# sources with errors cannot be extracted, and the checks name those errors.
check: $(STAMP) ## Check the sources and translations: every problem as path:line: error: message
	@$(MAKE) --no-print-directory -s gettext >/dev/null 2>&1 || \
	  echo 'check: locale/ not updated from the sources, which have errors:' >&2
	$(BUILD_CMD) check

# The tagged PDFs (not the saddle-stitch imposition, which is for print shops:
# not built for the check, and left out where an earlier make pdf made it).
check-pdf: booklet form handouts ## Check the built PDFs for PDF/UA-1 and PDF/A-2: FILE: error: message
	$(PY) -m helpguide.pdf.tagging.check $(foreach pdf,$(TAGGED_PDFS),$(if $(findstring \
	  saddle-stitch,$(pdf)),,$(pdf)))

# Every booklet, form and handout, of every language (build/pdf/<language>/).
TAGGED_PDFS = $(wildcard $(foreach folder,$(BUILD)/pdf $(BUILD)/pdf/*,$(folder)/guide*.pdf \
	$(folder)/support-checklist*.pdf $(folder)/handouts/*.pdf))

# One pytest-xdist worker per CPU; a test runs in the worker that has what it reads built
# (tests/conftest.py groups them), and builds kept on disk are shared by every worker.
PYTEST := $(PY) -m pytest -n auto --dist loadgroup

# The suite runs make check and make check-pdf itself, on the clean build of
# the guide it makes once (tests/dist/test_make_checks.py), beside its other tests.
test: $(TEST_STAMP) ## Run the test suite (with make check and make check-pdf on a clean build)
	$(PYTEST)

test-quick: $(TEST_STAMP) ## The tests that run in this process: no make, subprocess or browser
	$(PYTEST) -m 'not slow'

# The benchmark installs TeX itself for its LaTeX column (Debian packages, as
# root); BENCH_TEX=0 skips that, and without TeX the column is reported missing.
BENCH_TEX ?= 1
BENCHOPTS ?=
TEX_PACKAGES := latexmk texlive-latex-recommended texlive-fonts-recommended \
	texlive-latex-extra tex-gyre

# The test tools too: the benchmark first runs benchmarks/mechanisms with pytest.
bench: $(TEST_STAMP) ## Speed against rst2pdf, rinohtype, LaTeX (not in test): build/bench/results.json
ifeq ($(BENCH_TEX),1)
	@command -v latexmk >/dev/null && command -v pdflatex >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends $(TEX_PACKAGES); } || \
	  echo 'bench: TeX could not be installed; the LaTeX column is skipped'
endif
	$(PY) benchmarks/run.py $(BENCHOPTS)

clean: ## Remove build outputs (keeps .venv)
	rm -rf $(BUILD)
