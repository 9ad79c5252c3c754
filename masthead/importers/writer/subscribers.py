"""Newsletter readers from an export: added as they were, never mailed a confirmation again, and
never brought back once they had left (an import does not undo an unsubscribe here)."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from masthead.importers.models import ImportedObject
from masthead.importers.records import SourceSubscriber
from masthead.newsletter.models import Newsletter, Subscription

State = Subscription.State
STATES = {
    "active": State.ACTIVE,
    "unsubscribed": State.UNSUBSCRIBED,
    "bounced": State.BOUNCED,
    "complained": State.COMPLAINED,
}
GONE = {State.UNSUBSCRIBED, State.BOUNCED, State.COMPLAINED}


def write_subscribers(ctx, subscribers, newsletter: Newsletter | None) -> int:
    """Add or update each reader; returns how many were added or changed."""
    if newsletter is None:
        ctx.report.problem("the site has no newsletter, so its readers were not imported")
        return 0
    changed = 0
    now = timezone.now()
    for number, reader in enumerate(subscribers, start=1):
        reader: SourceSubscriber
        email = reader.email.strip()
        where = f"reader {number}"
        try:
            validate_email(email)
        except ValidationError:
            ctx.report.problem(f"“{email[:80]}” is not an email address; left out", where)
            ctx.report.counts["skipped"] += 1
            continue
        state = STATES.get(reader.state)
        if state is None:
            ctx.report.problem(f"unknown state {reader.state!r}; left out", where)
            ctx.report.counts["skipped"] += 1
            continue
        if ctx.dry_run:
            changed += 1
            continue
        existing = Subscription.objects.filter(newsletter=newsletter, email__iexact=email).first()
        if existing is None:
            existing = Subscription.objects.create(
                newsletter=newsletter,
                email=email,
                state=state,
                created_at=reader.subscribed_at or now,
                confirmed_at=(reader.subscribed_at or now) if state == State.ACTIVE else None,
                unsubscribed_at=now if state in GONE else None,
                consent_source=(reader.consent_source or f"imported from {ctx.source}")[:300],
            )
            changed += 1
        elif state in GONE and existing.state not in GONE:
            existing.state, existing.unsubscribed_at = state, now  # leaving is kept
            existing.save(update_fields=["state", "unsubscribed_at"])
            changed += 1
        ctx.remember(ImportedObject.SUBSCRIBER, email.lower(), existing.pk)
    return changed


def import_readers(ctx) -> None:
    readers = ctx.source.subscribers()
    first = next(readers, None)
    if first is None:
        return
    newsletter = Newsletter.objects.filter(is_default=True).first() or Newsletter.objects.first()

    def chained():
        yield first
        yield from readers

    with transaction.atomic():
        ctx.report.changes["readers"] = write_subscribers(ctx, chained(), newsletter)
