"""Signing in: passwords of twelve characters at least, and a lockout page that says what
happened and for how long."""

from django.contrib.auth import get_user_model
from django.test import Client, TestCase, override_settings
from django.urls import reverse

from masthead.newsroom.tests import factories as f
from masthead.users.roles import ADMINISTRATOR, EDITOR
from masthead.users.tests.factories import staff

ELEVEN = "kestrel-fog"  # eleven characters, none of Django's other objections
TWELVE = "kestrel-fogs"
TOO_SHORT = "This password is too short. It must contain at least 12 characters."


class PasswordRuleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        f.make_home()
        staff(ADMINISTRATOR, "ada")
        cls.ann = staff(EDITOR, "ann")

    def setUp(self):
        self.client.post(
            "/admin/login/", {"username": "ada", "password": "correct horse battery staple"}
        )

    def add_user(self, password):
        return self.client.post(
            reverse("wagtailusers_users:add"),
            {
                "username": "newcomer",
                "email": "newcomer@meridian.example",
                "first_name": "New",
                "last_name": "Comer",
                "password1": password,
                "password2": password,
            },
        )

    def test_a_new_account_needs_twelve_characters(self):
        self.assertContains(self.add_user(ELEVEN), TOO_SHORT)
        self.assertFalse(get_user_model().objects.filter(username="newcomer").exists())
        self.assertRedirects(self.add_user(TWELVE), reverse("wagtailusers_users:index"))
        self.assertTrue(get_user_model().objects.get(username="newcomer").check_password(TWELVE))

    def test_a_new_password_for_an_account_needs_twelve_characters(self):
        url = reverse("wagtailusers_users:edit", args=[self.ann.pk])
        data = {"username": "ann", "email": "ann@meridian.example", "first_name": "Ann"}
        data |= {"last_name": "Lee", "is_active": "on", "password1": ELEVEN, "password2": ELEVEN}
        self.assertContains(self.client.post(url, data), TOO_SHORT)
        self.ann.refresh_from_db()
        self.assertFalse(self.ann.check_password(ELEVEN))

    def test_changing_ones_own_password_needs_twelve_characters(self):
        ann = Client()
        ann.post("/admin/login/", {"username": "ann", "password": "correct horse battery staple"})
        response = ann.post(
            reverse("wagtailadmin_account"),
            {
                "password-old_password": "correct horse battery staple",
                "password-new_password1": ELEVEN,
                "password-new_password2": ELEVEN,
            },
        )
        self.assertContains(response, TOO_SHORT)


@override_settings(AXES_FAILURE_LIMIT=2)
class LockoutPageTests(TestCase):
    def test_the_lockout_page_says_why_and_for_how_long(self):
        staff(EDITOR, "ann")
        for _ in range(2):
            self.client.post("/admin/login/", {"username": "ann", "password": "wrong"})
        response = self.client.post(
            "/admin/login/", {"username": "ann", "password": "correct horse battery staple"}
        )
        self.assertContains(response, "Too many wrong passwords", status_code=429)
        self.assertContains(response, "Try again in 60 minutes.", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)
