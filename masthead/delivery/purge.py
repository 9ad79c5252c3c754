"""Purging: a change names the cache tags it touches; both caches drop what carries them."""

import logging

from django.db import transaction
from wagtail.contrib.frontend_cache.utils import get_backends

from masthead.delivery import store

logger = logging.getLogger(__name__)


def purge_tags(*, tags) -> None:
    """Drop every cached response that carries one of `tags`, once the change is committed."""
    tags = sorted(set(tags))
    if not tags:
        return

    def run():
        store.purge(tags)
        # At once, not behind the task queue: readers should see the change in a second even
        # while the workers are busy with a newsletter or a batch of photos. A Varnish that
        # does not answer gets the ban again from a worker.
        missed = [name for name, ok in ban_in_shared_caches(tags, timeout=1).items() if not ok]
        if missed:
            from masthead.delivery.tasks import purge_tags_task

            purge_tags_task.enqueue(tags, missed)

    transaction.on_commit(run)


def ban_in_shared_caches(tags, names=None, timeout: float = 5) -> dict[str, bool]:
    """Ban the tags in each Varnish (or the `names`d ones); whether each one answered."""
    answered = {}
    for name, backend in get_backends().items():
        if hasattr(backend, "purge_tags") and (names is None or name in names):
            logger.info("Banning %d tags in %s", len(tags), name)
            answered[name] = backend.purge_tags(tags, timeout=timeout)
    return answered
