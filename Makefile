# Hip Compensation Lab: two commands for users (make lab, make test), a few for developers.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8866
# Jupyter refuses to start as root (containers, CI machines) unless told it may.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab test present figures bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.lab: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[lab]"
	@touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@ $(VENV)/.lab

## lab: set up and open the main notebook in JupyterLab
lab: $(VENV)/.lab
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/01_hip_compensation_lab.ipynb

## test: set up and run every test
test: $(VENV)/.test
	$(BIN)/python -m pytest

## present: serve the lab with Voila (code hidden) on http://127.0.0.1:8866
# Voila reads its other settings from voila.json in this directory (the browser tests'
# server too): kernels of closed or reloaded pages are culled after 30-40 s idle.
present: $(VENV)/.lab
	$(BIN)/voila --no-browser --Voila.ip=$(HOST) --port=$(PORT) notebooks/01_hip_compensation_lab.ipynb

## figures: regenerate the committed slide figures in figures/
figures: $(VENV)/.lab
	$(BIN)/python -m biomech figures --out figures

## bench: run the speed benchmarks (medians and ratios, printed)
bench: $(VENV)/.test
	for b in benchmarks/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info
