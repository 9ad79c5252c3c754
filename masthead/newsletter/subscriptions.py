"""Readers' subscriptions: sign up, confirm, unsubscribe, import and forget, and the bounces and
complaints a provider reports, which stop the mail to an address."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from masthead.core.mail import new_message_id
from masthead.newsletter import limits, tokens
from masthead.newsletter.models import Delivery, Newsletter, Subscription
from masthead.newsletter.site import base_url

logger = logging.getLogger(__name__)

CONFIRMATION_INTERVAL = timedelta(hours=1)  # at most one confirmation email per address per hour
State = Subscription.State


class SubscribeError(Exception):
    """Something the reader must be told; nothing was changed."""


class TooManySignups(SubscribeError):
    """A sign-up limit was reached; the reader may try again after `retry_after` seconds."""

    def __init__(self, message: str, *, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


def normalise_email(email: str) -> str:
    """The address as typed, trimmed, with its domain in lower case; subscriptions match it
    case-insensitively (`email__iexact`), as mail providers treat it."""
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise SubscribeError("Enter a valid email address, like name@example.com.") from None
    local, _, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}"


def subscribe(*, email: str, newsletter: Newsletter, source: str = "", client: str = "") -> None:
    """Start double opt-in. Known and unknown addresses get the same outcome, so a caller
    learns nothing about who subscribes; a confirmation goes out at most once an hour, sent by
    the task worker, so the reader's answer never waits on the mail server."""
    from masthead.newsletter.tasks import send_confirmation_task

    email = normalise_email(email)
    if wait := limits.client_wait(client):
        raise TooManySignups(
            "Too many sign-ups from your connection. Please try again in an hour.",
            retry_after=wait,
        )
    if wait := limits.global_wait():
        raise TooManySignups(
            "Too many sign-ups right now. Please try again in a few minutes.", retry_after=wait
        )
    now = timezone.now()
    with transaction.atomic():
        # One subscription per address whatever its case (the constraint on Lower(email)).
        subscription, created = Subscription.objects.select_for_update().get_or_create(
            newsletter=newsletter,
            email__iexact=email,
            defaults={"email": email, "consent_source": source[:300], "state": State.PENDING},
        )
        if subscription.state == State.ACTIVE:
            return
        sent = subscription.confirmation_sent_at
        if sent and now - sent < CONFIRMATION_INTERVAL:
            return
        claimed = subscription.confirmation_claimed_until
        if claimed and claimed > now:
            return  # a worker is handing the confirmation to the mail server right now
        if not created:
            subscription.consent_source = source[:300] or subscription.consent_source
        subscription.new_nonce()
        subscription.save()
        pk = subscription.pk
        transaction.on_commit(lambda: send_confirmation_task.enqueue(pk))


def _claim_seconds() -> float:
    # Long enough for one SMTP conversation of a few commands, each allowed EMAIL_TIMEOUT.
    return max(60.0, 10 * float(settings.EMAIL_TIMEOUT or 60))


def send_confirmation(*, subscription_id: int) -> bool:
    """Mail the confirmation of a subscription that waits for one; False if there is none to
    send (confirmed, sent within the hour, or in another worker's hands). It is recorded as
    sent only once the mail server accepted it: a failure raises and leaves it unsent, so the
    task's retry, or the reader signing up again, sends it."""
    now = timezone.now()
    due = (
        Subscription.objects.filter(pk=subscription_id)
        .exclude(state=State.ACTIVE)
        .exclude(confirm_nonce="")
        .filter(
            Q(confirmation_sent_at__isnull=True)
            | Q(confirmation_sent_at__lte=now - CONFIRMATION_INTERVAL)
        )
        .filter(Q(confirmation_claimed_until__isnull=True) | Q(confirmation_claimed_until__lte=now))
    )
    # Claimed in one statement, so two workers running the task at once send one mail.
    if not due.update(confirmation_claimed_until=now + timedelta(seconds=_claim_seconds())):
        return False
    mine = Subscription.objects.filter(pk=subscription_id)
    try:
        _mail_confirmation(mine.select_related("newsletter").get())
    except BaseException:
        mine.update(confirmation_claimed_until=None)
        raise
    mine.update(confirmation_sent_at=timezone.now(), confirmation_claimed_until=None)
    return True


def _mail_confirmation(subscription: Subscription) -> None:
    newsletter = subscription.newsletter
    url = base_url() + reverse(
        "newsletter:confirm", kwargs={"token": tokens.confirmation_token(subscription)}
    )
    context = {"newsletter": newsletter, "confirm_url": url, "subscription": subscription}
    message = EmailMultiAlternatives(
        subject=f"Confirm your subscription to {newsletter.name}",
        body=render_to_string("newsletter/email/confirm.txt", context),
        from_email=newsletter.from_header,
        to=[subscription.email],
        reply_to=[newsletter.reply_to] if newsletter.reply_to else None,
        headers={"Message-ID": new_message_id()},
    )
    message.attach_alternative(
        render_to_string("newsletter/email/confirm.html", context), "text/html"
    )
    message.send()


def confirm(*, token: str) -> Subscription | None:
    """Activate the subscription a valid, unexpired, unused token names; None otherwise."""
    parsed = tokens.read_confirmation_token(token)
    if parsed is None:
        return None
    pk, nonce = parsed
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(pk=pk).first()
        if subscription is None or not nonce or subscription.confirm_nonce != nonce:
            return None
        subscription.state = State.ACTIVE
        subscription.confirmed_at = timezone.now()
        subscription.unsubscribed_at = None
        subscription.confirm_nonce = ""  # single use
        subscription.save()
    return subscription


def unsubscribe(*, token: str) -> Subscription | None:
    pk = tokens.read_unsubscribe_token(token)
    if pk is None:
        return None
    subscription = Subscription.objects.filter(pk=pk).first()
    if subscription is None:
        return None
    if subscription.state in (State.ACTIVE, State.PENDING):
        Subscription.objects.filter(pk=pk).update(
            state=State.UNSUBSCRIBED, unsubscribed_at=timezone.now(), confirm_nonce=""
        )
    return subscription


SUPPRESSING_EVENTS = {"bounced": State.BOUNCED, "complained": State.COMPLAINED}


def record_tracking_event(*, event_type: str, recipient: str, reject_reason: str | None) -> int:
    """A provider reported a hard bounce or a complaint: stop mailing that address."""
    if event_type == "bounced" and reject_reason not in (None, "bounced"):
        return 0
    state = SUPPRESSING_EVENTS.get(event_type)
    if state is None or not recipient:
        return 0
    email = recipient.strip()
    changed = (
        Subscription.objects.filter(email__iexact=email).exclude(state=state).update(state=state)
    )
    Delivery.objects.filter(email__iexact=email, state=Delivery.State.ACCEPTED).update(
        state=Delivery.State.BOUNCED if state == State.BOUNCED else Delivery.State.ACCEPTED,
        last_error=f"{event_type} reported by the provider",
    )
    logger.info("tracking: %s for a subscriber, %s subscription(s) suppressed", event_type, changed)
    return changed


@dataclass(frozen=True)
class ImportReport:
    added: int
    already: int
    errors: list[tuple[int, str]]  # (line number, what was wrong)


def import_subscribers(*, newsletter: Newsletter, lines) -> ImportReport:
    """Add confirmed readers from a CSV (first column the address; a header row is allowed).

    Good rows are kept and bad ones reported with their line numbers; an address that is
    unsubscribed, bounced or complained is never reactivated by an import.
    """
    import csv

    added = already = 0
    errors: list[tuple[int, str]] = []
    seen: set[str] = set()
    for number, row in enumerate(csv.reader(lines), start=1):
        cell = (row[0] if row else "").strip()
        if number == 1 and "@" not in cell:
            continue  # a header row
        if not cell:
            errors.append((number, "no email address"))
            continue
        try:
            email = normalise_email(cell)
        except SubscribeError:
            errors.append((number, f"“{cell[:80]}” is not a valid email address"))
            continue
        if email.lower() in seen:
            errors.append((number, f"{email} appears twice in the file"))
            continue
        seen.add(email.lower())
        existing = Subscription.objects.filter(newsletter=newsletter, email__iexact=email).first()
        if existing:
            already += 1
            continue
        Subscription.objects.create(
            newsletter=newsletter,
            email=email,
            state=State.ACTIVE,
            confirmed_at=timezone.now(),
            consent_source="imported",
        )
        added += 1
    return ImportReport(added=added, already=already, errors=errors)


def forget_reader(*, email: str) -> int:
    """Delete everything held about one address: subscriptions and their delivery records."""
    subscriptions = Subscription.objects.filter(email__iexact=email.strip())
    count = subscriptions.count()
    Delivery.objects.filter(email__iexact=email.strip()).delete()
    subscriptions.delete()
    return count
