"""The content version: one counter that moves on whenever anything a reader sees changes.

Caches of derived things (feeds, sitemaps, counts of long lists) put it in their keys, so a
change leaves every old entry behind at once: no list of keys to purge, nothing stale.
newsroom wires the signals that move it (newsroom/signals.py).
"""

import contextlib
import contextvars
import hashlib
import time

from django.core.cache import cache

VERSION_KEY = "masthead:content-version"
# Within one reader's request the version is read once (see `pinned`).
_pinned: contextvars.ContextVar[dict | None] = contextvars.ContextVar("version", default=None)


def content_version() -> int:
    pin = _pinned.get()
    if pin is not None and "version" in pin:
        return pin["version"]
    version = cache.get(VERSION_KEY)
    if version is None:
        # Never a number used before, even if the counter was evicted: old keys stay old.
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    if pin is not None:
        pin["version"] = version
    return version


def bump() -> None:
    pin = _pinned.get()
    if pin is not None:
        pin.clear()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(VERSION_KEY, time.time_ns(), None)


@contextlib.contextmanager
def pinned():
    """Read the content version at most once inside the block: a page asks for it often."""
    token = _pinned.set({})
    try:
        yield
    finally:
        _pinned.reset(token)


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
