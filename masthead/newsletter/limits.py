"""Sign-up limits, counted in the shared cache so every app server sees the same counts: per
client address, and for all readers together (a flood from many addresses)."""

import logging
import time

from django.conf import settings

from masthead.core.limits import hit

logger = logging.getLogger(__name__)

SIGNUPS_PER_CLIENT_PER_HOUR = 10
GLOBAL_WINDOW = 60  # seconds: NEWSLETTER_SIGNUPS_PER_MINUTE counts sign-ups per minute


def client_wait(client: str) -> int:
    """Count a sign-up from `client`; the seconds it must wait if it made too many, else 0."""
    if not client:
        return 0
    count, _ = hit(f"newsletter:signup:{client}", window=3600, now=time.time())
    return 3600 if count > SIGNUPS_PER_CLIENT_PER_HOUR else 0


def global_wait(now: float | None = None) -> int:
    """Count a sign-up against the budget of all readers together (NEWSLETTER_SIGNUPS_PER_MINUTE,
    0 for none); the seconds until the next minute's budget if this one is spent, else 0."""
    limit = settings.NEWSLETTER_SIGNUPS_PER_MINUTE
    if limit <= 0:
        return 0
    now = time.time() if now is None else now
    count, wait = hit("newsletter:signups", window=GLOBAL_WINDOW, now=now)
    if count <= limit:
        return 0
    if count == limit + 1:
        logger.warning("newsletter: more than %s sign-ups this minute; refusing more", limit)
    return wait
