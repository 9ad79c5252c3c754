"""Where the newsletter lives: the site's address for links in email, and the default newsletter."""

from django.conf import settings

from masthead.core.versioning import remember
from masthead.newsletter.models import Newsletter


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def default_newsletter() -> Newsletter | None:
    # The sign-up box on every page asks; kept until the content version moves (signals.py).
    return remember("default-newsletter", Newsletter.objects.order_by("-is_default", "pk").first)
