from django import template

from masthead.delivery import tags
from masthead.images.renditions import FORMATS, SIZES, format_specs, renditions

register = template.Library()

CREDIT_LABELS = {"hero": "Top photo credit: ", "inline": "Photo: ", "teaser": ""}


@register.filter
def shown(image):
    """The photo if readers may see it, else None: a photo whose licence has expired is shown
    nowhere, and the page is tagged with it either way, so a renewed licence purges it back."""
    if image is None:
        return None
    tags.add(tags.image(image.pk))
    return None if image.licence_expired else image


@register.inclusion_tag("components/picture.html")
def picture(image, size="teaser", alt=None, priority=False):
    """A <picture> of AVIF and WebP sources and a JPEG <img> that keeps its width and height.

    `priority` is for the photo a reader sees first (the article's hero, the front page's lead):
    fetched early and never lazily; every other photo loads when it nears the screen.
    """
    if image is None:
        return {"image": None}
    tags.add(tags.image(image.pk))  # a changed alt text, crop or credit purges this page
    if image.licence_expired:
        return {"image": None}
    specs = {image_format: format_specs(size, image_format) for image_format in FORMATS}
    # One look-up for every format: prefetched renditions answer it without a query.
    found = renditions(image, *(spec for group in specs.values() for spec in group))
    srcsets = {
        image_format: ", ".join(f"{found[s].url} {found[s].width}w" for s in group)
        for image_format, group in specs.items()
    }
    *sources, fallback = FORMATS
    smallest, largest = found[specs[fallback][0]], found[specs[fallback][-1]]
    return {
        "image": image,
        "sources": [(FORMATS[image_format], srcsets[image_format]) for image_format in sources],
        "src": smallest.url,
        "srcset": srcsets[fallback],
        "sizes": SIZES[size][1],
        "width": largest.width,
        "height": largest.height,
        "alt": image.alt_text if alt is None else alt,
        "priority": priority,
    }


@register.inclusion_tag("components/credit.html")
def photo_credit(image, style="inline"):
    """The credit line: "Top photo credit: AGENCY/Name" under a hero, the bare credit on teasers."""
    if image is not None:
        tags.add(tags.image(image.pk))
    return {
        "credit": image.credit if image and not image.licence_expired else "",
        "label": CREDIT_LABELS.get(style, ""),
        "style": style,
    }
