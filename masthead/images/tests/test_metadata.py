"""A photo's location, camera and owner data never reach readers: the stored original and every
rendition made from it lose them at upload, while orientation and colour profile stay, and the
credit and caption the file carried are offered to the editor."""

import io
import struct

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from PIL import Image, ImageCms
from PIL.ExifTags import IFD, Base

from masthead.images.models import CustomImage
from masthead.images.renditions import FEED_SPEC
from masthead.newsroom.tests import factories as f

SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    b'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="AFP">'
    b"<dc:description><rdf:Alt><rdf:li>Crowds at the border crossing</rdf:li></rdf:Alt>"
    b"</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>"
)


def iptc_segment(**datasets: str) -> bytes:
    """An APP13 segment holding IPTC IIM record 2 datasets (by-line is 80, credit 110)."""
    numbers = {"byline": 80, "credit": 110, "caption": 120}
    iim = b"".join(
        b"\x1c\x02" + bytes([numbers[name]]) + struct.pack(">H", len(value)) + value
        for name, value in ((name, text.encode()) for name, text in datasets.items())
    )
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim
    payload = b"Photoshop 3.0\x00" + resource + b"\x00" * (len(iim) % 2)
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def photo_from_the_field() -> bytes:
    """A JPEG as a camera and an agency leave it: GPS, Artist, serial numbers, a maker note,
    XMP, IPTC and a comment, shot rotated (orientation 6) in sRGB."""
    exif = Image.Exif()
    exif[Base.Orientation] = 6
    exif[Base.Artist] = "Jane Source"
    exif[Base.Copyright] = "Jane Source"
    exif[Base.Make] = "Camera Co"
    details = exif.get_ifd(IFD.Exif)
    details[Base.BodySerialNumber] = "SN-0042"
    details[Base.CameraOwnerName] = "Jane Source"
    details[Base.MakerNote] = b"maker secrets"
    exif.get_ifd(IFD.GPSInfo).update({1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 0.0)})
    buffer = io.BytesIO()
    Image.new("RGB", (400, 200), (200, 60, 40)).save(
        buffer,
        "JPEG",
        exif=exif,
        icc_profile=SRGB,
        xmp=XMP,
        comment=b"Owner: Jane Source, +1 555 0100",
        extra=iptc_segment(byline="Jean Dupont"),
    )
    return buffer.getvalue()


def read(file) -> Image.Image:
    with file.open("rb") as opened:
        image = Image.open(io.BytesIO(opened.read()))
        image.load()
        return image


class StrippedAtUploadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = f.make_editor()

    def setUp(self):
        self.client.force_login(self.editor)

    def assert_clean(self, picture: Image.Image, *, orientation: int | None):
        exif = picture.getexif()
        self.assertNotIn(IFD.GPSInfo, exif)
        self.assertNotIn(Base.Artist, exif)
        self.assertNotIn(Base.Copyright, exif)
        self.assertNotIn(Base.Make, exif)
        self.assertNotIn(IFD.Exif, exif)  # serial numbers, owner name and maker note lived here
        self.assertEqual(exif.get(Base.Orientation), orientation)
        for key in ("xmp", "comment", "photoshop"):
            self.assertNotIn(key, picture.info)
        self.assertEqual(picture.info.get("icc_profile"), SRGB)

    def test_the_stored_original_and_its_renditions_carry_no_location_or_owner(self):
        upload = SimpleUploadedFile("border.jpg", photo_from_the_field())
        response = self.client.post(
            reverse("wagtailimages:add"), {"title": "Border", "file": upload}
        )
        self.assertEqual(response.status_code, 302)
        image = CustomImage.objects.get()
        original = read(image.file)
        self.assert_clean(original, orientation=6)
        self.assertEqual(image.file_size, image.file.size)

        rendition = image.get_rendition("width-100|format-jpeg")
        picture = read(rendition.file)
        self.assert_clean(picture, orientation=None)  # turned upright, so no tag is needed
        self.assertEqual((rendition.width, rendition.height), (100, 200))

    def test_the_editor_is_offered_the_credit_and_caption_the_file_carried(self):
        upload = SimpleUploadedFile("border.jpg", photo_from_the_field())
        self.client.post(reverse("wagtailimages:add"), {"title": "Border", "file": upload})
        image = CustomImage.objects.get()
        self.assertEqual((image.agency, image.photographer, image.default_caption), ("", "", ""))

        response = self.client.get(reverse("wagtailimages:edit", args=[image.pk]))
        form = response.context["form"]
        self.assertEqual(form["photographer"].value(), "Jean Dupont")  # IPTC by-line
        self.assertEqual(form["agency"].value(), "AFP")  # XMP credit
        self.assertEqual(form["default_caption"].value(), "Crowds at the border crossing")
        self.assertContains(response, "Filled in from the photo file: “Jean Dupont”")

    def test_a_hostile_suggestion_is_shown_as_text(self):
        buffer = io.BytesIO()
        exif = Image.Exif()
        exif[Base.Artist] = '<img src=x onerror="alert(1)">'
        Image.new("RGB", (40, 20)).save(buffer, "JPEG", exif=exif)
        upload = SimpleUploadedFile("x.jpg", buffer.getvalue())
        self.client.post(reverse("wagtailimages:add"), {"title": "X", "file": upload})
        response = self.client.get(
            reverse("wagtailimages:edit", args=[CustomImage.objects.get().pk])
        )
        self.assertNotContains(response, "<img src=x")
        self.assertContains(response, "&lt;img src=x")

    def test_the_multiple_uploader_strips_and_suggests_too(self):
        upload = SimpleUploadedFile("border.jpg", photo_from_the_field())
        response = self.client.post(reverse("wagtailimages:add_multiple"), {"files[]": upload})
        self.assertTrue(response.json()["success"])
        self.assertIn("Jean Dupont", response.json()["form"])
        self.assert_clean(read(CustomImage.objects.get().file), orientation=6)

    def test_files_saved_in_code_are_stripped(self):
        # The demo builder's and the importers' way in.
        image = CustomImage(title="Imported")
        image.file.save(
            "imported.jpg", ImageFile(io.BytesIO(photo_from_the_field()), name="in.jpg"), save=False
        )
        image.save()
        self.assert_clean(read(image.file), orientation=6)
        self.assertEqual(image.suggested_metadata["photographer"], "Jean Dupont")

        image.file.save(
            "replaced.jpg", ImageFile(io.BytesIO(photo_from_the_field()), name="in.jpg")
        )
        image.refresh_from_db()
        self.assert_clean(read(image.file), orientation=6)

    def test_a_file_without_personal_data_is_kept_as_it_came(self):
        buffer = io.BytesIO()
        Image.new("RGB", (300, 200), (10, 20, 30)).save(buffer, "JPEG", icc_profile=SRGB)
        image = CustomImage(title="Plain")
        image.file.save(
            "plain.jpg", ImageFile(io.BytesIO(buffer.getvalue()), name="in.jpg"), save=False
        )
        image.save()
        with image.file.open("rb") as stored:
            self.assertEqual(stored.read(), buffer.getvalue())
        self.assertEqual(image.suggested_metadata, {})


class StoredBeforeTests(TestCase):
    def test_the_command_cleans_photos_stored_before_and_their_renditions(self):
        image = CustomImage(title="Old")
        buffer = io.BytesIO()
        Image.new("RGB", (40, 20)).save(buffer, "JPEG")
        image.file.save("old.jpg", ImageFile(buffer, name="old.jpg"), save=False)
        image.save()
        # As a photo uploaded before stripping was stored: the camera's file as it came.
        name = default_storage.save(
            "original_images/old-upload.jpg", ContentFile(photo_from_the_field())
        )
        CustomImage.objects.filter(pk=image.pk).update(file=name, width=400, height=200)
        image.refresh_from_db()
        self.assertIn(
            IFD.GPSInfo, read(image.get_rendition("width-100|format-jpeg").file).getexif()
        )

        out = io.StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("strip_photo_metadata", stdout=out)
        self.assertIn("Photos cleaned: 1.", out.getvalue())
        image.refresh_from_db()
        self.assertNotIn(IFD.GPSInfo, read(image.file).getexif())
        self.assertEqual(image.suggested_metadata["photographer"], "Jean Dupont")
        self.assertFalse(image.renditions.filter(filter_spec="width-100|format-jpeg").exists())
        rendition = image.renditions.get(filter_spec=FEED_SPEC)  # made again by the worker
        self.assertNotIn(IFD.GPSInfo, read(rendition.file).getexif())
        self.assertNotIn(Base.Artist, read(rendition.file).getexif())
