"""Correction notices: a short email telling the readers who got a piece that it was corrected.

An editor asks for one on the correction itself (its "mail a notice" box, off by default); the
next round-up lists every correction anyway. When the page is published with such a correction,
each newsletter whose sent round-ups carried the piece gets a notice: an `Issue` marked with the
correction's key, its one story the corrected piece, sent by the same durable sender as any
issue but only to the subscriptions a round-up carrying the piece was delivered to. The key is
unique per newsletter, so publishing the page again, or two workers at once, never makes a
second notice.
"""

import logging

from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from masthead.newsletter.models import Delivery, Issue, IssueItem, Newsletter, Subscription

logger = logging.getLogger(__name__)


def carried_by(article_id: int) -> QuerySet[Issue]:
    """The round-ups (not notices) that went out carrying the piece."""
    return Issue.objects.filter(
        items__article_id=article_id, send__isnull=False, correction_key__isnull=True
    )


def readers_of(article_id: int, newsletter: Newsletter) -> QuerySet[Subscription]:
    """The newsletter's active subscriptions that a round-up carrying the piece reached (its
    delivery was accepted by the mail server); each once."""
    reached = Delivery.objects.filter(
        state=Delivery.State.ACCEPTED, send__issue__in=carried_by(article_id)
    ).values("subscription_id")
    return Subscription.objects.filter(
        newsletter=newsletter, state=Subscription.State.ACTIVE, pk__in=reached
    )


def audience(issue: Issue) -> QuerySet[Subscription]:
    """Whom an issue goes to: a notice to the readers of its piece, any other issue to every
    active subscription of its newsletter."""
    if issue.is_notice:
        item = issue.items.first()
        if item is None:
            return Subscription.objects.none()
        return readers_of(item.article_id, issue.newsletter)
    return Subscription.objects.filter(newsletter=issue.newsletter, state=Subscription.State.ACTIVE)


def send_notices(article) -> list[Issue]:
    """Make and start the notices the published `article`'s corrections ask for that were not
    made yet. Returns the notices started by this call."""
    from masthead.newsletter.sending import start_send

    wanted = [c for c in article.corrections.all() if c.notify_readers]
    if not wanted:
        return []
    newsletters = Newsletter.objects.filter(pk__in=carried_by(article.pk).values("newsletter_id"))
    started = []
    for correction in wanted:
        for newsletter in newsletters:
            issue = _make_notice(newsletter, article, correction)
            if issue is not None:
                start_send(issue=issue)
                started.append(issue)
    return started


def _make_notice(newsletter: Newsletter, article, correction) -> Issue | None:
    """The notice for this correction in this newsletter, or None when it exists already."""
    if Issue.objects.filter(newsletter=newsletter, correction_key=correction.key).exists():
        return None
    try:
        with transaction.atomic():
            issue = Issue.objects.create(
                newsletter=newsletter,
                correction_key=correction.key,
                subject=f"{correction.get_kind_display()}: {article.title}"[:200],
                slug=f"{newsletter.slug}-notice-{correction.key.hex[:16]}"[:120],
            )
            IssueItem.objects.create(issue=issue, article=article, sort_order=0)
    except IntegrityError:  # another worker made it a moment ago
        return None
    logger.info("correction notice %s made for %s", issue.pk, article.pk)
    return issue


def notice_correction(issue: Issue) -> tuple:
    """The piece a notice is about and the correction it tells of, as the live page holds
    them: (article, correction), the correction None if an editor has since removed it."""
    item = issue.items.select_related("article").first()
    if item is None:
        return None, None
    article = item.article
    for correction in article.corrections.all():
        if correction.key == issue.correction_key:
            return article, correction
    return article, None
