import os
import re
import subprocess
import sys
from io import BytesIO
from pathlib import Path

from csp.constants import NONCE
from csp.decorators import csp_update
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.http import HttpResponse
from django.test import RequestFactory, TestCase, override_settings

from masthead.core.middleware import CSPMiddleware
from masthead.delivery.wsgi import CachedPagesApp
from masthead.newsroom.tests import factories as f

ROOT = Path(__file__).resolve().parents[3]


class SecurityHeaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_home()

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

    def test_public_pages_run_no_script_but_the_sites_own_counting(self):
        html = self.client.get("/").content.decode()
        scripts = re.findall(r"<script[^>]*>", html)
        self.assertTrue(scripts, "the front page should carry its JSON-LD")
        # JSON-LD (data, not run) and the readership beacon: one file from the site itself.
        beacon = f'<script src="/static/analytics/beacon.js" defer data-page="{self.home.pk}">'
        self.assertEqual(set(scripts), {'<script type="application/ld+json">', beacon})


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


class AccountLockoutTests(TestCase):
    """Wrong passwords lock one address out after five, and the account after fifteen from any."""

    @classmethod
    def setUpTestData(cls):
        get_user_model().objects.create_superuser("ed", "ed@example.com", "right-password-123")

    def sign_in(self, password, address):
        return self.client.post(
            "/admin/login/", {"username": "ed", "password": password}, REMOTE_ADDR=address
        )

    def assertLocked(self, response):
        self.assertContains(response, "Sign-in locked for now", status_code=429)
        self.assertContains(response, "Too many wrong passwords", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_one_address_is_locked_out_after_five_failures_others_are_not(self):
        for _ in range(4):
            self.assertEqual(self.sign_in("wrong", "198.51.100.1").status_code, 200)
        self.assertLocked(self.sign_in("wrong", "198.51.100.1"))
        self.assertLocked(self.sign_in("right-password-123", "198.51.100.1"))
        self.assertRedirects(
            self.sign_in("right-password-123", "198.51.100.2"),
            "/admin/",
            fetch_redirect_response=False,
        )

    def test_fourteen_failures_from_fourteen_addresses_still_let_the_owner_in(self):
        for number in range(14):
            self.assertEqual(self.sign_in("wrong", f"203.0.113.{number}").status_code, 200)
        response = self.sign_in("right-password-123", "192.0.2.1")
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)

    def test_twenty_failures_from_twenty_addresses_lock_the_account_everywhere(self):
        for number in range(20):
            self.sign_in("wrong", f"203.0.113.{number}")
        self.assertLocked(self.sign_in("right-password-123", "192.0.2.1"))
        self.assertLocked(self.sign_in("right-password-123", "192.0.2.2"))
        # Another account is not locked by it.
        get_user_model().objects.create_user(
            "ann", "ann@example.com", "another-password-9", is_superuser=True
        )
        response = self.client.post(
            "/admin/login/",
            {"username": "ann", "password": "another-password-9"},
            REMOTE_ADDR="192.0.2.1",
        )
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)


class MethodTests(TestCase):
    """TRACE and other verbs no view answers get a 405 with Allow, on every kind of public URL."""

    @classmethod
    def setUpTestData(cls):
        home = f.make_home()
        cls.article = f.make_article(
            f.make_section(home, "Europe"), title="Harbour strike", article_type=f.make_type()
        )

    def test_trace_and_friends_are_refused_with_allow(self):
        for url in ["/", self.article.url, "/feed/", "/feed/json/", "/search/", "/search/?q=x"]:
            for method in ["TRACE", "TRACK", "CONNECT", "PROPFIND"]:
                with self.subTest(url=url, method=method):
                    response = self.client.generic(method, url)
                    self.assertEqual(response.status_code, 405)
                    self.assertEqual(response["Allow"], "GET, HEAD, POST, OPTIONS")
                    self.assertNotIn(b"Harbour strike", response.content)

    def test_readers_methods_still_work(self):
        self.assertContains(self.client.get(self.article.url), "Harbour strike")
        self.assertEqual(self.client.head("/feed/").status_code, 200)

    def test_the_admins_own_methods_still_reach_the_admin(self):
        # Wagtail's admin scripts send PATCH and DELETE; TRACE is refused there too.
        self.assertEqual(self.client.patch("/admin/").status_code, 302)
        self.assertEqual(self.client.generic("TRACE", "/admin/").status_code, 405)

    @override_settings(PAGE_CACHE=True)
    def test_a_kept_page_is_not_answered_to_trace_by_the_fast_path(self):
        cache.clear()
        self.addCleanup(cache.clear)
        # As Django's test client does: the test's transaction outlives each request.
        for signal in (request_started, request_finished):
            signal.disconnect(close_old_connections)
            self.addCleanup(signal.connect, close_old_connections)
        app = CachedPagesApp(get_wsgi_application())
        answers = []

        def call(method):
            environ = {
                "REQUEST_METHOD": method,
                "PATH_INFO": self.article.url,
                "SERVER_NAME": "testserver",
                "SERVER_PORT": "80",
                "HTTP_HOST": "testserver",
                "wsgi.url_scheme": "http",
                "wsgi.input": BytesIO(),
            }
            body = b"".join(app(environ, lambda status, headers: answers.append((status, headers))))
            status, headers = answers[-1]
            return status, dict(headers), body

        call("GET")
        status, headers, body = call("GET")
        self.assertEqual((status, headers.get("X-Page-Cache")), ("200 OK", "hit"))
        self.assertIn(b"Harbour strike", body)
        status, headers, body = call("TRACE")
        self.assertTrue(status.startswith("405"), status)
        self.assertEqual(headers["Allow"], "GET, HEAD, POST, OPTIONS")
        self.assertNotIn(b"Harbour strike", body)


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
