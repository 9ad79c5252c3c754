from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from masthead.newsletter.models import Issue, Send, Subscription
from masthead.newsletter.roundup import draft_roundup
from masthead.newsletter.tests.factories import make_newsletter
from masthead.newsletter.tests.smtp import SMTPServer
from masthead.newsroom.tests import factories as f


class NewsletterAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = f.make_home()
        europe = f.make_section(home, "Europe")
        kind = f.make_type("Analysis")
        author = f.make_author("Ada Byron")
        f.make_article(
            europe, title="Ports reopen", article_type=kind, authors=[author], age=timedelta(days=1)
        )
        cls.newsletter = make_newsletter()
        for i in range(5):
            Subscription.objects.create(
                newsletter=cls.newsletter, email=f"r{i}@example.com", state="active"
            )
        Subscription.objects.create(
            newsletter=cls.newsletter, email="left@example.com", state="unsubscribed"
        )
        cls.issue = draft_roundup(newsletter=cls.newsletter, week_ending=timezone.localdate())
        cls.editor = get_user_model().objects.create_superuser("ed", "ed@news.example", "x" * 16)

    def setUp(self):
        self.client.force_login(self.editor)

    def test_subscribers_list_filters_searches_and_exports(self):
        base = "/admin/snippets/newsletter/subscription/"
        self.assertContains(self.client.get(base), "r0@example.com")
        unsubscribed = self.client.get(base, {"state": "unsubscribed"})
        self.assertContains(unsubscribed, "left@example.com")
        self.assertNotContains(unsubscribed, "r0@example.com")
        self.assertNotContains(self.client.get(base, {"q": "left"}), "r0@example.com")
        export = self.client.get(base, {"export": "csv"})
        body = (
            b"".join(export.streaming_content).decode()
            if export.streaming
            else export.content.decode()
        )
        self.assertIn("r4@example.com", body)
        self.assertIn("left@example.com", body)

    def test_the_issue_form_tells_the_editor_the_clock_adds_later_pieces(self):
        form = self.client.get(f"/admin/snippets/newsletter/issue/edit/{self.issue.pk}/")
        self.assertContains(form, "each piece published later in the week is added")
        self.assertContains(form, "A story you remove stays out.")

    def test_the_send_time_field_gives_the_usual_time_and_refuses_one_long_past(self):
        edit = f"/admin/snippets/newsletter/issue/edit/{self.issue.pk}/"
        self.newsletter.send_time = "07:30"
        self.newsletter.save()
        usual = f"{self.issue.week_of:%A %-d %B}, 07:30"
        self.assertContains(
            self.client.get(edit), f"The weekly round-up&#x27;s usual time: {usual}"
        )

        rows = [{"id": i.pk, "article": i.article_id} for i in self.issue.items.all()]

        def save(scheduled_for):
            data = nested_form_data(
                {
                    "newsletter": self.newsletter.pk,
                    "subject": self.issue.subject,
                    "slug": self.issue.slug,
                    "introduction": "",
                    "scheduled_for": scheduled_for,
                    "items": inline_formset(rows, initial=len(rows)),
                }
            )
            return self.client.post(edit, data)

        yesterday = timezone.localtime() - timedelta(days=1)
        refused = save(yesterday.strftime("%Y-%m-%d %H:%M"))
        self.assertContains(refused, "That time has passed.")
        self.issue.refresh_from_db()
        self.assertIsNone(self.issue.scheduled_for)  # nothing changed
        tomorrow = timezone.localtime() + timedelta(days=1)
        self.assertEqual(save(tomorrow.strftime("%Y-%m-%d %H:%M")).status_code, 302)
        self.issue.refresh_from_db()
        self.assertEqual(self.issue.scheduled_for, tomorrow.replace(second=0, microsecond=0))
        # A sent issue keeps its past time: fixing its subject for the web archive still saves.
        Issue.objects.filter(pk=self.issue.pk).update(
            state=Issue.State.SENT, scheduled_for=yesterday
        )
        self.assertEqual(save(yesterday.strftime("%Y-%m-%d %H:%M")).status_code, 302)

    def test_preview_as_email_and_as_text(self):
        html = self.client.get(
            f"/admin/newsletter/issues/{self.issue.pk}/preview/"
        ).content.decode()
        self.assertIn("Ports reopen", html)
        text = self.client.get(
            f"/admin/newsletter/issues/{self.issue.pk}/preview/", {"format": "text"}
        )
        self.assertIn("Keep reading:", text.content.decode())
        web = self.client.get(
            f"/admin/newsletter/issues/{self.issue.pk}/preview/", {"format": "web"}
        )
        self.assertContains(web, "Preview: not sent yet")
        self.assertContains(web, "Ports reopen")

    def test_send_a_test_to_myself(self):
        self.client.post(f"/admin/newsletter/issues/{self.issue.pk}/test/")
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["ed@news.example"])
        self.assertTrue(mail.outbox[0].subject.startswith("[Test] "))
        self.assertFalse(Send.objects.exists())

    def test_send_asks_first_then_sends_and_shows_progress(self):
        confirm = self.client.get(f"/admin/newsletter/issues/{self.issue.pk}/send/")
        self.assertContains(confirm, "<strong>5</strong> active subscribers")
        with SMTPServer() as smtp, override_settings(**smtp.settings()):
            smtp.sink.refuse["r2@example.com"] = "550 5.1.1 Unknown user"
            with self.captureOnCommitCallbacks(execute=True):
                response = self.client.post(f"/admin/newsletter/issues/{self.issue.pk}/send/")
            self.assertEqual(len(smtp.sink.messages), 4)
        send = Send.objects.get()
        self.assertRedirects(response, f"/admin/newsletter/sends/{send.pk}/")
        progress = self.client.get(f"/admin/newsletter/sends/{send.pk}/")
        self.assertContains(progress, 'value="5"')
        self.assertContains(progress, "r2@example.com")
        self.assertContains(progress, "550 5.1.1 Unknown user")


class OpenFormTests(TestCase):
    """An editor works on the draft while the clock adds the week's later pieces to it."""

    def test_stories_the_clock_added_while_the_form_was_open_keep_a_place(self):
        home = f.make_home()
        europe, africa = f.make_section(home, "Europe"), f.make_section(home, "Africa")
        kind = f.make_type("Analysis")
        for section, title in [(europe, "Ports"), (europe, "Grain"), (africa, "Sahel")]:
            f.make_article(section, title=title, article_type=kind, age=timedelta(hours=3))
        newsletter = make_newsletter()
        issue = draft_roundup(newsletter=newsletter, week_ending=timezone.localdate())
        editor = get_user_model().objects.create_superuser("ed", "ed@news.example", "x" * 16)
        self.client.force_login(editor)
        edit = f"/admin/snippets/newsletter/issue/edit/{issue.pk}/"
        shown = {
            i.article.title: i for i in issue.items.select_related("article").order_by("sort_order")
        }
        self.assertContains(self.client.get(edit), "Sahel")

        # While the form is open, the clock adds a piece in each region...
        f.make_article(africa, title="Lake ferry", article_type=kind)
        wire = f.make_article(europe, title="Wire story", article_type=kind)
        draft_roundup(newsletter=newsletter, week_ending=timezone.localdate())
        # ...and the editor, who never saw them, moves Ports above Grain, removes Sahel and
        # adds the wire story by hand. The rows as the form showed them, in its order:
        self.assertEqual(list(shown), ["Grain", "Ports", "Sahel"])
        rows = [
            {"id": shown["Grain"].pk, "article": shown["Grain"].article_id, "ORDER": 2},
            {"id": shown["Ports"].pk, "article": shown["Ports"].article_id, "ORDER": 1},
            {"id": shown["Sahel"].pk, "article": shown["Sahel"].article_id, "DELETE": "on"},
            {"article": wire.pk, "ORDER": 3},
        ]
        data = nested_form_data(
            {
                "newsletter": newsletter.pk,
                "subject": issue.subject,
                "slug": issue.slug,
                "introduction": "Our pick of the week.",
                "scheduled_for": "",
                "items": inline_formset(rows, initial=3),
            }
        )
        self.assertEqual(self.client.post(edit, data).status_code, 302)
        titles = [i.article.title for i in issue.items.order_by("sort_order")]
        # The clock's Lake ferry heads Africa; its wire story is the editor's own row, once.
        self.assertEqual(titles, ["Ports", "Grain", "Wire story", "Lake ferry"])


class ImportAndForgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.newsletter = make_newsletter()
        Subscription.objects.create(
            newsletter=cls.newsletter, email="left@example.com", state="unsubscribed"
        )
        cls.editor = get_user_model().objects.create_superuser("ed", "ed@news.example", "x" * 16)

    def setUp(self):
        self.client.force_login(self.editor)

    def test_csv_import_keeps_good_rows_and_names_bad_lines(self):
        from pathlib import Path

        path = Path(__file__).parent / "files" / "subscribers_mixed.csv"
        with path.open("rb") as upload:
            response = self.client.post(
                "/admin/newsletter/subscribers/import/",
                {"newsletter": self.newsletter.pk, "file": upload},
            )
        self.assertContains(response, "Added 2; 1 already known; 3 lines could not be imported")
        self.assertContains(
            response, "<td>3</td><td>“not-an-address” is not a valid email address</td>", html=False
        )
        self.assertContains(response, "<td>4</td><td>no email address</td>")
        self.assertContains(response, "ada@example.com appears twice in the file")
        states = dict(Subscription.objects.values_list("email", "state"))
        self.assertEqual(
            states,
            {
                "ada@example.com": "active",
                "GRACE@example.com": "active",
                "left@example.com": "unsubscribed",
            },
        )

    def test_a_file_that_is_not_utf8_is_refused_with_a_reason(self):
        from django.core.files.uploadedfile import SimpleUploadedFile

        bad = SimpleUploadedFile("list.csv", "café@example.com\n".encode("latin-1"))
        response = self.client.post(
            "/admin/newsletter/subscribers/import/", {"newsletter": self.newsletter.pk, "file": bad}
        )
        self.assertContains(response, "not UTF-8")
        self.assertEqual(Subscription.objects.count(), 1)

    def test_delete_a_readers_data(self):
        Subscription.objects.create(
            newsletter=self.newsletter, email="me@example.com", state="active"
        )
        response = self.client.post(
            "/admin/newsletter/subscribers/forget/", {"email": "ME@example.com"}, follow=True
        )
        self.assertContains(response, "Deleted 1 subscription and their records.")
        self.assertFalse(Subscription.objects.filter(email__iexact="me@example.com").exists())
        self.assertContains(
            self.client.get("/admin/snippets/newsletter/subscription/"), "Import from CSV"
        )
