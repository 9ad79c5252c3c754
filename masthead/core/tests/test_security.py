import os
import re
import subprocess
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings

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
