# The README's commands. Each target creates its own virtual environment.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test golden screenshots clean browser-deps

$(BIN)/timeline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/timeline

site: $(BIN)/timeline
	$(BIN)/timeline build --site .

test: $(BIN)/timeline
	$(BIN)/ruff check builder tests benchmarks
	$(BIN)/ruff format --check builder tests benchmarks
	$(BIN)/python -m pytest

# Chromium, chromedriver, Java and the npm packages the browser tests use (CI runs it).
browser-deps:
	.ci/install-browser-deps

# Re-render the golden chronology after a deliberate change; review it with git diff.
golden: $(BIN)/timeline
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_example_site.py

# Take the README's screenshots of the chronology again (needs make browser-deps).
screenshots: $(BIN)/timeline
	UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest tests/browser/test_pages.py -k screenshots

clean:
	rm -rf site $(VENV)
