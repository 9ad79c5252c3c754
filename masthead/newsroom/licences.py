"""Photo licences: a photo whose licence has expired is taken off every public page.

Readers never see such a photo: every place that shows one asks `licence_expired` first (the
`shown` filter and the `picture` tag, feeds, JSON-LD, the sitemap, email), so a page rendered
after the last day has no trace of it, neither an image nor a broken one. What was rendered
before, kept by the page cache, Varnish or a CDN, is purged by the task worker at the first
clock tick after the licence runs out: every live page that shows the photo, with the lists,
feeds and archives that show those pages. Each expiry is acted on once (`withdrawn_for_expiry`);
an editor who renews the licence saves the photo, which purges those pages again.
"""

import logging
from datetime import date, timedelta

from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django_tasks import task

from masthead.core.versioning import bump
from masthead.delivery import tags
from masthead.delivery.purge import purge_tags
from masthead.images.models import CustomImage
from masthead.images.usage import live_pages_showing

logger = logging.getLogger(__name__)

EXPIRING_SOON = timedelta(days=30)  # the dashboard's warning


def due_for_withdrawal(today: date | None = None) -> QuerySet[CustomImage]:
    """Photos past their licence whose pages were not yet purged for that expiry."""
    today = today or timezone.localdate()
    return CustomImage.objects.filter(licence_expiry__lt=today).filter(
        Q(withdrawn_for_expiry__isnull=True) | ~Q(withdrawn_for_expiry=F("licence_expiry"))
    )


def expiring(today: date | None = None) -> QuerySet[CustomImage]:
    """Photos whose licence runs out within the warning period, soonest first."""
    today = today or timezone.localdate()
    return CustomImage.objects.filter(
        licence_expiry__gte=today, licence_expiry__lte=today + EXPIRING_SOON
    ).order_by("licence_expiry", "title")


def withdraw_expired_photos(today: date | None = None) -> list[str]:
    """Purge every page that showed a photo whose licence has run out; once per expiry."""
    from masthead.newsroom.models import ArticlePage
    from masthead.newsroom.signals import article_tags, page_tags

    lines = []
    for image in due_for_withdrawal(today):
        pages = [page.specific for page in live_pages_showing(image)]
        found = {tags.image(image.pk)}
        for page in pages:
            found |= article_tags(page) if isinstance(page, ArticlePage) else page_tags(page)
        bump()
        purge_tags(tags=found)
        # Only if the expiry is still the one acted on (an editor may have renewed it since).
        CustomImage.objects.filter(pk=image.pk, licence_expiry=image.licence_expiry).update(
            withdrawn_for_expiry=image.licence_expiry
        )
        line = (
            f"Photo “{image.title}”: licence expired on {image.licence_expiry:%-d %B %Y}; "
            f"taken off {len(pages)} live page(s)."
        )
        logger.info(line)
        lines.append(line)
    return lines


@task()
def withdraw_expired_photos_task() -> None:
    withdraw_expired_photos()


def queue_withdrawals() -> list[str]:
    """The clock's job: hand the worker the photos whose licence ran out, if any."""
    if not due_for_withdrawal().exists():
        return []
    withdraw_expired_photos_task.enqueue()
    return ["Queued taking photos with expired licences off public pages."]
