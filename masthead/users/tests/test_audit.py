"""The audit trail, read where an administrator reads it: Reports → Site history, filtered by
action and user. Sign-ins and failures, role and permission changes made in Settings, a
correction added in the article's form, a newsletter send."""

import lxml.html
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page, PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from masthead.newsletter.models import Issue, Subscription
from masthead.newsletter.tests.factories import make_newsletter
from masthead.newsroom.tests import factories as f
from masthead.users.roles import ADMINISTRATOR, EDITOR, NEWSLETTER_EDITOR, apply_roles
from masthead.users.signals import apply_roles_after_migrate
from masthead.users.tests.factories import staff

PASSWORD = "correct horse battery staple"  # the factories' password
REPORT = "/admin/reports/site-history/"
TEXT = "An earlier version of this article gave the wrong year for the treaty: it was 1951."


def sign_in(client, username, password=PASSWORD, address="127.0.0.1"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def report(client, **filters) -> list[list[str]]:
    """The Site history's rows as the page shows them: name, type, action, user, date."""
    response = client.get(REPORT, filters)
    assert response.status_code == 200, response.status_code
    document = lxml.html.fromstring(response.content)
    return [
        [" ".join(cell.text_content().split()) for cell in row.xpath("./td")][:4]
        for row in document.xpath('//table[contains(@class, "listing")]/tbody/tr')
    ]


def form_values(response) -> dict[str, list[str]]:
    """What the admin's form on the page would post back as it stands."""
    document = lxml.html.fromstring(response.content)
    [form] = document.xpath('//form[@id="w-editor-form"]')
    values: dict[str, list[str]] = {}
    for name, value in form.form_values():
        values.setdefault(name, []).append(value)
    return values


class SignInTrailTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        f.make_home()
        cls.ada = staff(ADMINISTRATOR, "ada")  # not a superuser: the role's permissions only
        cls.ann = staff(EDITOR, "ann")

    def setUp(self):
        self.admin = Client()
        self.assertEqual(sign_in(self.admin, "ada").status_code, 302)

    def ann_signs_in_and_out(self):
        ann = Client()
        self.assertEqual(sign_in(ann, "ann", "wrong password", "198.51.100.7").status_code, 200)
        self.assertEqual(sign_in(ann, "nobody", "whatever it was", "198.51.100.7").status_code, 200)
        self.assertEqual(sign_in(ann, "ann", address="203.0.113.5").status_code, 302)
        ann.post("/admin/logout/")

    def test_sign_ins_failures_and_sign_outs_are_in_the_site_history(self):
        self.ann_signs_in_and_out()
        rows = report(self.admin)
        self.assertIn(["ann", "User", "Signed in from 203.0.113.5", "ann"], rows)
        self.assertIn(["ann", "User", "Failed sign-in from 198.51.100.7", "system"], rows)
        self.assertIn(["ann", "User", "Signed out", "ann"], rows)
        # A name that is no account's leaves no entry (it may be a password typed in the wrong box).
        self.assertFalse(any("nobody" in " ".join(row) for row in rows))
        self.assertFalse(ModelLogEntry.objects.filter(label__icontains="nobody").exists())

    def test_the_report_filters_by_action_and_by_user(self):
        self.ann_signs_in_and_out()
        page = self.admin.get(REPORT)
        self.assertContains(page, 'value="masthead.sign_in_failed"')
        self.assertContains(page, "Failed sign-in")  # the filter's label

        failures = report(self.admin, action="masthead.sign_in_failed")
        self.assertEqual(failures, [["ann", "User", "Failed sign-in from 198.51.100.7", "system"]])

        anns = report(self.admin, user=self.ann.pk)
        self.assertEqual({row[3] for row in anns}, {"ann"})
        self.assertEqual([row[2] for row in anns], ["Signed out", "Signed in from 203.0.113.5"])

    @override_settings(AXES_FAILURE_LIMIT=2)
    def test_a_locked_out_sign_in_says_so(self):
        intruder = Client()
        for _ in range(3):
            sign_in(intruder, "ann", "guess", "192.0.2.9")
        messages = [row[2] for row in report(self.admin, action="masthead.sign_in_failed")]
        self.assertEqual(
            messages[0], "Failed sign-in from 192.0.2.9 (locked out: too many failures)"
        )
        self.assertEqual(len(messages), 3)

    def test_an_editor_reads_no_one_elses_sign_ins(self):
        self.ann_signs_in_and_out()
        eve = Client()
        staff(EDITOR, "eve")
        sign_in(eve, "eve")
        rows = report(eve)
        self.assertFalse([row for row in rows if row[1] == "User"], rows)
        self.assertNotContains(eve.get(REPORT), 'value="masthead.signed_in"')
        self.assertFalse([row for row in report(eve, user=self.ann.pk) if row[1] == "User"])


class RoleTrailTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        f.make_home()
        cls.ada = staff(ADMINISTRATOR, "ada")
        cls.ann = staff(EDITOR, "ann")
        # Wagtail's user form asks for a name.
        cls.ann.first_name, cls.ann.last_name = "Ann", "Lee"
        cls.ann.save()

    def setUp(self):
        self.admin = Client()
        sign_in(self.admin, "ada")

    def edit_ann(self, **changes):
        url = reverse("wagtailusers_users:edit", args=[self.ann.pk])
        data = form_values(self.admin.get(url)) | changes
        response = self.admin.post(url, data)
        self.assertRedirects(response, reverse("wagtailusers_users:index"))

    def test_putting_a_person_in_a_role_and_out_of_another_names_who_did_it(self):
        photo = Group.objects.get(name="Photo editor")
        self.edit_ann(groups=[str(photo.pk)])
        rows = report(self.admin, action="masthead.user.groups", user=self.ada.pk)
        self.assertCountEqual(
            rows,
            [
                ["ann", "User", "Added to Photo editor", "ada"],
                ["ann", "User", "Removed from Editor", "ada"],
            ],
        )

    def test_deactivating_an_account_is_logged(self):
        self.edit_ann(is_active=[])
        self.assertIn(["ann", "User", "Deactivated", "ada"], report(self.admin))

    def test_changes_made_from_code_are_logged_as_the_system(self):
        # No admin screen does these; a shell or a script might.
        self.ann.user_permissions.add(Permission.objects.get(codename="delete_subscription"))
        self.ann.groups.clear()
        Group.objects.get(name="Photo editor").user_set.add(self.ann)
        self.assertEqual(
            [row[2:] for row in report(self.admin, label="ann")][:3],
            [
                ["Added to Photo editor", "system"],
                ["Removed from Editor", "system"],
                ["Own permissions: granted newsletter.delete_subscription", "system"],
            ],
        )

    def test_a_groups_permissions_changed_in_its_form_are_logged_once_each(self):
        group = Group.objects.create(name="Night desk")
        url = reverse("wagtailusers_groups:edit", args=[group.pk])
        access = Permission.objects.get(codename="access_admin")
        root = Page.get_first_root_node()

        def save(**changes):
            data = form_values(self.admin.get(url)) | changes
            self.assertRedirects(self.admin.post(url, data), reverse("wagtailusers_groups:index"))
            return report(self.admin, label="Night desk")

        rows = save(
            permissions=[str(access.pk)],
            **{
                "page_permissions-TOTAL_FORMS": ["1"],
                "page_permissions-0-page": [str(root.pk)],
                "page_permissions-0-permissions": ["publish_page", "lock_page"],
            },
        )
        self.assertIn(
            ["Night desk", "Group", "Permissions: granted wagtailadmin.access_admin", "ada"], rows
        )
        granted = "Page permissions: granted lock_page on Root, publish_page on Root"
        self.assertIn(["Night desk", "Group", granted, "ada"], rows)

        ours = [row for row in rows if row[2] != "Edited"]  # Wagtail's own entry for a save
        again = save()  # saved as it stands: nothing of ours is logged
        self.assertEqual([row for row in again if row[2] != "Edited"], ours)

        rows = save(**{"page_permissions-0-permissions": ["publish_page"]})
        withdrawn = [row for row in rows if "withdrawn" in row[2]]
        self.assertEqual(
            withdrawn,
            [["Night desk", "Group", "Page permissions: withdrawn lock_page on Root", "ada"]],
        )

    def test_a_new_groups_permissions_are_logged_as_granted(self):
        url = reverse("wagtailusers_groups:add")
        data = form_values(self.admin.get(url)) | {
            "name": ["Weekend desk"],
            "page_permissions-TOTAL_FORMS": ["1"],
            "page_permissions-0-page": [str(Page.get_first_root_node().pk)],
            "page_permissions-0-permissions": ["add_page"],
        }
        self.assertRedirects(self.admin.post(url, data), reverse("wagtailusers_groups:index"))
        self.assertIn(
            ["Weekend desk", "Group", "Page permissions: granted add_page on Root", "ada"],
            report(self.admin, label="Weekend desk"),
        )

    def test_the_role_table_applied_again_after_migrate_writes_nothing_when_nothing_changed(self):
        before = ModelLogEntry.objects.count()
        call_command("migrate", verbosity=0, interactive=False)
        apply_roles_after_migrate(sender=None, using=connection.alias)
        self.assertEqual(ModelLogEntry.objects.count(), before)

    def test_an_edit_the_role_table_puts_back_is_logged_as_the_system(self):
        editor = Group.objects.get(name=EDITOR.name)
        editor.permissions.remove(Permission.objects.get(codename="change_author"))
        apply_roles()
        messages = [row[2:] for row in report(self.admin, label="Editor")]
        self.assertEqual(
            messages[:2],
            [
                ["Permissions: granted newsroom.change_author", "system"],
                ["Permissions: withdrawn newsroom.change_author", "system"],
            ],
        )


class CorrectionTrailTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        europe = f.make_section(f.make_home(), "Europe")
        cls.article = f.make_article(
            europe,
            title="The coal and steel treaty at seventy-five",
            article_type=f.make_type("Analysis"),
            authors=[f.make_author("Ada Byron")],
            hero_image=f.make_image("Credited", agency="AFP", photographer="Jo Lens"),
        )
        cls.ada = staff(ADMINISTRATOR, "ada")

    def setUp(self):
        sign_in(self.client, "ada")

    def publish(self, corrections):
        """Publish the article from its edit form, with these rows in its Corrections panel."""
        page = self.article
        data = {
            "title": page.title,
            "slug": page.slug,
            "dek": page.dek,
            "article_type": page.article_type_id,
            "hero_image": page.hero_image_id,
            "hero_caption": page.hero_caption,
            "article_authors": inline_formset(
                [{"author": pk} for pk in page.article_authors.values_list("author_id", flat=True)]
            ),
            "footnotes": inline_formset([]),
            "updates": inline_formset([]),
            "corrections": inline_formset(
                corrections, initial=sum(1 for row in corrections if row.get("id"))
            ),
            "body": streamfield([]),
        }
        data = nested_form_data(data) | {"action-publish": "1"}
        response = self.client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)
        self.assertEqual(response.status_code, 200)
        return [
            (entry.action, entry.user)
            for entry in PageLogEntry.objects.filter(
                page=page, action__startswith="masthead.correction"
            ).order_by("timestamp", "pk")
        ]

    def test_a_correction_added_changed_and_removed_in_the_article_form(self):
        made_at = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        row = {"kind": "correction", "made_at": made_at, "text": TEXT}
        self.assertEqual(self.publish([row]), [("masthead.correction.added", self.ada)])
        rows = report(self.client, action="masthead.correction.added")
        self.assertEqual(
            rows,
            [[self.article.title, "Article", f"Correction added: “{TEXT}”", "ada"]],
        )

        pk = self.article.corrections.get().pk
        # Published again as it stands: modelcluster saves the row again, nothing is logged.
        self.assertEqual(len(self.publish([row | {"id": pk}])), 1)
        logged = self.publish([row | {"id": pk, "kind": "clarification"}])
        self.assertEqual(logged[-1], ("masthead.correction.changed", self.ada))
        logged = self.publish([row | {"id": pk, "DELETE": "1"}])
        self.assertEqual(logged[-1], ("masthead.correction.removed", self.ada))
        self.assertEqual(len(logged), 3)
        self.assertIn(
            [self.article.title, "Article", f"Clarification removed: “{TEXT}”", "ada"],
            report(self.client),
        )


class SendTrailTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        f.make_home()
        cls.newsletter = make_newsletter()
        for number in range(3):
            Subscription.objects.create(
                newsletter=cls.newsletter, email=f"r{number}@example.com", state="active"
            )
        cls.issue = Issue.objects.create(
            newsletter=cls.newsletter, subject="The week in Europe", slug="week-in-europe"
        )
        staff(NEWSLETTER_EDITOR, "nell")
        cls.ada = staff(ADMINISTRATOR, "ada")

    def test_a_send_started_in_the_admin_and_its_end_are_logged_on_the_issue(self):
        nell = Client()
        sign_in(nell, "nell")
        with self.captureOnCommitCallbacks(execute=True):
            response = nell.post(f"/admin/newsletter/issues/{self.issue.pk}/send/")
        self.assertEqual(response.status_code, 302)
        admin = Client()
        sign_in(admin, "ada")
        rows = report(admin, label="The week in Europe")
        self.assertEqual(
            rows[:2],
            [
                ["The week in Europe", "Issue", "Sent: 3 of 3 accepted", "system"],
                ["The week in Europe", "Issue", "Sending started to 3 readers", "nell"],
            ],
        )
        # The newsletter editor reads the issue's history too.
        self.assertEqual(report(nell, label="The week in Europe")[:2], rows[:2])
