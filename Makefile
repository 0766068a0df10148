# Hip Compensation Lab: two commands for users (make lab, make test), a few for developers.
# `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8866
# Jupyter refuses to start as root (containers, CI machines) unless told it may.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
# Test processes (pytest-xdist): one per core and one more, since the browser tests' worker spends
# much of its time waiting on Chromium, Voila and kernels (2 cores: 12.3 min with 3 workers against
# about 15 with 2); `make test PYTEST_WORKERS=0` runs in one process.
PYTEST_WORKERS ?= $(shell $(PYTHON) -c "import os; print((os.cpu_count() or 1) + 1)")
PYTEST_PARALLEL := -n $(PYTEST_WORKERS) --dist loadgroup

.PHONY: help lab test test-fast lint present figures page bench clean
.DEFAULT_GOAL := help

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.lab: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[lab]"
	@touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@ $(VENV)/.lab

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@ $(VENV)/.test $(VENV)/.lab

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

lab: $(VENV)/.lab ## set up and open the main notebook in JupyterLab
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/01_hip_compensation_lab.ipynb

test: $(VENV)/.test ## set up and run every test (unit, properties at 10,000 cases, notebooks, browser)
	HYPOTHESIS_PROFILE=ci $(BIN)/python -m pytest $(PYTEST_PARALLEL) --durations=15

test-fast: $(VENV)/.test ## quick loop for contributors: no browser, no notebooks, small hypothesis profile
	HYPOTHESIS_PROFILE=dev $(BIN)/python -m pytest $(PYTEST_PARALLEL) -m "not browser and not notebook" -q

lint: $(VENV)/.dev ## ruff check, ruff format --check and mypy biomech
	$(BIN)/ruff check biomech tests benchmarks scripts
	$(BIN)/ruff format --check biomech tests benchmarks scripts
	$(BIN)/mypy biomech

# Voila reads its other settings from voila.json in this directory (the browser tests'
# server too): kernels of closed or reloaded pages are culled after 30-40 s idle.
present: $(VENV)/.lab ## serve the lab with Voila (code hidden) on http://127.0.0.1:8866
	$(BIN)/voila --no-browser --Voila.ip=$(HOST) --port=$(PORT) notebooks/01_hip_compensation_lab.ipynb

figures: $(VENV)/.lab ## regenerate the committed figures: figures/ (the blog's story), figures/geometry/ and figures/lab.html
	$(BIN)/python -m biomech figures --out figures
	$(BIN)/python -m biomech figures --out figures/geometry --mechanism geometry
	$(BIN)/python -m biomech page --out figures/lab.html

page: $(VENV)/.lab ## write the lab as one self-contained HTML file: figures/lab.html (opens offline, no Python)
	$(BIN)/python -m biomech page --out figures/lab.html

bench: $(VENV)/.test ## run the speed benchmarks (medians and ratios, printed)
	for b in benchmarks/*.py; do $(BIN)/python $$b || exit 1; done

clean: ## remove the environment and caches
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache .ruff_cache build *.egg-info
