"""The delivery loop: claim a batch, hand each message to the email backend, record the answer.

Safe to run in several workers and to kill at any moment: a claimed delivery carries a lease;
when the lease runs out without an answer recorded, another worker takes it back. Each answer
is recorded as soon as the server gives it, so a restart re-sends at most the one message that
was in flight. An answer the database cannot take (a restart, a failover) is held and recorded
when it is back, while the claim lasts, so such an outage re-sends none.
"""

import itertools
import logging
import smtplib
import time
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import InterfaceError, OperationalError, transaction
from django.db import connection as db_connection
from django.db.models import Q
from django.utils import timezone

from masthead.core.mail import sign
from masthead.newsletter.models import Delivery, Issue, Send
from masthead.newsletter.rendering import RawMessages, build_message, render_issue

logger = logging.getLogger(__name__)
D = Delivery.State


def conf(name: str):
    """Sending settings, read when used (so tests and operators can change them)."""
    defaults = {
        "NEWSLETTER_BATCH_SIZE": 100,
        "NEWSLETTER_RATE_PER_SECOND": 0,  # 0: as fast as the server takes them
        "NEWSLETTER_LEASE_SECONDS": 120,
        "NEWSLETTER_MAX_ATTEMPTS": 6,
        "NEWSLETTER_BACKOFF_SECONDS": [5, 30, 120, 600, 1800],
    }
    return getattr(settings, name, defaults[name])


def lease() -> timedelta:
    return timedelta(seconds=conf("NEWSLETTER_LEASE_SECONDS"))


def claim(send_id: int, size: int) -> list[Delivery]:
    """Take up to `size` deliveries that are due: queued, deferred and due, or abandoned."""
    now = timezone.now()
    due = (
        Q(state=D.QUEUED)
        | Q(state=D.DEFERRED, next_attempt_at__lte=now)
        | Q(state=D.SENDING, claimed_until__lt=now)
    )
    with transaction.atomic():
        candidates = Delivery.objects.filter(due, send_id=send_id).order_by("pk")
        if db_connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        ids = list(candidates.values_list("pk", flat=True)[:size])
        Delivery.objects.filter(pk__in=ids).update(state=D.SENDING, claimed_until=now + lease())
    return list(Delivery.objects.filter(pk__in=ids).select_related("subscription").order_by("pk"))


def classify(error: Exception) -> tuple[str, str]:
    """(state, reason) for a failed hand-over: permanent 5xx fails, anything else is retried."""
    code = getattr(error, "smtp_code", None)
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, reply = next(iter(error.recipients.values()))
        reason = f"{code} {reply.decode(errors='replace') if isinstance(reply, bytes) else reply}"
    else:
        reply = getattr(error, "smtp_error", b"")
        reason = (
            f"{code} {reply.decode(errors='replace') if isinstance(reply, bytes) else reply}"
            if code
            else repr(error)
        )
    if code is not None and 500 <= int(code) < 600:
        return D.FAILED, reason[:500]
    return D.DEFERRED, reason[:500]


def record_failure(delivery: Delivery, error: Exception) -> None:
    state, reason = classify(error)
    attempts = delivery.attempts + 1
    backoff = conf("NEWSLETTER_BACKOFF_SECONDS")
    if state == D.DEFERRED and attempts >= conf("NEWSLETTER_MAX_ATTEMPTS"):
        state, reason = D.FAILED, f"gave up after {attempts} attempts: {reason}"[:500]
    delay = timedelta(seconds=backoff[min(attempts - 1, len(backoff) - 1)])
    next_at = timezone.now() + delay if state == D.DEFERRED else None
    Delivery.objects.filter(pk=delivery.pk).update(
        state=state,
        attempts=attempts,
        last_error=reason,
        next_attempt_at=next_at,
        claimed_until=None,
    )
    logger.info("delivery %s %s: %s", delivery.pk, state, reason)


def record_accepted(delivery: Delivery) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(
        state=D.ACCEPTED,
        attempts=delivery.attempts + 1,
        accepted_at=timezone.now(),
        claimed_until=None,
        last_error="",
    )


def record(write: Callable[..., None], delivery: Delivery, *args) -> None:
    """Record the server's answer with `write(delivery, *args)`. If the database is away (a
    restart, a failover), try again until it is back, for as long as the claim holds: the answer
    is known only here, and a delivery left claimed but unanswered is sent again once its claim
    runs out."""
    for attempt in itertools.count():
        try:
            write(delivery, *args)
            return
        except (OperationalError, InterfaceError):
            if timezone.now() >= delivery.claimed_until:
                raise
            if not attempt:
                logger.warning("delivery %s: answer held until the database is back", delivery.pk)
            db_connection.close()  # the next try connects afresh
            time.sleep(0.5)


def remaining(send_id: int) -> tuple[int, timezone.datetime | None]:
    """How many deliveries are still open, and when the next deferred one falls due."""
    open_ = Delivery.objects.filter(send_id=send_id, state__in=[D.QUEUED, D.SENDING, D.DEFERRED])
    nxt = (
        open_.filter(state=D.DEFERRED)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    return open_.count(), nxt


def deliver(send_id: int, *, root: str, max_wait: float = 60.0) -> None:
    """Work through a send until every delivery has an answer, or until nothing is due soon."""
    send = Send.objects.select_related("issue__newsletter").get(pk=send_id)
    issue = send.issue
    rendered = render_issue(issue, root=root)
    mail = get_connection()
    # With Django's own SMTP backend the message is built once per send (see RawMessages);
    # any other backend (anymail's providers, console, locmem) gets ordinary messages.
    raw = RawMessages(rendered, issue=issue, root=root) if isinstance(mail, SMTPBackend) else None
    rate = conf("NEWSLETTER_RATE_PER_SECOND")
    interval = 1 / rate if rate else 0
    try:
        while True:
            batch = claim(send_id, conf("NEWSLETTER_BATCH_SIZE"))
            if not batch:
                count, next_due = remaining(send_id)
                if count == 0:
                    break
                wait = (
                    (next_due - timezone.now()).total_seconds()
                    if next_due
                    else lease().total_seconds()
                )
                if wait > max_wait:
                    return  # the task is enqueued again for later; see tasks.py
                time.sleep(max(0.05, min(wait, 1.0)))
                continue
            for delivery in batch:
                started = time.monotonic()
                data = raw.for_delivery(delivery) if raw else None
                try:
                    mail.open()  # a no-op while the connection stands; reconnects after a failure
                    if data is not None:
                        mail.connection.sendmail(raw.envelope_from, [delivery.email], sign(data))
                    else:
                        message = build_message(
                            rendered, issue=issue, delivery=delivery, root=root, connection=mail
                        )
                        mail.send_messages([message])
                except Exception as error:  # noqa: BLE001 - every failure is recorded per recipient
                    record(record_failure, delivery, error)
                    mail.close()  # a 4xx or a dropped line: start the next message afresh
                    continue
                record(record_accepted, delivery)
                if interval:
                    time.sleep(max(0.0, interval - (time.monotonic() - started)))
    finally:
        mail.close()
    with transaction.atomic():
        Send.objects.filter(pk=send_id, state=Send.State.SENDING).update(
            state=Send.State.DONE, finished_at=timezone.now()
        )
        Issue.objects.filter(pk=issue.pk).update(state=Issue.State.SENT, sent_at=timezone.now())
