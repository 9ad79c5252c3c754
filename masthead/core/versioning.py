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

from masthead.core.cache import LocalCopies

VERSION_KEY = "masthead:content-version"
# Within one reader's request the version (and any key `pinned` names) is read once.
_pinned: contextvars.ContextVar[dict | None] = contextvars.ContextVar("version", default=None)


def content_version() -> int:
    version = pinned_get(VERSION_KEY)
    if version is None:
        # Never a number used before, even if the counter was evicted: old keys stay old.
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
        pin = _pinned.get()
        if pin is not None:
            pin["values"][VERSION_KEY] = version
    return version


def bump() -> None:
    unpin()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(VERSION_KEY, time.time_ns(), None)


@contextlib.contextmanager
def pinned(*also: str):
    """Inside the block the content version, and the `also` keys, are read at most once, all
    in one round trip to the cache on first use: a page asks for them often."""
    token = _pinned.set({"keys": (VERSION_KEY, *also), "values": {}})
    try:
        yield
    finally:
        _pinned.reset(token)


def pinned_get(key: str):
    """`cache.get(key)`, read once per `pinned` block (with the block's other keys)."""
    pin = _pinned.get()
    if pin is None:
        return cache.get(key)
    values = pin["values"]
    if key not in values:
        keys = [k for k in pin["keys"] if k not in values] if key in pin["keys"] else [key]
        found = cache.get_many(keys)
        values.update({k: found.get(k) for k in keys})
    return values[key]


def unpin() -> None:
    """Forget what the current block read: this process has just changed it."""
    pin = _pinned.get()
    if pin is not None:
        pin["values"].clear()


def versioned_key(prefix: str, *parts) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"masthead:{prefix}:{content_version()}:{digest}"


_MISSING = object()


# What this process remembered lately. A key holds the content version, so what is kept under
# it never changes: a repeat costs no trip to the shared cache.
recent = LocalCopies(size=2048)


def remember(prefix: str, compute, *parts, timeout: int = 60 * 60, keep_none: bool = True):
    """`compute()`, kept until the content version moves on: small lookups every page makes.

    The value is shared by every request this process serves under the same version: treat it
    as read-only. With `keep_none` off, a None is not kept: where the parts come from a
    reader's address, every made-up address would otherwise take a place in the cache.
    """
    key = versioned_key(prefix, *parts)
    value = recent.get(key, _MISSING)
    if value is _MISSING:
        value = cache.get(key, _MISSING)
        if value is _MISSING:
            value = compute()
            if value is None and not keep_none:
                return None
            cache.set(key, value, timeout)
        recent.put(key, value)
    return value
