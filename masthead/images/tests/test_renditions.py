"""Renditions are made by the worker, when a photo is uploaded and when a page showing it is
published, so no reader waits for one."""

import threading
from unittest import mock

from django.test import TestCase
from PIL import Image

from masthead.images.models import CustomImage, CustomRendition
from masthead.images.renditions import FORMATS, all_specs, prerender
from masthead.images.tasks import prerender_renditions_task
from masthead.newsroom.tests import factories as f

PILLOW_FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}


def specs_of(image) -> set[str]:
    return set(image.renditions.values_list("filter_spec", flat=True))


class RenditionTaskTests(TestCase):
    def test_a_new_photo_gets_every_rendition_in_the_background(self):
        with self.captureOnCommitCallbacks(execute=True):
            image = f.make_image(title="Fresh")
        self.assertEqual(specs_of(image), set(all_specs()))

    def test_each_format_is_really_that_format(self):
        image = f.make_image()
        prerender_renditions_task.enqueue(image.pk)
        for image_format, pillow_format in PILLOW_FORMATS.items():
            renditions = image.renditions.filter(filter_spec__endswith=f"|format-{image_format}")
            self.assertTrue(renditions)
            for rendition in renditions:
                with rendition.file.open("rb") as file, Image.open(file) as opened:
                    self.assertEqual(opened.format, pillow_format, rendition.filter_spec)
                    self.assertEqual(opened.size, (rendition.width, rendition.height))

    def test_sizes_are_made_one_at_a_time_in_the_worker_thread(self):
        # Wagtail encodes three sizes at once in threads: three AVIF encodes, each thread with
        # its own malloc arena, took the task worker from 130 MB to over 300 MB and kept it there.
        image = f.make_image()
        threads = set()
        make = CustomImage.generate_rendition_file

        def recording(self, filter, **kwargs):
            threads.add(threading.get_ident())
            return make(self, filter, **kwargs)

        with mock.patch.object(CustomImage, "generate_rendition_file", recording):
            prerender(image)
        self.assertEqual(threads, {threading.get_ident()})
        self.assertEqual(specs_of(image), set(all_specs()))

    def test_running_twice_keeps_the_first_renditions(self):
        image = f.make_image()
        prerender_renditions_task.enqueue(image.pk)
        first = set(image.renditions.values_list("pk", "file"))
        prerender_renditions_task.enqueue(image.pk)
        self.assertEqual(set(image.renditions.values_list("pk", "file")), first)
        gone = image.pk
        image.delete()
        prerender_renditions_task.enqueue(gone)  # deleted before the worker came: no error


class PublishingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = f.make_home()
        cls.section = f.make_section(home, "Europe")
        cls.analysis = f.make_type("Analysis")

    def test_publishing_renders_every_format_of_the_pages_photos(self):
        # Tests never commit, so the upload's own task has not run: no renditions yet.
        hero, inline, elsewhere = (f.make_image(name) for name in ("Hero", "Inline", "Elsewhere"))
        self.assertFalse(CustomRendition.objects.exists())
        article = f.make_article(
            self.section,
            article_type=self.analysis,
            hero_image=hero,
            body=[
                {"type": "paragraph", "value": "<p>Opening.</p>"},
                {"type": "image", "value": {"image": inline.pk, "caption": ""}},
            ],
            live=False,
        )
        with self.captureOnCommitCallbacks(execute=True):
            article.save_revision().publish()
        for image in (hero, inline):
            self.assertEqual(specs_of(image), set(all_specs()), image.title)
            for image_format in FORMATS:
                self.assertTrue(any(s.endswith(f"|format-{image_format}") for s in specs_of(image)))
        self.assertFalse(elsewhere.renditions.exists())

    def test_waits_for_the_commit(self):
        article = f.make_article(
            self.section, article_type=self.analysis, hero_image=f.make_image(), live=False
        )
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            article.save_revision().publish()
        self.assertFalse(CustomRendition.objects.exists())
        self.assertTrue(callbacks)


class ReaderPagesMakeNoRenditionTests(TestCase):
    """Pages fetch only the renditions they show (images.renditions.specs_for): if one asked for a
    size it had not fetched, Wagtail would make that rendition again while the reader waits."""

    @classmethod
    def setUpTestData(cls):
        home = f.make_home()
        europe = f.make_section(home, "Europe")
        analysis, brief = f.make_type("Analysis"), f.make_type("Brief", is_brief=True)
        author = f.make_author("Ada Byron")
        photos = [f.make_image(f"Photo {i}") for i in range(4)]
        for photo in photos:
            prerender(photo)  # what the worker does on upload
        cls.articles = [
            f.make_article(
                europe,
                title=f"Grain story {i}",
                article_type=brief if i == 5 else analysis,
                authors=[author],
                hero_image=photos[i % 4],
                body=[
                    {"type": "paragraph", "value": "<p>The grain corridor reopened.</p>"},
                    {"type": "image", "value": {"image": photos[(i + 1) % 4].pk, "caption": ""}},
                ],
            )
            for i in range(6)
        ]

    def test_no_page_or_feed_makes_a_rendition(self):
        photos = [
            "/",
            "/europe/",
            self.articles[0].url,
            "/latest/",
            "/type/analysis/",
            "/authors/ada-byron/",
            "/feed/",
            "/feed/atom/",
            "/feed/json/",
        ]
        text_only = ["/search/?q=grain", "/briefs/"]
        with (
            mock.patch.object(CustomImage, "generate_rendition_file", side_effect=AssertionError),
            mock.patch.object(
                CustomImage, "generate_rendition_instance", side_effect=AssertionError
            ),
        ):
            for url in photos + text_only:
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200, url)
                if url in photos:
                    self.assertIn(b"images/photo_", response.content, url)
