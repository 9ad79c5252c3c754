"""A correction notice, when the editor asks for one: mailed over SMTP once, only to the readers
whom a round-up carrying the piece reached, through the same durable sender."""

from datetime import timedelta

from django.test import TestCase, override_settings
from django.utils import timezone

from masthead.newsletter.models import Issue, IssueItem, Send, Subscription
from masthead.newsletter.rendering import render_issue
from masthead.newsletter.sending import start_send
from masthead.newsletter.tests.factories import make_newsletter
from masthead.newsletter.tests.smtp import SMTPServer
from masthead.newsroom.models import ArticleCorrection
from masthead.newsroom.tests import factories as f
from masthead.newsroom.tests.editing import post_article_edit

S = Subscription.State
TEXT = "An earlier version said the corridor carried 30 million tonnes; it was 13 million."
FAST = {"NEWSLETTER_BACKOFF_SECONDS": [0.05], "NEWSLETTER_MAX_ATTEMPTS": 1}


class CorrectionNoticeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = f.make_home()
        europe = f.make_section(home, "Europe")
        analysis = f.make_type("Analysis")
        author = f.make_author("Ada Byron")
        photo = f.make_image("Harbour", agency="AFP", photographer="Jo Lens")
        cls.editor = f.make_editor()
        cls.piece = f.make_article(
            europe, title="The grain corridor in numbers", article_type=analysis,
            authors=[author], hero_image=photo,
        )  # fmt: skip
        cls.other = f.make_article(
            europe, title="A piece no issue carried", article_type=analysis,
            authors=[author], hero_image=photo,
        )  # fmt: skip
        cls.newsletter = make_newsletter()
        cls.readers = ["ana@example.com", "ben@example.com", "refused@example.com"]
        for email in [*cls.readers, "later-gone@example.com"]:
            Subscription.objects.create(newsletter=cls.newsletter, email=email, state=S.ACTIVE)

    def setUp(self):
        self.client.force_login(self.editor)

    def send_week(self, smtp, article, slug="week-1"):
        """A round-up carrying `article`, sent to everyone active through the real sender."""
        issue = Issue.objects.create(newsletter=self.newsletter, subject=slug, slug=slug)
        IssueItem.objects.create(issue=issue, article=article, sort_order=0)
        with override_settings(**smtp.settings(), **FAST):
            with self.captureOnCommitCallbacks(execute=True):
                start_send(issue=issue)
        # Sent last week: the correction comes after it (made_at is typed to the minute).
        issue.sent_at = timezone.now() - timedelta(days=7)
        issue.save(update_fields=["sent_at"])
        return issue

    def correct(self, smtp, article, *, notify, rows=()):
        row = {
            "kind": "correction",
            "made_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
            "text": TEXT,
            "notify_readers": "on" if notify else "",
        }
        with override_settings(**smtp.settings(), **FAST):
            with self.captureOnCommitCallbacks(execute=True):
                response = post_article_edit(self.client, article, corrections=[*rows, row])
        self.assertEqual(response.status_code, 200)
        return ArticleCorrection.objects.get(page=article, text=TEXT)

    def notices(self, smtp):
        return [m for m in smtp.sink.messages if m["Subject"].startswith("Correction:")]

    def test_the_notice_reaches_only_the_readers_the_piece_reached_and_only_once(self):
        with SMTPServer() as smtp:
            smtp.sink.refuse["refused@example.com"] = "550 5.1.1 No such user"
            self.send_week(smtp, self.piece)
            # After the round-up went out: one reader joins, one leaves.
            Subscription.objects.create(
                newsletter=self.newsletter, email="newcomer@example.com", state=S.ACTIVE
            )
            Subscription.objects.filter(email="later-gone@example.com").update(state=S.UNSUBSCRIBED)
            del smtp.sink.refuse["refused@example.com"]

            correction = self.correct(smtp, self.piece, notify=True)

            notices = self.notices(smtp)
            self.assertEqual(
                sorted(str(m["To"]) for m in notices), ["ana@example.com", "ben@example.com"]
            )
            body = notices[0].get_body(("plain",)).get_content()
            self.assertIn(TEXT, body)
            self.assertIn(f"{self.piece.url}#{correction.anchor}", body)
            self.assertIn("an earlier issue of The weekly round-up carried this piece", body)
            html = notices[0].get_body(("html",)).get_content()
            self.assertIn("Read the corrected piece", html)
            self.assertIn("List-Unsubscribe", notices[0])
            notice = Issue.objects.get(correction_key=correction.key)
            self.assertEqual(Send.objects.get(issue=notice).state, Send.State.DONE)

            # Published again (another edit, the correction row kept): nobody hears twice.
            kept = {"id": correction.pk, "kind": correction.kind, "text": TEXT,
                    "made_at": timezone.localtime(correction.made_at).strftime("%Y-%m-%d %H:%M"),
                    "notify_readers": "on"}  # fmt: skip
            with override_settings(**smtp.settings(), **FAST):
                with self.captureOnCommitCallbacks(execute=True):
                    post_article_edit(self.client, self.piece, corrections=[kept])
            self.assertEqual(len(self.notices(smtp)), 2)
            self.assertEqual(Issue.objects.filter(correction_key__isnull=False).count(), 1)

    def test_without_the_editors_choice_no_notice_is_mailed(self):
        with SMTPServer() as smtp:
            self.send_week(smtp, self.piece)
            self.correct(smtp, self.piece, notify=False)
            self.assertEqual(self.notices(smtp), [])
            self.assertFalse(Issue.objects.filter(correction_key__isnull=False).exists())

    def test_a_piece_no_issue_carried_gets_no_notice(self):
        with SMTPServer() as smtp:
            self.send_week(smtp, self.piece)
            self.correct(smtp, self.other, notify=True)
            self.assertEqual(self.notices(smtp), [])

    def test_the_notice_stays_out_of_the_archive_and_the_round_up_still_lists_it(self):
        with SMTPServer() as smtp:
            self.send_week(smtp, self.piece)
            correction = self.correct(smtp, self.piece, notify=True)
        notice = Issue.objects.get(correction_key=correction.key)
        self.assertEqual(self.client.get(notice.get_absolute_url()).status_code, 404)
        archive = self.client.get("/newsletter/").content.decode()
        self.assertIn("week-1", archive)
        self.assertNotIn(notice.subject, archive)
        week2 = Issue.objects.create(newsletter=self.newsletter, subject="Week 2", slug="week-2")
        self.assertIn(TEXT, render_issue(week2, root="https://news.example").text)
