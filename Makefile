# Every Voice: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test install migrate demo serve worker beat lint format check lock bench clean

## run: install, migrate, load demo content and serve http://127.0.0.1:8000
run: install migrate demo serve

## test: install and run every test
test: install
	$(BIN)/pytest

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $@

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: install
	$(BIN)/python manage.py load_demo

serve: install
	@echo "Every Voice is at http://$(HOST):$(PORT)/ (staff: http://$(HOST):$(PORT)/admin/)"
	# Links in emails (safeguarding) follow the port actually served unless the env says.
	# Without a broker, jobs run on a background thread of the server, never in the request.
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)} \
	EVERYVOICE_JOBS_IN_THREAD=$${EVERYVOICE_JOBS_IN_THREAD:-1} \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## worker / beat: real background workers (need REDIS_URL)
worker: install
	$(BIN)/celery -A tasks worker --loglevel=INFO

beat: install
	$(BIN)/celery -A tasks beat --loglevel=INFO

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

## lock: re-pin every dependency after editing pyproject.toml
lock: install
	$(BIN)/pip-compile --quiet --strip-extras --extra dev -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
