# Two entry points for a newcomer: `make serve` (main job) and `make test` (every test).
# Each target sets up what it needs: a virtual environment in .venv and the pinned npm packages.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
FLOW   ?= returns
# The browser of the browser tests (tests/browser.py); `make test CHROMIUM=/usr/bin/chromium`
# runs them in the full browser. It is installed as the Debian package CHROMIUM_PACKAGE.
CHROMIUM ?= /usr/bin/chromium-headless-shell
CHROMIUM_PACKAGE ?= $(notdir $(CHROMIUM))
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
PDFTOPPM := /usr/bin/pdftoppm
SUDO   := $(if $(filter 0,$(shell id -u)),,sudo)

# Material prints its end-of-life notice (2027-05-05) on every build; the README says it once
# ("The platform, and the way off it") and how the handbook leaves the plugin system.
export NO_MKDOCS_2_WARNING := 1
export CHROMIUM

.PHONY: serve build build-public walk test bench validate setup clean wheel

# Serve the staff handbook at http://127.0.0.1:8000 and the public site at :8001, both rebuilt
# when rules/ changes; a rules error shows on every page (and in the terminal) until it is fixed.
serve: setup node_modules/.installed
	$(PY) -m checker validate
	$(PY) -m checker serve

# Every site of the shop: each built into a fresh folder of its own and swapped in only when the
# whole build succeeded; a second build started meanwhile waits for the first (a lock under build/).
build: setup node_modules/.installed
	$(PY) -m checker.commands.publish mkdocs.yml site mkdocs.public.yml site-public

build-public: setup node_modules/.installed
	$(PY) -m checker.commands.publish mkdocs.public.yml site-public

walk: setup
	$(PY) -m checker walk $(FLOW)

validate: setup
	$(PY) -m checker validate

# One pytest worker per core (pytest-xdist); each site is built once and shared by the workers.
test: setup node_modules/.installed $(CHROMIUM) $(CJK_FONT) $(PDFTOPPM)
	$(PY) -m pytest -n auto --dist worksteal

# Checker start-up, page weight and answer latency on MicroPython and Pyodide, then the build's
# time and search index as the rules grow tenfold (not a test).
bench: setup node_modules/.installed $(CHROMIUM) $(CJK_FONT)
	$(PY) tests/bench_checker.py
	$(PY) tests/bench_build.py

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# Browser tests use Debian's Chromium, in its headless shell (Playwright's own download does not work here),
# a CJK font so that screenshots show the Chinese text, and poppler-utils to read printed PDFs.
$(CHROMIUM) $(CJK_FONT) $(PDFTOPPM):
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq --no-install-recommends $(CHROMIUM_PACKAGE) fonts-wqy-microhei poppler-utils

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The installable tool: a wheel that carries the schema, the pinned browser runtimes and the
# starter shop (setup.py copies them in from node_modules), so a shop needs Python alone.
wheel: setup node_modules/.installed
	$(PY) -m pip wheel --quiet --no-deps -w dist .

clean:
	rm -rf $(VENV) node_modules site site-public build dist
