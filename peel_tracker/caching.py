"""Results kept in Django's cache under a key that names what they say and for which version of
the data (recommendations.freshness.record_version gives the record's): generic, no app's models.
"""

from collections.abc import Callable
from hashlib import sha256
from typing import TypeVar

from django.core.cache import DEFAULT_CACHE_ALIAS, caches

CACHE_SECONDS = 600
T = TypeVar("T")


def cache_key(name: str, version: object) -> str:
    """The cache key of what `name` says (and with what parameters) for this version of the
    record (a RecordVersion, or the part of it that the result depends on)."""
    return "peel-tracker:" + sha256(f"{name}\0{version}".encode()).hexdigest()


def cached(
    name: str,
    version: object,
    compute: Callable[[], T],
    *,
    using: str = DEFAULT_CACHE_ALIAS,
    seconds: int = CACHE_SECONDS,
) -> T:
    """compute(), or its result from the cache `using` if it was computed for this version of
    the record (see cache_key), kept at most `seconds`."""
    cache = caches[using]
    key = cache_key(name, version)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value
