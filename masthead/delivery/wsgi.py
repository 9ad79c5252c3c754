"""The full-page cache's fast path, in front of Django: a kept page goes out before a request
object, a middleware or a URL resolver is built. What is kept, and when, is decided by
PageCacheMiddleware (delivery/middleware.py); this only answers repeat requests for it."""

from django.conf import settings

from masthead.delivery import store


def is_plain_read(environ) -> bool:
    # Django answers If-Modified-Since alone; an ETag match is answered here.
    return store.is_shareable(environ) and (
        "HTTP_IF_MODIFIED_SINCE" not in environ or "HTTP_IF_NONE_MATCH" in environ
    )


class CachedPagesApp:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if settings.PAGE_CACHE and is_plain_read(environ):
            entry = store.fetch(store.key_for(environ))
            if entry is not None:
                return self.answer(environ, start_response, entry)
        return self.application(environ, start_response)

    @staticmethod
    def answer(environ, start_response, entry):
        headers = [*entry.headers, ("X-Page-Cache", "hit")]
        etag = dict((name.lower(), value) for name, value in entry.headers).get("etag")
        wanted = environ.get("HTTP_IF_NONE_MATCH")
        if etag and wanted and etag in {tag.strip() for tag in wanted.split(",")}:
            kept = [
                (n, v) for n, v in headers if n.lower() not in ("content-length", "content-type")
            ]
            start_response("304 Not Modified", kept)
            return []
        start_response(f"{entry.status} OK", headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [entry.body]
