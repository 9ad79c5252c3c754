"""Photos as <picture>: AVIF or WebP for browsers that show them, JPEG for the rest."""

from datetime import timedelta

from django.test import TestCase

from masthead.images.models import CustomImage
from masthead.images.renditions import SIZES, prerender
from masthead.images.tests.helpers import pictures, render, srcset_widths
from masthead.newsroom.tests import factories as f


class PictureTagTests(TestCase):
    def test_avif_then_webp_sources_and_a_jpeg_img_that_keeps_its_size(self):
        html = render('{% picture image "teaser" %}', image=f.make_image(alt="A quay at dawn"))
        [picture] = pictures(html)
        self.assertEqual([s["type"] for s in picture["sources"]], ["image/avif", "image/webp"])
        for source, extension in zip(picture["sources"], (".avif", ".webp")):
            self.assertEqual(srcset_widths(source["srcset"], extension), [400, 800])
            self.assertEqual(source["sizes"], SIZES["teaser"][1])
        img = picture["img"]
        self.assertEqual(srcset_widths(img["srcset"], ".jpg"), [400, 800])
        self.assertTrue(img["src"].endswith(".jpg"), img["src"])
        self.assertEqual(img["sizes"], SIZES["teaser"][1])
        self.assertEqual((img["width"], img["height"]), ("800", "450"))
        self.assertEqual((img["alt"], img["decoding"]), ("A quay at dawn", "async"))
        self.assertEqual(img["loading"], "lazy")
        self.assertNotIn("fetchpriority", img)

    def test_priority_is_fetched_first_and_never_lazily(self):
        html = render('{% picture image "hero" priority=True %}', image=f.make_image())
        img = pictures(html)[0]["img"]
        self.assertEqual((img["fetchpriority"], img["loading"]), ("high", "eager"))

    def test_alt_can_be_emptied_and_no_image_renders_nothing(self):
        html = render('{% picture image "avatar" alt="" %}', image=f.make_image(alt="Ada"))
        self.assertEqual(pictures(html)[0]["img"]["alt"], "")
        self.assertEqual(render('{% picture image "hero" %}', image=None), "")

    def test_prerendered_renditions_once_prefetched_cost_no_query(self):
        prerender(f.make_image())
        image = CustomImage.objects.prefetch_renditions().get()
        with self.assertNumQueries(0):
            html = render('{% picture image "hero" %}', image=image)
        self.assertEqual(len(pictures(html)[0]["sources"]), 2)


class PicturePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = f.make_home()
        europe = f.make_section(home, "Europe")
        analysis = f.make_type("Analysis")
        author = f.make_author("Ada Byron", photo=f.make_image("Ada", alt="Ada Byron"))
        photo = f.make_image("Harbour", alt="The harbour at dawn")
        cls.article = f.make_article(
            europe,
            article_type=analysis,
            authors=[author],
            hero_image=photo,
            body=[
                {"type": "paragraph", "value": "<p>Opening.</p>"},
                {"type": "image", "value": {"image": f.make_image("Quay").pk, "caption": ""}},
            ],
        )
        for hours in range(1, 6):
            f.make_article(
                europe, article_type=analysis, hero_image=photo, age=timedelta(hours=hours)
            )

    def part(self, html, start, end):
        self.assertIn(start, html)
        found = pictures(html.split(start, 1)[1].split(end, 1)[0])
        self.assertTrue(found, f"no <picture> in {start}")
        return found

    def test_article_hero_is_a_picture_fetched_first(self):
        html = self.client.get(self.article.url).content.decode()
        [hero] = self.part(html, 'class="article__hero"', "</figure>")
        self.assertEqual([s["type"] for s in hero["sources"]], ["image/avif", "image/webp"])
        srcset_widths(hero["sources"][0]["srcset"], ".avif")
        srcset_widths(hero["sources"][1]["srcset"], ".webp")
        img = hero["img"]
        self.assertEqual((img["width"], img["height"]), ("1400", "787"))
        self.assertEqual(img["alt"], "The harbour at dawn")
        self.assertEqual(img["fetchpriority"], "high")
        self.assertNotEqual(img.get("loading"), "lazy")
        self.assertEqual(html.count("fetchpriority"), 1)

    def test_body_photos_and_author_portraits_load_lazily(self):
        html = self.client.get(self.article.url).content.decode()
        body = self.part(html, 'class="article__body"', "</div>")
        portraits = self.part(html, 'class="authors"', "</section>")
        for picture in body + portraits:
            self.assertEqual(picture["img"]["loading"], "lazy")
            self.assertNotIn("fetchpriority", picture["img"])

    def test_front_page_lead_is_fetched_first_and_teasers_lazily(self):
        html = self.client.get("/").content.decode()
        [lead] = self.part(html, 'class="front__lead"', "</section>")
        self.assertEqual((lead["img"]["fetchpriority"], lead["img"]["loading"]), ("high", "eager"))
        teasers = self.part(html, 'class="front__secondary"', "</section>")
        self.assertEqual(len(teasers), 4)
        for teaser in teasers:
            self.assertEqual(teaser["img"]["loading"], "lazy")
            self.assertNotIn("fetchpriority", teaser["img"])
        self.assertEqual(html.count("fetchpriority"), 1)
