# Shortcuts for dev.py's commands (README.md, and all of them in developers/README.md). Each one
# sets up .venv/ itself on first use.
PYTHON ?= python3

.PHONY: serve test check build bench

serve:  ## build the site and serve it at http://127.0.0.1:8000/
	$(PYTHON) scripts/dev.py serve

test:   ## run every test (what CI runs)
	$(PYTHON) scripts/dev.py test

check:  ## check the data in data/ only: fast, no site build
	$(PYTHON) scripts/dev.py check

build:  ## the static site into site/
	$(PYTHON) scripts/dev.py build

bench:  ## measure build time, scale, checks, page weight and filtering (prints a table)
	$(PYTHON) scripts/dev.py bench
