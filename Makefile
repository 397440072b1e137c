# WHRCF News. `make run` sets up and serves the demo site; `make test` runs the tests.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
INSTALLED := $(VENV)/.installed

.PHONY: run install migrate compilemessages messages demo test lint format clean

run: install migrate compilemessages demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

install: $(INSTALLED)

$(INSTALLED): requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11 or run make PYTHON=python3"; exit 1; }
	@command -v msgfmt >/dev/null || { echo "msgfmt not found: install GNU gettext (apt-get install gettext)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

migrate: install
	$(PY) manage.py migrate --no-input

compilemessages: install
	$(PY) manage.py compilemessages --ignore=.venv

# Re-extract interface strings into locale/*/LC_MESSAGES/django.po for translators.
messages: install
	$(PY) manage.py makemessages --locale=ko --locale=en --ignore=.venv --ignore=staticfiles --ignore=node_modules --ignore=tests --ignore=bench --no-obsolete

demo: install
	PORT=$(PORT) $(PY) manage.py load_demo

test: install compilemessages
	$(PY) -m pytest

# Browser tests (tests/browser): playwright drives Debian's chromium against a live server;
# axe-core and the Nu HTML checker come from npm into tests/browser/node_modules.
.PHONY: test-browser screenshots browser-tooling
BROWSER_TOOLING := tests/browser/node_modules/.installed

browser-tooling: $(BROWSER_TOOLING)

$(BROWSER_TOOLING): tests/browser/package.json tests/browser/package-lock.json
	@test -x /usr/bin/chromium || { echo "/usr/bin/chromium not found: apt-get install chromium fonts-noto-cjk"; exit 1; }
	@command -v java >/dev/null || { echo "java not found: install Java 17 or newer for the Nu HTML checker"; exit 1; }
	@command -v npm >/dev/null || { echo "npm not found: install Node.js and npm"; exit 1; }
	cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

test-browser: install compilemessages browser-tooling
	$(PY) -m pytest -m browser tests/browser

# Screenshots of every page at 360 and 1280 px into screenshots/ (or SCREENSHOTS_DIR).
screenshots: install compilemessages browser-tooling
	$(PY) -m pytest -m browser tests/browser -k screenshots

# Production-like, locally: gunicorn, DEBUG off, PostgreSQL and Redis (README, "Deploying").
.PHONY: prod bench bench-smoke bench-search-flood check-two-servers check-faults check-nginx check-sitemap gnuboard-fixture
PROD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/whrcf
PROD_REDIS_URL ?= redis://127.0.0.1:6379/0
PROD_ENV = DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost \
	DJANGO_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 DJANGO_HSTS_SECONDS=0 DJANGO_SERVE_MEDIA=1 DJANGO_PROXY_COUNT=0 \
	DATABASE_URL=$(PROD_DATABASE_URL) REDIS_URL=$(PROD_REDIS_URL) \
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}

prod: install compilemessages
	$(PROD_ENV) $(PY) manage.py create_database
	$(PROD_ENV) $(PY) manage.py migrate --no-input
	$(PROD_ENV) $(PY) manage.py collectstatic --no-input --verbosity 0
	$(PROD_ENV) $(PY) manage.py load_demo
	$(PROD_ENV) $(PY) -m gunicorn -c gunicorn.conf.py --bind 127.0.0.1:$(PORT) whrcf.wsgi

# The benchmark (not a test): POSTS=100000 ROUNDS=5 DURATION=5 DURATION_WEEK=60 by default;
# needs wrk. BENCH_STRICT=1 fails it when a target is missed.
bench: install compilemessages
	$(PY) bench/run.py

# A few seconds of the same, so the benchmark cannot rot; CI runs it.
bench-smoke: install compilemessages
	SMOKE=1 $(PY) bench/run.py

# Article throughput during a flood of searches (issue 18), on the archive `make bench` left.
bench-search-flood: install compilemessages
	$(PY) bench/search_flood.py

# Two gunicorn servers on one PostgreSQL and one Redis behave as one; CI runs it.
check-two-servers: install compilemessages
	$(PY) bench/two_servers.py

# The two servers behind Debian's nginx configured by deploy/nginx.conf: the client's
# address, private files, revalidation, static files, the body limit. CI runs it.
check-nginx: install compilemessages
	$(PY) bench/nginx.py

# The sitemap at 100,000 posts (POSTS) on PostgreSQL: every post listed, each page's time; CI
# runs it with SMOKE=1 (2,000 posts).
check-sitemap: install compilemessages
	$(PY) bench/sitemap.py

# Redis stopped, restarted empty and from an old snapshot, paused; PostgreSQL stopped; a
# worker killed: under load, on private servers it starts and stops itself. CI runs it.
check-faults: install compilemessages
	$(PY) bench/faults.py

# Remakes tests/legacy/data/gnuboard5/ with the real gnuboard5 (see the script's docstring);
# not part of CI. GNUBOARD5 is its git directory or source folder.
gnuboard-fixture: install
	@test -n "$(GNUBOARD5)" || { echo "give GNUBOARD5=/path/to/gnuboard5"; exit 2; }
	apt-get install -y php8.2-fpm php8.2-mysql php8.2-gd php8.2-mbstring nginx mariadb-client
	$(PY) tests/legacy/make_gnuboard_fixture.py $(GNUBOARD5)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) staticfiles
	rm -rf tests/browser/node_modules
	find . -name '*.mo' -path './locale/*' -delete

# Lighthouse 12.2 (bench/lighthouse/package.json) over 11 pages x 2 languages, desktop and
# mobile, on the demo data under gunicorn; prints a table, fails below accessibility 100 or
# 95 elsewhere, or on a console error. Slow: not part of CI.
LIGHTHOUSE_TOOLING := bench/lighthouse/node_modules/.installed

$(LIGHTHOUSE_TOOLING): bench/lighthouse/package.json bench/lighthouse/package-lock.json
	@test -x /usr/bin/chromium || { echo "/usr/bin/chromium not found: apt-get install chromium fonts-noto-cjk"; exit 1; }
	@command -v npm >/dev/null || { echo "npm not found: install Node.js and npm"; exit 1; }
	cd bench/lighthouse && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

.PHONY: check-lighthouse
check-lighthouse: install compilemessages $(LIGHTHOUSE_TOOLING)
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(PY) bench/lighthouse.py
