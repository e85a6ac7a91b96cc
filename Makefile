# `make demo` and `make test` work on a fresh clone: they create .venv/ when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# constraints.txt: the library versions the quality gates' baselines were measured with
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/sholu demo --db sholu-demo.db

# The suite runs in two pytest processes side by side, one per core: the gates that refit a
# model (-m training, a core busy for a minute and more each), and the rest (the browser
# tests among them: each side takes about two and a half minutes). Every test runs; the
# second's report follows the first's.
BESIDE := training
test: $(VENV)/.installed-dev
	@log=$$(mktemp); \
	$(BIN)/python -m pytest -q -p no:cacheprovider -m "$(BESIDE)" > $$log 2>&1 & beside=$$!; \
	$(BIN)/python -m pytest -q -m "not ($(BESIDE))"; rest=$$?; \
	wait $$beside; second=$$?; \
	echo "--- beside it (-m \"$(BESIDE)\"):"; cat $$log; rm -f $$log; \
	exit $$((rest || second))

bench: $(VENV)/.installed
	$(BIN)/python bench/bench_run.py

clean:
	rm -rf $(VENV) sholu-demo.db sholu-demo.db-wal sholu-demo.db-shm
