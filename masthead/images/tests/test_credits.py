from django.template import Context, Template
from django.test import TestCase

from masthead.newsroom.tests.factories import make_image


def render(template, **context):
    return Template("{% load photos %}" + template).render(Context(context)).strip()


class CreditLineTests(TestCase):
    def test_credit_joins_agency_and_photographer_in_house_style(self):
        self.assertEqual(
            make_image(agency="REUTERS", photographer="Jane Doe").credit, "REUTERS/Jane Doe"
        )
        self.assertEqual(make_image(agency="AP", photographer="").credit, "AP")
        self.assertEqual(make_image(agency="", photographer="Jo Lens").credit, "Jo Lens")
        self.assertFalse(make_image(agency=" ", photographer="").has_credit)

    def test_hero_teaser_and_inline_forms(self):
        image = make_image(agency="REUTERS", photographer="Jane Doe")
        self.assertIn(
            "Top photo credit: REUTERS/Jane Doe",
            render('{% photo_credit image "hero" %}', image=image),
        )
        teaser = render('{% photo_credit image "teaser" %}', image=image)
        self.assertIn(">REUTERS/Jane Doe<", teaser)
        self.assertNotIn("Top photo credit", teaser)
        self.assertIn(
            "Photo: REUTERS/Jane Doe", render('{% photo_credit image "inline" %}', image=image)
        )

    def test_no_credit_renders_nothing(self):
        self.assertEqual(
            render('{% photo_credit image "hero" %}', image=make_image(agency="", photographer="")),
            "",
        )

    def test_photo_tag_gives_sizes_and_alt(self):
        html = render('{% photo image "teaser" %}', image=make_image(alt="A quay at dawn"))
        self.assertIn('alt="A quay at dawn"', html)
        self.assertIn('width="800" height="450"', html)
        self.assertIn("400w", html)
        self.assertIn("800w", html)


class RenditionTaskTests(TestCase):
    def test_a_new_photo_gets_every_rendition_in_the_background(self):
        from masthead.images.renditions import SIZES

        with self.captureOnCommitCallbacks(execute=True):
            image = make_image(title="Fresh")
        specs = {spec for specs, _ in SIZES.values() for spec in specs}
        self.assertEqual(set(image.renditions.values_list("filter_spec", flat=True)), specs)
