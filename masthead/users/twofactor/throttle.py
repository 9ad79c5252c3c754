"""How many wrong second steps one account may make: counted in the shared cache, so every
process and app server counts the same failures (Redis in the scaled shape, the shared disk
cache on one machine).

TWO_STEP_FAILURE_LIMIT failures within TWO_STEP_LOCKOUT_SECONDS of the first lock the second
step for TWO_STEP_LOCKOUT_SECONDS, right codes included. A new password sign-in does not start
the count again; a passed second step does. django-otp also slows each device down on its own
(a wait that doubles with each failure in a row, in the database).
"""

import math
import time

from django.conf import settings
from django.core.cache import cache


def _failures_key(user) -> str:
    return f"masthead:two-step:failures:{user.pk}"


def _lock_key(user) -> str:
    return f"masthead:two-step:locked:{user.pk}"


def seconds_locked(user) -> int:
    """The seconds until `user` may try a second step again; 0 if they may now."""
    until = cache.get(_lock_key(user))
    if until is None:
        return 0
    return max(0, math.ceil(until - time.time()))


def count_failure(user) -> int:
    """Count a wrong second step; the tries left before it locks (0: locked from now)."""
    limit, lockout = settings.TWO_STEP_FAILURE_LIMIT, settings.TWO_STEP_LOCKOUT_SECONDS
    key = _failures_key(user)
    if cache.add(key, 1, lockout):  # atomic: only the first failure in the window creates it
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # it expired between the two calls: the first of a new count
            cache.add(key, 1, lockout)
            count = 1
    if count >= limit:
        cache.set(_lock_key(user), time.time() + lockout, lockout)
        cache.delete(key)
        return 0
    return limit - count


def clear(user) -> None:
    """A second step passed: the wrong ones before it no longer count."""
    cache.delete(_failures_key(user))
