"""A worker process killed in the middle of a send, and started again."""

import os
import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import TransactionTestCase

from masthead.newsletter.models import Delivery, Issue, IssueItem, Send, Subscription
from masthead.newsletter.tests.factories import make_newsletter
from masthead.newsletter.tests.smtp import SMTPServer

ROOT = Path(__file__).resolve().parents[3]


class WorkerCrashTests(TransactionTestCase):
    def worker(self, smtp, send_id):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "masthead.settings.test",
            "EMAIL_BACKEND": "masthead.core.mail.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port),
            "NEWSLETTER_LEASE_SECONDS": "1",
            "NEWSLETTER_BATCH_SIZE": "20",
        }
        db = settings.DATABASES["default"]
        if connection.vendor == "sqlite":
            env["SQLITE_PATH"] = db["NAME"]
        else:
            host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
            env["DATABASE_URL"] = f"postgres://{db['USER']}@{host}/{db['NAME']}"
        return subprocess.Popen(
            [sys.executable, "manage.py", "newsletter_deliver", str(send_id)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )

    def test_a_killed_worker_is_resumed_without_mailing_anyone_twice(self):
        newsletter = make_newsletter()
        emails = [f"reader{i:03}@example.com" for i in range(120)]
        Subscription.objects.bulk_create(
            Subscription(newsletter=newsletter, email=e, state="active") for e in emails
        )
        Subscription.objects.create(
            newsletter=newsletter, email="left@example.com", state="unsubscribed"
        )
        issue = Issue.objects.create(newsletter=newsletter, subject="Week 1", slug="week-1")
        send = Send.objects.create(issue=issue, audience=len(emails))
        Delivery.objects.bulk_create(
            Delivery(send=send, subscription=s, email=s.email)
            for s in Subscription.objects.filter(state="active")
        )
        self.assertFalse(IssueItem.objects.exists())  # an empty issue still goes out
        with SMTPServer() as smtp:
            first = self.worker(smtp, send.pk)

            # Kill the worker with SIGKILL while the 50th message is in the server's hands,
            # before the server answers: the worker never learns whether it went through.
            def kill_at_fiftieth(count):
                if count == 50:
                    os.kill(first.pid, signal.SIGKILL)
                    return True  # the server never answers this one
                return False

            smtp.sink.on_data = kill_at_fiftieth
            first.wait(timeout=120)
            self.assertEqual(first.returncode, -signal.SIGKILL)
            self.assertGreater(Delivery.objects.filter(state="accepted").count(), 0)
            self.assertGreater(Delivery.objects.exclude(state="accepted").count(), 0)
            second = self.worker(smtp, send.pk)
            output = second.communicate(timeout=120)[0].decode()
            self.assertEqual(second.returncode, 0, output)
            received = smtp.sink.recipients()
        self.maxDiff = None
        self.assertEqual({e: n for e, n in received.items() if n != 1}, {})
        self.assertEqual(sorted(received), emails)
        self.assertEqual(Delivery.objects.filter(state="accepted").count(), len(emails))
        send.refresh_from_db()
        self.assertEqual(send.state, Send.State.DONE)
