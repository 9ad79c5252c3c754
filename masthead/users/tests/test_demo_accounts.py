"""The demo has one account per role, each with a fresh password printed where the site is."""

from io import StringIO
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import SimpleTestCase, TestCase

from masthead.core.management.commands import serve
from masthead.core.management.commands.load_demo import DEMO_STAFF, reset_demo_accounts
from masthead.users.roles import ROLES


def passwords(output: str) -> dict[str, str]:
    """username: password, as the printed lines give them."""
    found = {}
    for line in output.splitlines():
        if "username:" in line:
            words = line.split()
            found[words[words.index("username:") + 1]] = words[words.index("password:") + 1]
    return found


def authenticate(*, username, password):
    """The account if the password is its own (axes' backend wants a request to sign in)."""
    user = get_user_model().objects.get(username=username)
    return user if user.check_password(password) else None


class DemoAccountTests(TestCase):
    def test_one_account_per_role_beside_the_editor_each_with_a_fresh_password(self):
        first = {a.username: a for a in reset_demo_accounts()}
        self.assertEqual(set(first), {"editor"} | {username for username, _ in DEMO_STAFF})
        self.assertEqual({role for _, role in DEMO_STAFF}, set(ROLES))
        for username, role in DEMO_STAFF:
            with self.subTest(username):
                user = authenticate(username=username, password=first[username].password)
                self.assertIsNotNone(user)
                self.assertEqual([g.name for g in user.groups.all()], [role.name])
                self.assertFalse(user.is_superuser or user.is_staff)
                self.assertTrue(user.email.endswith("@meridian.example"))
        editor = authenticate(username="editor", password=first["editor"].password)
        self.assertTrue(editor.is_superuser)

        again = {a.username: a for a in reset_demo_accounts()}
        self.assertEqual(get_user_model().objects.count(), len(first))
        for username, account in first.items():
            self.assertNotEqual(again[username].password, account.password)
            self.assertIsNone(authenticate(username=username, password=account.password))
            self.assertIsNotNone(authenticate(username=username, password=again[username].password))

    def test_load_demo_prints_each_sign_in_at_the_address_given(self):
        out = StringIO()
        call_command("load_demo", limit=1, site_url="http://192.0.2.7:8123", stdout=out)
        text = out.getvalue()
        self.assertIn("Demo editor: http://192.0.2.7:8123/admin/  username: editor", text)
        printed = passwords(text)
        self.assertEqual(set(printed), {"editor"} | {username for username, _ in DEMO_STAFF})
        for username, password in printed.items():
            self.assertIsNotNone(authenticate(username=username, password=password), username)


class ServeTests(TestCase):
    def test_serve_prints_the_sign_ins_at_the_address_it_binds_last(self):
        out = StringIO()
        commands = []

        def call(name, *args, **options):
            commands.append((name, args))

        with (
            mock.patch.object(serve, "call_command", call),
            mock.patch.object(serve.subprocess, "Popen"),
            mock.patch.object(serve.signal, "signal"),
        ):
            call_command("serve", "0.0.0.0:8123", stdout=out)

        self.assertEqual([name for name, _ in commands], ["migrate", "load_demo", "runserver"])
        self.assertEqual(commands[-1][1], ("0.0.0.0:8123",))
        lines = out.getvalue().splitlines()
        self.assertIn("Masthead is at http://127.0.0.1:8123/", lines)
        self.assertTrue(lines[-len(DEMO_STAFF) - 2].startswith("Demo editor: "))
        self.assertIn("http://127.0.0.1:8123/admin/", lines[-len(DEMO_STAFF) - 2])
        self.assertNotIn(":8000/", out.getvalue())
        printed = passwords(out.getvalue())
        for username, password in printed.items():
            self.assertIsNotNone(authenticate(username=username, password=password), username)


class SiteURLTests(SimpleTestCase):
    def test_the_address_runserver_binds_as_a_browser_opens_it(self):
        cases = {
            "127.0.0.1:8000": "http://127.0.0.1:8000",
            "8080": "http://127.0.0.1:8080",
            "0.0.0.0:9000": "http://127.0.0.1:9000",
            "0:9000": "http://127.0.0.1:9000",
            "192.0.2.7:80": "http://192.0.2.7:80",
            "[::1]:8000": "http://[::1]:8000",
            "[::]:8000": "http://[::1]:8000",
            "localhost:8001": "http://localhost:8001",
        }
        for addrport, url in cases.items():
            with self.subTest(addrport):
                self.assertEqual(serve.site_url(addrport), url)
        with self.assertRaises(CommandError):
            serve.site_url("127.0.0.1:http")
