"""JSON-LD and social cards, read back out of the rendered pages as data."""

import json
import re
from datetime import timedelta

from django.test import TestCase
from wagtail.models import Site

from masthead.newsroom.tests import factories as f
from masthead.siteconfig.models import SiteSettings


def jsonld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def meta(html: str, key: str) -> list[str]:
    return re.findall(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)


class StructuredDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_home()
        cls.europe = f.make_section(cls.home, "Europe")
        cls.analysis = f.make_type("Analysis")
        cls.analysis.schema_type = "AnalysisNewsArticle"
        cls.analysis.save()
        cls.opinion = f.make_type("Opinion")
        cls.opinion.schema_type = "OpinionNewsArticle"
        cls.opinion.save()
        cls.ada = f.make_author("Ada Byron", role="Europe Editor")
        cls.grace = f.make_author("Grace Hopper")
        cls.photo = f.make_image(
            "Harbour",
            agency="REUTERS",
            photographer="Jane Doe",
            licence="All rights reserved",
            licence_url="https://news.example/licence",
        )
        cls.article = f.make_article(
            cls.europe,
            title="Sieges </script> compared",
            article_type=cls.analysis,
            authors=[cls.ada, cls.grace],
            dek="Two sieges.",
            hero_image=cls.photo,
            hero_caption="The harbour.",
            age=timedelta(hours=3),
        )
        cls.opinion_piece = f.make_article(
            cls.europe, title="A view", article_type=cls.opinion, authors=[cls.ada]
        )
        outlet = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        outlet.outlet_name = "The Test Review"
        outlet.logo = f.make_image("Logo", alt="")
        outlet.mastodon_url = "https://mastodon.example/@test"
        outlet.bluesky_url = "https://bsky.example/profile/test"
        outlet.save()

    def test_article_jsonld_describes_the_piece(self):
        html = self.client.get(self.article.url).content.decode()
        # A headline cannot close the JSON-LD script element early.
        self.assertIn("Sieges \\u003C/script\\u003E compared", html)
        news, crumbs = jsonld(html)
        self.assertEqual(news["@type"], "AnalysisNewsArticle")
        self.assertEqual(news["headline"], "Sieges </script> compared")
        self.assertEqual(news["description"], "Two sieges.")
        self.assertEqual([a["name"] for a in news["author"]], ["Ada Byron", "Grace Hopper"])
        self.assertTrue(
            all(a["@type"] == "Person" and a["url"].startswith("http") for a in news["author"])
        )
        self.assertEqual(news["publisher"]["@type"], "NewsMediaOrganization")
        self.assertEqual(news["publisher"]["name"], "The Test Review")
        self.assertIn("url", news["publisher"]["logo"])
        self.assertEqual(news["articleSection"], "Europe")
        self.assertTrue(news["isAccessibleForFree"])
        self.assertTrue(news["datePublished"] and news["dateModified"])
        image = news["image"]
        self.assertEqual(image["@type"], "ImageObject")
        self.assertEqual(image["creditText"], "REUTERS/Jane Doe")
        self.assertEqual(image["copyrightNotice"], "REUTERS/Jane Doe")
        self.assertEqual(image["license"], "https://news.example/licence")
        self.assertEqual(crumbs["@type"], "BreadcrumbList")
        self.assertEqual(
            [i["name"] for i in crumbs["itemListElement"]], ["Home", "Europe", self.article.title]
        )

    def test_type_picks_the_schema_subtype(self):
        news, _ = jsonld(self.client.get(self.opinion_piece.url).content.decode())
        self.assertEqual(news["@type"], "OpinionNewsArticle")
        self.assertNotIn("image", news)

    def test_front_page_names_the_organization_and_its_accounts(self):
        blocks = jsonld(self.client.get("/").content.decode())
        org = next(b for b in blocks if b["@type"] == "NewsMediaOrganization")
        self.assertEqual(org["name"], "The Test Review")
        self.assertEqual(
            org["sameAs"], ["https://mastodon.example/@test", "https://bsky.example/profile/test"]
        )

    def test_article_social_cards(self):
        html = self.client.get(self.article.url).content.decode()
        self.assertEqual(meta(html, "og:type"), ["article"])
        self.assertEqual(meta(html, "og:title"), ["Sieges &lt;/script&gt; compared"])
        self.assertEqual(meta(html, "og:description"), ["Two sieges."])
        self.assertTrue(meta(html, "og:image")[0].startswith("http://testserver/media/"))
        self.assertEqual(meta(html, "og:image:width"), ["1000"])
        self.assertTrue(meta(html, "og:image:height"))
        self.assertEqual(meta(html, "og:image:alt"), ["A harbour"])
        self.assertTrue(meta(html, "article:published_time"))
        self.assertTrue(meta(html, "article:modified_time"))
        self.assertEqual(meta(html, "article:section"), ["Europe"])
        self.assertEqual(len(meta(html, "article:author")), 2)
        self.assertEqual(meta(html, "twitter:card"), ["summary_large_image"])
        self.assertIn(f'<link rel="canonical" href="http://testserver{self.article.url}">', html)

    def test_front_and_region_pages_show_their_lead_storys_photo_else_the_share_image(self):
        photo = meta(self.client.get(self.article.url).content.decode(), "og:image")
        self.assertEqual(meta(self.client.get("/europe/").content.decode(), "og:image"), photo)
        # The newest piece leads the front page, and it has no photo: nothing to show yet.
        self.assertEqual(meta(self.client.get("/").content.decode(), "og:image"), [])
        self.home.lead_article = self.article
        self.home.save_revision().publish()
        self.assertEqual(meta(self.client.get("/").content.decode(), "og:image"), photo)
        self.home.lead_article = None
        self.home.save_revision().publish()
        self.assertEqual(meta(self.client.get("/type/analysis/").content.decode(), "og:image"), [])
        outlet = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        outlet.share_image = f.make_image("Share card", alt="The masthead of The Test Review")
        outlet.save()
        for url in ["/", "/type/analysis/", "/latest/", "/authors/ada-byron/"]:
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                (card,) = meta(html, "og:image")
                self.assertTrue(card.startswith("http://testserver/media/") and card not in photo)
                self.assertEqual(meta(html, "og:image:alt"), ["The masthead of The Test Review"])
        self.assertEqual(meta(self.client.get("/europe/").content.decode(), "og:image"), photo)

    def test_every_page_has_cards_and_a_canonical_url(self):
        for url in [
            "/",
            "/europe/",
            "/latest/",
            "/type/analysis/",
            "/authors/ada-byron/",
            "/briefs/",
        ]:
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                self.assertEqual(len(re.findall(r'<link rel="canonical"', html)), 1)
                self.assertTrue(meta(html, "og:title"))
                self.assertTrue(meta(html, "og:url"))
                self.assertTrue(meta(html, "twitter:card"))
