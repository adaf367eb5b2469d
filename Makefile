# Two entry points for a newcomer: `make serve` (main job) and `make test` (every test).
# Each target sets up what it needs: a virtual environment in .venv and the pinned npm packages.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
FLOW   ?= returns

.PHONY: serve walk test validate setup clean

serve: walk

walk: setup
	$(PY) -m checker walk $(FLOW)

validate: setup
	$(PY) -m checker validate

test: setup node_modules/.installed
	$(PY) -m pytest

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf $(VENV) node_modules site build
