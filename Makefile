# Two commands matter to a new user: `make demo` and `make test`.
# Both create the virtualenv and install everything on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: venv gen gen-check duplicates test lint typecheck demo console bench docs contract emulator clean polyglot

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

## Regenerate generated/wxkefu_client from openapi/ (bundles openapi/src/*.yaml first) and the
## sync twins of wxkefu_ext's async shells (scripts/unasync.py).
gen: $(STAMP)
	$(PY) scripts/gen.py

## Fail when `make gen` would change anything (spec bundle, generated client, sync twins).
gen-check: $(STAMP)
	$(PY) scripts/gen.py --check

## Duplicated code in the hand-written layer: the `duplicates` tool over a copy of wxkefu_ext
## without its generated sync twins (scripts/unasync.py markers), which repeat their sources.
duplicates:
	@command -v duplicates >/dev/null || { echo "the duplicates tool is not installed here"; exit 1; }
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	git ls-files -co --exclude-standard wxkefu_ext | tar -cf - -T - | tar -xf - -C "$$tmp" && \
	find "$$tmp" -name '*.py' -exec sed -i '/^# ---- sync twin of /,/^# ---- end of generated code ----$$/d' {} + && \
	cd "$$tmp" && duplicates --repo wxkefu_ext --most 40

lint: $(STAMP)
	$(VENV)/bin/ruff check wxkefu_ext tests scripts benchmarks examples
	$(VENV)/bin/ruff format --check wxkefu_ext tests scripts benchmarks examples

typecheck: $(STAMP)
	$(VENV)/bin/mypy wxkefu_ext

## Quick profile by default, on every core (pytest-xdist); .ci/run sets WXKEFU_PROFILE=full, which
## runs serially: its multi-process, SIGSTOP and load tests measure timing and want the machine.
PYTEST_WORKERS ?= $(if $(filter full,$(WXKEFU_PROFILE)),0,auto)
test: $(STAMP) lint typecheck
	$(PY) -m pytest -q -p no:cacheprovider -n $(PYTEST_WORKERS)

demo: $(STAMP)
	$(PY) -m wxkefu_ext.demo

bench: $(STAMP)
	$(PY) benchmarks/run.py

contract: $(STAMP)
	WXKEFU_CONTRACT_DEEP=1 $(PY) -m pytest -q -p no:cacheprovider tests/contract/test_contract.py

docs: $(STAMP)
	$(PY) scripts/docs.py

## Clients generated from openapi/wxkefu.yaml in Go, Java, TypeScript and pydantic, run against
## the emulator (scripts/polyglot/run.py; installs its tools on first use into build/polyglot/).
polyglot: $(STAMP)
	$(PY) scripts/polyglot/run.py

emulator: $(STAMP)
	$(PY) -m wxkefu_ext.emulator --host 127.0.0.1 --port 8765

## The emulator + examples/bot.py on its callback: chat with the bot in the browser console.
CONSOLE_PORT ?= 8765
console: $(STAMP)
	$(PY) -m wxkefu_ext.emulator --host 127.0.0.1 --port $(CONSOLE_PORT) --bot examples/bot.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis .schemathesis
