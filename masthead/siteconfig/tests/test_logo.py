"""The outlet's logo, shown in every page's header and in the structured data."""

from django.test import TestCase
from wagtail.models import Site

from masthead.images.renditions import LOGO_DATA_SPEC, LOGO_HEADER_SPEC
from masthead.newsroom.tests import factories as f
from masthead.siteconfig.models import SiteSettings


class LogoTests(TestCase):
    def test_a_new_logo_has_its_sizes_before_any_reader_asks(self):
        f.make_home()
        logo = f.make_image("Logo", agency="", photographer="", alt="The Test Review")
        sizes = logo.renditions.filter(filter_spec__in=[LOGO_HEADER_SPEC, LOGO_DATA_SPEC])
        self.assertFalse(sizes.exists())  # the upload made a photo's sizes, not a logo's

        outlet = SiteSettings.for_site(Site.objects.get())
        outlet.logo = logo
        with self.captureOnCommitCallbacks(execute=True):
            outlet.save()
        self.assertEqual(
            set(sizes.values_list("filter_spec", flat=True)), {LOGO_HEADER_SPEC, LOGO_DATA_SPEC}
        )
        made = logo.renditions.count()
        page = self.client.get("/")
        self.assertContains(page, 'class="brand__logo"')
        self.assertContains(page, '"logo": {"@type": "ImageObject"')
        self.assertEqual(logo.renditions.count(), made)  # the reader waited for none
