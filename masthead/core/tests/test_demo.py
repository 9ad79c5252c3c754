import json
import shutil
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import SimpleTestCase, TestCase

from masthead.core.demo import content
from masthead.core.demo.content import DATA_DIR, DemoDataError
from masthead.images.models import CustomImage
from masthead.newsroom.models import ArticlePage, Author, SectionPage

STALINGRAD = "stalingrad-and-bakhmut-battles-of-attrition"


class DemoContentTests(TestCase):
    def test_demo_data_meets_the_brief(self):
        data = content.load()
        articles = data.articles
        briefs = [a for a in articles if a["type"] == "brief"]
        self.assertGreaterEqual(len(articles) - len(briefs), 40)
        self.assertGreaterEqual(len(briefs), 12)
        self.assertGreaterEqual(len({a["region"] for a in articles}), 5)
        self.assertGreaterEqual(len({a["type"] for a in articles if a["type"] != "brief"}), 3)
        self.assertEqual(len(data.authors), 8)
        self.assertTrue(all(person["bio"] for person in data.authors))
        self.assertEqual(len({a["slug"] for a in articles}), len(articles))
        attrition = next(a for a in articles if a["slug"] == STALINGRAD)
        text = " ".join(b.get("text", "") for b in attrition["body"])
        self.assertIn("Stalingrad", text)
        self.assertIn("Bakhmut", text)

    def test_load_demo_builds_a_publication_and_is_safe_to_run_twice(self):
        out = StringIO()
        call_command("load_demo", limit=6, stdout=out)
        self.assertIn("username: editor", out.getvalue())
        self.assertEqual(SectionPage.objects.live().count(), len(content.load().regions))
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

    def test_an_article_is_built_from_its_data_file(self):
        call_command("load_demo", limit=1, no_editor=True, stdout=StringIO())
        data = json.loads((DATA_DIR / "articles" / f"{STALINGRAD}.json").read_text("utf-8"))
        page = ArticlePage.objects.get(slug=STALINGRAD)
        self.assertEqual(page.title, data["headline"])
        self.assertEqual(page.dek, data["dek"])
        self.assertEqual(page.get_parent().slug, data["region"])
        self.assertEqual(
            [a.author.slug for a in page.article_authors.order_by("sort_order")], data["authors"]
        )
        self.assertEqual(page.hero_image.default_caption, data["hero"]["caption"])
        self.assertEqual(len(page.body), len(data["body"]))
        self.assertEqual(page.footnotes.count(), len(data["footnotes"]))


class DemoDataFileTests(SimpleTestCase):
    def test_every_data_file_is_read_by_the_loader(self):
        data = content.load()
        expected = {"outlet.json", "taxonomy.json", "authors.json", "articles.json"}
        expected |= {f"articles/{article['slug']}.json" for article in data.articles}
        found = {str(path.relative_to(DATA_DIR)) for path in DATA_DIR.rglob("*") if path.is_file()}
        self.assertEqual(found - {"README.md"}, expected)

    def test_a_faulty_data_file_is_named_with_its_fault(self):
        article = f"articles/{STALINGRAD}.json"
        cases = [  # (file, text in it, replaced by, file blamed, fault named)
            (article, '"slug": ', '"slug" ', article, "not valid JSON"),
            (article, '"dek"', '"deck"', article, "misses the key 'dek'"),
            (article, '"days_ago": 2', '"days_ago": "2"', article, "'days_ago' should be"),
            (article, '"defence"', '"defense"', article, "unknown topic 'defense'"),
            (article, "[fn:1]", "[fn:9]", article, "marks footnote [fn:9], which is missing"),
            (article, '"heading"', '"subhead"', article, "body[1] needs a type"),
            (article, '"fields"', '"forest"', article, "unknown scene 'forest'"),
            ("authors.json", '"bio"', '"biography"', "authors.json", "[0] misses the key 'bio'"),
            ("taxonomy.json", '"intro"', '"about"', "taxonomy.json", "[0] misses the key 'intro'"),
            ("articles.json", f'"{STALINGRAD}",', "", "articles", "not listed in articles.json"),
        ]
        for name, text, replacement, blamed, fault in cases:
            with self.subTest(fault), tempfile.TemporaryDirectory() as tmp:
                directory = Path(tmp) / "data"
                shutil.copytree(DATA_DIR, directory)
                path = directory / name
                original = path.read_text("utf-8")
                self.assertIn(text, original)
                path.write_text(original.replace(text, replacement, 1), "utf-8")
                with self.assertRaises(DemoDataError) as raised:
                    content.load(directory)
                message = str(raised.exception)
                self.assertTrue(message.startswith(f"{directory / blamed}: "), message)
                self.assertIn(fault, message)

    def test_a_missing_data_file_is_named(self):
        with tempfile.TemporaryDirectory() as tmp:
            directory = Path(tmp) / "data"
            shutil.copytree(DATA_DIR, directory)
            (directory / "outlet.json").unlink()
            with self.assertRaisesMessage(DemoDataError, f"{directory / 'outlet.json'}: cannot"):
                content.load(directory)
