# Masthead: `make demo` runs the demo publication, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install system-packages demo test lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's dependencies change.
$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --editable '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Debian packages for the browser tests, the HTML checker and Apertium: installed when this
# machine lets us (root or passwordless sudo), otherwise the command to run is printed.
system-packages:
	@scripts/system-packages

demo: install system-packages
	$(BIN)/masthead migrate --no-input --verbosity 0
	$(BIN)/masthead collectstatic --no-input --verbosity 0
	$(BIN)/masthead load-demo --port $(PORT)
	PORT=$(PORT) $(BIN)/masthead serve --with-worker --demo-banner

test: install system-packages
	$(BIN)/masthead makemigrations --check --dry-run --verbosity 1
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest
	@if [ -n "$$POSTGRES_TEST_URL" ]; then \
		echo "== The tests that use the database, again on PostgreSQL =="; \
		DATABASE_URL="$$POSTGRES_TEST_URL" $(BIN)/python -m pytest -m "not browser" --database-tests-only; \
	else \
		echo "POSTGRES_TEST_URL is not set: the suite ran on SQLite only."; \
	fi

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
