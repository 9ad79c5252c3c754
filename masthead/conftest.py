import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: ids repeat between tests, cached renditions must not."""
    for cache in caches.all():
        cache.clear()
