"""The clock: the jobs that run once a minute whatever the shape (scheduled publishing, the
newsletter's drafts and sends, taking back lost background work).

Each app registers its job with Wagtail's hooks under `CLOCK_HOOK` (in its `wagtail_hooks.py`),
so the clock names no app to its right. A job returns the lines worth printing. One tick runs
at a time across every process and machine: a lock in the shared cache.
"""

import logging
import time
from io import StringIO

from django.core.cache import cache
from django.core.management import call_command
from wagtail import hooks

logger = logging.getLogger(__name__)

CLOCK_HOOK = "masthead_clock_jobs"
LOCK_KEY = "masthead:clock:lock"


def tick(*, lock_seconds: int = 50) -> list[str]:
    """Run every registered job once; a job that fails is logged and the others still run."""
    token = time.time_ns()
    if not cache.add(LOCK_KEY, token, lock_seconds):
        return ["Another clock is ticking; skipped."]
    lines: list[str] = []
    try:
        for job in hooks.get_hooks(CLOCK_HOOK):
            try:
                lines.extend(job() or ())
            except Exception:
                logger.exception("Clock job %s failed", job.__qualname__)
                lines.append(f"{job.__qualname__} failed (see the log)")
    finally:
        if cache.get(LOCK_KEY) == token:
            cache.delete(LOCK_KEY)
    return lines


def publish_scheduled_pages() -> list[str]:
    """Wagtail's scheduled publishing: pages (and snippets) due to go live or to expire.

    Every change it makes goes through Wagtail's publish and unpublish, whose signals purge
    what readers see (newsroom/signals.py), from this process as from any other.
    """
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    return [line for line in out.getvalue().splitlines() if line.strip()]


def take_back_lost_work() -> list[str]:
    """Tasks a killed worker left running go back in the queue (core/worker.py); every worker
    does this as well; the clock does it when the only worker was the one that died."""
    from masthead.core.worker import requeue_lost_tasks

    return requeue_lost_tasks().lines()


hooks.register(CLOCK_HOOK, publish_scheduled_pages)
hooks.register(CLOCK_HOOK, take_back_lost_work)
