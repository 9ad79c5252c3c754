from urllib.parse import urlencode

from django import template

from masthead.newsroom.queries import live_sections, navigation_types

register = template.Library()


@register.inclusion_tag("components/site_nav.html", takes_context=True)
def site_nav(context):
    """The section navigation: regions, then the article types, LATEST and briefs."""
    sections = context.get("sections")
    return {
        "sections": sections if sections is not None else live_sections(),
        "types": navigation_types(),
        "request": context.get("request"),
    }


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context, page):
    """Plain links to share a page: no third-party script is loaded."""
    url = page.get_full_url(context.get("request"))
    title = page.title
    links = [
        ("Email", "mailto:?" + urlencode({"subject": title, "body": url})),
        ("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": f"{title} {url}"})),
        ("X", "https://x.com/intent/post?" + urlencode({"url": url, "text": title})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
    ]
    return {"links": links}
