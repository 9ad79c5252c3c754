"""Bounces and complaints through django-anymail's tracking webhooks, with recorded payloads."""

import base64
from pathlib import Path

from django.test import TestCase

from masthead.newsletter.models import Subscription
from masthead.newsletter.tests.factories import make_newsletter

FILES = Path(__file__).parent / "files"
URL = "/anymail/postmark/tracking/"
AUTH = "Basic " + base64.b64encode(b"tracker:test-only-secret").decode()


class TrackingWebhookTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        newsletter = make_newsletter()
        for email in ["gone.away@example.com", "annoyed@example.com", "busy@example.com"]:
            Subscription.objects.create(newsletter=newsletter, email=email, state="active")

    def post(self, name, auth=AUTH):
        headers = {"HTTP_AUTHORIZATION": auth} if auth else {}
        return self.client.post(
            URL, (FILES / name).read_text(), content_type="application/json", **headers
        )

    def state(self, email):
        return Subscription.objects.get(email=email).state

    def test_hard_bounce_stops_mail_to_that_address(self):
        self.assertEqual(self.post("postmark_hard_bounce.json").status_code, 200)
        self.assertEqual(self.state("gone.away@example.com"), "bounced")
        self.assertEqual(self.state("annoyed@example.com"), "active")

    def test_complaint_suppresses_the_address(self):
        self.post("postmark_spam_complaint.json")
        self.assertEqual(self.state("annoyed@example.com"), "complained")

    def test_a_temporary_bounce_changes_nothing(self):
        self.post("postmark_soft_bounce.json")
        self.assertEqual(self.state("busy@example.com"), "active")

    def test_webhook_without_the_secret_is_refused_and_changes_nothing(self):
        for auth in [None, "Basic " + base64.b64encode(b"tracker:wrong").decode()]:
            self.assertEqual(self.post("postmark_hard_bounce.json", auth=auth).status_code, 400)
        self.assertEqual(self.state("gone.away@example.com"), "active")
