from django import template

from masthead.feeds.scopes import feed_url

register = template.Library()

FORMATS = [
    ("rss", "application/rss+xml", "RSS"),
    ("atom", "application/atom+xml", "Atom"),
    ("json", "application/feed+json", "JSON Feed"),
]


@register.inclusion_tag("feeds/links.html")
def feed_links(outlet_name, scope=None):
    """<link rel="alternate"> for the site's feeds, and for the page's own scope when it has one."""
    links = [
        (f"{outlet_name} ({label})", mime, feed_url("site", "", fmt))
        for fmt, mime, label in FORMATS
    ]
    if scope:
        kind, slug, title = scope
        links += [
            (f"{title} | {outlet_name} ({label})", mime, feed_url(kind, slug, fmt))
            for fmt, mime, label in FORMATS
        ]
    return {"links": links}
