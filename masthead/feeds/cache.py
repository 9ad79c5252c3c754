"""Feeds and sitemaps are cached until anything they show changes (see core/versioning.py)."""

import functools

from django.core.cache import cache

from masthead.core.versioning import versioned_key

TIMEOUT = 60 * 60 * 24


def cached_response(view):
    """Serve a GET from the cache while the content version stands."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET":
            return view(request, *args, **kwargs)
        key = versioned_key("feed", request.get_host(), request.get_full_path())
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            if response.status_code == 200:
                cache.set(key, response, TIMEOUT)
        return response

    return wrapper
