"""The publish gate, through the real Wagtail admin views."""

from django.test import TestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from masthead.newsroom.models import ArticlePage
from masthead.newsroom.tests import factories as f


class PublishGateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_home()
        cls.europe = f.make_section(cls.home, "Europe")
        cls.analysis = f.make_type("Analysis")
        cls.author = f.make_author("Ada Byron")
        cls.credited = f.make_image("Credited", agency="AFP", photographer="Jo Lens")
        cls.uncredited = f.make_image("Uncredited", agency="", photographer="")
        cls.no_alt = f.make_image("No alt", alt="")
        cls.editor = f.make_editor()

    def setUp(self):
        self.client.force_login(self.editor)

    def post_article(self, action, **overrides):
        data = {
            "title": "A piece on attrition",
            "slug": "a-piece-on-attrition",
            "dek": "One sentence.",
            "article_type": self.analysis.pk,
            "hero_image": self.credited.pk,
            "hero_caption": "",
            "article_authors": inline_formset([{"author": self.author.pk}]),
            "footnotes": inline_formset([]),
            "updates": inline_formset([]),
            "corrections": inline_formset([]),
            "body": streamfield([]),
        }
        data.update(overrides)
        if action:
            data[action] = "1"
        url = f"/admin/pages/add/newsroom/articlepage/{self.europe.pk}/"
        return self.client.post(url, nested_form_data(data), follow=True)

    def test_complete_article_publishes(self):
        response = self.post_article("action-publish")
        self.assertEqual(response.status_code, 200)
        page = ArticlePage.objects.get(slug="a-piece-on-attrition")
        self.assertTrue(page.live)

    def test_missing_credit_is_refused_with_the_reason(self):
        response = self.post_article("action-publish", hero_image=self.uncredited.pk)
        self.assertContains(response, "The top photo “Uncredited” has no credit")
        self.assertFalse(ArticlePage.objects.filter(slug="a-piece-on-attrition").exists())

    def test_each_missing_piece_is_named(self):
        response = self.post_article(
            "action-publish",
            dek="",
            article_type="",
            hero_image=self.no_alt.pk,
            article_authors=inline_formset([]),
            body=streamfield([("image", {"image": self.uncredited.pk, "caption": ""})]),
        )
        for message in [
            "Add a dek",
            "Choose the article type",
            "Add at least one author",
            "The top photo “No alt” has no alt text",
            "Photo 1 in the body “Uncredited” has no credit",
        ]:
            self.assertContains(response, message)
        self.assertFalse(ArticlePage.objects.filter(slug="a-piece-on-attrition").exists())

    def test_drafts_save_freely(self):
        self.post_article(
            None,
            dek="",
            article_type="",
            hero_image=self.uncredited.pk,
            article_authors=inline_formset([]),
        )
        page = ArticlePage.objects.get(slug="a-piece-on-attrition")
        self.assertFalse(page.live)
        self.assertEqual(
            page.publishing_problems(),
            [
                "Add a dek (the one-sentence standfirst) before publishing.",
                "Choose the article type before publishing.",
                "Add at least one author to the byline before publishing.",
                "The top photo “Uncredited” has no credit: add the agency or photographer "
                "to the photo record.",
            ],
        )
