"""Per-address rate limits for public POSTs (instead of a CAPTCHA, WCAG 3.3.8).

A fixed window counter in Django's cache (shared by every process when REDIS_URL is set).
Limits are generous because many people may share one address at a day centre or school.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    name: str
    count: int
    seconds: int


# Starting a survey: a day centre of 30 people starting at once still fits.
START = Limit("start", 60, 10 * 60)
# Saving answers: one Continue every 2 seconds for 10 minutes, from one address.
ANSWER = Limit("answer", 300, 10 * 60)
# Reference-code look-ups: 20 in 10 minutes per address. With 2^50 codes, guessing one code
# in use among a million would take ~1e9 attempts, i.e. ~10^7 years at this rate.
LOOKUP = Limit("lookup", 20, 10 * 60)
# Insight pages and API, per signed-in person (not per address): 120 in 10 minutes is a
# page every 5 seconds, far more than reading needs, and makes a differencing sweep over
# every filter combination take hours and show up in the audit (docs/disclosure-control.md).
INSIGHT = Limit("insight", 120, 10 * 60)


def client_address(request) -> str:
    """REMOTE_ADDR, unless the site runs behind proxies we trust (their number in
    EVERYVOICE_TRUSTED_PROXY_COUNT): then the address the nearest of them saw, which it added
    last to X-Forwarded-For. Hops further left were written by the client and prove nothing."""
    proxies = settings.EVERYVOICE_TRUSTED_PROXY_COUNT
    if proxies:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [h for h in hops if h]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def hit(request, limit: Limit) -> bool:
    """Count one attempt; True while the address is within the limit."""
    return hit_for(client_address(request), limit)


def hit_for(who: str, limit: Limit) -> bool:
    """Count one attempt by ``who`` (an address, or ``user:<id>``); True while within."""
    key = f"everyvoice:rl:{limit.name}:{who}"
    if cache.add(key, 1, timeout=limit.seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=limit.seconds)
        return True
    return count <= limit.count
