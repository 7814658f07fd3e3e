# Two commands do all the set-up on a fresh machine with Python 3.11+ and pip:
#   make report   install, then build the tables and the offline HTML report (build/)
#   make test     install, then run every test, notebooks included (what CI runs)
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
CORPUS ?= seeds
OUT    ?= build
LAB_PORT ?= 8888
# make lab: the token comes from $$LAB_TOKEN in the environment, else the first line of LAB_TOKEN_FILE, else it is
# random; it reaches JupyterLab through its environment (JUPYTER_TOKEN), never a command line that `ps` shows.
LAB_TOKEN_FILE ?=
STAMP  := $(VENV)/.installed
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
# Two pytest workers (pytest-xdist), a test file (a notebook for nbval) whole on one of them: the browser tests share
# a JupyterLab and builds made once per file, a notebook's cells run in order in one kernel. JOBS=1: one process.
JOBS   ?= 2
XDIST  := $(if $(filter 1,$(JOBS)),,-n $(JOBS) --dist loadfile)

.PHONY: install report tables test unit notebooks bench bench-scale dictionary lab clean

$(STAMP): pyproject.toml
	"$(PYTHON)" -m venv "$(VENV)"
	"$(PY)" -m pip install --quiet --upgrade pip
	"$(PY)" -m pip install --quiet -e '.[dev]'
	touch "$(STAMP)"

install: $(STAMP)

report: install  ## tables (OUT/tables/*.csv) and report (OUT/report/index.html)
	"$(PY)" -m analysis build --corpus "$(CORPUS)" --out "$(OUT)"

tables: install  ## tables only
	"$(PY)" -m analysis build --corpus "$(CORPUS)" --out "$(OUT)" --no-report

test: install  ## unit tests + every notebook re-run and compared with its committed outputs
	"$(PY)" -m pytest $(XDIST) --durations=10 $(NBVAL) tests notebooks

unit: install  ## unit tests only (fast)
	"$(PY)" -m pytest $(XDIST) tests

notebooks: install  ## re-execute notebooks in place against seeds/, stamped with their code (NB=notebooks/01-corpus.ipynb for one)
	"$(PY)" -m analysis.views.report execute $(NB)

dictionary: install  ## rewrite README.md's data dictionary from the table schemas (analysis/schemas.py)
	$(PY) -m analysis.dictionary

bench-scale: install  ## 1,000/10,000/100,000 generated documents on 1 and 2 Dask workers (BENCH_SIZES, BENCH_WORKERS)
	"$(PY)" -m benchmarks.scale

lab: install  ## JupyterLab on the notebooks against CORPUS, local only (127.0.0.1), token-protected, in the project env
	@token="$${LAB_TOKEN:-}"; \
	if [ -z "$$token" ] && [ -n "$(LAB_TOKEN_FILE)" ]; then token="$$(head -n 1 "$(LAB_TOKEN_FILE)")" || exit 2; fi; \
	if [ -z "$$token" ]; then token="$$("$(PY)" -c 'import secrets; print(secrets.token_hex(24))')"; fi; \
	corpus="$$(cd "$(CORPUS)" 2>/dev/null && pwd)" || { echo "error: $(CORPUS): corpus folder not found" >&2; exit 2; }; \
	echo "JupyterLab: http://127.0.0.1:$(LAB_PORT)/lab?token=$$token (corpus: $$corpus)"; \
	JUPYTER_TOKEN="$$token" ANALYSIS_CORPUS="$$corpus" exec "$(VENV)/bin/jupyter" lab --allow-root \
	  --ServerApp.ip=127.0.0.1 --ServerApp.port="$(LAB_PORT)" --ServerApp.port_retries=0 \
	  --ServerApp.root_dir=notebooks --LabApp.news_url=None \
	  --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate

bench: install  ## throughput of each stage on the corpus replicated to >= 5 MB
	"$(PY)" -m benchmarks

clean:
	rm -rf "$(OUT)" test-output .pytest_cache
