import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# Seconds before the 2nd, 3rd, … attempt at a confirmation the mail server did not take.
CONFIRMATION_RETRY_DELAYS = [30, 120, 600, 1800, 7200]


@task(priority=50)  # a reader is waiting for it: ahead of long jobs such as a send
def send_confirmation_task(subscription_id: int, attempt: int = 1) -> None:
    """Mail one subscription's confirmation; safe to run twice. A failure is tried again later,
    with a growing delay, and in the meantime the reader may sign up again to try at once."""
    from masthead.newsletter.subscriptions import send_confirmation

    try:
        send_confirmation(subscription_id=subscription_id)
    except smtplib.SMTPRecipientsRefused:
        logger.warning("confirmation for subscription %s: address refused", subscription_id)
    except Exception:
        if attempt <= len(CONFIRMATION_RETRY_DELAYS):
            delay = CONFIRMATION_RETRY_DELAYS[attempt - 1]
            logger.warning(
                "confirmation for subscription %s failed (attempt %s); next in %s s",
                *(subscription_id, attempt, delay),
            )
            retry = send_confirmation_task
            if retry.get_backend().supports_defer:  # the tests' ImmediateBackend cannot wait
                retry = retry.using(run_after=timezone.now() + timedelta(seconds=delay))
            retry.enqueue(subscription_id, attempt + 1)
        raise  # this attempt is recorded as failed, with its error, in the task queue


@task()
def send_issue_task(send_id: int) -> None:
    """Deliver one send; safe to run twice, or in several workers at once."""
    from masthead.newsletter.models import Send
    from masthead.newsletter.sender import deliver, remaining

    if not Send.objects.filter(pk=send_id, state=Send.State.SENDING).exists():
        # Finished (or gone) already: a run taken back from a lost worker, or queued twice.
        # Running the loop again would stamp the issue as sent anew.
        return
    root = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    deliver(send_id, root=root)
    count, _ = remaining(send_id)
    if count and Send.objects.filter(pk=send_id, state=Send.State.SENDING).exists():
        # Only deferred deliveries are left, due later than this run waits: come back for them.
        send_issue_task.using(run_after=_later()).enqueue(send_id)


@task()
def send_correction_notices_task(article_id: int) -> None:
    """Make and start the correction notices a published piece asks for; safe to run twice."""
    from masthead.newsletter.notices import send_notices
    from masthead.newsroom.models import ArticlePage

    article = ArticlePage.objects.live().filter(pk=article_id).first()
    if article is not None:
        send_notices(article)


def _later():
    from datetime import timedelta

    from django.utils import timezone

    return timezone.now() + timedelta(seconds=30)
