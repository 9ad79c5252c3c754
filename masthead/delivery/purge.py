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
        if any(hasattr(backend, "purge_tags") for backend in get_backends().values()):
            from masthead.delivery.tasks import purge_tags_task

            purge_tags_task.enqueue(tags)

    transaction.on_commit(run)


def purge_shared_cache(tags) -> None:
    for name, backend in get_backends().items():
        if hasattr(backend, "purge_tags"):
            logger.info("Banning %d tags in %s", len(tags), name)
            backend.purge_tags(tags)
