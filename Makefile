# Commons — two commands: `make run` serves the demo site, `make test` runs every test.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export DEMO_PASSWORD ?= commons-demo
# Test processes (pytest-xdist): one per core by default.
TEST_WORKERS ?= auto

.PHONY: run deploy install setup test test-fast test-redis lint format bench bench-stack messages clean

$(VENV)/.installed: requirements.lock
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Commons needs Python 3.11 or newer"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

install: $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

messages: install
	$(PY) manage.py compile_translations

# Migrate, load the demo content into an empty database, collect static files.
setup: install messages
	$(PY) manage.py migrate --noinput --verbosity 0
	$(PY) manage.py load_demo --if-empty
	$(PY) manage.py collectstatic --noinput --verbosity 0

# Production set-up of this checkout, never the demo: install from the lock,
# compile translations, migrate and collect static files against the
# environment's DATABASE_URL (and SITE_URL), then Django's deployment checks.
# See README, "Production".
deploy: install messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py check --deploy

# The site's address (sitemap, feeds, canonical links, links in the emails
# the worker prints) is this server's; `migrate` writes it to the Site.
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: setup
	@echo ""
	@echo "  Commons is running at http://$(HOST):$(PORT)/"
	@echo "  Admin:  http://$(HOST):$(PORT)/admin/"
	@echo "  Demo accounts (password: $(DEMO_PASSWORD)):"
	@$(PY) manage.py list_demo_accounts
	@echo "  The task worker runs beside the server (email goes to this console)."
	@echo "  Press Ctrl-C to stop both."
	@echo ""
	@trap 'kill 0' INT TERM; \
	$(PY) manage.py db_worker --queue-name '*' --verbosity 0 & \
	$(PY) manage.py runserver $(HOST):$(PORT) & \
	wait

test: install node_modules/.installed messages
	COMMONS_TESTING=1 $(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# Everything but the browser tests: quick feedback while working.
test-fast: install node_modules/.installed messages
	COMMONS_TESTING=1 $(PY) -m pytest -n $(TEST_WORKERS) -m "not e2e" $(PYTEST_ARGS)

# The tests of what the cache shares between processes and machines (rate
# limits, email batching; the page cache's: see README, "Deployment") run
# against Redis too: REDIS_URL must point at a Redis whose data may be
# deleted. In one process (-n 0): every test empties the cache, which on a
# shared Redis would empty another test process's counters.
REDIS_TESTS ?= tests/home/test_page_cache.py tests/home/test_page_cache_invalidation.py tests/comments/test_defences.py tests/comments/test_defences_processes.py \
	tests/comments/test_notifications.py tests/home/test_form_defences.py \
	tests/networks/test_public_form_defences.py
test-redis: install messages
	@test -n "$$REDIS_URL" || { echo "make test-redis needs REDIS_URL (a throwaway Redis)"; exit 1; }
	COMMONS_TESTING=1 $(PY) -m pytest -n 0 $(REDIS_TESTS) $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	COMMONS_TESTING=1 $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Every bench/ script but the topology run (`make bench-stack`) and its parts.
bench: setup
	for script in bench/*.py; do case $$script in */common.py|*/__init__.py|*/proxy.py|*/load.py|*/backup.py|*/stack.py) ;; *) $(PY) $$script || exit 1;; esac; done

# The production topology on this machine (PostgreSQL, Redis, two gunicorn
# processes behind a round-robin proxy, the task worker) and the embedded
# default, each under the load and faults of bench/load.py.
bench-stack: install messages
	$(PY) bench/stack.py

clean:
	rm -rf $(VENV) node_modules var
