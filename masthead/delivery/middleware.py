"""Full-page caching for readers: anonymous GETs of tagged pages, with ETag and 304 answers."""

import hashlib
import time

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe
from wagtail.models import Site

from masthead.core.versioning import pinned, remember
from masthead.delivery import store, tags


def is_storable(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    return not any(word in control for word in ("private", "no-store", "no-cache"))


class PageCacheMiddleware:
    """Answers repeat requests from the cache before sessions, users or the database are touched.

    Responses that recorded cache tags while rendering (see delivery/tags.py) are public: they
    get validators, Cache-Control for browsers and a shared cache in front, the X-Cache-Tags
    header that the shared cache bans on, and, with PAGE_CACHE on, a copy in the app's cache.
    Everything else is marked private.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not store.is_shareable(request.META):
            response = self.get_response(request)
            patch_cache_control(response, private=True)
            return response
        if settings.PAGE_CACHE:
            entry = store.load(request)
            if entry is not None:
                response = entry.response()
                response["X-Page-Cache"] = "hit"
                return self.conditional(request, response)
        started = time.time_ns()
        token = tags.collect()
        try:
            with pinned(store.PURGES_KEY):
                response = self.get_response(request)
        finally:
            recorded = tags.stop(token)
        if not recorded or not is_storable(response):
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
            return response
        recorded.add(tags.SITE)
        self.mark_public(response, recorded)
        if settings.PAGE_CACHE and request.method == "GET":
            stored = store.save(request, response, recorded, started)
            response["X-Page-Cache"] = "miss" if stored else "pass"
        return self.conditional(request, response)

    @staticmethod
    def mark_public(response, recorded) -> None:
        digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()[:20]
        response["ETag"] = f'"{digest}"'
        response.setdefault("Last-Modified", http_date())
        response[tags.HEADER] = tags.header_value(recorded)
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
            s_maxage=settings.PAGE_CACHE_SHARED_SECONDS,
            stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
            stale_if_error=settings.PAGE_CACHE_STALE_IF_ERROR_SECONDS,
        )

    @staticmethod
    def conditional(request, response):
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )


class KnownSiteMiddleware:
    """Wagtail looks up the Site, then its root page, on every request: two queries that
    answer the same until a page is published or a site changes (the content version)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        def find():
            site = Site._find_for_request(request)
            if site is not None:
                site.root_page.localized.specific  # noqa: B018 - fetched now, kept with the site
            return site

        request._wagtail_site = remember("site", find, request._get_raw_host(), request.get_port())
        return self.get_response(request)
