"""Old addresses Wagtail's redirects cannot answer alone, each with one 301 to where it lives now:

- WordPress's plain permalinks (`/?p=12`, `/?page_id=3`, `/?attachment_id=9`, `/?cat=4`): the
  front page answers `/` with any query, so these are looked up before it renders;
- the variants old sites answered for every address (`feed/`, `amp/`, `page/2/`, `embed/`),
  looked up by their base address once nothing else answered (a 404);
- addresses longer than Wagtail's redirect column (`LongRedirect`).

Placed just before Wagtail's `RedirectMiddleware` (which answers exact addresses first).
"""

from urllib.parse import parse_qsl

from django.db.models import Q
from django.http import HttpResponsePermanentRedirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from masthead.importers.models import LongRedirect
from masthead.importers.writer.redirects import MAX_PATH, QUERY_KEYS, VARIANT, normalise

FEED_KINDS = {"/topics/": "topic", "/type/": "type", "/authors/": "author"}


def _find(request, path: str):
    """The redirect (Wagtail's or a long one) stored for a normalised path."""
    if "\0" in path:
        return None
    site = Site.find_for_request(request)
    if len(path) > MAX_PATH:
        return LongRedirect.objects.filter(path_hash=LongRedirect.hash_of(path)).first()
    found = list(Redirect.objects.filter(Q(site=site) | Q(site=None), old_path=path)[:2])
    found.sort(key=lambda r: r.site_id is None)  # the site's own before one for every site
    return found[0] if found else None


def _feed_of(link: str, redirect) -> str:
    """The feed of where a listing moved (a region page, a topic, a type, an author)."""
    if getattr(redirect, "redirect_page_id", None):
        page = redirect.redirect_page.specific_deferred
        if type(page).__name__ == "SectionPage":
            return f"/feed/region/{page.slug}/"
        return link  # an article's comments feed: the article
    for prefix, kind in FEED_KINDS.items():
        if link.startswith(prefix):
            return f"/feed/{kind}/{link[len(prefix) :].strip('/')}/"
    return link


def _is_listing(link: str, redirect) -> bool:
    if getattr(redirect, "redirect_page_id", None):
        return type(redirect.redirect_page.specific_deferred).__name__ in ("SectionPage",)
    return link.startswith(tuple(FEED_KINDS))


class OldAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and request.GET and any(k in request.GET for k in QUERY_KEYS):
            wanted = [
                (k, v)
                for k, v in parse_qsl(request.META.get("QUERY_STRING", ""))
                if k in QUERY_KEYS
            ]
            redirect = _find(request, normalise("/?" + "&".join(f"{k}={v}" for k, v in wanted)))
            if redirect is not None and redirect.link:
                return HttpResponsePermanentRedirect(redirect.link)
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        path = normalise(request.path)
        redirect = _find(request, path) if len(path) > MAX_PATH else None
        if redirect is not None and redirect.link:
            return HttpResponsePermanentRedirect(redirect.link)
        variant = VARIANT.match(path)
        if variant is None or not variant.group("base"):
            return response
        redirect = _find(request, variant.group("base"))
        if redirect is None or not redirect.link:
            return response
        link = redirect.link
        if variant.group("feed"):
            link = _feed_of(link, redirect)
        elif variant.group("page") and _is_listing(link, redirect):
            link = f"{link}?page={variant.group('page')}"
        return HttpResponsePermanentRedirect(link)
