"""`{% fragment "name" key… %}…{% endfragment %}`: part of a page, kept until what it shows changes.

Like Django's `{% cache %}`, but kept under the cache tags recorded while the part rendered
(delivery/tags.py), so the same purges that drop pages drop it; on a hit its tags are recorded
again for the page around it. The part's queries run only when it renders: put what it needs
behind lazy context values.
"""

import hashlib
import time

from django import template
from django.conf import settings

from masthead.delivery import store, tags

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        request = context.get("request")
        if not settings.FRAGMENT_CACHE or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        values = [self.name.resolve(context), *(part.resolve(context) for part in self.parts)]
        if request is not None:  # absolute links inside depend on the host and scheme
            values.append(origin(request))
        digest = hashlib.sha256(repr(values).encode()).hexdigest()
        key = f"masthead:fragment:{digest}"
        entry = store.fetch(key)
        if entry is not None:
            tags.add(*entry.tags)
            return entry.body
        started = time.time_ns()
        token = tags.collect()
        try:
            html = self.nodelist.render(context)
        finally:
            recorded = tags.stop(token) | {tags.SITE}
        tags.add(*recorded)
        store.keep(key, store.Entry(200, [], html, {}), recorded, started)
        return html


def origin(request) -> tuple[str, str]:
    """The host and scheme, worked out once per request (the host is validated each time)."""
    try:
        return request._fragment_origin
    except AttributeError:
        request._fragment_origin = (request.get_host(), request.scheme)
        return request._fragment_origin


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )


@register.simple_tag
def shows_image(image) -> str:
    """Record that the part shows this photo (for Wagtail's own `{% image %}`, which does not):
    a change to the photo record then drops the kept part."""
    if image is not None:
        tags.add(tags.image(image.pk))
    return ""


@register.simple_tag
def shows_articles(articles) -> str:
    """Record that the part shows these pieces, as the query that fetched them did outside it: a
    change to any of them, their authors or photos then drops the kept part."""
    from masthead.newsroom.queries import record_shown

    for article in articles:
        record_shown(article)
    return ""


@register.filter
def identity(articles) -> tuple:
    """Which pieces a list holds, in order: the key of a kept list of teasers."""
    return tuple(article.pk for article in articles)
