# `make demo` and `make test` work on a fresh clone: they create .venv/ when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/sholu demo --db sholu-demo.db

# The gates that refit a model (a core busy for a minute and more each) run in a second
# process beside the rest of the suite: every test runs, in about half the wall time on two cores.
test: $(VENV)/.installed-dev
	@log=$$(mktemp); \
	$(BIN)/python -m pytest -q -p no:cacheprovider -m training > $$log 2>&1 & training=$$!; \
	$(BIN)/python -m pytest -q -m "not training"; rest=$$?; \
	wait $$training; refits=$$?; \
	echo "--- the model-refitting gates (-m training):"; cat $$log; rm -f $$log; \
	exit $$((rest || refits))

bench: $(VENV)/.installed
	$(BIN)/python bench/bench_run.py

clean:
	rm -rf $(VENV) sholu-demo.db sholu-demo.db-wal sholu-demo.db-shm
