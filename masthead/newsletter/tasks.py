import logging

from django.conf import settings
from django_tasks import task

logger = logging.getLogger(__name__)


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


def _later():
    from datetime import timedelta

    from django.utils import timezone

    return timezone.now() + timedelta(seconds=30)
