"""The head of every page: canonical URL, OpenGraph and Twitter cards, and JSON-LD."""

import json

from django import template
from django.utils.safestring import mark_safe
from wagtail.images import get_image_model

from masthead.delivery import tags
from masthead.feeds import content, structured
from masthead.newsroom.models import ArticlePage, HomePage, SectionPage
from masthead.newsroom.queries import lead_story

register = template.Library()

# json.dumps leaves these as they are; inside <script> they could end the element early.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _absolute(root: str, url: str) -> str:
    return root + url if url.startswith("/") else url


@register.inclusion_tag("feeds/page_meta.html", takes_context=True)
def page_meta(context):
    request = context["request"]
    outlet = context["settings"]["siteconfig"]["SiteSettings"]
    root = request.build_absolute_uri("/").rstrip("/")
    page = context.get("page")
    meta = {
        "site_name": outlet.outlet_name,
        "type": "website",
        "title": context.get("title") or outlet.outlet_name,
        "description": context.get("intro") or outlet.tagline,
        "image": None,
        "jsonld": [],
    }
    page_obj = context.get("page_obj")
    canonical = request.path
    if page_obj is not None and getattr(page_obj, "number", 1) > 1:
        canonical += f"?page={page_obj.number}"
    if page is not None and hasattr(page, "get_url"):
        canonical = page.get_url(request)
        meta["title"] = page.seo_title or page.title
        meta["description"] = (
            page.search_description or getattr(page, "dek", "") or meta["description"]
        )
    meta["url"] = _absolute(root, canonical)
    if isinstance(page, ArticlePage) and page.pk:
        meta.update(
            type="article",
            published=page.first_published_at,
            modified=page.last_published_at or page.first_published_at,
            section=page.region.title if getattr(page, "region", None) else "",
            authors=[_absolute(root, a.get_absolute_url()) for a in page.authors],
            tags=[t.name for t in page.topics.all()],
            image=content.hero_image(page, root),
            jsonld=structured.article(page, outlet, root),
        )
    elif isinstance(page, HomePage):
        meta["title"] = outlet.outlet_name
        meta["jsonld"] = structured.front_page(outlet, root)
        lead = lead_story(page)
        meta["image"] = content.hero_image(lead, root) if lead is not None else None
    elif isinstance(page, SectionPage) and page_obj is not None:
        first = next((a for a in page_obj if a.hero_image_id), None)  # the region's lead story
        if first is not None:
            # Read afresh: the listing's copy holds only the teaser sizes it fetched, and Wagtail
            # would make the large one again rather than look for it.
            photo = get_image_model().objects.filter(pk=first.hero_image_id).first()
            tags.add(tags.image(first.hero_image_id))
            meta["image"] = content.feed_image(photo, root, first.caption)
    if meta["image"] is None and outlet.share_image_id:
        tags.add(tags.image(outlet.share_image_id))
        meta["image"] = content.feed_image(outlet.share_image, root)
    meta["jsonld"] = [
        mark_safe(json.dumps(block, ensure_ascii=False).translate(JSON_ESCAPES))
        for block in meta["jsonld"]
    ]
    return meta
