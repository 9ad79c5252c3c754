"""Feeds and sitemaps are cached until anything they show changes.

One counter, the content version, is part of every cache key; publishing, unpublishing, moving
or deleting a page, or changing an author, topic, type or photo, moves it on, so every cached
feed is left behind at once. No list of keys to purge, nothing stale.
"""

import functools

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "masthead:content-version"
TIMEOUT = 60 * 60 * 24


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return version


# Wagtail fills these in lazily while rendering; they change nothing a reader sees.
HOUSEKEEPING_FIELDS = {"file_size", "file_hash"}


def bump(update_fields=None, **kwargs) -> None:
    if update_fields and set(update_fields) <= HOUSEKEEPING_FIELDS:
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(VERSION_KEY, 2, None)


def settings_changed(created=False, **kwargs) -> None:
    # Wagtail creates the settings row with its defaults on the first request: nothing changed.
    if not created:
        bump(**kwargs)


def cached_response(view):
    """Serve a GET from the cache while the content version stands."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET":
            return view(request, *args, **kwargs)
        key = f"masthead:feed:{content_version()}:{request.get_host()}:{request.get_full_path()}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            if response.status_code == 200:
                cache.set(key, response, TIMEOUT)
        return response

    return wrapper


def connect() -> None:
    from masthead.images.models import CustomImage
    from masthead.newsroom.models import ArticleType, Author, Topic
    from masthead.siteconfig.models import SiteSettings

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump, dispatch_uid=f"feeds-cache-{signal}")
    post_save.connect(settings_changed, sender=SiteSettings, dispatch_uid="feeds-cache-settings")
    for model in (Author, Topic, ArticleType, CustomImage):
        post_save.connect(bump, sender=model, dispatch_uid=f"feeds-cache-save-{model.__name__}")
    for model in (Author, Topic, ArticleType, CustomImage, SiteSettings):
        post_delete.connect(bump, sender=model, dispatch_uid=f"feeds-cache-del-{model.__name__}")
    post_delete.connect(bump, dispatch_uid="feeds-cache-page-delete", sender="wagtailcore.Page")
