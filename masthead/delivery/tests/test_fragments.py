"""With the full-page cache off, kept fragments spare an article its queries, never its news."""

from unittest import mock

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from masthead.delivery.tests.test_page_cache import PageCacheTestCase
from masthead.newsroom.tests import factories as f


@override_settings(PAGE_CACHE=False)
class FragmentTests(PageCacheTestCase):
    def queries(self, url):
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(captured), response

    def test_a_repeat_render_skips_the_article_queries_and_keeps_its_tags(self):
        cold, first = self.queries(self.article.url)
        warm, again = self.queries(self.article.url)
        self.assertLessEqual(warm, 5)
        self.assertLess(warm, cold)
        self.assertEqual(again.content, first.content)
        self.assertEqual(again["X-Cache-Tags"], first["X-Cache-Tags"])
        self.assertIn(f"|au{self.author.pk}|", again["X-Cache-Tags"])

    def test_changes_reach_kept_fragments(self):
        self.get(self.article.url)
        self.get("/")
        self.article.title = "Grain, rerouted"
        self.publish(self.article)
        # The headline inside the kept part, not only the <title> outside it.
        self.assertContains(self.get(self.article.url), '"article__headline">Grain, rerouted<')
        self.assertContains(self.get("/"), ">Grain, rerouted</a>")
        self.photo.photographer = "John Roe"
        with self.captureOnCommitCallbacks(execute=True):
            self.photo.save()
        self.assertContains(self.get(self.article.url), "REUTERS/John Roe")

    def test_kept_lists_of_teasers_still_show_every_change(self):
        def teasers_rendered(response):
            return [t.name for t in response.templates].count("components/teaser.html")

        for url in ("/europe/", "/latest/"):
            with self.subTest(url=url):
                first = self.get(url)
                again = self.get(url)
                self.assertGreater(teasers_rendered(first), 0)
                self.assertEqual(teasers_rendered(again), 0)  # the list was kept
                self.assertEqual(again.content, first.content)
                self.assertEqual(again["X-Cache-Tags"], first["X-Cache-Tags"])
                self.assertIn(f"|au{self.author.pk}|", again["X-Cache-Tags"])

        def shown_on_lists(*texts, gone=None):
            for url in ("/europe/", "/latest/"):
                page = self.get(url)
                for text in texts:
                    self.assertContains(page, text, msg_prefix=url)
                if gone:
                    self.assertNotContains(page, gone, msg_prefix=url)

        self.author.name = "Ada King"  # each change on its own: the lists stay the same
        with self.captureOnCommitCallbacks(execute=True):
            self.author.save()
        shown_on_lists("Ada King", gone="Ada Lovelace")
        self.photo.photographer = "John Roe"
        with self.captureOnCommitCallbacks(execute=True):
            self.photo.save()
        shown_on_lists("John Roe")
        self.article.title = "Grain, rerouted"
        self.publish(self.article)
        shown_on_lists(">Grain, rerouted<")
        newest = f.make_article(
            self.europe, title="Ports of the Adriatic", article_type=self.analysis, live=False
        )
        self.publish(newest)
        shown_on_lists("Ports of the Adriatic", "Ada King", "John Roe", ">Grain, rerouted<")

    def test_the_kept_list_of_briefs_still_shows_every_change(self):
        kind = f.make_type("Brief", is_brief=True)
        f.make_article(self.africa, title="Rains return", article_type=kind, authors=[self.author])
        first = self.get("/briefs/")
        again = self.get("/briefs/")
        bylines = [t.name for t in again.templates].count("components/byline.html")
        self.assertEqual(bylines, 0)  # the list was kept
        self.assertEqual(again.content, first.content)
        self.assertContains(again, "Ada Lovelace")

        self.author.name = "Ada King"
        with self.captureOnCommitCallbacks(execute=True):
            self.author.save()
        self.assertContains(self.get("/briefs/"), "Ada King")
        newest = f.make_article(
            self.europe, title="Port strike ends", article_type=kind, live=False
        )
        self.publish(newest)
        self.assertContains(self.get("/briefs/"), "Port strike ends")

    def test_the_page_frame_is_kept_until_the_regions_or_the_outlet_change(self):
        from wagtail.models import Site

        from masthead.newsroom.models import SectionPage
        from masthead.siteconfig.models import SiteSettings

        self.get(self.article.url)
        asia = SectionPage(title="Asia", slug="asia", live=False)
        self.home.add_child(instance=asia)
        self.publish(asia)
        # The navigation is kept with the header; the new region is in it on the next render.
        self.assertContains(self.get(self.article.url), '<a href="/asia/">Asia</a>')

        outlet = SiteSettings.for_site(Site.objects.get())
        outlet.footer_text = "Reader-funded since 2026."
        with self.captureOnCommitCallbacks(execute=True):
            outlet.save()
        self.assertContains(self.get(self.article.url), "Reader-funded since 2026.")

    def test_each_page_keeps_its_own_feed_links(self):
        for url in ["/", "/europe/", "/", "/europe/"]:
            with self.subTest(url=url):
                html = self.get(url).content.decode()
                self.assertIn('href="/feed/"', html)
                self.assertEqual('href="/feed/region/europe/"' in html, url == "/europe/")

    def test_a_kept_header_still_names_the_logo_for_bans(self):
        from wagtail.models import Site

        from masthead.newsroom.tests import factories as f
        from masthead.siteconfig.models import SiteSettings

        logo = f.make_image("Masthead logo")
        outlet = SiteSettings.for_site(Site.objects.get())
        outlet.logo = logo
        with self.captureOnCommitCallbacks(execute=True):
            outlet.save()
        for attempt in ("rendered", "kept"):
            with self.subTest(header=attempt):
                response = self.get("/europe/")
                self.assertContains(response, 'class="brand__logo"')
                self.assertIn(f"|im{logo.pk}|", response["X-Cache-Tags"])

    def test_the_kept_signup_box_names_the_page_it_was_signed_from(self):
        from masthead.newsletter.models import Newsletter

        with self.captureOnCommitCallbacks(execute=True):
            Newsletter.objects.create(
                slug="weekly", sender_name="Desk", sender_email="desk@example.com"
            )
        for url in [self.article.url, "/", self.article.url, "/"]:
            with self.subTest(url=url):
                self.assertContains(
                    self.get(url), f'<input type="hidden" name="source" value="{url}">'
                )

    def test_a_repeat_render_reads_the_shared_cache_once(self):
        """The content version and the purge counter, in one round trip; everything else a
        render looks up is remembered by the process under that version."""
        from django.core.cache.backends.locmem import LocMemCache

        trips = []
        real_get, real_get_many = LocMemCache.get, LocMemCache.get_many

        def get(cache, key, *args, **kwargs):
            trips.append(key)
            return real_get(cache, key, *args, **kwargs)

        def get_many(cache, keys, *args, **kwargs):
            trips.append(tuple(keys))
            with mock.patch.object(LocMemCache, "get", real_get):
                return real_get_many(cache, keys, *args, **kwargs)

        url = self.article.url
        self.get(url)
        with (
            mock.patch.object(LocMemCache, "get", get),
            mock.patch.object(LocMemCache, "get_many", get_many),
        ):
            self.get(url)
        self.assertEqual(len(trips), 1, trips)
