"""A file Pillow cannot read to the end is refused at upload with a clear message, not a 500.

files/truncated.jpg: the first two thirds of a 640x360 JPEG. files/text_chunk_bomb.png: a 64x64
PNG with a zTXt chunk that decompresses to 256 MB of zeros (Pillow stops at MAX_TEXT_CHUNK).
"""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from PIL import ImageFile

from masthead.images.models import CustomImage
from masthead.newsroom.tests import factories as f

FILES = Path(__file__).parent / "files"
DAMAGED = "The file is damaged or incomplete"
TOO_MUCH_METADATA = "The file carries too much embedded metadata"


def upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (FILES / name).read_bytes())


class UploadErrorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = f.make_editor()

    def setUp(self):
        self.client.force_login(self.editor)
        self.client.raise_request_exception = False

    def add(self, name: str):
        return self.client.post(
            reverse("wagtailimages:add"), {"title": "Upload", "file": upload(name)}
        )

    def add_multiple(self, name: str):
        return self.client.post(reverse("wagtailimages:add_multiple"), {"files[]": upload(name)})

    def test_a_truncated_jpeg_gets_a_clear_error(self):
        self.assertFalse(ImageFile.LOAD_TRUNCATED_IMAGES)  # Pillow must not guess the rest
        response = self.add("truncated.jpg")
        self.assertEqual(response.status_code, 200)
        self.assertIn(DAMAGED, " ".join(response.context["form"].errors["file"]))
        self.assertContains(response, DAMAGED)
        self.assertFalse(CustomImage.objects.exists())

    def test_a_png_text_chunk_bomb_gets_a_clear_error(self):
        response = self.add("text_chunk_bomb.png")
        self.assertEqual(response.status_code, 200)
        self.assertIn(TOO_MUCH_METADATA, " ".join(response.context["form"].errors["file"]))
        self.assertFalse(CustomImage.objects.exists())

    def test_the_multiple_uploader_answers_both_with_the_message(self):
        for name, message in (
            ("truncated.jpg", DAMAGED),
            ("text_chunk_bomb.png", TOO_MUCH_METADATA),
        ):
            response = self.add_multiple(name)
            self.assertEqual(response.status_code, 200, name)
            answer = response.json()
            self.assertFalse(answer["success"], name)
            self.assertIn(message, answer["error_message"], name)
        self.assertFalse(CustomImage.objects.exists())
