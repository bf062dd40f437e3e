"""Per-address rate limits for public POSTs (instead of a CAPTCHA, WCAG 3.3.8).

A fixed window counter in Django's cache (shared by every process when REDIS_URL is set).
Limits are generous because many people may share one address at a day centre or school.
"""

from dataclasses import dataclass

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


def client_address(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted proxy rewrites
    # it, and the deployment's proxy is responsible for REMOTE_ADDR being the real address.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def hit(request, limit: Limit) -> bool:
    """Count one attempt; True while the address is within the limit."""
    key = f"everyvoice:rl:{limit.name}:{client_address(request)}"
    if cache.add(key, 1, timeout=limit.seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=limit.seconds)
        return True
    return count <= limit.count
