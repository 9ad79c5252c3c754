"""Staff sessions end after a spell of inactivity, and can be ended everywhere at once: by the
person from their account, or by an administrator from the person's page in Settings → Users."""

from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from wagtail.models import ModelLogEntry

from masthead.newsroom.tests import factories as f
from masthead.users.roles import ADMINISTRATOR, EDITOR
from masthead.users.sessions import LAST_ACTIVE
from masthead.users.tests.factories import staff

PASSWORD = "correct horse battery staple"  # the factories' password
T0 = 1_900_000_000.0
MINUTE = 60


def at(seconds: float):
    """The idle clock stands at `seconds`."""
    return mock.patch("masthead.users.sessions.clock", return_value=seconds)


def sign_in(client: Client, username: str):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def signed_in(client: Client) -> bool:
    """Whether the admin's front page opens for this browser (or sends it to sign in)."""
    response = client.get("/admin/")
    return response.status_code == 200


@override_settings(SESSION_IDLE_TIMEOUT=30 * MINUTE)
class IdleTimeoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        f.make_home()
        cls.ann = staff(EDITOR, "ann")

    def test_thirty_idle_minutes_sign_an_editor_out_and_the_sign_in_page_says_why(self):
        with at(T0):
            sign_in(self.client, "ann")
            self.assertTrue(signed_in(self.client))
        with at(T0 + 29 * MINUTE):
            self.assertTrue(signed_in(self.client))
        with at(T0 + 29 * MINUTE + 31 * MINUTE):
            response = self.client.get("/admin/pages/", follow=True)
        self.assertEqual(response.redirect_chain[-1][0], "/admin/login/?next=/admin/pages/")
        self.assertContains(response, "You were signed out after 30 minutes of inactivity.")
        self.assertNotIn("_auth_user_id", self.client.session)
        entry = ModelLogEntry.objects.get(action="masthead.session.expired")
        self.assertEqual((entry.object_id, entry.user), (str(self.ann.pk), self.ann))
        # Signing in again works, with a fresh allowance.
        with at(T0 + 61 * MINUTE):
            sign_in(self.client, "ann")
            self.assertTrue(signed_in(self.client))

    def test_work_in_the_admin_keeps_the_session_alive(self):
        with at(T0):
            sign_in(self.client, "ann")
        for step in range(1, 9):  # four hours, a request every half hour less a minute
            with at(T0 + step * 29 * MINUTE):
                self.assertTrue(signed_in(self.client), f"step {step}")

    def test_the_session_is_written_at_most_once_a_minute(self):
        with at(T0):
            sign_in(self.client, "ann")
        with at(T0 + 30):
            self.client.get("/admin/")
        self.assertEqual(self.client.session[LAST_ACTIVE], int(T0))
        with at(T0 + 90):
            self.client.get("/admin/")
        self.assertEqual(self.client.session[LAST_ACTIVE], int(T0 + 90))

    def test_an_open_edit_page_pinging_the_server_is_not_someone_at_work(self):
        page = f.make_home("Another front")
        with at(T0):
            sign_in(self.client, "ann")
        for minutes in (5, 10, 15, 20, 25, 30):
            with at(T0 + minutes * MINUTE):
                # What an edit view's script sends every few seconds while the tab is open.
                self.client.post(f"/admin/editing-sessions/ping/wagtailcore/page/{page.pk}/0/")
        with at(T0 + 31 * MINUTE):
            self.assertFalse(signed_in(self.client))

    def test_reading_the_public_site_is_not_admin_activity_and_sets_no_cookie(self):
        with at(T0):
            sign_in(self.client, "ann")
        with at(T0 + 20 * MINUTE):
            self.assertEqual(self.client.get("/").status_code, 200)
        self.assertEqual(self.client.session[LAST_ACTIVE], int(T0))
        with at(T0 + 31 * MINUTE):
            self.client.get("/")  # an idle session ends wherever it is used
        self.assertNotIn("_auth_user_id", self.client.session)
        # A reader: no session read or written, no cookie, nothing that varies on cookies.
        reader = Client()
        sessions = Session.objects.count()
        response = reader.get("/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.cookies, {})
        self.assertNotIn("Cookie", response.get("Vary", ""))
        self.assertEqual(Session.objects.count(), sessions)

    @override_settings(SESSION_IDLE_TIMEOUT=0)
    def test_a_timeout_of_zero_turns_it_off(self):
        with at(T0):
            sign_in(self.client, "ann")
        with at(T0 + 24 * 60 * MINUTE):
            self.assertTrue(signed_in(self.client))

    def test_the_timeout_comes_from_the_environment_with_thirty_minutes_by_default(self):
        from masthead.settings import base

        self.assertEqual(base.SESSION_IDLE_TIMEOUT, 30 * MINUTE)
        self.assertIn("masthead.users.middleware.IdleSessionMiddleware", settings.MIDDLEWARE)


class SignOutEverywhereTests(TestCase):
    """Two browsers signed in as one person, as on two app servers: the sessions live in the
    shared store, and the account's session generation is read from the database each request."""

    @classmethod
    def setUpTestData(cls):
        f.make_home()
        cls.ann = staff(EDITOR, "ann")
        cls.admin = staff(ADMINISTRATOR, "ada")
        cls.laptop, cls.phone = Client(), Client()

    def setUp(self):
        self.laptop, self.phone = Client(), Client()
        sign_in(self.laptop, "ann")
        sign_in(self.phone, "ann")

    def test_from_my_account_it_signs_out_my_other_browsers_and_keeps_this_one(self):
        account = self.laptop.get("/admin/account/")
        url = reverse("masthead_sign_out_everywhere")
        self.assertContains(account, f'href="{url}"')
        confirm = self.laptop.get(url)
        self.assertContains(confirm, "this one stays signed in")
        self.assertTrue(signed_in(self.phone))  # asking changes nothing

        response = self.laptop.post(url, follow=True)

        self.assertContains(response, "You were signed out of every other browser and device.")
        self.assertTrue(signed_in(self.laptop))
        self.assertFalse(signed_in(self.phone))
        entry = ModelLogEntry.objects.get(action="masthead.sessions.ended")
        self.assertEqual((entry.object_id, entry.user), (str(self.ann.pk), self.ann))
        # The phone signs in again as usual.
        sign_in(self.phone, "ann")
        self.assertTrue(signed_in(self.phone))

    def test_an_administrator_signs_a_person_out_everywhere_from_their_page(self):
        admin = Client()
        sign_in(admin, "ada")
        edit = admin.get(reverse("wagtailusers_users:edit", args=[self.ann.pk]))
        url = reverse("masthead_sign_user_out_everywhere", args=[self.ann.pk])
        self.assertContains(edit, f'href="{url}"')
        self.assertContains(admin.get(reverse("wagtailusers_users:index")), f'href="{url}"')
        confirm = admin.get(url)
        self.assertContains(confirm, "<strong>ann</strong> is signed in")
        self.assertTrue(signed_in(self.laptop))

        response = admin.post(url, follow=True)

        self.assertContains(response, "ann was signed out of every browser and device.")
        self.assertFalse(signed_in(self.laptop))
        self.assertFalse(signed_in(self.phone))
        self.assertTrue(signed_in(admin))
        entry = ModelLogEntry.objects.get(action="masthead.sessions.ended")
        self.assertEqual((entry.object_id, entry.user), (str(self.ann.pk), self.admin))

    def test_it_needs_the_permission_to_change_accounts(self):
        colleague = Client()
        staff(EDITOR, "eve")
        sign_in(colleague, "eve")
        url = reverse("masthead_sign_user_out_everywhere", args=[self.ann.pk])
        for response in (colleague.get(url), colleague.post(url)):
            self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
        self.assertTrue(signed_in(self.laptop))
        self.assertTrue(signed_in(self.phone))
        self.ann.refresh_from_db()
        self.assertEqual(self.ann.session_generation, 0)
        self.assertFalse(ModelLogEntry.objects.filter(action="masthead.sessions.ended").exists())
        # Signed out, the URL sends to the sign-in page.
        anonymous = Client()
        self.assertRedirects(
            anonymous.post(url), f"/admin/login/?next={url}", fetch_redirect_response=False
        )

    def test_a_new_password_still_signs_the_other_browsers_out(self):
        self.ann.set_password("another long passphrase")
        self.ann.save()
        self.assertFalse(signed_in(self.laptop))
        self.assertFalse(signed_in(self.phone))

    def test_sessions_from_before_the_generation_existed_stay_signed_in(self):
        # Generation 0 is Django's own hash: deploying this signs nobody out.
        user = get_user_model().objects.get(pk=self.ann.pk)
        self.assertEqual(user.session_generation, 0)
        self.assertEqual(
            user.get_session_auth_hash(),
            super(get_user_model(), user)._get_session_auth_hash(),
        )
        self.assertTrue(signed_in(self.laptop))
