from datetime import timedelta
from types import SimpleNamespace

from django.test import TestCase
from django.utils import timezone

from masthead.newsroom.tests import factories as f
from masthead.search.services import snippet


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


class SearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_home()
        cls.europe = f.make_section(cls.home, "Europe")
        cls.africa = f.make_section(cls.home, "Africa")
        cls.analysis = f.make_type("Analysis")
        cls.news = f.make_type("News")
        cls.ada = f.make_author("Ada Byron")
        cls.grace = f.make_author("Grace Hopper")
        # The body-only match is newer, so relevance, not date, must put the headline first.
        cls.body_match = f.make_article(
            cls.africa,
            title="Grain prices in the Sahel",
            article_type=cls.news,
            authors=[cls.grace],
            body=paragraph("Officials spoke of a long stalemate over the harvest."),
            age=timedelta(days=1),
        )
        cls.headline_match = f.make_article(
            cls.europe,
            title="Stalemate on the eastern front",
            article_type=cls.analysis,
            authors=[cls.ada],
            body=paragraph("Neither army could move for months."),
            age=timedelta(days=10),
        )
        cls.unrelated = f.make_article(
            cls.europe,
            title="Ports and shipping",
            article_type=cls.analysis,
            authors=[cls.ada],
            body=paragraph("Container traffic recovered slowly."),
            age=timedelta(days=20),
        )
        cls.draft = f.make_article(
            cls.europe, title="Stalemate draft", article_type=cls.analysis, live=False
        )

    def search(self, **params):
        response = self.client.get("/search/", params)
        self.assertEqual(response.status_code, 200, params)
        return response

    def titles(self, response):
        page = response.context.get("page_obj")
        return [a.title for a in page.object_list] if page else []

    def test_headline_match_ranks_above_body_only_match(self):
        titles = self.titles(self.search(q="stalemate"))
        self.assertEqual(titles, ["Stalemate on the eastern front", "Grain prices in the Sahel"])

    def test_later_pages_continue_from_headline_matches_to_body_matches(self):
        from unittest import mock

        with mock.patch("masthead.search.views.PER_PAGE", 1):
            response = self.search(q="stalemate", region="")
            first = self.titles(response)
            second = self.titles(self.search(q="stalemate", page="2"))
        # The link to the next page keeps the query and its filters.
        self.assertContains(response, 'href="?q=stalemate&amp;region=&amp;page=2"')
        self.assertEqual(
            first + second, ["Stalemate on the eastern front", "Grain prices in the Sahel"]
        )

    def test_pages_that_straddle_headline_and_body_matches_lose_and_repeat_nothing(self):
        from unittest import mock

        make = f.make_article
        for days in (3, 4, 5):
            make(
                self.europe,
                title=f"Drydock strike, day {days}",
                article_type=self.news,
                age=timedelta(days=days),
            )
        for days in (1, 2):  # newer, but only in the body
            make(
                self.europe,
                title=f"Harbour news {days}",
                article_type=self.news,
                body=paragraph("A drydock strike."),
                age=timedelta(days=days),
            )
        pages = []
        with mock.patch("masthead.search.views.PER_PAGE", 2):
            for number in (1, 2, 3):
                pages.append(self.titles(self.search(q="drydock", page=str(number))))
        self.assertEqual(
            pages,
            [
                ["Drydock strike, day 3", "Drydock strike, day 4"],
                ["Drydock strike, day 5", "Harbour news 1"],
                ["Harbour news 2"],
            ],
        )

    def test_author_names_are_searched(self):
        self.assertEqual(self.titles(self.search(q="Hopper")), ["Grain prices in the Sahel"])

    def test_filters_narrow_the_results(self):
        self.assertEqual(
            self.titles(self.search(q="stalemate", region="africa")), ["Grain prices in the Sahel"]
        )
        self.assertEqual(
            self.titles(self.search(q="stalemate", type="analysis")),
            ["Stalemate on the eastern front"],
        )
        self.assertEqual(
            self.titles(self.search(q="stalemate", author="grace-hopper")),
            ["Grain prices in the Sahel"],
        )
        today = timezone.now().date()
        self.assertEqual(
            self.titles(self.search(q="stalemate", since=str(today - timedelta(days=3)))),
            ["Grain prices in the Sahel"],
        )
        self.assertEqual(
            self.titles(self.search(q="stalemate", until=str(today - timedelta(days=5)))),
            ["Stalemate on the eastern front"],
        )

    def test_snippets_mark_the_words(self):
        response = self.search(q="stalemate")
        self.assertContains(response, "a long <mark>stalemate</mark> over the harvest")

    def test_snippets_mark_whole_words_not_the_middle_of_one(self):
        text = "<p>The region turns seawater into drinking water, and dams the rivers.</p>"
        body = SimpleNamespace(raw_data=[{"type": "paragraph", "value": text}])
        article = SimpleNamespace(dek="", body=body)
        marked = snippet(article, ["water", "dam"])
        self.assertIn("turns seawater into drinking <mark>water</mark>,", marked)
        self.assertIn("<mark>dam</mark>s the rivers", marked)

    def test_no_results_page_helps(self):
        response = self.search(q="zeppelin")
        self.assertContains(response, "Nothing matched “zeppelin”")
        self.assertContains(response, 'href="/latest/"')

    def test_results_are_paginated_and_not_indexed_by_robots(self):
        response = self.search(q="stalemate", page="abc")
        self.assertEqual(response["X-Robots-Tag"], "noindex")
        self.assertContains(response, '<meta name="robots" content="noindex">')

    def test_hostile_and_broken_queries_never_fail(self):
        for query in [
            '"stalemate',
            "stalemate\"'",
            "stalemate AND OR NOT (",
            "(((",
            "*",
            "NEAR(stalemate",
            "'; DROP TABLE wagtailcore_page; --",
            "stale\x00mate\x1b[31m",
            "x" * 5000,
            "🙂 stalemate",
            "",
        ]:
            with self.subTest(query=query[:40]):
                response = self.search(q=query)
                self.assertNotContains(response, "Traceback")
        self.assertIn("Stalemate on the eastern front", self.titles(self.search(q='"stalemate')))
        long = self.search(q="stalemate " + "x" * 5000)
        self.assertContains(long, "we used its first 200 characters")

    def test_bad_dates_are_named_next_to_the_field(self):
        response = self.search(q="stalemate", since="2026-99-01")
        self.assertContains(response, "Enter a valid date.")
        response = self.search(q="stalemate", since="2026-05-02", until="2026-05-01")
        self.assertContains(response, "The end date is before the start date.")

    def test_unknown_filter_values_are_explained(self):
        response = self.search(q="stalemate", author="nobody")
        self.assertContains(response, "Select a valid choice")

    def test_a_very_common_word_lists_the_best_and_says_there_are_more(self):
        from unittest import mock

        from masthead.search import services

        with mock.patch.object(services.RankedResults, "MAX_RESULTS", 1):
            response = self.search(q="stalemate")
        self.assertContains(response, "More than 1 results for “stalemate”: the best 1 are listed")
        self.assertEqual(self.titles(response), ["Stalemate on the eastern front"])
