import re
import time
from datetime import timedelta
from unittest import mock

from django.core import mail
from django.db import IntegrityError, transaction
from django.test import TestCase, override_settings
from django.utils import timezone
from django_tasks import task_backends

from masthead.newsletter import limits, tokens
from masthead.newsletter.models import Subscription
from masthead.newsletter.subscriptions import import_subscribers
from masthead.newsletter.tests.factories import make_newsletter
from masthead.newsletter.tests.smtp import HungSMTPServer, SMTPServer, free_port, smtp_settings
from masthead.newsroom.tests import factories as f

S = Subscription.State


def confirm_path(message_body: str) -> str:
    return re.search(r"http://[^/\s]+(/newsletter/confirm/[^\s]+/)", message_body).group(1)


class SubscribeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        f.make_home()
        cls.newsletter = make_newsletter()

    def signup(self, email, **extra):
        data = {"email": email, "website": "", "source": "/europe/some-piece/", **extra}
        return self.client.post("/newsletter/", data, REMOTE_ADDR=extra.pop("ip", "10.1.1.1"))

    def test_double_opt_in_over_real_smtp(self):
        with SMTPServer() as smtp, override_settings(**smtp.settings()):
            with self.captureOnCommitCallbacks(execute=True):
                response = self.signup("Reader@Example.COM")
            self.assertRedirects(response, "/newsletter/check-your-email/")
            [message] = smtp.sink.to("Reader@example.com")
        self.assertEqual(message["Subject"], "Confirm your subscription to The weekly round-up")
        self.assertEqual(message["From"], "The Test Review <newsletter@news.example>")
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        self.assertIn("48 hours", text)
        path = confirm_path(text)
        self.assertIn(path, html)
        subscription = Subscription.objects.get()
        self.assertEqual(
            (subscription.state, subscription.consent_source), (S.PENDING, "/europe/some-piece/")
        )
        # A link scanner's GET changes nothing; the button's POST confirms.
        self.assertContains(self.client.get(path), "Confirm my subscription")
        subscription.refresh_from_db()
        self.assertEqual(subscription.state, S.PENDING)
        self.assertContains(self.client.post(path), "You are subscribed")
        subscription.refresh_from_db()
        self.assertEqual(subscription.state, S.ACTIVE)
        self.assertIsNotNone(subscription.confirmed_at)
        # Single use.
        self.assertContains(self.client.post(path), "This link does not work", status_code=400)

    def test_same_answer_for_known_and_unknown_addresses(self):
        with self.captureOnCommitCallbacks(execute=True):
            first = self.signup("known@example.com")
        Subscription.objects.filter(email="known@example.com").update(state=S.ACTIVE)
        with self.captureOnCommitCallbacks(execute=True):
            again = self.signup("known@example.com")
            fresh = self.signup("new@example.com")
        self.assertEqual(first.status_code, again.status_code)
        self.assertEqual(again["Location"], fresh["Location"])
        self.assertEqual([m.to for m in mail.outbox], [["known@example.com"], ["new@example.com"]])

    def test_at_most_one_confirmation_per_address_per_hour(self):
        with self.captureOnCommitCallbacks(execute=True):
            for _ in range(3):
                self.signup("eager@example.com")
        self.assertEqual(len(mail.outbox), 1)

    def test_malformed_address_is_named_next_to_the_field(self):
        for bad in ["not-an-email", "a@b", "x" * 300 + "@example.com", "<script>@x.org", ""]:
            response = self.signup(bad)
            self.assertEqual(response.status_code, 400, bad)
            self.assertContains(response, 'id="signup-email-error"', status_code=400)
        self.assertFalse(Subscription.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_honeypot_subscribes_nobody(self):
        response = self.signup("bot@example.com", website="http://spam.example")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Subscription.objects.exists())

    def test_signups_from_one_client_are_limited(self):
        with self.captureOnCommitCallbacks(execute=True):
            for i in range(limits.SIGNUPS_PER_CLIENT_PER_HOUR):
                self.signup(f"r{i}@example.com")
            response = self.signup("one-too-many@example.com")
        self.assertContains(response, "Too many sign-ups from your connection", status_code=429)
        self.assertEqual(response["Retry-After"], "3600")
        self.assertFalse(Subscription.objects.filter(email="one-too-many@example.com").exists())

    def test_case_variants_of_one_address_are_one_subscription_and_one_mail(self):
        with self.captureOnCommitCallbacks(execute=True):
            for number, variant in enumerate(
                ["victim@example.com", "VICTIM@example.com", "Victim@Example.COM"]
            ):
                response = self.signup(variant, ip=f"10.9.9.{number}")
                self.assertRedirects(response, "/newsletter/check-your-email/")
        self.assertEqual(
            list(Subscription.objects.values_list("email", flat=True)), ["victim@example.com"]
        )
        self.assertEqual([m.to for m in mail.outbox], [["victim@example.com"]])
        # Confirmed, the address in another case is still known: no second confirmation.
        Subscription.objects.update(state=S.ACTIVE)
        with self.captureOnCommitCallbacks(execute=True):
            self.signup("VICTIM@EXAMPLE.COM", ip="10.9.9.9")
        self.assertEqual(len(mail.outbox), 1)

    def test_the_database_keeps_one_subscription_per_address_whatever_its_case(self):
        Subscription.objects.create(newsletter=self.newsletter, email="reader@example.com")
        with self.assertRaises(IntegrityError), transaction.atomic():
            Subscription.objects.create(newsletter=self.newsletter, email="Reader@example.com")

    def test_the_import_matches_addresses_whatever_their_case(self):
        Subscription.objects.create(newsletter=self.newsletter, email="reader@example.com")
        report = import_subscribers(
            newsletter=self.newsletter,
            lines=["email", "READER@example.com", "New@example.com", "new@EXAMPLE.com"],
        )
        self.assertEqual((report.added, report.already), (1, 1))
        self.assertEqual([line for line, _ in report.errors], [4])
        self.assertEqual(Subscription.objects.count(), 2)

    def test_forged_expired_and_altered_tokens_change_nothing(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.signup("victim@example.com")
        subscription = Subscription.objects.get()
        good = tokens.confirmation_token(subscription)
        for token in [good[:-2] + "xx", "1:abc:def", "garbage"]:
            self.assertEqual(self.client.post(f"/newsletter/confirm/{token}/").status_code, 400)
        with override_settings(SECRET_KEY="another-key-entirely"):
            forged = tokens.confirmation_token(subscription)
        self.assertEqual(self.client.post(f"/newsletter/confirm/{forged}/").status_code, 400)
        subscription.refresh_from_db()
        self.assertEqual(subscription.state, S.PENDING)


FLOOD_CLOCK = 1_800_000_010.0  # ten seconds into a minute


@override_settings(NEWSLETTER_SIGNUPS_PER_MINUTE=60)  # the default in settings/base.py
class SignupFloodTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        f.make_home()
        make_newsletter()

    def flood(self, count: int, clients: int = 30) -> list:
        answers = []
        with self.captureOnCommitCallbacks(execute=True):
            for n in range(count):
                data = {"email": f"flood{n}@example.com", "website": ""}
                answers.append(
                    self.client.post("/newsletter/", data, REMOTE_ADDR=f"10.2.0.{n % clients}")
                )
        return answers

    def test_a_flood_from_many_addresses_meets_a_limit_for_all_readers_together(self):
        clock = mock.Mock(time=mock.Mock(return_value=FLOOD_CLOCK))
        with mock.patch.object(limits, "time", clock):
            answers = self.flood(90)  # 3 from each of 30 addresses, in one minute
        accepted = [a for a in answers if a.status_code == 302]
        refused = [a for a in answers if a.status_code != 302]
        self.assertEqual(len(accepted), 60)
        self.assertEqual({a.status_code for a in refused}, {429})
        self.assertEqual({a["Retry-After"] for a in refused}, {"50"})  # when the minute ends
        self.assertContains(
            refused[0],
            "Too many sign-ups right now. Please try again in a few minutes.",
            status_code=429,
        )
        # A refused sign-up changed nothing: no subscription, no mail.
        self.assertEqual(Subscription.objects.count(), 60)
        self.assertEqual(len(mail.outbox), 60)
        self.assertFalse(Subscription.objects.filter(email="flood89@example.com").exists())
        # The next minute takes sign-ups again.
        clock.time.return_value = FLOOD_CLOCK + 60
        with mock.patch.object(limits, "time", clock):
            with self.captureOnCommitCallbacks(execute=True):
                later = self.client.post(
                    "/newsletter/", {"email": "later@example.com"}, REMOTE_ADDR="10.3.0.1"
                )
        self.assertEqual(later.status_code, 302)

    @override_settings(NEWSLETTER_SIGNUPS_PER_MINUTE=0)
    def test_the_limit_can_be_switched_off(self):
        answers = self.flood(70, clients=10)
        self.assertEqual({a.status_code for a in answers}, {302})


QUEUE = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def queued_confirmations() -> list:
    return [r for r in task_backends["default"].results if r.task.name == "send_confirmation_task"]


def run_worker() -> list:
    """Run every queued task as the task worker would once its time has come; the
    confirmations that ran."""
    backend = task_backends["default"]
    queued, confirmations = list(backend.results), queued_confirmations()
    backend.clear()
    for result in queued:
        try:
            result.task.call(*result.args, **result.kwargs)
        except Exception:  # the worker records the failure; the task queued its own retry
            pass
    return confirmations


@override_settings(TASKS=QUEUE)  # a queue that waits for run_worker(), as the real one does
class ConfirmationMailTests(TestCase):
    """The confirmation leaves through the task worker, whatever the mail server does."""

    @classmethod
    def setUpTestData(cls):
        f.make_home()
        make_newsletter()

    def setUp(self):
        task_backends["default"].clear()

    def signup(self, email="reader@example.com"):
        start = time.monotonic()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post("/newsletter/", {"email": email, "website": ""})
        self.assertRedirects(response, "/newsletter/check-your-email/")
        return time.monotonic() - start

    def subscription(self) -> Subscription:
        return Subscription.objects.get()

    def test_the_reader_does_not_wait_for_a_hung_mail_server_and_a_retry_sends(self):
        with HungSMTPServer() as hung, override_settings(**hung.settings(timeout=2)):
            self.assertLess(self.signup(), 1.5)  # with the mail in the request: 2 s, then a 500
            start = time.monotonic()
            [attempt] = run_worker()
            self.assertLess(time.monotonic() - start, 15)  # EMAIL_TIMEOUT ended the wait
        self.assertEqual(attempt.args, [self.subscription().pk])
        self.assertIsNone(self.subscription().confirmation_sent_at)  # not sent: not recorded
        [retry] = queued_confirmations()
        self.assertEqual(retry.args, [self.subscription().pk, 2])
        self.assertGreater(retry.task.run_after, timezone.now() + timedelta(seconds=20))
        with SMTPServer() as smtp, override_settings(**smtp.settings()):
            run_worker()  # the retry, when its time has come
            [message] = smtp.sink.to("reader@example.com")
        self.assertIsNotNone(self.subscription().confirmation_sent_at)
        path = confirm_path(message.get_body(("plain",)).get_content())
        self.assertContains(self.client.post(path), "You are subscribed")

    def test_with_the_mail_server_down_signing_up_again_sends_at_once(self):
        with override_settings(**smtp_settings(free_port())):  # nothing listens: refused
            self.assertLess(self.signup(), 1.5)
            run_worker()
        self.assertIsNone(self.subscription().confirmation_sent_at)
        with SMTPServer() as smtp, override_settings(**smtp.settings()):
            self.signup()  # a minute later, not an hour: the failed one was never "sent"
            ran = run_worker()  # the new sign-up's task and the failed one's retry
            self.assertEqual(len(ran), 2)
            received = smtp.sink.recipients()
        self.assertEqual(received, {"reader@example.com": 1})
        self.assertIsNotNone(self.subscription().confirmation_sent_at)

    def test_the_confirmation_task_is_safe_to_run_twice(self):
        self.signup()
        [queued] = queued_confirmations()
        for _ in range(2):
            queued.task.call(*queued.args)
        self.assertEqual(len(mail.outbox), 1)
        # A confirmation another worker is handing to the server is not sent again here.
        Subscription.objects.update(
            confirmation_sent_at=None,
            confirmation_claimed_until=timezone.now() + timedelta(seconds=60),
        )
        self.signup()
        queued.task.call(*queued.args)
        self.assertEqual(len(mail.outbox), 1)


class UnsubscribeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        f.make_home()
        cls.newsletter = make_newsletter()
        cls.subscription = Subscription.objects.create(
            newsletter=cls.newsletter, email="reader@example.com", state=S.ACTIVE
        )

    def test_one_click_post_without_cookie_or_csrf(self):
        client = self.client_class(enforce_csrf_checks=True)
        token = tokens.unsubscribe_token(self.subscription)
        response = client.post(
            f"/newsletter/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"}
        )
        self.assertEqual(response.status_code, 200)
        self.subscription.refresh_from_db()
        self.assertEqual(self.subscription.state, S.UNSUBSCRIBED)

    def test_link_opens_a_page_with_one_button(self):
        token = tokens.unsubscribe_token(self.subscription)
        self.assertContains(self.client.get(f"/newsletter/unsubscribe/{token}/"), "<button")
        self.subscription.refresh_from_db()
        self.assertEqual(self.subscription.state, S.ACTIVE)
        self.assertContains(
            self.client.post(f"/newsletter/unsubscribe/{token}/"), "You are unsubscribed"
        )

    def test_altered_token_changes_nothing_and_gets_the_same_answer(self):
        good = tokens.unsubscribe_token(self.subscription)
        bad = good[:-1] + ("A" if good[-1] != "A" else "B")
        answers = [
            self.client.post(f"/newsletter/unsubscribe/{t}/", {"List-Unsubscribe": "One-Click"})
            for t in (bad, "999:forged")
        ]
        self.assertEqual(
            {(a.status_code, a.content) for a in answers}, {(200, b"You are unsubscribed.")}
        )
        self.subscription.refresh_from_db()
        self.assertEqual(self.subscription.state, S.ACTIVE)
