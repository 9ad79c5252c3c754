import re

from django.core import mail
from django.test import TestCase, override_settings

from masthead.newsletter import services, tokens
from masthead.newsletter.models import Subscription
from masthead.newsletter.tests.factories import make_newsletter
from masthead.newsletter.tests.smtp import SMTPServer
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
            for i in range(services.SIGNUPS_PER_ADDRESS_PER_HOUR):
                self.signup(f"r{i}@example.com")
            response = self.signup("one-too-many@example.com")
        self.assertContains(response, "Too many sign-ups", status_code=400)
        self.assertFalse(Subscription.objects.filter(email="one-too-many@example.com").exists())

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
