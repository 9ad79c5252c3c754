"""The article edit form answers malformed admin POSTs with a form error, never a 500."""

from django.test import TestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from masthead.newsroom.models import ArticlePage
from masthead.newsroom.tests import factories as f

INCOMPLETE = "The content blocks did not arrive complete, so nothing was saved"


class StreamFieldPostTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_home()
        cls.europe = f.make_section(cls.home, "Europe")
        cls.analysis = f.make_type("Analysis")
        cls.author = f.make_author("Ada Byron")
        cls.article = f.make_article(
            cls.europe,
            title="Grain corridor",
            article_type=cls.analysis,
            authors=[cls.author],
            hero_image=f.make_image("Quay"),
        )
        cls.editor = f.make_editor()

    def setUp(self):
        self.client.force_login(self.editor)

    def edit(self, action, **overrides):
        data = {
            "title": "Grain corridor, retitled",
            "slug": self.article.slug,
            "dek": "One sentence.",
            "article_type": self.analysis.pk,
            "hero_image": self.article.hero_image_id,
            "hero_caption": "",
            "article_authors": inline_formset([{"author": self.author.pk}]),
            "footnotes": inline_formset([]),
            "updates": inline_formset([]),
            "corrections": inline_formset([]),
            "body": streamfield([("paragraph", "<p>New opening.</p>")]),
        }
        data.update(overrides)
        data = nested_form_data(data)
        del data["body-count"]
        if action:
            data[action] = "1"
        return self.client.post(f"/admin/pages/{self.article.pk}/edit/", data)

    def assert_refused(self, response):
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, INCOMPLETE)
        self.assertContains(response, "The page could not be saved due to validation errors")
        page = ArticlePage.objects.get(pk=self.article.pk)
        self.assertEqual(page.title, "Grain corridor")
        self.assertEqual(page.revisions.count(), 0)
        self.assertIn("Opening paragraph", str(page.body))

    def test_publish_without_the_block_count_is_a_form_error(self):
        self.assert_refused(self.edit("action-publish"))

    def test_a_draft_without_the_block_count_saves_nothing(self):
        # Drafts skip most checks; an empty body saved over the real one would lose the piece.
        self.assert_refused(self.edit(None))
