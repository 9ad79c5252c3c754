"""Cache tags: what a response shows, recorded while it renders.

A page that shows an article carries the tag `p<id>`; a list page carries `list:<kind>:<id>` for
the list it draws from; every cacheable response carries `site` (navigation, footer). A change
names the tags it touches (delivery/purge.py), and exactly the responses carrying one of them are
dropped from the app's page cache and from the shared cache in front (Varnish bans on the
X-Cache-Tags header). A response that recorded no tag is not shared; one that did is, unless
its view says otherwise (search results are `never_cache`).
"""

import contextvars

SITE = "site"
HEADER = "X-Cache-Tags"

_collected: contextvars.ContextVar[set | None] = contextvars.ContextVar("cache_tags", default=None)


def collect() -> contextvars.Token:
    """Start recording tags for the current request."""
    return _collected.set(set())


def stop(token: contextvars.Token) -> set[str]:
    tags = _collected.get() or set()
    _collected.reset(token)
    return tags


def add(*tags: str) -> None:
    """Record tags for the response being rendered; outside a request it does nothing."""
    collected = _collected.get()
    if collected is not None:
        collected.update(tags)


def page(pk: int) -> str:
    """A page, and every page that shows it (a teaser, a related link, a feed item)."""
    return f"p{pk}"


def listing(kind: str, pk: int | None = None) -> str:
    """A list readers see grow and shrink: stories, briefs, or one region's, topic's, … articles."""
    return f"list:{kind}" if pk is None else f"list:{kind}:{pk}"


def author(pk: int) -> str:
    return f"au{pk}"


def image(pk: int) -> str:
    return f"im{pk}"


def header_value(tags) -> str:
    """`|site|p12|list:region:3|`: delimited so a ban can match one tag exactly."""
    return "|" + "|".join(sorted(tags)) + "|"
