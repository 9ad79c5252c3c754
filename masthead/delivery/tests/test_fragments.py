"""With the full-page cache off, kept fragments spare an article its queries, never its news."""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from masthead.delivery.tests.test_page_cache import PageCacheTestCase


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
