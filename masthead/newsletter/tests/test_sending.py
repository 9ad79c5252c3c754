"""Sending an issue to a real SMTP server, with the faults real servers have."""

import re
from datetime import datetime, time, timedelta
from unittest import mock

import dkim
from django.core import mail
from django.db import InterfaceError, OperationalError
from django.db.models.signals import post_save
from django.test import TestCase, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from masthead.newsletter.models import Delivery, Issue, Send, Subscription
from masthead.newsletter.roundup import draft_roundup
from masthead.newsletter.sending import (
    next_send_date,
    resume_abandoned_sends,
    send_test,
    start_send,
    tick,
)
from masthead.newsletter.subscriptions import send_confirmation
from masthead.newsletter.tests.factories import make_newsletter
from masthead.newsletter.tests.smtp import SMTPServer, dkim_key_pair
from masthead.newsroom.models import ArticlePage, HomePage, SectionPage
from masthead.newsroom.tests import factories as f

S, D = Subscription.State, Delivery.State
# A valid global date and time string (HTML): seconds optional, at most three digits after them.
HTML_DATETIME = r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$"
FAST = {"NEWSLETTER_BACKOFF_SECONDS": [0.05], "NEWSLETTER_MAX_ATTEMPTS": 4}


WORKER_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # as the site runs


class SendingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = f.make_home()
        europe, africa = f.make_section(home, "Europe"), f.make_section(home, "Africa")
        analysis = f.make_type("Analysis")
        author = f.make_author("Ada Byron")
        photo = f.make_image("Harbour", agency="REUTERS", photographer="Jane Doe")
        cls.europe_piece = f.make_article(
            europe,
            title="Grain corridor reopens",
            article_type=analysis,
            authors=[author],
            hero_image=photo,
            age=timedelta(days=1),
        )
        cls.africa_piece = f.make_article(
            africa,
            title="Sahel juntas and their partners",
            article_type=analysis,
            authors=[author],
            age=timedelta(days=2),
        )
        cls.old_piece = f.make_article(
            europe,
            title="Last month's piece",
            article_type=analysis,
            authors=[author],
            age=timedelta(days=30),
        )
        cls.newsletter = make_newsletter()
        cls.active = [f"reader{i}@example.com" for i in range(12)]
        for email in cls.active:
            Subscription.objects.create(newsletter=cls.newsletter, email=email, state=S.ACTIVE)
        for email, state in [
            ("pending@example.com", S.PENDING),
            ("gone@example.com", S.UNSUBSCRIBED),
            ("bounced@example.com", S.BOUNCED),
        ]:
            Subscription.objects.create(newsletter=cls.newsletter, email=email, state=state)

    def roundup(self):
        return draft_roundup(newsletter=self.newsletter, week_ending=timezone.localdate())

    def send(self, smtp, issue=None):
        issue = issue or self.roundup()
        with (
            override_settings(**smtp.settings(), **FAST),
            self.captureOnCommitCallbacks(execute=True),
        ):
            start_send(issue=issue)
        return Send.objects.get(issue=issue)

    def assert_each_active_reader_got_one(self, smtp, except_for=()):
        received = smtp.sink.recipients()
        expected = {email: 1 for email in self.active if email not in except_for}
        self.assertEqual(dict(received), expected)

    def test_roundup_is_drafted_from_the_week_grouped_by_region(self):
        issue = self.roundup()
        self.assertEqual(issue.state, Issue.State.DRAFT)
        titles = [item.article.title for item in issue.items.order_by("sort_order")]
        self.assertEqual(titles, ["Grain corridor reopens", "Sahel juntas and their partners"])
        self.assertEqual(self.roundup().pk, issue.pk)  # drafted once per week

    def test_every_active_reader_gets_exactly_one_message_with_the_right_headers(self):
        with SMTPServer() as smtp:
            send = self.send(smtp)
            self.assert_each_active_reader_got_one(smtp)
            message = smtp.sink.to("reader0@example.com")[0]
        issue = send.issue
        issue.refresh_from_db()
        self.assertEqual(issue.state, Issue.State.SENT)
        self.assertEqual(set(send.deliveries.values_list("state", flat=True)), {D.ACCEPTED})
        self.assertEqual(send.audience, 12)
        subscription = Subscription.objects.get(email="reader0@example.com")
        self.assertEqual(
            message["Message-ID"], f"<issue-{issue.pk}.subscriber-{subscription.pk}@127.0.0.1>"
        )
        self.assertEqual(message["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        https, mailto = [part.strip(" <>") for part in message["List-Unsubscribe"].split(",")]
        self.assertIn("/newsletter/unsubscribe/", https)
        self.assertTrue(mailto.startswith("mailto:letters@news.example?subject=unsubscribe"))
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        for part in (text, html):
            self.assertIn("Grain corridor reopens", part)
            self.assertIn("REUTERS/Jane Doe", part)
            self.assertIn("1 Example Street, Exampletown", part)
            self.assertIn(https, part)
            self.assertNotIn("Last month's piece", part)
        self.assertLess(html.index(">Europe<"), html.index(">Africa<"))  # regions in menu order
        self.assertIn("Keep reading", html)
        # Every link to a story names the issue, the same in every copy: the site counts the
        # readers an issue brings without telling one reader from another.
        story = f"http://127.0.0.1:8000{self.europe_piece.url}?ref=newsletter-{issue.pk}"
        self.assertIn(f'href="{story}"', html)
        self.assertIn(story, text)
        other = smtp.sink.to("reader5@example.com")[0].get_body(("html",)).get_content()
        self.assertIn(f'href="{story}"', other)

    def test_a_sent_issue_is_archived_on_the_newsletter_page(self):
        issue = self.roundup()
        draft_url = issue.get_absolute_url()
        self.assertEqual(self.client.get(draft_url).status_code, 404)  # not before it is sent
        with SMTPServer() as smtp:
            self.send(smtp, issue)
        page = self.client.get("/newsletter/")
        self.assertContains(page, f'<a href="{draft_url}">{issue.subject}</a>')
        issue.refresh_from_db()
        self.assertTrue(issue.sent_at.microsecond)  # the send's own moment, to the microsecond
        archived = self.client.get(draft_url)
        for html in (page.content.decode(), archived.content.decode()):
            stamps = re.findall(r'<time datetime="([^"]*)"', html)
            self.assertTrue(stamps)
            for stamp in stamps:  # HTML allows at most three digits of a second
                self.assertRegex(stamp, HTML_DATETIME)
        self.assertContains(archived, issue.subject)
        self.assertContains(archived, "Grain corridor reopens")
        self.assertContains(archived, "REUTERS/Jane Doe")

    def test_every_message_names_the_sites_domain_and_carries_a_dkim_signature(self):
        key, public = dkim_key_pair(self)
        signing = {"DKIM_DOMAIN": "news.example.org", "DKIM_SELECTOR": "mail",
                   "DKIM_PRIVATE_KEY_FILE": str(key)}  # fmt: skip
        reader = Subscription(newsletter=self.newsletter, email="new@example.com")
        reader.new_nonce()  # signed up, waiting for the confirmation
        reader.save()
        site = {"WAGTAILADMIN_BASE_URL": "https://news.example.org", **signing}
        with SMTPServer() as smtp, override_settings(**site):
            self.send(smtp)  # the issue: its bytes built once and swapped per reader
            with override_settings(**smtp.settings()):
                send_test(issue=Issue.objects.get(), email="editor@example.com")
                send_confirmation(subscription_id=reader.pk)
                mail.send_mail("Plain", "A message with nothing of its own.", None, ["x@y.org"])
            received = list(zip(smtp.sink.messages, smtp.sink.raw, strict=True))
        self.assertEqual(len(received), 12 + 3)
        records = {b"mail._domainkey.news.example.org.": public}

        def dns(name, timeout=5):  # the TXT record an outlet publishes
            return records.get(name)

        kinds = set()
        for message, raw in received:
            self.assertRegex(message["Message-ID"], r"^<[^@>]+@news\.example\.org>$")
            self.assertTrue(dkim.verify(raw, dnsfunc=dns))
            kinds.add(message["Subject"].split()[0])
            tampered = raw.replace(b"Subject: ", b"Subject: Re: ", 1)
            self.assertFalse(dkim.verify(tampered, dnsfunc=dns))
        self.assertEqual(kinds, {"[Test]", "Confirm", "Plain", self.roundup().subject.split()[0]})

    def test_a_second_send_does_nothing(self):
        with SMTPServer() as smtp:
            first = self.send(smtp)
            second = self.send(smtp, first.issue)
            self.assertEqual(first.pk, second.pk)
            self.assert_each_active_reader_got_one(smtp)

    def test_temporary_451_is_retried(self):
        with SMTPServer() as smtp:
            smtp.sink.tempfail_data = 3
            send = self.send(smtp)
            self.assert_each_active_reader_got_one(smtp)
        self.assertEqual(send.deliveries.filter(attempts=2).count(), 3)

    def test_permanent_550_fails_only_that_reader_with_the_reason(self):
        with SMTPServer() as smtp:
            smtp.sink.refuse["reader3@example.com"] = "550 5.1.1 No such user here"
            send = self.send(smtp)
            self.assert_each_active_reader_got_one(smtp, except_for=["reader3@example.com"])
        failed = send.deliveries.get(email="reader3@example.com")
        self.assertEqual(failed.state, D.FAILED)
        self.assertIn("550", failed.last_error)
        self.assertIn("No such user", failed.last_error)
        self.assertEqual(send.deliveries.filter(state=D.ACCEPTED).count(), 11)

    def test_a_dropped_connection_after_the_data_is_retried_once(self):
        with SMTPServer() as smtp:
            smtp.sink.drop_after_data = {"reader5@example.com", "reader9@example.com"}
            send = self.send(smtp)
            self.assert_each_active_reader_got_one(smtp)
        self.assertEqual(send.deliveries.get(email="reader5@example.com").attempts, 2)

    def test_a_server_that_keeps_failing_ends_in_failed_with_the_reason(self):
        with SMTPServer() as smtp:
            smtp.sink.tempfail_data = 10_000
            send = self.send(smtp)
            self.assertEqual(smtp.sink.recipients(), {})
        self.assertEqual(set(send.deliveries.values_list("state", flat=True)), {D.FAILED})
        self.assertIn("451", send.deliveries.first().last_error)

    def test_an_answer_the_database_cannot_take_is_held_until_it_is_back(self):
        from masthead.newsletter import sender

        real = sender.record_accepted
        outage = [OperationalError("server closed the connection"), InterfaceError("closed")]

        def flaky(delivery):
            if delivery.email == "reader4@example.com" and outage:
                raise outage.pop(0)
            real(delivery)

        with (
            SMTPServer() as smtp,
            mock.patch.object(sender, "record_accepted", flaky),
            mock.patch.object(sender, "db_connection") as connection,  # keep the test's own
        ):
            send = self.send(smtp)
            self.assert_each_active_reader_got_one(smtp)
        self.assertEqual(connection.close.call_count, 2)
        held = send.deliveries.get(email="reader4@example.com")
        self.assertEqual((held.state, held.attempts), (D.ACCEPTED, 1))

    def test_an_answer_is_not_held_past_its_claim(self):
        from masthead.newsletter import sender

        write = mock.Mock(side_effect=OperationalError("the database is away"))
        expired = Delivery(claimed_until=timezone.now() - timedelta(seconds=1))
        with self.assertRaises(OperationalError):
            sender.record(write, expired)
        write.assert_called_once_with(expired)


class ClockTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = f.make_home()
        europe = f.make_section(home, "Europe")
        kind = f.make_type("Analysis")
        cls.newsletter = make_newsletter()
        # Published earlier in the coming issue's week, however soon after the last send day
        # the tests run (five hours back, in the small hours after it, was last week's).
        now = timezone.now()
        send_day = next_send_date(cls.newsletter, timezone.localdate(now))
        week_start = timezone.make_aware(datetime.combine(send_day - timedelta(days=6), time.min))
        age = min(timedelta(hours=5), (now - week_start) / 2)
        f.make_article(europe, title="This week", article_type=kind, age=age)
        Subscription.objects.create(
            newsletter=cls.newsletter, email="r@example.com", state=S.ACTIVE
        )

    def test_tick_drafts_the_coming_issue_and_sends_it_when_its_time_comes(self):
        tick()
        issue = Issue.objects.get()
        self.assertEqual(issue.state, Issue.State.DRAFT)
        self.assertEqual(issue.week_of.weekday(), self.newsletter.send_weekday)
        self.assertEqual([i.article.title for i in issue.items.all()], ["This week"])
        tick()
        self.assertEqual(Issue.objects.count(), 1)  # drafted once
        issue.scheduled_for = timezone.now() + timedelta(hours=1)
        issue.save()
        self.assertEqual(tick(), [])
        a_minute_ago = timezone.now() - timedelta(minutes=1)
        Issue.objects.filter(pk=issue.pk).update(scheduled_for=a_minute_ago)
        with SMTPServer() as smtp, override_settings(**smtp.settings(), **FAST):
            with self.captureOnCommitCallbacks(execute=True):
                lines = tick()
            self.assertEqual(
                lines,
                [
                    "Started sending “The weekly round-up: the week to "
                    f"{issue.week_of:%-d %B %Y}” to 1 subscribers."
                ],
            )
            self.assertEqual(list(smtp.sink.recipients()), ["r@example.com"])

    def test_a_week_with_nothing_published_gets_no_issue_until_something_is(self):
        ArticlePage.objects.update(first_published_at=timezone.now() - timedelta(days=30))
        with self.captureOnCommitCallbacks(execute=True), override_settings(TASKS=WORKER_QUEUE):
            tick()
        self.assertFalse(Issue.objects.exists())
        # Nor a task left for the worker about an issue that is not there (one failed on the
        # worker at every tick of an empty week).
        self.assertFalse(DBTaskResult.objects.exists())
        europe = SectionPage.objects.get(title="Europe")
        f.make_article(europe, title="First of the week", article_type=f.make_type("Brief"))
        tick()
        self.assertEqual(
            [item.article.title for item in Issue.objects.get().items.all()], ["First of the week"]
        )

    def test_the_draft_gathers_what_is_published_later_in_the_week_until_it_is_scheduled(self):
        def titles():
            return [item.article.title for item in issue.items.order_by("sort_order")]

        tick()
        issue = Issue.objects.get()
        self.assertEqual(titles(), ["This week"])
        issue.items.get().delete()  # the editor leaves it out
        saved = []
        post_save.connect(
            lambda **kw: saved.append(kw["instance"]),
            sender=Issue,
            weak=False,
            dispatch_uid="test-issue-saved",
        )
        self.addCleanup(post_save.disconnect, sender=Issue, dispatch_uid="test-issue-saved")
        tick()
        self.assertEqual(titles(), [])  # and it stays out; the emptied issue stays too
        # A tick with nothing new moves its mark quietly: no signal, so no reindexing task
        # for the worker every minute.
        self.assertEqual(saved, [])

        home = HomePage.objects.get()
        europe = SectionPage.objects.get(title="Europe")
        africa = f.make_section(home, "Africa")
        kind = f.make_type("Brief")
        f.make_article(africa, title="Later in Africa", article_type=kind)
        f.make_article(europe, title="Later in Europe", article_type=kind)
        tick()
        self.assertEqual(titles(), ["Later in Europe", "Later in Africa"])

        f.make_article(europe, title="Newest in Europe", article_type=kind)
        tick()
        self.assertEqual(titles(), ["Newest in Europe", "Later in Europe", "Later in Africa"])

        issue.scheduled_for = timezone.now() + timedelta(hours=1)  # approved as it stands
        issue.save()
        f.make_article(africa, title="After approval", article_type=kind)
        tick()
        self.assertEqual(titles(), ["Newest in Europe", "Later in Europe", "Later in Africa"])

    def test_a_piece_removed_just_after_it_was_gathered_stays_out_and_a_late_one_is_caught(self):
        def titles():
            return [item.article.title for item in issue.items.order_by("sort_order")]

        t0 = timezone.now()
        tick(t0)
        issue = Issue.objects.get()
        europe, kind = SectionPage.objects.get(title="Europe"), f.make_type("Brief")
        f.make_article(europe, title="Just filed", article_type=kind)
        tick(t0 + timedelta(minutes=1))
        self.assertEqual(titles(), ["Just filed", "This week"])
        issue.items.get(article__title="Just filed").delete()  # the editor takes it out at once
        tick(t0 + timedelta(minutes=2))
        self.assertEqual(titles(), ["This week"])
        # A piece stamped before that tick whose publish was committed only after it looked:
        late = f.make_article(europe, title="Late commit", article_type=kind)
        ArticlePage.objects.filter(pk=late.pk).update(
            first_published_at=t0 + timedelta(seconds=100)
        )
        tick(t0 + timedelta(minutes=3))
        self.assertEqual(titles(), ["Late commit", "This week"])
        tick(t0 + timedelta(minutes=10))
        self.assertEqual(titles(), ["Late commit", "This week"])

    def test_what_is_published_after_an_issue_stopped_gathering_opens_the_next_one(self):
        def titles(issue):
            return [item.article.title for item in issue.items.order_by("sort_order")]

        now = timezone.now()
        self.newsletter.send_weekday = timezone.localdate(now).weekday()  # today is send day
        self.newsletter.save()
        tick(now)
        sent = Issue.objects.get()
        self.assertEqual(titles(sent), ["This week"])
        Issue.objects.filter(pk=sent.pk).update(scheduled_for=now)
        tick(now + timedelta(seconds=1))  # the send starts
        europe = SectionPage.objects.get(title="Europe")
        f.make_article(europe, title="Filed after the send", article_type=f.make_type("Brief"))
        tick(now + timedelta(minutes=1))
        self.assertEqual(titles(sent), ["This week"])  # gone out as it stood

        tick(now + timedelta(days=1))
        coming = Issue.objects.exclude(pk=sent.pk).get()
        self.assertEqual(coming.week_of, timezone.localdate(now) + timedelta(days=7))
        self.assertEqual(titles(coming), ["Filed after the send"])

    def test_moving_the_send_day_repeats_nothing_from_the_last_issue(self):
        now = timezone.now()
        self.newsletter.send_weekday = timezone.localdate(now).weekday()
        self.newsletter.save()
        tick(now)
        sent = Issue.objects.get()
        Issue.objects.filter(pk=sent.pk).update(scheduled_for=now)
        tick(now + timedelta(seconds=1))
        # The editors move the round-up three days later: its week now reaches back before the
        # last send day, where "This week" went out already.
        self.newsletter.send_weekday = (self.newsletter.send_weekday + 3) % 7
        self.newsletter.save()
        europe = SectionPage.objects.get(title="Europe")
        f.make_article(europe, title="Since the last issue", article_type=f.make_type("Brief"))
        tick(now + timedelta(days=1))
        coming = Issue.objects.exclude(pk=sent.pk).get()
        self.assertEqual(coming.week_of, timezone.localdate(now) + timedelta(days=3))
        titles = [item.article.title for item in coming.items.order_by("sort_order")]
        self.assertEqual(titles, ["Since the last issue"])

    def test_moving_the_send_day_moves_the_open_draft_with_it(self):
        now = timezone.now()
        today = timezone.localdate(now)
        self.newsletter.send_weekday = (today.weekday() + 4) % 7
        self.newsletter.save()
        tick(now)
        draft = Issue.objects.get()
        draft.introduction = "Our pick of the week."
        draft.save()
        for days_ahead in (1, 5):  # earlier, then later than the draft's day
            self.newsletter.send_weekday = (today.weekday() + days_ahead) % 7
            self.newsletter.save()
            tick(now + timedelta(minutes=days_ahead))
            moved = Issue.objects.get()  # still the one draft
            self.assertEqual(moved.pk, draft.pk)
            self.assertEqual(moved.week_of, today + timedelta(days=days_ahead))
            self.assertEqual(moved.introduction, "Our pick of the week.")
            self.assertIn(f"the week to {moved.week_of:%-d %B %Y}", moved.subject)
            self.assertEqual([i.article.title for i in moved.items.all()], ["This week"])


class ResumeTests(TestCase):
    def test_an_abandoned_send_is_queued_again_and_a_held_one_is_not(self):
        newsletter = make_newsletter()
        subscription = Subscription.objects.create(
            newsletter=newsletter, email="r@example.com", state=S.ACTIVE
        )
        issue = Issue.objects.create(
            newsletter=newsletter, subject="S", slug="s", state=Issue.State.SENDING
        )
        send = Send.objects.create(
            issue=issue, audience=1, started_at=timezone.now() - timedelta(hours=1)
        )
        delivery = Delivery.objects.create(
            send=send,
            subscription=subscription,
            email=subscription.email,
            state=D.SENDING,
            claimed_until=timezone.now() + timedelta(minutes=1),
        )
        self.assertEqual(resume_abandoned_sends(timezone.now()), [])
        with SMTPServer() as smtp, override_settings(**smtp.settings(), **FAST):
            lines = resume_abandoned_sends(timezone.now() + timedelta(minutes=2))
            self.assertEqual(lines, ["Resumed the send of “S”."])
            # The test settings run tasks at once: the lease has not run out in real time, so
            # the delivery is still held; once it has, the resumed task sends it.
            Delivery.objects.filter(pk=delivery.pk).update(
                claimed_until=timezone.now() - timedelta(seconds=1)
            )
            resume_abandoned_sends(timezone.now())
            self.assertEqual(list(smtp.sink.recipients()), ["r@example.com"])
        send.refresh_from_db()
        self.assertEqual(send.state, Send.State.DONE)


class RawMessageTests(SendingTests):
    def test_the_prebuilt_message_matches_the_one_built_for_the_reader(self):
        import email
        from email import policy

        from masthead.newsletter.rendering import RawMessages, build_message, render_issue

        issue = self.roundup()
        root = "http://127.0.0.1:8000"
        subscription = Subscription.objects.get(email="reader7@example.com")
        delivery = Delivery(email=subscription.email, subscription=subscription)
        rendered = render_issue(issue, root=root)
        fast = email.message_from_bytes(
            RawMessages(rendered, issue=issue, root=root).for_delivery(delivery),
            policy=policy.default,
        )
        slow = build_message(rendered, issue=issue, delivery=delivery, root=root).message()
        slow = email.message_from_bytes(slow.as_bytes(), policy=policy.default)
        for header in ["To", "From", "Subject", "Message-ID", "List-Unsubscribe", "List-Id"]:
            self.assertEqual(fast[header], slow[header], header)
        for kind in ("plain", "html"):
            fast_body, slow_body = (m.get_body((kind,)).get_content() for m in (fast, slow))
            self.assertEqual(fast_body.replace("\r\n", "\n"), slow_body.replace("\r\n", "\n"))
        self.assertNotIn("masthead.invalid", fast.as_string())
        self.assertIsNone(
            RawMessages(rendered, issue=issue, root=root).for_delivery(
                Delivery(email="léa@exemple.fr", subscription=subscription)
            )
        )
