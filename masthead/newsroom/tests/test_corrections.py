"""Corrections: added by an editor in the real admin, published with the page, shown on the
article, on /corrections/ and its feeds, in the article's feed item and JSON-LD, in the sitemap,
and in the newsletter to the readers whom an earlier issue reached."""

import json
import re
from datetime import timedelta

import feedparser
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.utils import timezone
from wagtail.models import GroupPagePermission

from masthead.delivery import tags
from masthead.delivery.purge import purge_tags
from masthead.newsroom.models import ArticleCorrection, ArticlePage
from masthead.newsroom.signals import article_tags
from masthead.newsroom.tests import factories as f
from masthead.newsroom.tests.editing import post_article_edit

TEXT = "An earlier version of this article gave the wrong year for the treaty: it was 1951."


class CorrectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_home()
        cls.europe = f.make_section(cls.home, "Europe")
        cls.analysis = f.make_type("Analysis")
        cls.author = f.make_author("Ada Byron")
        cls.photo = f.make_image("Credited", agency="AFP", photographer="Jo Lens")
        cls.editor = f.make_editor()

    def setUp(self):
        self.client.force_login(self.editor)
        self.article = f.make_article(
            self.europe,
            title="The coal and steel treaty at seventy-five",
            article_type=self.analysis,
            authors=[self.author],
            hero_image=self.photo,
        )

    def edit(self, action="action-publish", corrections=(), user=None):
        if user is not None:
            self.client.force_login(user)
        return post_article_edit(self.client, self.article, action=action, corrections=corrections)

    def correct(self, kind="correction", text=TEXT, **extra):
        made_at = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        row = {"kind": kind, "made_at": made_at, "text": text, **extra}
        response = self.edit(corrections=[row])
        self.assertEqual(response.status_code, 200)
        return response

    def test_an_editor_adds_a_correction_that_publishes_with_the_page(self):
        self.correct()
        correction = ArticleCorrection.objects.get(page=self.article)
        self.assertEqual(correction.editor, self.editor)
        page = self.client.get(self.article.url).content.decode()
        self.assertIn(TEXT, page)
        self.assertIn('href="#corrections"', page)  # the link from the top
        self.assertIn(f'id="{correction.anchor}"', page)

    def test_a_saved_draft_correction_is_not_public(self):
        row = {"kind": "correction", "made_at": "2026-01-05 10:00", "text": TEXT}
        self.edit(action=None, corrections=[row])
        self.assertFalse(ArticleCorrection.objects.exists())
        self.assertNotIn(TEXT, self.client.get(self.article.url).content.decode())
        self.assertNotIn(TEXT, self.client.get("/corrections/").content.decode())

    def test_a_contributor_cannot_add_one(self):
        writer = get_user_model().objects.create_user("writer", password="x" * 16, is_staff=True)
        group = Group.objects.create(name="Writers")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        writer.groups.add(group)
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group, page=self.home, permission=Permission.objects.get(codename=codename)
            )
        response = self.edit(
            corrections=[{"kind": "correction", "made_at": "2026-01-05 10:00", "text": TEXT}],
            user=writer,
        )
        self.assertContains(response, "Only an editor can add, change or remove a correction.")
        self.assertFalse(ArticleCorrection.objects.exists())

    def test_earlier_corrections_stay_in_order_and_a_retraction_goes_on_top(self):
        first = ArticleCorrection.objects.create(
            page=self.article, kind="clarification", text="First, a clarification.",
            made_at=timezone.now() - timedelta(days=3), sort_order=0,
        )  # fmt: skip
        rows = [
            {"id": first.pk, "kind": first.kind, "made_at": "2026-01-01 09:00", "text": first.text},
            {"kind": "retraction", "made_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
             "text": "We have retracted this article: its main source was not genuine."},
        ]  # fmt: skip
        self.edit(corrections=rows)
        page = self.client.get(self.article.url).content.decode()
        retraction = page.index("its main source was not genuine")
        self.assertLess(retraction, page.index("<h1"))  # on top of the piece
        listed = page[page.index('id="corrections"') :]
        self.assertLess(listed.index("First, a clarification."), listed.index("not genuine"))
        self.assertEqual(self.client.get(self.article.url).status_code, 200)  # still at its URL

    def test_the_corrections_page_lists_them_newest_first_with_feeds(self):
        other = f.make_article(self.europe, title="Second piece", article_type=self.analysis)
        ArticleCorrection.objects.create(
            page=other, text="Older one.", made_at=timezone.now() - timedelta(days=2)
        )
        self.correct()
        listing = self.client.get("/corrections/").content.decode()
        self.assertLess(listing.index(TEXT), listing.index("Older one."))
        self.assertIn('href="/corrections/feed/"', listing)  # the <link rel="alternate">
        self.assertIn('href="/corrections/"', self.client.get("/").content.decode())  # footer
        correction = ArticleCorrection.objects.get(text=TEXT)
        for url in ("/corrections/feed/", "/corrections/feed/atom/"):
            feed = feedparser.parse(self.client.get(url).content)
            self.assertFalse(feed.bozo, url)
            self.assertEqual(feed.entries[0].id, f"urn:uuid:{correction.key}")
            self.assertIn(f"#{correction.anchor}", feed.entries[0].link)
            self.assertIn("1951", feed.entries[0].summary)
        data = json.loads(self.client.get("/corrections/feed/json/").content)
        self.assertEqual([item["content_text"] for item in data["items"]], [TEXT, "Older one."])

    def test_an_unpublished_piece_leaves_the_corrections_page(self):
        self.correct()
        self.article.refresh_from_db()
        self.article.unpublish()
        self.assertNotIn(TEXT, self.client.get("/corrections/").content.decode())

    def test_the_article_feed_item_keeps_its_id_and_shows_the_correction_and_new_date(self):
        day_ago = timezone.now() - timedelta(days=1)
        ArticlePage.objects.filter(pk=self.article.pk).update(last_published_at=day_ago)
        purge_tags(tags=article_tags(self.article))
        before = feedparser.parse(self.client.get("/feed/atom/").content).entries[0]
        self.correct()
        after = feedparser.parse(self.client.get("/feed/atom/").content).entries[0]
        self.assertEqual(after.id, before.id)
        self.assertGreater(after.updated_parsed, before.updated_parsed)
        self.assertIn("1951", after.content[0].value)
        item = json.loads(self.client.get("/feed/json/").content)["items"][0]
        self.assertIn("Corrections and clarifications", item["content_html"])

    def test_json_ld_carries_the_correction_and_date_modified(self):
        self.correct()
        page = self.client.get(self.article.url).content.decode()
        blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S)
        news = next(b for b in map(json.loads, blocks) if "headline" in b)
        correction = ArticleCorrection.objects.get()
        self.assertEqual(news["correction"][0]["@type"], "CorrectionComment")
        self.assertEqual(news["correction"][0]["text"], TEXT)
        self.assertEqual(news["dateModified"], self.article.specific_class.objects.get(
            pk=self.article.pk).modified_at.isoformat())  # fmt: skip
        self.assertGreaterEqual(news["dateModified"], correction.made_at.isoformat()[:16])

    def test_the_sitemap_lastmod_moves(self):
        ArticlePage.objects.filter(pk=self.article.pk).update(
            last_published_at=timezone.now() - timedelta(days=30)
        )
        before = self.client.get("/sitemap-articles.xml").content.decode()
        ArticleCorrection.objects.create(page=self.article, text=TEXT, made_at=timezone.now())
        purge_tags(tags=article_tags(self.article))
        after = self.client.get("/sitemap-articles.xml").content.decode()
        lastmod = re.compile(r"<lastmod>([^<]+)</lastmod>")
        self.assertGreater(lastmod.findall(after)[0], lastmod.findall(before)[0])

    def test_publishing_a_correction_purges_the_corrections_list(self):
        self.assertIn(tags.listing("corrections"), article_tags(self.article))
        self.assertNotIn(TEXT, self.client.get("/corrections/").content.decode())
        self.correct()  # the list was kept by the page cache: the publish must drop it
        self.assertIn(TEXT, self.client.get("/corrections/").content.decode())

    def test_a_copy_of_a_corrected_piece_starts_without_its_corrections(self):
        self.correct()
        copy = self.article.copy(
            update_attrs={"slug": "coal-and-steel-copy", "title": "A new piece"}, keep_live=False
        )
        self.assertFalse(ArticleCorrection.objects.filter(page=copy).exists())
        self.assertEqual(ArticleCorrection.objects.filter(text=TEXT).count(), 1)
