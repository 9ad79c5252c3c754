"""Photo licences: a photo past its licence is shown nowhere readers look, the worker purges the
pages kept with it, editors see what runs out within 30 days, and the gate refuses it."""

import json
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase, override_settings
from django.utils import timezone

from masthead.core.clock import tick
from masthead.images.models import CustomImage
from masthead.newsroom.licences import withdraw_expired_photos
from masthead.newsroom.tests import factories as f
from masthead.newsroom.tests.editing import post_article_edit


def today():
    return timezone.localdate()


def expire(image, days_ago=1):
    """Time passes: the licence's last day is behind us (no save, no signal, as with a clock)."""
    CustomImage.objects.filter(pk=image.pk).update(
        licence_expiry=today() - timedelta(days=days_ago)
    )


@override_settings(PAGE_CACHE=True, FRAGMENT_CACHE=True)
class ExpiredLicenceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = f.make_home()
        cls.europe = f.make_section(home, "Europe")
        cls.analysis = f.make_type("Analysis")
        cls.author = f.make_author("Ada Byron")
        cls.hero = f.make_image("Quayside", agency="PICTUREDESK", photographer="Ann Lens")
        cls.hero.licence_expiry = today()  # its last day
        cls.hero.save()
        cls.inline = f.make_image("Crane", agency="PICTUREDESK", photographer="Bo Shutter")
        cls.inline.licence_expiry = today() + timedelta(days=10)
        cls.inline.save()
        cls.other = f.make_image("Lighthouse", agency="WIRE", photographer="Cy Frame")
        cls.article = f.make_article(
            cls.europe,
            title="Cranes over the quay",
            article_type=cls.analysis,
            authors=[cls.author],
            hero_image=cls.hero,
            body=[{"type": "image", "value": {"image": cls.inline.pk, "caption": "Night lift."}}],
        )
        cls.editor = f.make_editor()
        # Each photo's file name, as its renditions' names begin: "images/quayside_x1Y2z3"
        cls.quay, cls.crane = (
            "images/" + Path(image.file.name).stem for image in (cls.hero, cls.inline)
        )

    def page(self, url=None):
        response = self.client.get(url or self.article.url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_on_its_last_day_the_photo_is_shown_and_the_day_after_it_is_gone_everywhere(self):
        shown = self.page()
        self.assertIn("PICTUREDESK/Ann Lens", shown)
        self.assertIn(self.quay, shown)
        expire(self.hero)
        expire(self.inline)
        with self.captureOnCommitCallbacks(execute=True):
            withdraw_expired_photos()  # the worker purges what the cache kept

        article = self.page()
        for gone in ("PICTUREDESK/Ann Lens", "PICTUREDESK/Bo Shutter", self.quay, self.crane):
            self.assertNotIn(gone, article)
        self.assertNotIn('class="article__hero"', article)  # no empty frame, no broken image
        self.assertNotIn('class="inline-photo"', article)
        self.assertNotIn("Night lift.", article)  # a caption without its photo says nothing
        self.assertNotIn('property="og:image"', article)
        blocks = [
            json.loads(block.split(">", 1)[1].split("</script>", 1)[0])
            for block in article.split('<script type="application/ld+json"')[1:]
        ]
        self.assertFalse(any("image" in str(block.get("@graph", block)) for block in blocks))
        for url in ("/", "/europe/", "/latest/"):
            self.assertNotIn(self.quay, self.page(url), url)
        for url in ("/feed/", "/feed/atom/", "/feed/json/", "/sitemap-articles.xml"):
            body = self.client.get(url).content.decode()
            self.assertNotIn(self.quay, body, url)
            self.assertNotIn(self.crane, body, url)
            self.assertIn("cranes-over-the-quay", body, url)  # the piece is still there

    def test_the_worker_purges_the_pages_the_cache_kept_once_per_expiry(self):
        for url in (self.article.url, "/", "/feed/"):
            self.assertIn(self.quay, self.client.get(url).content.decode(), url)
        expire(self.hero)
        self.assertIn(self.quay, self.page())  # still the kept copy: nothing purged it yet

        with self.captureOnCommitCallbacks(execute=True):
            lines = tick()  # the clock hands it to the worker (run at once in the tests)
        self.assertIn("Queued taking photos with expired licences off public pages.", lines)
        for url in (self.article.url, "/", "/feed/"):
            self.assertNotIn(self.quay, self.client.get(url).content.decode(), url)
        self.assertEqual(withdraw_expired_photos(), [])  # once per expiry
        self.assertNotIn("Queued taking photos", " ".join(tick()))

        # Renewed by the photo desk: saving the record purges the pages, the photo is back.
        self.hero.refresh_from_db()
        self.hero.licence_expiry = today() + timedelta(days=365)
        with self.captureOnCommitCallbacks(execute=True):
            self.hero.save()
        self.assertIn(self.quay, self.page())
        # And when the renewed licence runs out in turn, the worker acts again.
        expire(self.hero, days_ago=2)
        self.assertEqual(len(withdraw_expired_photos()), 1)

    def test_the_gate_refuses_a_photo_past_its_licence(self):
        expire(self.hero, days_ago=3)
        self.client.force_login(self.editor)
        published_at = self.article.last_published_at
        response = post_article_edit(self.client, self.article)
        self.assertContains(response, "may no longer be shown: its licence expired on")
        self.article.refresh_from_db()
        self.assertEqual(self.article.last_published_at, published_at)  # not published

    def test_editors_see_photos_whose_licence_runs_out_within_30_days(self):
        expire(self.hero)
        far = f.make_image("Far", agency="WIRE", photographer="Di Far")
        CustomImage.objects.filter(pk=far.pk).update(licence_expiry=today() + timedelta(days=45))
        editor = get_user_model().objects.create_user("desk", password="x" * 16, is_staff=True)
        editor.groups.add(Group.objects.get(name="Editor"))
        self.client.force_login(editor)
        dashboard = self.client.get("/admin/").content.decode()
        panel = dashboard[dashboard.index('id="photo-licences-section"') :]
        self.assertIn("Crane", panel)
        self.assertIn("in 10 days", panel)
        self.assertIn("Cranes over the quay", panel)  # the live page showing it
        self.assertNotIn("Far", panel)
        self.assertIn("Taken off public pages", panel)
        self.assertIn("Quayside", panel)

        reader = get_user_model().objects.create_user("nl", password="x" * 16, is_staff=True)
        reader.groups.add(Group.objects.get(name="Newsletter editor"))
        self.client.force_login(reader)
        self.assertNotIn('id="photo-licences-section"', self.client.get("/admin/").content.decode())
