import xml.etree.ElementTree as ET
from datetime import timedelta

from django.test import TestCase

from masthead.newsroom.tests import factories as f

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
IMAGE = "{http://www.google.com/schemas/sitemap-image/1.1}"


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_home()
        cls.europe = f.make_section(cls.home, "Europe")
        cls.analysis = f.make_type("Analysis")
        cls.author = f.make_author("Ada Byron")
        cls.photo = f.make_image("Harbour")
        cls.fresh = f.make_article(
            cls.europe,
            title="Fresh",
            article_type=cls.analysis,
            authors=[cls.author],
            hero_image=cls.photo,
            age=timedelta(hours=2),
        )
        cls.old = f.make_article(
            cls.europe,
            title="Old",
            article_type=cls.analysis,
            authors=[cls.author],
            age=timedelta(days=5),
        )
        cls.draft = f.make_article(cls.europe, title="Draft", article_type=cls.analysis, live=False)

    def xml(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return ET.fromstring(response.content)

    def locations(self, root):
        return [loc.text for loc in root.iter(f"{SM}loc")]

    def test_index_lists_every_section_and_sections_list_pages(self):
        index = self.locations(self.xml("/sitemap.xml"))
        self.assertEqual(
            index,
            [
                "http://testserver/sitemap-pages.xml",
                "http://testserver/sitemap-articles.xml",
                "http://testserver/sitemap-listings.xml",
            ],
        )
        pages = self.locations(self.xml("/sitemap-pages.xml"))
        self.assertIn("http://testserver/europe/", pages)
        articles_root = self.xml("/sitemap-articles.xml")
        articles = self.locations(articles_root)
        self.assertEqual(
            articles, [f"http://testserver{self.fresh.url}", f"http://testserver{self.old.url}"]
        )
        self.assertTrue(
            all(u.find(f"{SM}lastmod") is not None for u in articles_root.iter(f"{SM}url"))
        )
        images = [i.text for i in articles_root.iter(f"{IMAGE}loc")]
        self.assertEqual(len(images), 1)
        self.assertTrue(images[0].startswith("http://testserver/media/original_images/"))
        listings = self.locations(self.xml("/sitemap-listings.xml"))
        self.assertIn("http://testserver/authors/ada-byron/", listings)
        self.assertIn("http://testserver/type/analysis/", listings)
        self.assertNotIn(f"http://testserver{self.draft.url}", pages + articles)

    def test_news_sitemap_has_the_last_48_hours(self):
        root = self.xml("/news-sitemap.xml")
        urls = list(root.iter(f"{SM}url"))
        self.assertEqual(
            [u.find(f"{SM}loc").text for u in urls], [f"http://testserver{self.fresh.url}"]
        )
        news = urls[0].find(f"{NEWS}news")
        self.assertEqual(news.find(f"{NEWS}publication/{NEWS}name").text, "Masthead")
        self.assertEqual(news.find(f"{NEWS}publication/{NEWS}language").text, "en")
        self.assertEqual(news.find(f"{NEWS}title").text, "Fresh")
        self.assertTrue(news.find(f"{NEWS}publication_date").text.startswith("20"))

    def test_robots_names_both_sitemaps(self):
        body = self.client.get("/robots.txt").content.decode()
        self.assertIn("Sitemap: http://testserver/sitemap.xml", body)
        self.assertIn("Sitemap: http://testserver/news-sitemap.xml", body)
        self.assertIn("Disallow: /admin/", body)
