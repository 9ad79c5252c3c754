"""Staff sessions: how long one may sit idle, and signing an account out everywhere.

A session lives in the shared session store (the database, or Redis in front of it), never in
one process, so both rules hold on every app server: the idle clock is a timestamp kept in the
session itself, and "sign out everywhere" moves on a counter on the account that every request
checks (see `User._get_session_auth_hash`).
"""

import math
import time

from django.conf import settings
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.db.models import F
from django.utils.functional import LazyObject, empty
from wagtail.log_actions import log

# When the signed-in user last did something in the admin: seconds since the epoch.
LAST_ACTIVE = "masthead.last_active"
# The timestamp is written at most this often (seconds), so an editor's clicks cost a session
# write a minute at most; the timeout is that much less exact.
TOUCH_EVERY = 60


def clock() -> float:
    """Now, in seconds since the epoch (tests move it)."""
    return time.time()


def idle_timeout() -> int:
    """Seconds of inactivity after which a staff session ends; 0 for never."""
    return max(0, int(settings.SESSION_IDLE_TIMEOUT))


def idle_minutes() -> int:
    return math.ceil(idle_timeout() / 60)


def mark_active(request) -> None:
    request.session[LAST_ACTIVE] = int(clock())


def start_idle_clock(sender, request, user, **kwargs) -> None:
    """On `user_logged_in`: a new sign-in starts with a full allowance of idle time."""
    if request is not None and hasattr(request, "session"):
        mark_active(request)


def concrete(user):
    """The account itself, out of `request.user`'s lazy wrappers (django-otp wraps Django's):
    Wagtail's log finds no log model for a wrapper, and would skip the entry."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


def sign_out_everywhere(*, user, request=None, keep_current: bool = False) -> None:
    """End every session of `user` on every browser and app server at its next request. With
    `keep_current`, the session of `request` (the user's own) is carried over and stays."""
    user = concrete(user)
    User = get_user_model()
    User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    user.refresh_from_db(fields=["session_generation"])
    if keep_current and request is not None and request.user.pk == user.pk:
        update_session_auth_hash(request, user)
    log(user, "masthead.sessions.ended", data={"kept_current": bool(keep_current)})
