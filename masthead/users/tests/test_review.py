"""The roles at work in the real admin: a contributor writes and submits, an editor reviews and
publishes, the photo and newsletter desks do their part and no more."""

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, WorkflowState

from masthead.images.models import CustomImage
from masthead.newsletter.models import Issue
from masthead.newsletter.tests.factories import make_newsletter
from masthead.newsroom.models import ArticlePage
from masthead.newsroom.tests import factories as f
from masthead.users.review import TASK, WORKFLOW
from masthead.users.roles import (
    ADMINISTRATOR,
    CONTRIBUTOR,
    EDITOR,
    NEWSLETTER_EDITOR,
    PHOTO_EDITOR,
)
from masthead.users.tests.factories import article_form, photo_form, staff

PUBLISH_BUTTON = 'name="action-publish"'
SUBMIT_BUTTON = 'name="action-submit"'
# The admin API hides pages a user may not explore (404) and refuses actions on the rest (403).
API_REFUSALS = (403, 404)


class RolesTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_home()
        cls.europe = f.make_section(cls.home, "Europe")
        cls.analysis = f.make_type("Analysis")
        cls.author = f.make_author("Ada Byron")
        cls.photo = f.make_image("Quay", agency="AFP", photographer="Jo Lens")
        cls.contributor = staff(CONTRIBUTOR, "contributor")
        cls.editor = staff(EDITOR, "desk")
        cls.photo_editor = staff(PHOTO_EDITOR, "photos")
        cls.newsletter_editor = staff(NEWSLETTER_EDITOR, "newsletter")
        cls.administrator = staff(ADMINISTRATOR, "admin")

    def write(self, title, action):
        """The contributor writes a complete article in the admin and presses `action`."""
        self.client.force_login(self.contributor)
        data = article_form(
            title=title,
            article_type=self.analysis,
            author=self.author,
            photo=self.photo,
            action=action,
        )
        url = reverse("wagtailadmin_pages:add", args=("newsroom", "articlepage", self.europe.pk))
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, "the form was refused")
        return ArticlePage.objects.get(title=title)

    def draft(self, title):
        return f.make_article(self.europe, title=title, article_type=self.analysis, live=False)

    def publish_through_api(self, user, page):
        self.client.force_login(user)
        return self.client.post(
            f"/admin/api/main/pages/{page.pk}/action/publish/", content_type="application/json"
        )

    def assert_refused(self, response):
        """Wagtail says no: a 403, or its "no permission" redirect to the dashboard."""
        if response.status_code == 302:
            self.assertEqual(response.url, reverse("wagtailadmin_home"))
        else:
            self.assertEqual(response.status_code, 403)


class ContributorTests(RolesTestCase):
    def test_a_contributor_writes_a_draft_and_is_offered_review_not_publication(self):
        self.client.force_login(self.contributor)
        url = reverse("wagtailadmin_pages:add", args=("newsroom", "articlepage", self.europe.pk))
        form = self.client.get(url)
        self.assertContains(form, SUBMIT_BUTTON)
        self.assertNotContains(form, PUBLISH_BUTTON)

        page = self.write("Grain corridor", action=None)
        self.assertFalse(page.live)
        self.assertEqual(page.owner, self.contributor)
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertEqual(edit.status_code, 200)
        self.assertContains(edit, SUBMIT_BUTTON)
        self.assertNotContains(edit, PUBLISH_BUTTON)

    def test_a_contributor_submits_for_review_and_nothing_goes_live(self):
        page = self.write("Harbour strike", action="action-submit")

        self.assertFalse(page.live)
        state = WorkflowState.objects.get(object_id=str(page.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(state.workflow.name, WORKFLOW)
        self.assertEqual(state.current_task_state.task.name, TASK)
        self.assertEqual(state.requested_by, self.contributor)

    def test_every_way_a_contributor_might_publish_is_refused(self):
        # The publish button pressed anyway: saved as a draft, not published.
        pressed = self.write("Pier closure", action="action-publish")
        self.assertFalse(pressed.live)
        # The admin API's publish, and the listing's bulk publish.
        self.assertEqual(self.publish_through_api(self.contributor, pressed).status_code, 403)
        bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        self.client.post(f"{bulk}?id={pressed.pk}", {})
        # Approving its own submission.
        submitted = self.write("Night trains", action="action-submit")
        task_state = WorkflowState.objects.get(object_id=str(submitted.pk)).current_task_state
        approve = reverse(
            "wagtailadmin_pages:workflow_action", args=(submitted.pk, "approve", task_state.pk)
        )
        self.assert_refused(self.client.post(approve, {"comment": ""}))

        self.assertFalse(ArticlePage.objects.filter(live=True).exists())
        self.assertFalse(PageLogEntry.objects.filter(action="wagtail.publish").exists())

    def test_a_contributor_picks_any_photo_and_changes_only_their_own(self):
        own = f.make_image("Market stalls", uploaded_by_user=self.contributor)
        self.client.force_login(self.contributor)
        chooser = self.client.get(reverse("wagtailimages_chooser:choose"))
        self.assertContains(chooser, "Quay")
        self.assertContains(chooser, "Market stalls")

        url = reverse("wagtailimages:edit", args=[own.pk])
        self.assertEqual(self.client.post(url, photo_form(own, agency="AP")).status_code, 302)
        self.assertEqual(CustomImage.objects.get(pk=own.pk).agency, "AP")
        url = reverse("wagtailimages:edit", args=[self.photo.pk])
        self.assert_refused(self.client.post(url, photo_form(self.photo, agency="AP")))
        self.assertEqual(CustomImage.objects.get(pk=self.photo.pk).agency, "AFP")

    def test_a_contributor_cannot_reach_the_newsletter_or_the_newsroom_records(self):
        self.client.force_login(self.contributor)
        newsletter = make_newsletter()
        issue = Issue.objects.create(newsletter=newsletter, subject="Week 1", slug="week-1")
        for url in (
            reverse("wagtailsnippets_newsletter_issue:list"),
            reverse("wagtailsnippets_newsletter_issue:edit", args=[issue.pk]),
            reverse("wagtailsnippets_newsletter_subscription:list"),
            reverse("newsletter_admin:preview", args=[issue.pk]),
            reverse("newsletter_admin:import"),
            reverse("wagtailsnippets_newsroom_author:list"),
        ):
            with self.subTest(url):
                self.assert_refused(self.client.get(url))
        menu = self.client.get(reverse("wagtailadmin_home"))
        self.assertNotContains(menu, reverse("wagtailsnippets_newsletter_issue:list"))


class EditorialReviewTests(RolesTestCase):
    def test_an_editor_sees_the_submission_approves_it_and_the_approval_is_recorded(self):
        page = self.write("Black Sea corridor", action="action-submit")
        task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state

        self.client.force_login(self.editor)
        dashboard = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, "Awaiting your review")
        self.assertContains(dashboard, "Black Sea corridor")
        # Someone outside the review group is not asked.
        self.client.force_login(self.photo_editor)
        self.assertNotContains(self.client.get(reverse("wagtailadmin_home")), "Black Sea corridor")

        self.client.force_login(self.editor)
        approve = reverse(
            "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
        )
        response = self.client.post(approve, {"comment": "Checked the figures."})
        self.assertEqual(response.status_code, 302)

        page.refresh_from_db()
        self.assertTrue(page.live)
        approval = PageLogEntry.objects.get(page=page, action="wagtail.workflow.approve")
        self.assertEqual(approval.user, self.editor)
        self.assertEqual(approval.data["workflow"]["title"], WORKFLOW)
        self.assertEqual(approval.data["comment"], "Checked the figures.")
        published = PageLogEntry.objects.get(page=page, action="wagtail.publish")
        self.assertEqual(published.user, self.editor)
        history = self.client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
        self.assertContains(history, f"Approved at &#x27;{TASK}&#x27;")
        self.assertNotContains(self.client.get(reverse("wagtailadmin_home")), "Awaiting your")

    def test_an_editor_sends_it_back_and_the_contributor_is_told(self):
        page = self.write("Caspian ferries", action="action-submit")
        task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
        self.client.force_login(self.editor)
        reject = reverse(
            "wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk)
        )
        self.client.post(reject, {"comment": "Source the second figure."})

        page.refresh_from_db()
        self.assertFalse(page.live)
        entry = PageLogEntry.objects.get(page=page, action="wagtail.workflow.reject")
        self.assertEqual(entry.user, self.editor)
        self.client.force_login(self.contributor)
        dashboard = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, "Caspian ferries")
        self.assertContains(dashboard, "Changes requested")

    def test_an_editor_publishes_unpublishes_and_locks(self):
        page = self.draft("Ferry timetable")
        self.assertEqual(self.publish_through_api(self.editor, page).status_code, 200)
        self.assertTrue(Page.objects.get(pk=page.pk).live)
        self.client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
        self.assertTrue(Page.objects.get(pk=page.pk).locked)
        self.client.post(reverse("wagtailadmin_pages:unlock", args=[page.pk]))
        self.assertFalse(Page.objects.get(pk=page.pk).locked)
        self.client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
        self.assertFalse(Page.objects.get(pk=page.pk).live)

    def test_an_editor_keeps_the_newsroom_records(self):
        self.client.force_login(self.editor)
        url = reverse("wagtailsnippets_newsroom_author:edit", args=[self.author.pk])
        self.assertEqual(self.client.get(url).status_code, 200)
        self.assert_refused(self.client.get(reverse("wagtailsnippets_newsletter_issue:list")))


class PhotoEditorTests(RolesTestCase):
    def test_a_photo_editor_changes_the_credit_of_a_photo_live_pages_show(self):
        f.make_article(
            self.europe, title="Ports reopen", article_type=self.analysis, hero_image=self.photo
        )
        self.client.force_login(self.photo_editor)
        response = self.client.post(
            reverse("wagtailimages:edit", args=[self.photo.pk]),
            photo_form(self.photo, agency="REUTERS"),
        )
        self.assertEqual(response.status_code, 302, "the form was refused")
        self.assertEqual(CustomImage.objects.get(pk=self.photo.pk).credit, "REUTERS/Jo Lens")

    def test_a_photo_editor_cannot_publish_or_edit_pages(self):
        page = self.draft("Lighthouse keepers")
        self.assertIn(self.publish_through_api(self.photo_editor, page).status_code, API_REFUSALS)
        self.assert_refused(self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
        self.assertFalse(Page.objects.get(pk=page.pk).live)


class NewsletterEditorTests(RolesTestCase):
    def test_a_newsletter_editor_opens_the_newsletter_admin_but_not_the_pages(self):
        newsletter = make_newsletter()
        issue = Issue.objects.create(newsletter=newsletter, subject="Week 1", slug="week-1")
        page = self.draft("Dockside talks")
        self.client.force_login(self.newsletter_editor)
        for url in (
            reverse("wagtailsnippets_newsletter_issue:list"),
            reverse("wagtailsnippets_newsletter_issue:edit", args=[issue.pk]),
            reverse("wagtailsnippets_newsletter_subscription:list"),
            reverse("newsletter_admin:preview", args=[issue.pk]),
            reverse("newsletter_admin:send", args=[issue.pk]),
            reverse("newsletter_admin:import"),
            reverse("newsletter_admin:forget"),
        ):
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 200)
        # The issue's stories are picked with the page chooser.
        found = self.client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Dockside"})
        self.assertContains(found, "Dockside talks")

        self.assert_refused(self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
        edit = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            article_form(
                title="Retitled",
                article_type=self.analysis,
                author=self.author,
                photo=self.photo,
                action="action-publish",
            ),
        )
        self.assert_refused(edit)
        page.refresh_from_db()
        self.assertEqual((page.title, page.live), ("Dockside talks", False))
        self.assertIn(
            self.publish_through_api(self.newsletter_editor, page).status_code, API_REFUSALS
        )


class AdministratorTests(RolesTestCase):
    def test_an_administrator_does_everything_without_being_a_superuser(self):
        self.assertFalse(self.administrator.is_superuser)
        page = self.draft("Gulf ports")
        self.assertEqual(self.publish_through_api(self.administrator, page).status_code, 200)
        self.assertTrue(Page.objects.get(pk=page.pk).live)
        for url in (
            reverse("wagtailusers_users:index"),
            reverse("wagtailusers_groups:index"),
            reverse("wagtailsnippets_newsletter_issue:list"),
            reverse("wagtailsnippets_newsroom_author:list"),
            reverse("wagtailimages:edit", args=[self.photo.pk]),
            reverse("wagtailadmin_workflows:index"),
        ):
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 200)
