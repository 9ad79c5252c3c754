"""Whether a hit is counted, and what of it is kept: read straight off the WSGI environ, before
Django builds a request, so counting costs a reader nothing (see ingest.py).

Kept: the page, the hour, the referring domain, `utm_source`/`ref`, the device class, whether
the reader came from the newsletter, the read depth, and today's visitor hash. The address and
the user agent are read to make the hash and the device class and then dropped.
"""

import hashlib
import re
import secrets
import threading
import time
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import unquote_plus, urlsplit

from django.db import IntegrityError

MAX_BODY = 2048
MAX_FIELDS = 20
DEPTHS = {25, 50, 75, 100}
SOURCE = re.compile(r"[^a-z0-9._-]")
# Crawlers, link previews, monitors and headless browsers name themselves in their user agent.
BOTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|"
    r"pingdom|lighthouse|headless|phantomjs|python-|curl/|wget/|go-http|java/|okhttp|"
    r"httpclient|axios/|node-fetch|scrapy|feedfetcher|\brss|mediapartners",
    re.IGNORECASE,
)
TABLET = re.compile(r"ipad|tablet|playbook|silk|kindle|android(?!.*mobi)", re.IGNORECASE)
PHONE = re.compile(r"mobi|iphone|ipod|android|phone|blackberry|opera mini", re.IGNORECASE)


class NotCounted(Exception):
    """A hit that is well formed but not counted (a bot, Do Not Track, a prefetch)."""


class BadHit(ValueError):
    """A hit that cannot be read; the message says why."""


class Counted(NamedTuple):
    """What is kept of a hit: a row of `Hit`, its fields in the order of its columns."""

    kind: str
    page_id: int
    hour: datetime
    depth: int
    referrer: str
    source: str
    device: str
    newsletter: bool
    visitor: str


def device_class(agent: str) -> str:
    if TABLET.search(agent):
        return "t"
    return "p" if PHONE.search(agent) else "d"


@lru_cache(maxsize=4096)
def agent_class(agent: str) -> str:
    """ "b" for a bot, else the device class: worked out once per user agent (a process sees
    the same few hundred again and again), the agent itself kept only in this process."""
    return "b" if not agent or BOTS.search(agent) else device_class(agent)


def referrer_domain(url: str, own_host: str) -> str:
    """The referring site's host without "www." ("" for none, this site, or not a web link)."""
    try:
        split = urlsplit(url.strip())
    except ValueError:
        return ""
    host = (split.hostname or "").removeprefix("www.")
    if split.scheme not in ("http", "https") or not host or host == own_host:
        return ""
    return host[:100]


def own_host(environ) -> str:
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    return host.rsplit(":", 1)[0].lower().removeprefix("www.")


def client_address(environ) -> str:
    # Behind Varnish or a CDN the reader's address is the first of X-Forwarded-For.
    forwarded = environ.get("HTTP_X_FORWARDED_FOR", "")
    return forwarded.split(",")[0].strip() or environ.get("REMOTE_ADDR", "")


def read_fields(environ) -> dict[str, str]:
    """The hit's fields: the query string, and for the beacon's POST its body too."""
    fields = form(environ.get("QUERY_STRING", ""))
    if environ.get("REQUEST_METHOD") == "POST":
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise BadHit("Content-Length is not a number") from None
        if length > MAX_BODY:
            raise BadHit(f"a hit is at most {MAX_BODY} bytes")
        body = environ["wsgi.input"].read(length) if length else b""
        try:
            fields.update(form(body.decode()))
        except UnicodeDecodeError:
            raise BadHit("the body is not form-encoded text") from None
    return fields


def form(text: str) -> dict[str, str]:
    """Form-encoded `text` read as `urllib.parse.parse_qsl` reads it (fields without a value
    left out), at a fifth of its cost, or about half with an escaped referrer: only what has
    an escape in it is unquoted."""
    if not text:
        return {}
    pairs = text.split("&")
    if len(pairs) > MAX_FIELDS:
        raise BadHit(f"a hit has at most {MAX_FIELDS} fields")
    fields = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        if value:
            fields[unescaped(name)] = unescaped(value)
    return fields


def unescaped(text: str) -> str:
    return unquote_plus(text) if "%" in text or "+" in text else text


@lru_cache(maxsize=4)
def hour_starting(number: int) -> datetime:
    """The start of the `number`th hour since 1970, the same object for each hit of the hour
    (so that a batch prepares it for the database once, see core.rows)."""
    return datetime.fromtimestamp(number * 3600, UTC)


def count(environ, salt: str, now: datetime | None = None) -> Counted:
    """What of this hit is kept; raises NotCounted or BadHit."""
    if environ.get("HTTP_DNT") == "1" or environ.get("HTTP_SEC_GPC") == "1":
        raise NotCounted("Do Not Track or Global Privacy Control")
    purpose = (environ.get("HTTP_SEC_PURPOSE") or environ.get("HTTP_PURPOSE") or "").lower()
    if "prefetch" in purpose or "prerender" in purpose or environ.get("HTTP_X_MOZ") == "prefetch":
        raise NotCounted("a prefetch")
    agent = environ.get("HTTP_USER_AGENT", "")
    device = agent_class(agent)
    if device == "b":
        raise NotCounted("a bot")
    fields = read_fields(environ)
    page = fields.get("p", "")
    if not page.isdigit() or int(page) >= 2**31:  # 0: a page of lists or search, the site's
        raise BadHit("p must be a page id")
    kind = fields.get("k", "v")
    depth = 0
    if kind == "r":
        depth = int(fields["d"]) if fields.get("d", "").isdigit() else 0
        if depth not in DEPTHS:
            raise BadHit("d must be 25, 50, 75 or 100")
    elif kind != "v":
        raise BadHit("k must be v (a view) or r (a read)")
    source = SOURCE.sub("", fields.get("s", "").lower())[:60]
    site = own_host(environ)
    seconds = now.timestamp() if now else time.time()
    visitor = hashlib.sha256(
        f"{salt}\0{site}\0{client_address(environ)}\0{agent}".encode()
    ).hexdigest()[:16]
    return Counted(
        kind=kind,
        page_id=int(page),
        hour=hour_starting(int(seconds // 3600)),
        depth=depth,
        referrer=referrer_domain(fields.get("r", ""), site),
        source=source,
        device=device,
        newsletter=source == "newsletter" or source.startswith("newsletter-"),
        visitor=visitor,
    )


class Salts:
    """Today's salt, the same in every process (it lives in the database), read once a day."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.day: date | None = None
        self.secret = ""

    def today(self, today: date | None = None) -> str:
        today = today or datetime.now(UTC).date()
        if today != self.day:
            with self.lock:
                if today != self.day:
                    self.secret, self.day = salt_for(today), today
        return self.secret


def salt_for(day: date) -> str:
    from masthead.analytics.models import Salt

    found = Salt.objects.filter(day=day).values_list("secret", flat=True).first()
    if found:
        return found
    try:
        return Salt.objects.create(day=day, secret=secrets.token_hex(32)).secret
    except IntegrityError:  # another process made it first
        return Salt.objects.get(day=day).secret
