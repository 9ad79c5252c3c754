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


@register.inclusion_tag("components/most_read.html", takes_context=True)
def most_read(context, region=None, leave_out=None) -> dict:
    """The "Most read" lists: the site's, or a region's; an article leaves itself out. How many
    each list holds (and whether articles show them) is the front page's layout setting."""
    from masthead.analytics import most_read as lists

    count, on_articles = _layout(context)
    if leave_out is not None and not on_articles:
        count = 0
    scope = region.pk if region is not None else lists.SITE
    shown = [
        (label, lists.pieces(window, scope, count=count, leave_out=getattr(leave_out, "pk", None)))
        for window, label in lists.WINDOWS.items()
    ]
    return {"lists": [(label, pieces) for label, pieces in shown if pieces], "region": region}


def _layout(context) -> tuple[int, bool]:
    """The front page's Most read settings (how many; on articles or not), remembered until
    the content version moves (publishing the front page moves it)."""
    from wagtail.models import Site

    from masthead.core.versioning import remember
    from masthead.newsroom.models import HomePage

    page = context.get("page")
    if isinstance(page, HomePage):
        return page.most_read_count, page.most_read_on_articles
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return 0, False
    found = remember(
        "most-read-layout",
        lambda: (
            HomePage.objects.filter(pk=site.root_page_id)
            .values_list("most_read_count", "most_read_on_articles")
            .first()
        ),
        site.root_page_id,
    )
    return found or (0, False)


@register.filter
def get_item(row: dict, key: str):
    """A table row's cell, by its column's key (the readership screens)."""
    return row.get(key, "")


def _is_figure(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@register.filter
def figure(value):
    """A count as an editor reads it, its thousands apart (12,480); anything else as it is."""
    return f"{value:,}" if _is_figure(value) else value


@register.filter
def figure_class(value) -> str:
    """The class that sets a column of counts flush right, in figures of one width."""
    return "readership__number" if _is_figure(value) else ""
