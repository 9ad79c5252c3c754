"""Counting in fixed windows in the shared cache, so every process and app server counts
against the same limits (sign-ups, searches)."""

import math

from django.core.cache import cache


def hit(key: str, *, window: int, now: float) -> tuple[int, int]:
    """Count one more for `key` in the `window`-second window that holds `now`: the count so
    far in this window, and the seconds until the window ends."""
    start = int(now // window) * window
    counter = f"masthead:limit:{key}:{start}"
    # Kept a little past the window's end, so the count cannot vanish while it still applies.
    if cache.add(counter, 1, window + 5):  # atomic: only the first in the window creates it
        count = 1
    else:
        try:
            count = cache.incr(counter)
        except ValueError:  # it expired between the two calls: the first of a new count
            cache.add(counter, 1, window + 5)
            count = 1
    return count, max(1, math.ceil(start + window - now))
