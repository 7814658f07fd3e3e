# Two commands do all the set-up on a fresh machine with Python 3.11+ and pip:
#   make report   install, then build the tables and the offline HTML report (build/)
#   make test     install, then run every test, notebooks included (what CI runs)
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
CORPUS ?= seeds
OUT    ?= build
STAMP  := $(VENV)/.installed
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: install report tables test unit notebooks bench lab clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

report: install  ## tables (OUT/tables/*.csv) and report (OUT/report/index.html)
	$(PY) -m analysis build --corpus $(CORPUS) --out $(OUT)

tables: install  ## tables only
	$(PY) -m analysis build --corpus $(CORPUS) --out $(OUT) --no-report

test: install  ## unit tests + every notebook re-run and compared with its committed outputs
	$(PY) -m pytest $(NBVAL) tests notebooks

unit: install  ## unit tests only (fast)
	$(PY) -m pytest tests

notebooks: install  ## re-execute every notebook in place (after changing the library or a notebook)
	for nb in notebooks/*.ipynb; do \
	  $(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace "$$nb" || exit 1; done

bench: install  ## throughput of each stage on the corpus replicated to >= 5 MB
	$(PY) -m benchmarks

clean:
	rm -rf $(OUT) test-output .pytest_cache
