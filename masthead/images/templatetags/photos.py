from django import template

from masthead.images.renditions import SIZES

register = template.Library()

CREDIT_LABELS = {"hero": "Top photo credit: ", "inline": "Photo: ", "teaser": ""}


@register.inclusion_tag("components/photo.html")
def photo(image, size="teaser", alt=None, loading="lazy"):
    """A responsive <img> with width and height, from the renditions listed in SIZES."""
    if image is None:
        return {"image": None}
    specs, sizes = SIZES[size]
    renditions = image.get_renditions(*specs)
    ordered = [renditions[spec] for spec in specs]
    largest = ordered[-1]
    return {
        "image": image,
        "src": ordered[0].url,
        "srcset": ", ".join(f"{r.url} {r.width}w" for r in ordered),
        "sizes": sizes,
        "width": largest.width,
        "height": largest.height,
        "alt": image.alt_text if alt is None else alt,
        "loading": loading,
    }


@register.inclusion_tag("components/credit.html")
def photo_credit(image, style="inline"):
    """The credit line: "Top photo credit: AGENCY/Name" under a hero, the bare credit on teasers."""
    return {
        "credit": image.credit if image else "",
        "label": CREDIT_LABELS.get(style, ""),
        "style": style,
    }
