"""Purges reach the shared cache in front through Wagtail's frontend cache."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.test import TestCase, override_settings

from masthead.delivery import store
from masthead.newsroom.tests import factories as f


class Recorder(BaseHTTPRequestHandler):
    seen: list = []

    def do_BAN(self):  # noqa: N802 - the HTTP method's name
        self.seen.append(("BAN", self.path, self.headers.get("X-Ban-Tags")))
        self.send_response(200)
        self.end_headers()

    def do_PURGE(self):  # noqa: N802
        self.seen.append(("PURGE", self.path, self.headers.get("Host")))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


class SharedCacheTests(TestCase):
    def setUp(self):
        Recorder.seen = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.addCleanup(self.server.server_close)
        self.addCleanup(self.server.shutdown)
        location = f"http://127.0.0.1:{self.server.server_port}"
        backends = {
            "v": {"BACKEND": "masthead.delivery.backends.VarnishBackend", "LOCATION": location}
        }
        self.enterContext(override_settings(WAGTAILFRONTENDCACHE=backends))

    def test_publishing_bans_the_tags_and_purges_the_page(self):
        home = f.make_home()
        europe = f.make_section(home, "Europe")
        author = f.make_author()
        article = f.make_article(europe, article_type=f.make_type(), authors=[author], live=False)
        with self.captureOnCommitCallbacks(execute=True):
            article.save_revision().publish()
        bans = [tags for method, _, tags in Recorder.seen if method == "BAN"]
        self.assertEqual(len(bans), 1)
        banned = set(bans[0].split())
        for tag in (
            f"p{article.pk}",
            "list:stories",
            f"list:region:{europe.pk}",
            f"list:author:{author.pk}",
        ):
            self.assertIn(tag, banned)
        purged = [path for method, path, _ in Recorder.seen if method == "PURGE"]
        self.assertIn(article.url, purged)  # Wagtail's own purge of the page's URL


class RaceTests(TestCase):
    def test_a_render_that_overlaps_a_purge_is_not_kept(self):
        import time

        from django.http import HttpResponse
        from django.test import RequestFactory

        request = RequestFactory().get("/europe/")
        started = time.time_ns()
        store.purge(["list:region:1"])  # an editor publishes while the page renders
        self.assertFalse(store.save(request, HttpResponse("old"), {"list:region:1"}, started))
        self.assertIsNone(store.load(request))
        later = time.time_ns() + store.CLOCK_MARGIN_NS
        self.assertTrue(store.save(request, HttpResponse("new"), {"list:region:1"}, later))
        self.assertEqual(store.load(request).body, b"new")


class UnreachableVarnishTests(TestCase):
    def test_publishing_goes_on_when_varnish_does_not_answer(self):
        import socket

        with socket.socket() as sock:  # a port nobody listens on
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        backend = {
            "BACKEND": "masthead.delivery.backends.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
        home = f.make_home()
        article = f.make_article(
            f.make_section(home), article_type=f.make_type(), authors=[f.make_author()], live=False
        )
        with (
            override_settings(WAGTAILFRONTENDCACHE={"varnish": backend}),
            self.assertLogs("masthead.delivery.backends", "WARNING") as logs,
            self.captureOnCommitCallbacks(execute=True),
        ):
            article.save_revision().publish()
        article.refresh_from_db()
        self.assertTrue(article.live)
        # Tried at once, then again by the task (run inline in tests).
        self.assertGreaterEqual(len([m for m in logs.output if "Could not ban" in m]), 2)
