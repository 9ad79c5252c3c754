"""Every feed, read the way feed readers read it."""

import json
import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path

import feedparser
import jsonschema
from django.test import TestCase, override_settings

from masthead.newsroom.tests import factories as f

FILES = Path(__file__).parent / "files"
MEDIA = "{http://search.yahoo.com/mrss/}"
ATOM = "{http://www.w3.org/2005/Atom}"
SCOPES = [
    "/feed/",
    "/feed/region/europe/",
    "/feed/topic/energy/",
    "/feed/type/analysis/",
    "/feed/author/ada-byron/",
]


class FeedTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_home()
        cls.europe = f.make_section(cls.home, "Europe")
        cls.africa = f.make_section(cls.home, "Africa")
        cls.analysis = f.make_type("Analysis")
        cls.news = f.make_type("News")
        cls.ada = f.make_author("Ada Byron")
        cls.grace = f.make_author("Grace Hopper")
        cls.energy = f.make_topic("Energy")
        cls.photo = f.make_image("Harbour", agency="REUTERS", photographer="Jane Doe")
        cls.articles = []
        for i in range(55):
            article = f.make_article(
                cls.europe if i % 2 else cls.africa,
                title=f"Piece {i}",
                article_type=cls.analysis if i % 3 else cls.news,
                authors=[cls.ada, cls.grace] if i % 4 == 0 else [cls.ada],
                hero_image=cls.photo,
                hero_caption=f"Caption {i}",
                age=timedelta(hours=i),
                body=[{"type": "paragraph", "value": f"<p>Full text of piece {i} & more.</p>"}],
            )
            article.topics.add(cls.energy)
            article.save()
            cls.articles.append(article)


class RssAndAtomTests(FeedTestCase):
    def fetch(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        ET.fromstring(response.content)  # strict XML: raises on anything malformed
        parsed = feedparser.parse(response.content)
        self.assertFalse(parsed.bozo, f"{url}: {parsed.get('bozo_exception')}")
        return response, parsed

    def test_every_scope_has_valid_rss_and_atom_with_50_items(self):
        for scope in SCOPES:
            for url, version in [(scope, "rss20"), (scope + "atom/", "atom10")]:
                with self.subTest(url=url):
                    _, parsed = self.fetch(url)
                    self.assertEqual(parsed.version, version)
                    self.assertLessEqual(len(parsed.entries), 50)
                    self.assertGreater(len(parsed.entries), 0)
                    for entry in parsed.entries:
                        self.assertTrue(entry.title)
                        self.assertTrue(entry.link.startswith("http://testserver/"))
                        self.assertTrue(entry.id.startswith("urn:uuid:"))
                        self.assertTrue(entry.published_parsed)
                        self.assertIn("Full text of piece", entry.content[0].value)
                        self.assertIn("Top photo credit: REUTERS/Jane Doe", entry.content[0].value)
                        self.assertTrue(entry.tags)
                        self.assertTrue(entry.get("authors"))

    def test_site_feed_has_the_newest_fifty_with_every_author(self):
        _, parsed = self.fetch("/feed/")
        self.assertEqual(len(parsed.entries), 50)
        self.assertEqual(parsed.entries[0].title, "Piece 0")
        self.assertEqual([a.name for a in parsed.entries[0].authors], ["Ada Byron", "Grace Hopper"])
        self.assertEqual({t.term for t in parsed.entries[0].tags}, {"Africa", "News", "Energy"})
        self.assertEqual(
            [entry.link for entry in parsed.entries],
            [f"http://testserver{article.url}" for article in self.articles[:50]],
        )

    def test_rss_items_carry_the_photo_with_caption_and_credit(self):
        response, _ = self.fetch("/feed/")
        item = ET.fromstring(response.content).find("channel/item")
        media = item.find(f"{MEDIA}content")
        self.assertEqual(media.get("medium"), "image")
        self.assertTrue(media.get("url").startswith("http://testserver/media/"))
        self.assertEqual(media.find(f"{MEDIA}credit").text, "REUTERS/Jane Doe")
        self.assertEqual(media.find(f"{MEDIA}description").text, "Caption 0")
        self.assertEqual(item.find("guid").get("isPermaLink"), "false")

    def test_atom_entries_have_enclosure_and_stable_ids(self):
        response, parsed = self.fetch("/feed/atom/")
        entry = ET.fromstring(response.content).find(f"{ATOM}entry")
        enclosure = [e for e in entry.findall(f"{ATOM}link") if e.get("rel") == "enclosure"]
        self.assertEqual(len(enclosure), 1)
        first_id = parsed.entries[0].id
        article = self.articles[0]
        article.title = "Piece 0, corrected"
        article.save_revision().publish()
        _, again = self.fetch("/feed/atom/")
        self.assertEqual(again.entries[0].id, first_id)
        self.assertEqual(again.entries[0].title, "Piece 0, corrected")

    def test_items_are_filed_under_region_type_and_topics(self):
        second = f.make_topic("Ports")
        newest = self.articles[0]
        newest.topics.add(second)
        newest.save()
        _, parsed = self.fetch("/feed/")
        filed = [tag.term for tag in parsed.entries[0].tags]
        self.assertEqual(filed, ["Africa", "News", "Energy", "Ports"])
        self.assertEqual(
            [tag.term for tag in parsed.entries[1].tags], ["Europe", "Analysis", "Energy"]
        )

    def test_region_feed_only_has_that_region(self):
        _, parsed = self.fetch("/feed/region/europe/")
        self.assertEqual({int(e.title.split()[1]) % 2 for e in parsed.entries}, {1})

    def test_unknown_scopes_are_404(self):
        for url in ["/feed/region/atlantis/", "/feed/galaxy/x/", "/feed/author/nobody/json/"]:
            self.assertEqual(self.client.get(url).status_code, 404, url)


class JsonFeedTests(FeedTestCase):
    def test_json_feeds_follow_the_schema(self):
        schema = json.loads((FILES / "jsonfeed-1.1.schema.json").read_text())
        checker = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        for scope in SCOPES:
            with self.subTest(scope=scope):
                response = self.client.get(scope + "json/")
                self.assertEqual(response["Content-Type"], "application/feed+json")
                feed = response.json()
                errors = [e.message for e in checker.iter_errors(feed)]
                self.assertEqual(errors, [])
                self.assertLessEqual(len(feed["items"]), 50)
                item = feed["items"][0]
                self.assertEqual(item["_masthead"]["image_credit"], "REUTERS/Jane Doe")
                self.assertTrue(item["image"].startswith("http://testserver/media/"))


class FeedDiscoveryTests(FeedTestCase):
    def test_pages_link_their_feeds(self):
        html = self.client.get("/europe/").content.decode()
        for href in ["/feed/", "/feed/atom/", "/feed/json/", "/feed/region/europe/"]:
            self.assertIn(f'href="{href}"', html)
        self.assertIn('type="application/feed+json"', html)
        self.assertIn(
            'href="/feed/author/ada-byron/"',
            self.client.get("/authors/ada-byron/").content.decode(),
        )


@override_settings(PAGE_CACHE=True)
class FeedCacheTests(FeedTestCase):
    def test_a_cached_feed_is_served_without_queries_until_something_is_published(self):
        first = self.client.get("/feed/").content
        with self.assertNumQueries(0):
            self.assertEqual(self.client.get("/feed/").content, first)
        article = self.articles[3]
        article.title = "Piece 3, revised"
        with self.captureOnCommitCallbacks(execute=True):
            article.save_revision().publish()
        self.assertIn(b"Piece 3, revised", self.client.get("/feed/").content)

    def test_a_changed_photo_credit_reaches_the_cached_feed(self):
        self.client.get("/feed/json/")
        self.assertEqual(self.client.get("/feed/json/")["X-Page-Cache"], "hit")
        self.photo.photographer = "John Roe"
        with self.captureOnCommitCallbacks(execute=True):
            self.photo.save()
        item = self.client.get("/feed/json/").json()["items"][0]
        self.assertEqual(item["_masthead"]["image_credit"], "REUTERS/John Roe")

    def test_a_changed_credit_of_a_photo_in_a_body_reaches_the_cached_feed(self):
        inline = f.make_image("Ferry", agency="AFP", photographer="Ana Lima")
        f.make_article(
            self.europe,
            title="The ferry runs again",
            article_type=self.news,
            authors=[self.ada],
            body=[
                {"type": "paragraph", "value": "<p>The ferry runs again.</p>"},
                {"type": "image", "value": {"image": inline.pk, "caption": ""}},
            ],
        )
        self.assertIn("Photo: AFP/Ana Lima", self.client.get("/feed/").content.decode())
        self.assertEqual(self.client.get("/feed/")["X-Page-Cache"], "hit")
        inline.photographer = "Rui Costa"
        with self.captureOnCommitCallbacks(execute=True):
            inline.save()
        self.assertIn("Photo: AFP/Rui Costa", self.client.get("/feed/").content.decode())


class FeedBodyTests(FeedTestCase):
    def test_body_blocks_and_footnotes_reach_the_feed(self):
        from wagtail_footnotes.models import Footnote

        article = self.articles[0]
        note = Footnote.objects.create(
            page=article, uuid="3f1c2a77-7d7e-4c39-9a52-8f0e1f4b2c10", text="<p>Counts vary.</p>"
        )
        article.body = [
            {"type": "heading", "value": {"text": "The long winter", "level": "h2"}},
            {
                "type": "paragraph",
                "value": f'<p>Losses<footnote id="{note.uuid}">[1]</footnote>.</p>',
            },
            {
                "type": "pull_quote",
                "value": {"text": "Attrition is arithmetic.", "attribution": ""},
            },
            {"type": "image", "value": {"image": self.photo.pk, "caption": "Quay at noon."}},
            {"type": "embed", "value": {"embed": "https://vimeo.com/76979871", "caption": ""}},
        ]
        article.save_revision().publish()
        content = feedparser.parse(self.client.get("/feed/").content).entries[0].content[0].value
        self.assertIn("<h2>The long winter</h2>", content)
        self.assertIn(f'<a href="http://testserver{article.url}#footnote-1">[1]</a>', content)
        self.assertIn("Counts vary.", content)
        self.assertIn("<blockquote><p>Attrition is arithmetic.</p></blockquote>", content)
        self.assertIn("Quay at noon.", content)
        self.assertIn("Photo: REUTERS/Jane Doe", content)
        self.assertIn('<a href="https://vimeo.com/76979871">', content)

    def test_quotes_and_tables_reach_the_feed(self):
        article = self.articles[0]
        article.body = [
            {
                "type": "quote",
                "value": {"text": "<p>We <i>will</i> hold the line.</p>", "attribution": "A mayor"},
            },
            {
                "type": "table",
                "value": {
                    "caption": "Grain exports & prices",
                    "header_row": True,
                    "header_column": True,
                    "rows": [["Year", "Tonnes"], ["2021", "<45m>"], ["2022", "33m"]],
                },
            },
        ]
        article.save_revision().publish()
        content = feedparser.parse(self.client.get("/feed/").content).entries[0].content[0].value
        self.assertIn("We <i>will</i> hold the line.", content)
        self.assertIn("<footer>A mayor</footer>", content)
        self.assertIn("<caption>Grain exports &amp; prices</caption>", content)
        self.assertIn("<thead><tr><th>Year</th><th>Tonnes</th></tr></thead>", content)
        self.assertIn("<tr><th>2021</th><td>&lt;45m&gt;</td></tr>", content)
