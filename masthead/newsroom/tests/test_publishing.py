"""The publish gate holds on every path to readers, not only the edit form's "Publish"."""

from datetime import timedelta
from unittest import mock

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    PageLogEntry,
    Revision,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from masthead.images.models import CustomImage
from masthead.newsroom.gate import PublishRefused
from masthead.newsroom.models import ArticlePage
from masthead.newsroom.publishing import HELD
from masthead.newsroom.tests import factories as f

NO_CREDIT = "has no credit"


def clear_credit(image) -> None:
    """A photo that lost its credit after the article was written (straight in the database: the
    photo desk's own checks are not what these tests are about)."""
    CustomImage.objects.filter(pk=image.pk).update(agency="", photographer="")


class GateTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_home()
        cls.europe = f.make_section(cls.home, "Europe")
        cls.analysis = f.make_type("Analysis")
        cls.author = f.make_author("Ada Byron")
        cls.editor = f.make_editor()

    def setUp(self):
        self.client.force_login(self.editor)

    def article(self, title, *, photo=None, live=False, authors=None):
        return f.make_article(
            self.europe,
            title=title,
            article_type=self.analysis,
            authors=[self.author] if authors is None else authors,
            hero_image=photo or f.make_image(f"Photo for {title}"),
            live=live,
        )

    def reload(self, page):
        return ArticlePage.objects.get(pk=page.pk)


class BulkPublishTests(GateTestCase):
    def test_the_listing_publishes_the_complete_and_names_the_one_it_stopped(self):
        complete = self.article("Grain corridor")
        uncredited = self.article(
            "Harbour strike", photo=f.make_image("Quay", agency="", photographer="")
        )
        url = (
            reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
            + f"?id={complete.pk}&id={uncredited.pk}&next=/admin/pages/{self.europe.pk}/"
        )
        response = self.client.post(url, {}, follow=True)
        self.assertTrue(self.reload(complete).live)
        self.assertFalse(self.reload(uncredited).live)
        self.assertContains(response, "Not published.")
        self.assertContains(response, "“Harbour strike” cannot be published")
        self.assertContains(response, "The top photo “Quay” has no credit")
        self.assertContains(response, "1 page has been published")


class GateOnceTests(GateTestCase):
    def test_a_publish_asks_the_gate_once(self):
        # The gated action checks; the backstop on page_published need not check again.
        from masthead.newsroom import publishing

        article = self.article("Grain corridor")
        with mock.patch.object(
            publishing, "publishing_problems", wraps=publishing.publishing_problems
        ) as asked:
            article.save_revision().publish()
        self.assertTrue(self.reload(article).live)
        self.assertEqual(asked.call_count, 1)


class ScheduledGoLiveTests(GateTestCase):
    def schedule(self, page, *, due=timedelta(minutes=1)):
        """A revision approved to go live `due` ago: what `publish_scheduled` looks for."""
        revision = page.save_revision(user=self.editor)
        Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=timezone.now() - due)
        return revision

    def test_a_photo_that_lost_its_credit_holds_the_article_back_and_says_why(self):
        photo = f.make_image("Dockside")
        held = self.article("Dockside talks", photo=photo)
        revision = self.schedule(held)
        due_after = self.article("Ferry timetable")
        self.schedule(due_after, due=timedelta(seconds=1))
        clear_credit(photo)

        call_command("publish_scheduled")
        call_command("publish_scheduled")  # the clock runs it every minute

        self.assertFalse(self.reload(held).live)
        revision.refresh_from_db()
        self.assertIsNotNone(revision.approved_go_live_at, "it stays scheduled")
        self.assertTrue(self.reload(due_after).live, "a held article does not block the rest")
        entries = PageLogEntry.objects.filter(page=held, action=HELD)
        self.assertEqual(entries.count(), 1, "said once, not every minute")
        self.assertIn("“Dockside” has no credit", " ".join(entries[0].data["problems"]))

        history = self.client.get(reverse("wagtailadmin_pages:history", args=[held.pk]))
        self.assertContains(history, "Not published at its scheduled time")
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[held.pk]))
        self.assertContains(edit, "will not be published until this is fixed")
        self.assertContains(edit, "“Dockside” has no credit")

        CustomImage.objects.filter(pk=photo.pk).update(agency="AFP")
        call_command("publish_scheduled")
        self.assertTrue(self.reload(held).live, "fixed, it goes out at the next run")


class WorkflowApprovalTests(GateTestCase):
    def test_approval_is_refused_with_the_reasons(self):
        moderators = Group.objects.create(name="Desk")
        self.editor.groups.add(moderators)
        task = GroupApprovalTask.objects.create(name="Desk review")
        task.groups.set([moderators])
        workflow = Workflow.objects.create(name="Desk")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=self.home)

        photo = f.make_image("Pier")
        page = self.article("Pier closure", photo=photo)
        page.save_revision(user=self.editor)
        state = workflow.start(page, self.editor)
        clear_credit(photo)  # after it was submitted, before it was approved

        task_state = state.current_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
        )
        response = self.client.post(url, {"comment": ""}, follow=True)

        self.assertFalse(self.reload(page).live)
        task_state.refresh_from_db()
        self.assertEqual(task_state.status, task_state.STATUS_IN_PROGRESS, "not approved")
        self.assertContains(response, "“Pier closure” cannot be published")
        self.assertContains(response, "The top photo “Pier” has no credit")


class RevertTests(GateTestCase):
    def api(self, page, action, **data):
        url = f"/admin/api/main/pages/{page.pk}/action/{action}/"
        return self.client.post(url, data, content_type="application/json")

    def test_reverting_to_a_bylineless_version_and_publishing_is_refused(self):
        page = self.article("Night trains", authors=[])
        bylineless = page.save_revision(user=self.editor)
        page = self.reload(page)
        page.article_authors.add(f.ArticleAuthor(author=self.author, sort_order=0))
        page.save_revision(user=self.editor).publish(user=self.editor)
        self.assertTrue(self.reload(page).live)

        self.assertEqual(
            self.api(page, "revert_to_page_revision", revision_id=bylineless.pk).status_code, 200
        )
        response = self.api(page, "publish")

        self.assertEqual(response.status_code, 400)
        self.assertIn("Add at least one author to the byline", response.content.decode())
        live = self.reload(page).live_revision.as_object()
        self.assertEqual([a.name for a in live.authors], ["Ada Byron"])


class CopyTests(GateTestCase):
    def test_a_live_copy_of_an_article_the_gate_stops_is_refused_in_the_admin(self):
        photo = f.make_image("Lighthouse")
        page = self.article("Lighthouse keepers", photo=photo, live=True)
        clear_credit(photo)
        response = self.client.post(
            reverse("wagtailadmin_pages:copy", args=[page.pk]),
            {
                "new_title": "Lighthouse keepers (copy)",
                "new_slug": "lighthouse-keepers-copy",
                "new_parent_page": self.europe.pk,
                "publish_copies": "on",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The copy cannot be published")
        self.assertContains(response, "“Lighthouse” has no credit")
        self.assertFalse(ArticlePage.objects.filter(slug="lighthouse-keepers-copy").exists())

    def test_a_copy_kept_live_elsewhere_ends_up_a_draft(self):
        photo = f.make_image("Lock gates")
        page = self.article("Lock gates", photo=photo, live=True)
        clear_credit(photo)
        copy = page.copy(
            to=self.europe,
            update_attrs={"title": "Lock gates again", "slug": "lock-gates-again"},
            keep_live=True,
        )
        self.assertFalse(self.reload(copy).live)
        self.assertFalse(ArticlePage.objects.live().filter(slug="lock-gates-again").exists())


class MoveTests(GateTestCase):
    def test_a_live_article_cannot_be_moved_out_of_its_region(self):
        page = self.article("Border queues", live=True)
        with self.assertRaisesMessage(PublishRefused, "Place the article in a region section"):
            page.move(self.home, pos="last-child")
        self.assertEqual(self.reload(page).get_parent().pk, self.europe.pk)
        self.assertIn(page.pk, [p.pk for p in ArticlePage.objects.live().child_of(self.europe)])

    def test_a_move_between_regions_still_works(self):
        africa = f.make_section(self.home, "Africa")
        page = self.article("Sahel grain", live=True)
        page.move(africa, pos="last-child")
        self.assertEqual(self.reload(page).get_parent().pk, africa.pk)
