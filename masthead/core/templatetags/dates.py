"""Dates and times as machines read them in HTML."""

from datetime import date, datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def html_datetime(value: datetime | date | None) -> str:
    """A `<time datetime>` value: to the second, with its offset from UTC, in the site's time
    zone. Django's "c" format adds microseconds, which HTML's date and time strings do not
    allow (at most three digits of a second)."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    return value.isoformat() if isinstance(value, date) else ""
