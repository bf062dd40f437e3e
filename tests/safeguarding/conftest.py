import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def queued(monkeypatch):
    """Jobs sent to the broker (by name and args), instead of sending them."""
    sent: list[tuple[str, tuple]] = []
    monkeypatch.setattr("cms.jobs.enqueue", lambda name, *args: sent.append((name, args)) or True)
    return sent
