"""Fixtures shared by every test: real services, a real worker, a real browser.

Tests that need PostgreSQL, Redis, a Celery worker or Chromium ask for them through the
fixtures here. Locally, when a service is missing they are skipped with the reason; with
``EVERYVOICE_REQUIRE_SERVICES=1`` (set by ``.ci/run``) they *fail* instead, so CI can never go
green by skipping what it was meant to exercise.
"""

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlparse

import pytest
from django.conf import settings

REQUIRE_SERVICES = os.environ.get("EVERYVOICE_REQUIRE_SERVICES") == "1"
# Playwright's sync API keeps an asyncio loop on the test thread; Django's ORM calls made by
# the test itself (setting up data) are still synchronous, so tell Django that is intended.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def service_missing(reason: str) -> None:
    if REQUIRE_SERVICES:
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


def _port_open(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture
def postgres(db) -> None:
    """The test runs on PostgreSQL, as production does."""
    from django.db import connection

    if connection.vendor != "postgresql":
        service_missing("PostgreSQL: set DATABASE_URL=postgres://... to run this test")


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    """Rate-limit counters and cached pages live in Django's cache: each test starts and ends
    with none. Pure tests run without Django too (``-p no:django``): then there is no cache."""
    if not settings.configured:
        yield
        return
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def queued(monkeypatch) -> list[tuple[str, tuple]]:
    """Jobs sent to the broker (by name and args), instead of sending them."""
    sent: list[tuple[str, tuple]] = []
    monkeypatch.setattr("cms.jobs.enqueue", lambda name, *args: sent.append((name, args)) or True)
    return sent


@pytest.fixture
def survey(db):
    """A published survey with one question of each type (tests/feedback/factories.py)."""
    from tests.feedback.factories import survey_page

    return survey_page()


@pytest.fixture
def demo_site(site_url) -> str:
    """The live test server with the demo content loaded (``load_demo``)."""
    from django.core.management import call_command

    with open(os.devnull, "w") as quiet:
        call_command("load_demo", stdout=quiet)
    return site_url


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("REDIS_URL", "")
    if not url:
        service_missing("Redis: set REDIS_URL=redis://... to run this test")
    if not _port_open(url):
        service_missing(f"Redis is not answering at {url}")
    return url


@contextmanager
def celery_broker(url: str, *, eager: bool = False) -> Iterator[object]:
    """Point the project's Celery app at ``url`` for a while, with no pooled connection to
    the previous broker surviving either way."""
    from tasks import app

    def drop_pools() -> None:
        # Forget (not close: kombu shares them by URL) the pools bound to the old broker.
        app._pool = None
        app.amqp._producer_pool = None

    previous = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager, app.conf.broker_url = eager, url
    drop_pools()
    try:
        yield app
    finally:
        app.conf.task_always_eager, app.conf.broker_url = previous
        drop_pools()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup) -> None:
    """Keep the migrations' serialized data where every connection wrapper can see it.

    Playwright's sync API runs the test in a greenlet with its own context, where Django hands
    out a fresh connection wrapper; without this, serialized rollback would silently restore
    nothing there.
    """
    from django.db import connections

    for conn in connections.all():
        contents = getattr(conn, "_test_serialized_contents", None)
        if contents is not None:
            type(conn)._test_serialized_contents = contents


@pytest.hookimpl(tryfirst=True)  # before pytest-django orders tests by these markers
def pytest_collection_modifyitems(items) -> None:
    """Tests using a live server or a real worker share committed data with another thread, so
    they run in a transactional database, restored afterwards from the migrations' data (the
    Wagtail root page, the role groups) so later tests still find it."""
    for item in items:
        if {"site_url", "celery_worker"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
    # A test that migrates the schema is flushed afterwards with post_migrate, which recreates
    # the content types; a serialized-rollback test after it then failed to restore its own
    # (a unique violation on PostgreSQL). Such tests go last (pytest-django's sort is stable).
    migrating = [i for i in items if i.get_closest_marker("migrates_schema")]
    items[:] = [i for i in items if not i.get_closest_marker("migrates_schema")] + migrating


@pytest.fixture(autouse=True)
def _default_locale_for_schema_migrations(request) -> None:
    """A schema-migrating test starts from the database as a real site has it: with the default
    locale and the root page that wagtailcore's migrations made. An earlier transactional
    test's flush removed them, and the outcomes' locale bootstrap (insight 0009) and the
    test's own page factories need them."""
    if not request.node.get_closest_marker("migrates_schema"):
        return
    request.getfixturevalue("transactional_db")
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale, Page

    ContentType.objects.clear_cache()  # the flush made them again under new ids
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


@pytest.fixture
def celery_worker(redis_url: str) -> Iterator[object]:
    """A real Celery worker thread consuming from the real Redis broker.

    Jobs are sent through the broker (not run eagerly) and the worker writes to the test
    database through its own connection, so the data must be committed: hence a
    transactional database, restored afterwards from the migration's serialized data.
    """
    from celery.contrib.testing.worker import start_worker
    from django.db import connections

    try:
        with (
            celery_broker(redis_url) as app,
            start_worker(
                app, pool="solo", perform_ping_check=False, shutdown_timeout=30, loglevel="WARNING"
            ) as worker,
        ):
            yield worker
    finally:
        connections.close_all()


@pytest.fixture
def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not os.path.exists(path):
        service_missing(f"Chromium not found at {path} (apt-get install chromium)")
    return path


@pytest.fixture(scope="session")
def _playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture
def browser(chromium_path, _playwright):
    browser = _playwright.chromium.launch(
        executable_path=chromium_path,
        headless=True,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    )
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture
def site_url(live_server) -> str:
    """The live test server (see pytest_collection_modifyitems for its database)."""
    return live_server.url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def phone_page(browser):
    """A phone-sized window (Moto G4-ish), as many participants use."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def axe():
    """Run axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on a Playwright page."""
    from tests.browser.axe import run_axe

    return run_axe


def pytest_report_header(config) -> list[str]:
    db = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    broker = os.environ.get("REDIS_URL") or "none (eager tasks)"
    return [f"everyvoice: database={db} redis={broker} require_services={REQUIRE_SERVICES}"]
