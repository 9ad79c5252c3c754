"""The beacon every public page carries: one same-origin script (within the site's CSP) and,
for a reader without JavaScript, an image in <noscript>. Previews show neither."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def readership_beacon(context) -> str:
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return ""
    page = context.get("page")
    page_id = page.pk if getattr(page, "pk", None) and hasattr(page, "get_url") else 0
    return format_html(
        '<script src="{}" defer data-page="{}"></script>'
        '<noscript><img class="beacon" src="/a/hit.gif?p={}" alt="" width="1" height="1">'
        "</noscript>",
        static("analytics/beacon.js"),
        page_id,
        page_id,
    )
