import os
import re
import subprocess
import sys
from pathlib import Path

from csp.constants import NONCE
from csp.decorators import csp_update
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import RequestFactory, TestCase, override_settings

from masthead.core.middleware import CSPMiddleware
from masthead.newsroom.tests import factories as f

ROOT = Path(__file__).resolve().parents[3]


class SecurityHeaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        f.make_home()

    def test_public_pages_carry_a_strict_policy(self):
        response = self.client.get("/")
        policy = response["Content-Security-Policy"]
        self.assertIn("default-src 'self'", policy)
        self.assertIn("script-src 'self'", policy)
        self.assertNotIn("unsafe-inline", policy)
        self.assertIn("frame-ancestors 'none'", policy)
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["X-Frame-Options"], "DENY")
        self.assertEqual(response["Referrer-Policy"], "strict-origin-when-cross-origin")
        self.assertIn("camera=()", response["Permissions-Policy"])

    def test_public_pages_run_no_script(self):
        html = self.client.get("/").content.decode()
        scripts = re.findall(r"<script[^>]*>", html)
        self.assertTrue(scripts, "the front page should carry its JSON-LD")
        self.assertEqual(set(scripts), {'<script type="application/ld+json">'})


class KeptPolicyTests(TestCase):
    """The policy is built once per process; a view's own change or a nonce still gets through."""

    def respond(self, view):
        return CSPMiddleware(view)(RequestFactory().get("/any/"))

    def test_every_response_gets_the_site_policy_and_a_settings_change_reaches_it(self):
        first = self.respond(lambda request: HttpResponse("a"))
        self.assertIn("default-src 'self'", first["Content-Security-Policy"])
        with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": ["none"]}}):
            changed = self.respond(lambda request: HttpResponse("b"))
        self.assertEqual(changed["Content-Security-Policy"], "default-src none")
        again = self.respond(lambda request: HttpResponse("c"))
        self.assertEqual(again["Content-Security-Policy"], first["Content-Security-Policy"])

    def test_a_views_own_change_and_a_nonce_are_kept(self):
        @csp_update({"img-src": ["https://maps.example"]})
        def map_view(request):
            return HttpResponse("map")

        def scripted(request):
            return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")

        self.assertIn("https://maps.example", self.respond(map_view)["Content-Security-Policy"])
        with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"script-src": [NONCE]}}):
            response = self.respond(scripted)
            plain = self.respond(lambda r: HttpResponse())
        nonce = re.search(r"nonce='([^']+)'", response.content.decode()).group(1)
        self.assertIn(f"'nonce-{nonce}'", response["Content-Security-Policy"])
        self.assertNotIn("nonce", plain["Content-Security-Policy"])


@override_settings(AXES_FAILURE_LIMIT=3)
class LoginThrottleTests(TestCase):
    def test_admin_login_locks_after_repeated_failures(self):
        get_user_model().objects.create_superuser("ed", "ed@example.com", "right-password-123")
        for _ in range(3):
            self.client.post("/admin/login/", {"username": "ed", "password": "wrong"})
        response = self.client.post(
            "/admin/login/", {"username": "ed", "password": "right-password-123"}
        )
        self.assertEqual(response.status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)


class DeployCheckTests(TestCase):
    def test_production_settings_pass_the_deploy_check(self):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "masthead.settings.production",
            "SECRET_KEY": "x" * 60 + "production-check-only",
            "ALLOWED_HOSTS": "news.example",
        }
        env.pop("DATABASE_URL", None)
        result = subprocess.run(
            [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_production_settings_refuse_to_start_without_a_secret(self):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "masthead.settings.production"}
        env.pop("SECRET_KEY", None)
        result = subprocess.run(
            [sys.executable, "manage.py", "check"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY must be set", result.stderr)
