"""A sign-up flood aimed at one reader: 1,000 sign-ups for the victim's address, each in its own
mix of upper and lower case, from 400 clients (half straight in, half through our proxy with a
made-up address to the left in X-Forwarded-For), spread over two hours so that no client and no
minute meets a limit. The task worker sends confirmations as it catches up, through a real SMTP
server: the victim receives one mail in each hour, and every sign-up got the same answer.
"""

import random
from datetime import UTC, datetime
from unittest import mock

from django.test import TestCase, override_settings
from django.utils import timezone
from django_tasks import task_backends

from masthead.newsletter import limits
from masthead.newsletter.models import Subscription
from masthead.newsletter.tests.factories import make_newsletter
from masthead.newsletter.tests.smtp import SMTPServer
from masthead.newsletter.tests.test_subscribe import QUEUE, run_worker
from masthead.newsroom.tests import factories as f

VICTIM = "victim.reader@example.com"
SIGNUPS = 1_000
SECONDS = 2 * 3600  # the flood lasts two hours
WORKER_EVERY = 25  # sign-ups between two runs of the task worker (three minutes)
START = 1_900_000_000.0


def mixed_case(address: str, rng: random.Random) -> str:
    return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in address)


class Clock:
    """One clock for the limits (time.time) and for the confirmations (timezone.now)."""

    def __init__(self, now: float):
        self.now = now

    def __enter__(self):
        self.patches = [
            mock.patch.object(limits, "time", mock.Mock(time=lambda: self.now)),
            mock.patch.object(timezone, "now", lambda: datetime.fromtimestamp(self.now, UTC)),
        ]
        for patch in self.patches:
            patch.start()
        return self

    def __exit__(self, *exc):
        for patch in reversed(self.patches):
            patch.stop()


@override_settings(
    TASKS=QUEUE,  # a queue that waits for run_worker(), as the real one does
    TRUSTED_PROXIES=["10.0.0.0/24"],
    NEWSLETTER_SIGNUPS_PER_MINUTE=60,  # the default in settings/base.py
)
class SignupFloodAttackTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        f.make_home()
        make_newsletter()

    def setUp(self):
        task_backends["default"].clear()

    def signup(self, n: int, rng: random.Random):
        data = {"email": mixed_case(VICTIM, rng), "website": ""}
        if n % 2:  # through our proxy, which appends the client's address
            forged = f"198.18.{rng.randrange(256)}.{rng.randrange(256)}"
            client = f"203.0.113.{n % 200}"
            headers = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": f"{forged}, {client}"}
        else:
            headers = {"REMOTE_ADDR": f"198.51.100.{n % 200}"}
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post("/newsletter/", data, **headers)

    def test_a_thousand_signups_for_one_address_send_it_one_mail_an_hour(self):
        rng = random.Random(20_240_501)
        answers, arrivals = set(), []
        with SMTPServer() as smtp, override_settings(**smtp.settings()), Clock(START) as clock:
            for n in range(SIGNUPS):
                clock.now = START + n * SECONDS / SIGNUPS
                response = self.signup(n, rng)
                answers.add((response.status_code, response.get("Location")))
                if n % WORKER_EVERY == WORKER_EVERY - 1:
                    run_worker()
                    received = len(smtp.sink.messages)
                    arrivals += [clock.now] * (received - len(arrivals))
            received = [str(message["To"]).lower() for message in smtp.sink.messages]

        # Nobody was refused and nobody learnt anything: every sign-up got the same answer.
        self.assertEqual(answers, {(302, "/newsletter/check-your-email/")})
        self.assertEqual(Subscription.objects.count(), 1)
        # One mail in each hour the flood lasted, each an hour or more after the one before.
        self.assertEqual(received, [VICTIM, VICTIM])
        self.assertGreaterEqual(arrivals[1] - arrivals[0], 3600)
