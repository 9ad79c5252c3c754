"""The app's full-page cache: responses kept with the versions of their tags.

Purging a tag writes a new version (the time of the purge, in nanoseconds); an entry is served
only while every one of its tags still has the version it was stored with. No database, and no
list of URLs to find and delete. A page shows dozens of tags, so each purge also moves one
counter on: while the counter is where it was when an entry was checked, one read of the entry
and the counter is the whole cost of a hit (one read of the counter alone, for the pages this
process served last).
"""

import hashlib
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

from masthead.core import versioning
from masthead.core.cache import LocalCopies

# Parameters that only say where a reader came from: one cached copy serves them all.
TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
# A render that began this long before a purge of one of its tags is not stored: it may
# predate the change. The margin covers clock differences between app servers.
CLOCK_MARGIN_NS = 1_000_000_000


def cache():
    """The shared cache, where the content version lives too: a request reads the purge
    counter and the version together (versioning.pinned)."""
    return caches["default"]


PURGES_KEY = "masthead:purges"


def tag_key(tag: str) -> str:
    return f"masthead:tag:{tag}"


def purge(tags) -> None:
    """Give each tag a new version: every entry stored under the old one is dropped."""
    now = time.time_ns()
    cache().set_many({tag_key(tag): now for tag in tags}, None)
    cache().set(PURGES_KEY, now, None)
    versioning.unpin()


def latest_purge():
    """The purge counter as this request first read it (with the content version, in one trip
    to the cache: see versioning.pinned); None if it was never set."""
    return versioning.pinned_get(PURGES_KEY)


def versions(tags) -> dict[str, int]:
    """Current versions; a tag seen for the first time (or evicted) gets one now.

    A first version is negative so that it never passes for a purge (see `save`).
    """
    keys = [tag_key(tag) for tag in tags]
    found = cache().get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        first = -time.time_ns()
        for key in missing:
            cache().add(key, first, None)
        found.update(cache().get_many(missing))
    return found


PRIVATE_PREFIXES = ("/admin/", "/django-admin/")


def is_shareable(meta) -> bool:
    """A reader's read that a shared copy may answer: nothing personal rides on it. From the
    WSGI environ, so the WSGI front and the middleware decide alike."""
    if meta.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    path = meta.get("PATH_INFO", "")
    if path.startswith(PRIVATE_PREFIXES):
        return False
    if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return False  # files: whitenoise, storage or the web server say how long to keep them
    private = (f"{settings.SESSION_COOKIE_NAME}=", "messages=")
    cookie = meta.get("HTTP_COOKIE", "")
    return not any(part.strip().startswith(private) for part in cookie.split(";"))


def scheme_of(meta) -> str:
    """As Django's `request.scheme`, from the WSGI environ alone."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure = settings.SECURE_PROXY_SSL_HEADER
        value = meta.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure else "http"
    return meta.get("wsgi.url_scheme", "http")


def key_for(meta) -> str:
    """The page's key, from the WSGI environ: Django's request and the bare WSGI app agree."""
    host = meta.get("HTTP_HOST") or f"{meta.get('SERVER_NAME')}:{meta.get('SERVER_PORT')}"
    query = sorted(
        (name, value)
        for name, value in parse_qsl(meta.get("QUERY_STRING", ""), keep_blank_values=True)
        if not name.startswith(TRACKING_PARAMS)
    )
    path = meta.get("SCRIPT_NAME", "") + meta.get("PATH_INFO", "")
    address = f"{scheme_of(meta)}://{host.lower()}{path}?{urlencode(query)}"
    return "masthead:page:" + hashlib.sha256(address.encode()).hexdigest()


def entry_key(request) -> str:
    return key_for(request.META)


@dataclass
class Entry:
    """A kept response (or fragment of one), with the versions of the tags it showed."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes | str
    versions: dict[str, int]
    checked_at: int | None = None  # the purge counter when the versions were last compared

    @property
    def tags(self) -> list[str]:
        return [key.removeprefix(tag_key("")) for key in self.versions]

    def is_current(self) -> bool:
        found = cache().get_many(list(self.versions))
        return found == self.versions

    def response(self) -> HttpResponse:
        response = HttpResponse(self.body, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        return response


def purge_counter() -> int:
    """The counter's value; a new one if it was never set or was evicted, so no entry trusts it."""
    purges = cache().get(PURGES_KEY)
    if purges is None:
        cache().add(PURGES_KEY, time.time_ns(), None)
        purges = cache().get(PURGES_KEY)
    return purges


class NearCopies(LocalCopies):
    """The last entries this process served, trusted while the purge counter stands: a hit
    then costs one small read instead of fetching and unpickling the whole page."""

    def current(self, key: str, purges) -> Entry | None:
        entry = self.get(key)
        return entry if entry is not None and entry.checked_at == purges else None


near = NearCopies(size=256)


def fetch(key: str) -> Entry | None:
    """The entry kept under `key`, if no tag it showed was purged since."""
    purges = latest_purge()
    if purges is not None and (entry := near.current(key, purges)) is not None:
        return entry
    found = cache().get_many([key, PURGES_KEY])
    entry, purges = found.get(key), found.get(PURGES_KEY)
    if entry is None:
        return None
    if purges is not None and entry.checked_at == purges:
        near.put(key, entry)
        return entry
    if purges is None:
        purges = purge_counter()
    if not entry.is_current():
        return None
    entry.checked_at = purges  # still current after the latest purges: skip the check next time
    cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
    near.put(key, entry)
    return entry


def keep(key: str, entry: Entry, tags, started_ns: int) -> bool:
    """Keep the entry unless one of its tags was purged while it rendered."""
    entry.checked_at = purge_counter()
    entry.versions = versions(tags)
    if max(entry.versions.values()) >= started_ns - CLOCK_MARGIN_NS:
        return False
    cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
    near.put(key, entry)
    return True


def load(request) -> Entry | None:
    return fetch(entry_key(request))


def save(request, response, tags, started_ns: int) -> bool:
    headers = [(k, v) for k, v in response.items() if k.lower() not in {"set-cookie", "vary"}]
    entry = Entry(response.status_code, headers, response.content, {})
    return keep(entry_key(request), entry, tags, started_ns)
