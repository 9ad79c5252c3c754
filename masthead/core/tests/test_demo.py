from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from masthead.core.demo import taxonomy
from masthead.core.demo.builder import all_articles
from masthead.images.models import CustomImage
from masthead.newsroom.models import ArticlePage, Author, SectionPage


class DemoContentTests(TestCase):
    def test_demo_data_meets_the_brief(self):
        articles = all_articles()
        briefs = [a for a in articles if a["type"] == "brief"]
        self.assertGreaterEqual(len(articles) - len(briefs), 40)
        self.assertGreaterEqual(len(briefs), 12)
        self.assertGreaterEqual(len({a["region"] for a in articles}), 5)
        self.assertGreaterEqual(len({a["type"] for a in articles if a["type"] != "brief"}), 3)
        self.assertEqual(len(taxonomy.AUTHORS), 8)
        self.assertEqual(len({a["slug"] for a in articles}), len(articles))
        attrition = next(
            a for a in articles if a["slug"] == "stalingrad-and-bakhmut-battles-of-attrition"
        )
        text = " ".join(b.get("text", "") for b in attrition["body"])
        self.assertIn("Stalingrad", text)
        self.assertIn("Bakhmut", text)

    def test_load_demo_builds_a_publication_and_is_safe_to_run_twice(self):
        out = StringIO()
        call_command("load_demo", limit=6, stdout=out)
        self.assertIn("username: editor", out.getvalue())
        self.assertEqual(SectionPage.objects.live().count(), len(taxonomy.REGIONS))
        self.assertEqual(ArticlePage.objects.live().count(), 6)
        self.assertEqual(Author.objects.count(), 8)
        for article in ArticlePage.objects.all():
            self.assertEqual(article.publishing_problems(), [], article.title)
        images = CustomImage.objects.count()
        call_command("load_demo", limit=6, stdout=StringIO())
        self.assertEqual(ArticlePage.objects.count(), 6)
        self.assertEqual(CustomImage.objects.count(), images)
        self.assertEqual(self.client.get("/").status_code, 200)
        self.assertTrue(
            all(i.credit.startswith("MASTHEAD DEMO/") for i in CustomImage.objects.all())
        )
