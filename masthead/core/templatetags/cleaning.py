from django import template
from django.utils.safestring import mark_safe

from masthead.core import cleaning

register = template.Library()


@register.filter
def clean_rich_text(html) -> str:
    """Rendered rich text with nothing in it that runs (core/cleaning.py)."""
    return mark_safe(cleaning.clean_rich_text(str(html)))


@register.filter
def web_links(pairs) -> list[tuple[str, str]]:
    """(label, url) pairs whose URL is a web address: a typed link never runs a script."""
    return cleaning.web_links(pairs)
