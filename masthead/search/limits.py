"""How many searches one reader's address may make: each costs a full-text query."""

import logging
import time

from django.conf import settings

from masthead.core.limits import hit

logger = logging.getLogger(__name__)


def wait_before_search(*, client: str) -> int:
    """Count a search by `client`; 0 when it may run, else the seconds until it may.

    A fixed window per address in the shared cache (core/limits.py).
    """
    limit, window = settings.SEARCH_RATE_LIMIT, settings.SEARCH_RATE_WINDOW_SECONDS
    if limit <= 0:
        return 0
    count, wait = hit(f"search:{client}", window=window, now=time.time())
    if count <= limit:
        return 0
    if count == limit + 1:
        logger.info("search limit reached by a client: %s searches in %ss", limit, window)
    return wait
