"""Sending an issue: start a send (the audience frozen), a test copy, and the newsletter's clock."""

from datetime import date, timedelta

from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.utils import timezone

from masthead.core.mail import new_message_id
from masthead.newsletter.models import Delivery, Issue, Newsletter, Send
from masthead.newsletter.notices import audience
from masthead.newsletter.roundup import draft_roundup
from masthead.newsletter.site import base_url


def start_send(*, issue: Issue) -> Send:
    """Freeze the audience and queue the send; a second call returns the same send."""
    from masthead.newsletter.tasks import send_issue_task

    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        existing = Send.objects.filter(issue=issue).first()
        if existing:
            return existing
        try:
            send = Send.objects.create(issue=issue)
        except IntegrityError:
            return Send.objects.get(issue=issue)
        batch = []
        readers = audience(issue).values_list("pk", "email")
        for subscription_id, email in readers.iterator(chunk_size=5000):
            batch.append(Delivery(send=send, subscription_id=subscription_id, email=email))
            if len(batch) == 5000:
                Delivery.objects.bulk_create(batch)
                batch = []
        Delivery.objects.bulk_create(batch)
        send.audience = send.deliveries.count()
        send.save(update_fields=["audience"])
        issue.state = Issue.State.SENDING
        issue.save(update_fields=["state"])
        transaction.on_commit(lambda: send_issue_task.enqueue(send.pk))
    return send


def send_test(*, issue: Issue, email: str) -> None:
    """One copy of the issue to an editor, marked as a test; no delivery is recorded."""
    from masthead.newsletter.rendering import UNSUBSCRIBE_PLACEHOLDER, render_issue

    rendered = render_issue(issue, root=base_url())
    message = EmailMultiAlternatives(
        subject=f"[Test] {rendered.subject}",
        body=rendered.text.replace(UNSUBSCRIBE_PLACEHOLDER, "(unsubscribe link)"),
        from_email=issue.newsletter.from_header,
        to=[email],
        headers={"Message-ID": new_message_id()},
    )
    message.attach_alternative(rendered.html.replace(UNSUBSCRIBE_PLACEHOLDER, "#"), "text/html")
    message.send()


def next_send_date(newsletter: Newsletter, today: date) -> date:
    return today + timedelta(days=(newsletter.send_weekday - today.weekday()) % 7)


def tick(now=None) -> list[str]:
    """The newsletter's clock: draft the coming round-up, start issues whose time has come."""
    now = now or timezone.now()
    done = []
    for newsletter in Newsletter.objects.all():
        send_day = next_send_date(newsletter, timezone.localdate(now))
        # Nothing published this week yet: no issue until there is (an issue an editor has
        # emptied stays).
        draft_roundup(newsletter=newsletter, week_ending=send_day, now=now, keep_empty=False)
    due = Issue.objects.filter(state=Issue.State.DRAFT, scheduled_for__lte=now)
    for issue in due:
        send = start_send(issue=issue)
        done.append(f"Started sending “{issue}” to {send.audience} subscribers.")
    done += resume_abandoned_sends(now)
    return done


def resume_abandoned_sends(now) -> list[str]:
    """Queue the send task again for sends that have work due and no worker holding any of it.

    A worker killed mid-send leaves its task marked running in the queue; nothing would pick the
    send up again. Two workers on one send are safe (each claims its own batch), so queueing
    once too often costs nothing.
    """
    from masthead.newsletter.sender import lease
    from masthead.newsletter.tasks import send_issue_task

    D = Delivery.State
    lines = []
    # A send younger than one lease has its first task still on the way to a worker.
    for send in Send.objects.filter(state=Send.State.SENDING, started_at__lt=now - lease()):
        open_ = send.deliveries.filter(state__in=[D.QUEUED, D.SENDING, D.DEFERRED])
        held = open_.filter(state=D.SENDING, claimed_until__gte=now).exists()
        if open_.exists() and not held:
            send_issue_task.enqueue(send.pk)
            lines.append(f"Resumed the send of “{send.issue}”.")
    return lines
