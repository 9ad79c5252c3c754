"""The content version: one counter that moves on whenever anything a reader sees changes.

Caches of derived things (feeds, sitemaps, counts of long lists) put it in their keys, so a
change leaves every old entry behind at once: no list of keys to purge, nothing stale.
newsroom wires the signals that move it (newsroom/signals.py).
"""

import hashlib

from django.core.cache import cache

VERSION_KEY = "masthead:content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return version


def bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(VERSION_KEY, 2, None)


def versioned_key(prefix: str, *parts) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"masthead:{prefix}:{content_version()}:{digest}"


_MISSING = object()


def remember(prefix: str, compute, *parts, timeout: int = 60 * 60):
    """`compute()`, kept until the content version moves on: small lookups every page makes."""
    key = versioned_key(prefix, *parts)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout)
    return value
