import json
import shutil
import tempfile
from datetime import timedelta
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import SimpleTestCase, TestCase

from masthead.core.demo import content
from masthead.core.demo.content import DATA_DIR, DemoDataError
from masthead.images.models import CustomImage
from masthead.newsroom.models import ArticlePage, Author, HomePage, SectionPage

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
        bylines = {slug for article in content.load().articles[:6] for slug in article["authors"]}
        self.assertEqual(set(Author.objects.values_list("slug", flat=True)), bylines)
        for article in ArticlePage.objects.all():
            self.assertEqual(article.publishing_problems(), [], article.title)
        images = CustomImage.objects.count()
        dates = dict(ArticlePage.objects.values_list("slug", "first_published_at"))
        again = StringIO()
        call_command("load_demo", limit=6, stdout=again)
        # The import path's own report: nothing made twice, nothing redated.
        self.assertIn("created=0 updated=0 unchanged=10", again.getvalue())
        self.assertIn("articles=0 pages=0 authors=0 images=0", again.getvalue())
        self.assertEqual(ArticlePage.objects.count(), 6)
        self.assertEqual(CustomImage.objects.count(), images)
        self.assertEqual(dict(ArticlePage.objects.values_list("slug", "first_published_at")), dates)
        self.assertEqual(self.client.get("/").status_code, 200)
        # The privacy page says what readership counting keeps, a paragraph at a time.
        privacy = self.client.get("/privacy/").content.decode()
        for said in ["No cookie is set", "never stored", "Do Not Track", "after 30 days"]:
            self.assertIn(said, privacy)
        self.assertGreaterEqual(privacy.count("<p>"), 6)
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
        self.assertEqual(
            [b.block_type for b in page.body],
            [{"quote": "pull_quote"}.get(b["type"], b["type"]) for b in data["body"]],
        )
        # Every footnote mark became a reference to one of the page's footnotes.
        marked = [b["text"].count("[fn:") for b in data["body"] if b["type"] == "paragraph"]
        referenced = [
            b.value.source.count("<footnote id=") for b in page.body if b.block_type == "paragraph"
        ]
        self.assertEqual(referenced, marked)
        correction = page.corrections.get()
        self.assertEqual(
            (correction.kind, correction.text),
            (data["corrections"][0]["kind"], data["corrections"][0]["text"]),
        )
        hours = data["corrections"][0]["hours_after"]
        self.assertEqual(correction.made_at - page.first_published_at, timedelta(hours=hours))
        home = HomePage.objects.get()
        self.assertEqual(
            home.first_published_at.replace(minute=0, second=0, microsecond=0)
            - page.first_published_at,
            timedelta(days=data["days_ago"], hours=len(STALINGRAD) % 9),
        )
        hero = page.hero_image
        self.assertEqual(hero.licence, content.load().image_credit["licence"])
        self.assertEqual(hero.description, data["hero"]["alt"])
        author = page.article_authors.first().author
        person = next(a for a in content.load().authors if a["slug"] == author.slug)
        self.assertEqual((author.role, author.bio), (person["role"], person["bio"]))
        self.assertEqual(author.photo.photographer, "Generated portrait")


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
