"""A Redis cache that shrugs off a Redis outage.

Redis is our broker *and* our cache (sessions' read copy, rate-limit counters). If it stops,
the broker side is already covered (responses are saved, and the sweep queues their jobs when
it is back); the cache must not turn the outage into errors for people answering a survey.
So a connection failure reads as a miss and a write is skipped: sessions fall back to
PostgreSQL (``cached_db``), rate limits let people through until Redis returns. Anything
other than a lost connection still raises.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE = (RedisConnectionError, RedisTimeoutError)
# At most one warning a minute per process, so an outage does not flood the logs.
WARN_EVERY_SECONDS = 60


class ResilientRedisCache(RedisCache):
    _last_warning = 0.0

    def _soft(self, operation: str, fallback, call, *args):
        """Run one cache operation; on a lost connection, warn (rarely) and return
        ``fallback``: a miss for reads, nothing done for writes."""
        try:
            return call(*args)
        except OUTAGE as exc:
            now = time.monotonic()
            if now - ResilientRedisCache._last_warning >= WARN_EVERY_SECONDS:
                ResilientRedisCache._last_warning = now
                logger.warning(
                    "cache unavailable (%s: %s); carrying on without it", operation, exc
                )
            return fallback

    def get(self, key, default=None, version=None):
        return self._soft("get", default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._soft("get_many", {}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._soft("has_key", False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # True: as if the key were new. For a rate-limit counter that lets the person through.
        return self._soft("add", True, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._soft("set", None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft("set_many", [], super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft("touch", False, super().touch, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._soft("incr", delta, super().incr, key, delta, version)

    def delete(self, key, version=None):
        return self._soft("delete", False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        self._soft("delete_many", None, super().delete_many, keys, version)

    def clear(self):
        return self._soft("clear", False, super().clear)
