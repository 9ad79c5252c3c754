"""The clock: scheduled pages go live and expire; one tick at a time; a failing job is not fatal."""

from datetime import timedelta
from io import StringIO
from unittest import mock

from django.core.cache import cache
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from wagtail import hooks

from masthead.core import clock
from masthead.newsroom.models import ArticlePage
from masthead.newsroom.tests import factories as f


class ClockTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = f.make_home()
        cls.europe = f.make_section(home)
        cls.analysis = f.make_type()
        cls.author = f.make_author()
        cls.photo = f.make_image()

    def setUp(self):
        cache.clear()

    def article(self, **fields):
        return f.make_article(
            self.europe,
            article_type=self.analysis,
            authors=[self.author],
            hero_image=self.photo,
            **fields,
        )

    def test_a_scheduled_edit_goes_live_and_an_expired_page_comes_down(self):
        edited = self.article(title="Before the desk")
        edited.save_revision().publish()  # live from a revision, as the admin leaves a page
        edited.refresh_from_db()
        edited.title = "After the desk"
        edited.go_live_at = timezone.now() + timedelta(minutes=5)
        edited.save_revision().publish()
        expiring = self.article(title="Gone soon")
        ArticlePage.objects.filter(pk=expiring.pk).update(
            expire_at=timezone.now() - timedelta(seconds=1)
        )

        clock.tick()  # not due yet
        self.assertEqual(ArticlePage.objects.get(pk=edited.pk).title, "Before the desk")
        self.assertFalse(ArticlePage.objects.get(pk=expiring.pk).live)

        later = timezone.now() + timedelta(minutes=6)
        with mock.patch("django.utils.timezone.now", return_value=later):
            clock.tick()
        self.assertEqual(ArticlePage.objects.get(pk=edited.pk).title, "After the desk")
        self.assertEqual(self.client.get(edited.url).status_code, 200)
        self.assertContains(self.client.get(edited.url), "After the desk")

    def test_a_failing_job_is_logged_and_the_others_still_run(self):
        ran = []

        def broken():
            raise RuntimeError("mail server on fire")

        def fine():
            ran.append(True)
            return ["fine ran"]

        with hooks.register_temporarily(clock.CLOCK_HOOK, broken):
            with hooks.register_temporarily(clock.CLOCK_HOOK, fine):
                with self.assertLogs("masthead.core.clock", "ERROR"):
                    lines = clock.tick()
        self.assertEqual(ran, [True])
        self.assertIn("fine ran", lines)
        self.assertTrue(any("broken" in line and "failed" in line for line in lines))

    def test_a_second_clock_skips_while_a_tick_runs(self):
        calls = []

        def job():
            calls.append(clock.tick())  # a second clock, started while this tick runs
            return []

        with hooks.register_temporarily(clock.CLOCK_HOOK, job):
            clock.tick()
        self.assertEqual(calls, [["Another clock is ticking; skipped."]])
        self.assertIsNone(cache.get(clock.LOCK_KEY), "the lock is let go after the tick")

    def test_the_clock_drafts_the_weekly_round_up(self):
        from masthead.newsletter.models import Issue
        from masthead.newsletter.tests.factories import make_newsletter

        make_newsletter()
        piece = self.article(title="A piece for the round-up")
        clock.tick()
        issue = Issue.objects.get()
        self.assertIn(piece.pk, [item.article_id for item in issue.items.all()])

    def test_the_command_prints_what_its_jobs_did(self):
        def job():
            return ["drafted the round-up"]

        out = StringIO()
        with hooks.register_temporarily(clock.CLOCK_HOOK, job):
            call_command("clock", stdout=out)
        self.assertIn("drafted the round-up", out.getvalue())
