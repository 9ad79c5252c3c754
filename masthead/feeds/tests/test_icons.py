"""The outlet's icon: the favicon browsers ask every site for, the touch icon and the web
manifest, drawn from the outlet settings' icon or, without one, from the outlet's initial."""

import io
import json

from django.test import TestCase
from PIL import Image
from wagtail.models import Site

from masthead.newsroom.tests import factories as f
from masthead.siteconfig.models import SiteSettings


def picture(response) -> Image.Image:
    image = Image.open(io.BytesIO(response.content))
    image.load()
    return image


class IconTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        f.make_home()
        cls.outlet = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        cls.outlet.outlet_name = "Meridian Review"
        cls.outlet.save()

    def test_every_page_names_its_icons_and_each_one_is_there(self):
        html = self.client.get("/").content.decode()
        for link in [
            '<link rel="icon" href="/favicon.ico" sizes="48x48">',
            '<link rel="apple-touch-icon" href="/apple-touch-icon.png">',
            '<link rel="manifest" href="/manifest.webmanifest">',
        ]:
            self.assertIn(link, html)
        favicon = self.client.get("/favicon.ico")
        self.assertEqual((favicon.status_code, favicon["Content-Type"]), (200, "image/x-icon"))
        icon = picture(favicon)
        self.assertEqual(icon.format, "ICO")
        self.assertEqual(sorted(icon.info["sizes"]), [(16, 16), (32, 32), (48, 48)])
        touch = self.client.get("/apple-touch-icon.png")
        self.assertEqual(touch["Content-Type"], "image/png")
        self.assertEqual(picture(touch).size, (180, 180))
        manifest = self.client.get("/manifest.webmanifest")
        self.assertEqual(manifest["Content-Type"], "application/manifest+json")
        data = json.loads(manifest.content)
        self.assertEqual((data["name"], data["start_url"]), ("Meridian Review", "/"))
        self.assertEqual([i["sizes"] for i in data["icons"]], ["192x192", "512x512"])
        for entry in data["icons"]:
            size = int(entry["sizes"].split("x")[0])
            self.assertEqual(picture(self.client.get(entry["src"])).size, (size, size))

    def test_without_an_icon_the_outlets_initial_is_drawn_on_its_colour(self):
        drawn = picture(self.client.get("/icon-192.png")).convert("RGB")
        self.assertEqual(drawn.getpixel((4, 4)), (163, 32, 27))  # the accent colour
        letter = {drawn.getpixel((x, 96)) for x in range(40, 152)}
        self.assertTrue(any(sum(colour) > 600 for colour in letter))  # the pale initial

    def test_the_outlets_own_icon_is_used_and_a_new_one_shows_at_once(self):
        before = self.client.get("/favicon.ico").content
        self.outlet.icon = f.make_image("Icon", alt="")  # a blue-grey square (90, 120, 160)
        self.outlet.save()
        icon = picture(self.client.get("/icon-512.png")).convert("RGB")
        centre = icon.getpixel((256, 256))  # a JPEG's colour, give or take its rounding
        self.assertTrue(all(abs(a - b) <= 3 for a, b in zip(centre, (90, 120, 160))), centre)
        self.assertNotEqual(self.client.get("/favicon.ico").content, before)
