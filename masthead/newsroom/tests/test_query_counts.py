"""An uncached page costs the same number of SQL queries whatever the size of the archive."""

from datetime import timedelta

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from masthead.newsroom.tests import factories as f


class QueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_home()
        cls.sections = [f.make_section(cls.home, name) for name in ("Europe", "Africa", "Asia")]
        cls.types = [
            f.make_type("Analysis"),
            f.make_type("News"),
            f.make_type("Brief", is_brief=True),
        ]
        cls.authors = [f.make_author(f"Writer {i}", slug=f"writer-{i}") for i in range(4)]
        cls.topic = f.make_topic("Energy")
        cls.photo = f.make_image("Quay")
        cls.count = 0
        cls.article = cls.add_articles(50)[0]

    @classmethod
    def add_articles(cls, number):
        created = []
        for _ in range(number):
            i = cls.count
            cls.count += 1
            article = f.make_article(
                cls.sections[i % 3],
                article_type=cls.types[i % 3],
                authors=cls.authors[: 1 + i % 2],
                hero_image=cls.photo,
                age=timedelta(minutes=i),
                body=[
                    {"type": "paragraph", "value": f"<p>Opening of story {i}.</p>"},
                    {"type": "image", "value": {"image": cls.photo.pk, "caption": ""}},
                    {"type": "paragraph", "value": "<p>And more.</p>"},
                ],
            )
            article.topics.add(cls.topic)
            article.save()
            created.append(article)
        return created

    def queries_for(self, url):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_article_and_front_page_queries_do_not_grow_with_the_archive(self):
        # Warm up once so both measurements see the same renditions already generated.
        urls = [
            self.article.url,
            "/",
            "/europe/",
            "/latest/",
            "/type/analysis/",
            "/authors/writer-0/",
            "/search/?q=story",
        ]
        for url in urls:
            self.queries_for(url)
        small = {url: self.queries_for(url) for url in urls}
        self.add_articles(150)  # four times as many: lists run to many pages
        large = {url: self.queries_for(url) for url in urls}
        self.assertEqual(small, large)
        # And the number is small, not merely constant.
        self.assertLessEqual(small[self.article.url], 30, small)
        self.assertLessEqual(small["/"], 30, small)
        # Teasers show the opening of each body, which has a photo: read without fetching it.
        lists = ["/europe/", "/latest/", "/type/analysis/", "/authors/writer-0/"]
        self.assertLessEqual(max(small[url] for url in lists), 6, small)
        # PostgreSQL asks for headline matches, then body matches; and the filters need choices.
        self.assertLessEqual(small["/search/?q=story"], 12, small)
        # A region page's route is remembered: it costs no more than LATEST, which is no page,
        # but for the large size of its lead story's photo that a shared link shows.
        self.assertLessEqual(small["/europe/"], small["/latest/"] + 1, small)

    def test_corrections_cost_the_same_queries_however_many_there_are(self):
        from masthead.newsroom.models import ArticleCorrection

        articles = list(type(self.article).objects.order_by("pk")[:30])

        def correct(pieces, times):
            for article in pieces:
                for n in range(times):
                    ArticleCorrection.objects.create(page=article, text=f"Fix {n}.", sort_order=n)

        urls = [self.article.url, "/corrections/", "/corrections/feed/", "/feed/", "/sitemap.xml"]
        correct(articles[:3], 1)
        for url in urls:
            self.queries_for(url)
        few = {url: self.queries_for(url) for url in urls}
        correct(articles[3:], 1)
        correct(articles[:1], 4)  # the article itself now carries five
        many = {url: self.queries_for(url) for url in urls}
        self.assertEqual(few, many)
