"""One subscription per address whatever its case: merge case variants (0005 then puts the
constraint on Lower(email)); and the claim a worker holds while it mails a confirmation."""

from django.db import migrations, models
from django.db.models import Count
from django.db.models.functions import Lower

SUPPRESSIONS = ("complained", "bounced")


def _keeper(rows):
    """The subscription that speaks for the address. A bounce or complaint is never undone by
    a merge; between confirmed and unsubscribed, the reader's latest word counts; of pending
    ones, the oldest (its consent is the first recorded)."""
    suppressed = [row for row in rows if row.state in SUPPRESSIONS]
    if suppressed:
        return min(suppressed, key=lambda row: (SUPPRESSIONS.index(row.state), row.created_at))
    decided = [row for row in rows if row.state in ("active", "unsubscribed")]
    if decided:
        return max(
            decided,
            key=lambda row: max(
                when for when in (row.confirmed_at, row.unsubscribed_at, row.created_at) if when
            ),
        )
    return min(rows, key=lambda row: row.created_at)


def merge_case_variants(apps, schema_editor):
    Subscription = apps.get_model("newsletter", "Subscription")
    Delivery = apps.get_model("newsletter", "Delivery")
    lowered = Subscription.objects.annotate(address=Lower("email"))
    groups = lowered.values("newsletter_id", "address").annotate(n=Count("id")).filter(n__gt=1)
    for group in groups:
        rows = list(lowered.filter(newsletter_id=group["newsletter_id"], address=group["address"]))
        keeper = _keeper(rows)
        others = [row.pk for row in rows if row.pk != keeper.pk]
        # Delivery records stay, under the subscription that remains.
        Delivery.objects.filter(subscription_id__in=others).update(subscription_id=keeper.pk)
        Subscription.objects.filter(pk__in=others).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0003_issue_gathered_recently"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="subscription",
            name="one_subscription_per_address",
        ),
        migrations.AddField(
            model_name="subscription",
            name="confirmation_claimed_until",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        # The constraint follows in 0005: PostgreSQL builds no index on a table with pending
        # (deferred foreign key) checks from the rows moved here.
        migrations.RunPython(merge_case_variants, migrations.RunPython.noop, elidable=True),
    ]
