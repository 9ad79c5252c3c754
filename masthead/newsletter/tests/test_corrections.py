"""The readers who got a piece hear that it was wrong: the next round-up opens with the
corrections to pieces earlier issues carried, and the web archive of the issue that carried a
piece shows its corrections under it."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from masthead.newsletter.models import Issue, IssueItem
from masthead.newsletter.rendering import render_issue
from masthead.newsletter.tests.factories import make_newsletter
from masthead.newsroom.models import ArticleCorrection
from masthead.newsroom.tests import factories as f

CARRIED = "An earlier version misstated the tonnage: the port handled 12 million tonnes."


class RoundupCorrectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = f.make_home()
        europe = f.make_section(home, "Europe")
        kind = f.make_type("Analysis")
        cls.newsletter = make_newsletter()
        now = timezone.now()
        cls.sent_at = now - timedelta(days=7)
        cls.carried = f.make_article(europe, title="Ports of the North Sea", article_type=kind)
        cls.other = f.make_article(europe, title="Never in an issue", article_type=kind)
        cls.week1 = Issue.objects.create(
            newsletter=cls.newsletter, subject="Week 1", slug="week-1",
            state=Issue.State.SENT, sent_at=cls.sent_at,
        )  # fmt: skip
        IssueItem.objects.create(issue=cls.week1, article=cls.carried, sort_order=0)
        cls.week2 = Issue.objects.create(newsletter=cls.newsletter, subject="Week 2", slug="week-2")

        def correct(page, text, when):
            ArticleCorrection.objects.create(page=page, text=text, made_at=when)

        correct(cls.carried, CARRIED, now - timedelta(days=2))
        correct(cls.carried, "Made before week 1 went out.", cls.sent_at - timedelta(hours=1))
        correct(cls.other, "A piece no issue carried.", now - timedelta(days=1))

    def test_the_next_issue_opens_with_corrections_to_pieces_earlier_issues_carried(self):
        rendered = render_issue(self.week2, root="https://news.example")
        for body in (rendered.html, rendered.text):
            self.assertIn("Corrections", body)
            self.assertIn(CARRIED, body)
            self.assertNotIn("A piece no issue carried.", body)
            self.assertNotIn("Made before week 1 went out.", body)  # week 1's readers saw it
        correction = ArticleCorrection.objects.get(text=CARRIED)
        link = f"https://news.example{self.carried.url}#{correction.anchor}"
        self.assertIn(link, rendered.html)
        self.assertIn(link, rendered.text)

    def test_an_issue_with_nothing_before_it_has_no_corrections(self):
        rendered = render_issue(self.week1, root="https://news.example")
        self.assertNotIn(CARRIED, rendered.html)

    def test_the_archive_of_the_issue_that_carried_the_piece_shows_the_correction(self):
        page = self.client.get(self.week1.get_absolute_url()).content.decode()
        teaser = page.index("Ports of the North Sea")
        self.assertGreater(page.index(CARRIED), teaser)
        self.assertNotIn("A piece no issue carried.", page)
