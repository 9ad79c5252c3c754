"""One reader's address gets a fair number of searches a minute, then a 429 that says to wait."""

from types import SimpleNamespace
from unittest import mock

from django.core.cache import cache
from django.test import TestCase, override_settings

from masthead.newsroom.tests import factories as f
from masthead.search import limits

# A moment 45 seconds into a minute: the window has 15 seconds left.
NOW = 1_700_000_000 // 60 * 60 + 45.0


@override_settings(SEARCH_RATE_LIMIT=30, SEARCH_RATE_WINDOW_SECONDS=60)
class SearchLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = f.make_home()
        europe = f.make_section(home, "Europe")
        f.make_article(europe, title="Stalemate on the eastern front", article_type=f.make_type())

    def setUp(self):
        cache.clear()
        clock = mock.patch.object(limits, "time", SimpleNamespace(time=lambda: NOW))
        clock.start()
        self.addCleanup(clock.stop)

    def search(self, address, query="stalemate", **headers):
        return self.client.get("/search/", {"q": query}, REMOTE_ADDR=address, **headers)

    def test_the_31st_search_in_a_minute_is_refused_with_retry_after(self):
        for _ in range(30):
            self.assertEqual(self.search("203.0.113.7").status_code, 200)
        response = self.search("203.0.113.7")
        self.assertEqual(response.status_code, 429)
        self.assertEqual(response["Retry-After"], "15")
        self.assertContains(response, "Please try again in a minute", status_code=429)
        self.assertNotContains(response, "Stalemate on the eastern front", status_code=429)
        self.assertIn("no-cache", response["Cache-Control"])
        # Another reader is not held up by the first.
        self.assertContains(self.search("198.51.100.2"), "Stalemate on the eastern front")

    def test_the_search_page_without_words_does_not_count_and_stays_open(self):
        for _ in range(40):
            self.assertEqual(
                self.client.get("/search/", REMOTE_ADDR="203.0.113.7").status_code, 200
            )
            self.assertEqual(self.search("203.0.113.7", query="  ").status_code, 200)
        self.assertContains(self.search("203.0.113.7"), "Stalemate on the eastern front")
        for _ in range(30):
            self.search("203.0.113.7")
        self.assertEqual(self.client.get("/search/", REMOTE_ADDR="203.0.113.7").status_code, 200)

    def test_a_made_up_forwarded_address_does_not_escape_the_limit(self):
        for number in range(31):
            response = self.search("203.0.113.7", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
        self.assertEqual(response.status_code, 429)

    @override_settings(TRUSTED_PROXIES=["10.0.0.0/24"])
    def test_behind_our_proxy_each_reader_has_their_own_limit(self):
        def through_proxy(reader):
            # Varnish appends the address it saw; whatever came before is the reader's to make up.
            forwarded = f"192.0.2.99, {reader}"
            return self.search("10.0.0.5", HTTP_X_FORWARDED_FOR=forwarded)

        for _ in range(30):
            self.assertEqual(through_proxy("203.0.113.7").status_code, 200)
        self.assertEqual(through_proxy("203.0.113.7").status_code, 429)
        self.assertEqual(through_proxy("198.51.100.2").status_code, 200)
        # The left part of the header is the reader's to make up: it changes nothing.
        self.assertEqual(
            self.search("10.0.0.5", HTTP_X_FORWARDED_FOR="198.51.100.2, 203.0.113.7").status_code,
            429,
        )
