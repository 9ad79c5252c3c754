from django.test import TestCase

from masthead.images.tests.helpers import render
from masthead.newsroom.tests.factories import make_image


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
