"""Data migrations on existing subscribers."""

from datetime import UTC, datetime

from masthead.core.tests.database import MigrationTestCase
from masthead.newsletter.models import Delivery, Subscription

BEFORE = [("newsletter", "0003_issue_gathered_recently")]
AFTER = [("newsletter", "0005_subscription_one_per_address_any_case")]


def at(day: int) -> datetime:
    return datetime(2026, 1, day, tzinfo=UTC)


class MergeCaseVariantsTests(MigrationTestCase):
    def test_case_variants_of_one_address_become_one_subscription(self):
        apps = self.migrate(BEFORE)
        Newsletter = apps.get_model("newsletter", "Newsletter")
        Subscription_ = apps.get_model("newsletter", "Subscription")
        Issue = apps.get_model("newsletter", "Issue")
        Send = apps.get_model("newsletter", "Send")
        Delivery_ = apps.get_model("newsletter", "Delivery")
        weekly = Newsletter.objects.create(slug="weekly", sender_email="n@x.example")
        other = Newsletter.objects.create(slug="other", sender_email="n@x.example")

        def add(email, state, created, newsletter=weekly, **fields):
            return Subscription_.objects.create(
                newsletter=newsletter, email=email, state=state, created_at=at(created), **fields
            )

        # The reader confirmed as Reader@, then unsubscribed as READER@: their last word.
        add("reader@example.com", "pending", 1)
        confirmed = add("Reader@example.com", "active", 2, confirmed_at=at(3))
        add("READER@example.com", "unsubscribed", 4, unsubscribed_at=at(5))
        # A bounce is never undone by a merge, even by a later confirmation.
        add("gone@example.com", "bounced", 1)
        add("Gone@example.com", "active", 2, confirmed_at=at(9))
        # Two pending variants: the first consent recorded stays.
        add("new@example.com", "pending", 3, consent_source="/europe/")
        add("NEW@example.com", "pending", 1, consent_source="/asia/")
        # Another newsletter's subscription is its own.
        add("reader@example.com", "active", 1, newsletter=other)
        issue = Issue.objects.create(newsletter=weekly, subject="Week 1", slug="week-1")
        send = Send.objects.create(issue=issue)
        Delivery_.objects.create(send=send, subscription=confirmed, email=confirmed.email)

        self.migrate(AFTER)

        kept = {
            (s.newsletter.slug, s.email): (s.state, s.consent_source)
            for s in Subscription.objects.select_related("newsletter")
        }
        self.assertEqual(
            kept,
            {
                ("weekly", "READER@example.com"): ("unsubscribed", ""),
                ("weekly", "gone@example.com"): ("bounced", ""),
                ("weekly", "NEW@example.com"): ("pending", "/asia/"),
                ("other", "reader@example.com"): ("active", ""),
            },
        )
        # The delivery record stays, under the subscription that remains.
        [delivery] = Delivery.objects.all()
        self.assertEqual(delivery.subscription.email, "READER@example.com")
