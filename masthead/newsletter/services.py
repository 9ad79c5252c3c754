"""Writes for the newsletter: subscribe, confirm, unsubscribe, draft a round-up, start a send."""

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from masthead.core.versioning import remember
from masthead.newsletter import limits, tokens
from masthead.newsletter.models import Delivery, Issue, IssueItem, Newsletter, Send, Subscription
from masthead.newsroom import queries

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


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def default_newsletter() -> Newsletter | None:
    # The sign-up box on every page asks; kept until the content version moves (signals.py).
    return remember("default-newsletter", Newsletter.objects.order_by("-is_default", "pk").first)


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


# A piece is gathered by the tick after it was published; this overlap catches one whose publish
# was still being committed when the previous tick looked.
GATHER_OVERLAP = timedelta(minutes=2)


def draft_roundup(
    *,
    newsletter: Newsletter,
    week_ending: date | None = None,
    now: datetime | None = None,
    keep_empty: bool = True,
) -> Issue | None:
    """The week's published pieces grouped by region, as a draft issue (made once per week).

    The week runs from the day after the previous send day to the end of the send day, or from
    where last week's issue stopped gathering when there is one: what it missed because it was
    scheduled or sent before its week was over opens this one, so every piece is in one
    round-up, and none in two.

    While the draft is neither scheduled nor sent, calling this again adds what was published
    since, each piece at the head of its region. What an editor removed or reordered stays
    as they left it: only pieces published after the last gathering are added. With
    `keep_empty` off, a new issue that would hold nothing is not made (None).
    """
    now = now or timezone.now()
    week_ending = week_ending or timezone.localdate(now)
    start = timezone.make_aware(datetime.combine(week_ending - timedelta(days=6), time.min))
    end = timezone.make_aware(datetime.combine(week_ending + timedelta(days=1), time.min))
    with transaction.atomic():
        issue, created = _issue_for_week(newsletter, week_ending, timezone.localdate(now))
        if issue.state != Issue.State.DRAFT or issue.scheduled_for is not None:
            return issue  # an editor has approved what it holds
        since, already = start, IssueItem.objects.filter(issue=issue)
        if not created and issue.gathered_until is not None:
            since = max(start, issue.gathered_until - GATHER_OVERLAP)
        else:
            # This one starts where last week's issue stopped looking: what that issue missed
            # (published after it was scheduled, or on its send day after it went out) opens
            # this one, and what it held is not repeated (the send day may have moved).
            previous = (
                Issue.objects.filter(
                    newsletter=newsletter,
                    week_of__gte=week_ending - timedelta(days=7),
                    week_of__lt=week_ending,
                    gathered_until__isnull=False,
                )
                .order_by("-week_of")
                .first()
            )
            if previous is not None:
                since = previous.gathered_until - GATHER_OVERLAP
                already = IssueItem.objects.filter(issue__in=[issue, previous])
        if since >= end:
            return issue
        seen = issue.gathered_recently
        fresh = list(
            queries.stories()
            .filter(first_published_at__gte=since, first_published_at__lt=end)
            .exclude(pk__in=already.values("article_id"))
            .exclude(pk__in=[int(pk) for pk in seen])
        )
        if created and not fresh and not keep_empty:
            issue.delete()
            return None
        # What the next tick will look at again: remember what this one gathered there.
        horizon = now - GATHER_OVERLAP
        recently = {
            pk: when for pk, when in seen.items() if datetime.fromisoformat(when) >= horizon
        }
        for article in fresh:
            if article.first_published_at >= horizon:
                recently[str(article.pk)] = article.first_published_at.isoformat()
        issue.gathered_until, issue.gathered_recently = now, recently
        if fresh:
            _insert_by_region(issue, fresh)
            # Saved, so that Wagtail indexes the issue's new references.
            issue.save(update_fields=["gathered_until", "gathered_recently"])
        else:  # most ticks: only the marks move, with no signal (and no reindexing task)
            Issue.objects.filter(pk=issue.pk).update(gathered_until=now, gathered_recently=recently)
    return issue


def _subject(newsletter: Newsletter, week_ending: date) -> str:
    return f"{newsletter.name}: the week to {week_ending:%-d %B %Y}"


def _issue_for_week(newsletter: Newsletter, week_ending: date, today: date) -> tuple[Issue, bool]:
    """The week's issue, locked against a concurrent tick or form save, and whether it is new.

    When editors moved the send day while the coming issue's draft was open, that draft, with
    what they wrote and chose, becomes the issue of the new day rather than being left behind
    beside a new one. (A draft whose day has passed is last week's, and stays as it is.)"""
    slug = f"{newsletter.slug}-{week_ending.isoformat()}"
    issues = Issue.objects.select_for_update().filter(newsletter=newsletter)
    issue = issues.filter(slug=slug).first()
    if issue is not None:
        return issue, False
    draft = (
        issues.filter(
            state=Issue.State.DRAFT,
            scheduled_for__isnull=True,
            gathered_until__isnull=False,  # the clock's own, not one an editor began by hand
            week_of__gte=today,
            week_of__lt=today + timedelta(days=7),
        )
        .order_by("week_of")
        .first()
    )
    if draft is not None:
        if draft.subject == _subject(newsletter, draft.week_of):  # not one an editor wrote
            draft.subject = _subject(newsletter, week_ending)
        draft.week_of, draft.slug = week_ending, slug
        draft.save(update_fields=["subject", "week_of", "slug"])
        return draft, False
    issue, created = Issue.objects.get_or_create(
        newsletter=newsletter,
        slug=slug,
        defaults={"subject": _subject(newsletter, week_ending), "week_of": week_ending},
    )
    if not created:  # another tick made it a moment ago
        issue = issues.get(pk=issue.pk)
    return issue, created


def _insert_by_region(issue: Issue, fresh: list) -> None:
    """Add the pieces to the issue, each at the head of its region's stories: newest on top.
    The stories already there keep their order, as an editor may have set it."""
    items = list(issue.items.select_related("article").order_by("sort_order"))
    newcomers = [IssueItem(issue=issue, article=article) for article in fresh]
    items = _place_by_region(items, newcomers)
    kept = [item for item in items if item.pk is not None]
    IssueItem.objects.bulk_create([item for item in items if item.pk is None])
    IssueItem.objects.bulk_update(kept, ["sort_order"])


def _place_by_region(items: list[IssueItem], newcomers: list[IssueItem]) -> list[IssueItem]:
    """`items` in their order, with each newcomer at the head of its region's stories (regions
    in the navigation's order; of several newcomers in one region, the newest first), each
    with its new `sort_order`."""
    order = {section.path: index for index, section in enumerate(queries.live_sections())}

    def rank(article):  # its region's place in the navigation
        return order.get(article.path[: -Page.steplen], len(order))

    items = list(items)
    for newcomer in sorted(
        newcomers, key=lambda i: (rank(i.article), i.article.first_published_at)
    ):
        position = next(
            (n for n, item in enumerate(items) if rank(item.article) >= rank(newcomer.article)),
            len(items),
        )
        items.insert(position, newcomer)
    for number, item in enumerate(items):
        item.sort_order = number
    return items


def keep_gathered_since_form(issue: Issue, shown: set[int]) -> None:
    """After an editor saved the issue's stories as their form showed them: place the stories
    the clock added while the form was open (items not in `shown`) at the head of their regions
    in the editor's new order, and drop any the editor had added themselves meanwhile."""
    with transaction.atomic():
        Issue.objects.select_for_update().filter(pk=issue.pk).first()  # waits for a tick
        items = list(issue.items.select_related("article").order_by("sort_order", "pk"))
        edited = [item for item in items if item.pk in shown]
        chosen = {item.article_id for item in edited}
        added = [item for item in items if item.pk not in shown]
        if not added:
            return
        IssueItem.objects.filter(pk__in=[i.pk for i in added if i.article_id in chosen]).delete()
        added = [item for item in added if item.article_id not in chosen]
        IssueItem.objects.bulk_update(_place_by_region(edited, added), ["sort_order"])


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
        audience = Subscription.objects.filter(newsletter=issue.newsletter, state=State.ACTIVE)
        batch = []
        for subscription_id, email in audience.values_list("pk", "email").iterator(chunk_size=5000):
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
