"""Readers get cached pages without the database; editors and forms never get someone else's."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings

from masthead.newsroom.tests import factories as f


@override_settings(PAGE_CACHE=True, FRAGMENT_CACHE=True)
class PageCacheTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_home()
        cls.europe = f.make_section(cls.home, "Europe")
        cls.africa = f.make_section(cls.home, "Africa")
        cls.analysis = f.make_type("Analysis")
        cls.author = f.make_author("Ada Lovelace", slug="ada-lovelace")
        cls.topic = f.make_topic("Energy")
        cls.photo = f.make_image("Quay")
        cls.older = f.make_article(
            cls.europe,
            title="An older piece",
            article_type=cls.analysis,
            authors=[cls.author],
            hero_image=cls.photo,
            age=timedelta(days=3),
        )
        cls.article = f.make_article(
            cls.europe,
            title="Grain through the Bosphorus",
            article_type=cls.analysis,
            authors=[cls.author],
            hero_image=cls.photo,
            age=timedelta(days=1),
        )
        cls.article.topics.add(cls.topic)
        cls.article.save()
        cls.elsewhere = f.make_article(
            cls.africa, title="Sahel harvest", article_type=cls.analysis, authors=[cls.author]
        )

    def get(self, url, **headers):
        response = self.client.get(url, headers=headers)
        self.assertIn(response.status_code, (200, 304), url)
        return response

    def publish(self, page):
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()


class ServingTests(PageCacheTestCase):
    def test_a_repeat_request_is_answered_without_the_database(self):
        for url in ["/", self.article.url, "/europe/", "/latest/", "/feed/", "/sitemap.xml"]:
            with self.subTest(url=url):
                first = self.get(url)
                self.assertEqual(first["X-Page-Cache"], "miss")
                with self.assertNumQueries(0):
                    again = self.get(url)
                self.assertEqual(again["X-Page-Cache"], "hit")
                self.assertEqual(again.content, first.content)
                self.assertEqual(again["Content-Type"], first["Content-Type"])

    def test_validators_give_304_answers(self):
        first = self.get(self.article.url)
        etag, modified = first["ETag"], first["Last-Modified"]
        self.assertEqual(self.get(self.article.url, if_none_match=etag).status_code, 304)
        self.assertEqual(self.get(self.article.url, if_modified_since=modified).status_code, 304)
        self.assertEqual(self.get(self.article.url, if_none_match='"other"').status_code, 200)

    def test_shared_caches_are_told_how_long_to_keep_a_page(self):
        control = self.get("/")["Cache-Control"]
        for part in ("public", "max-age=60", "s-maxage=86400", "stale-while-revalidate=60"):
            self.assertIn(part, control)
        tags = self.get(self.article.url)["X-Cache-Tags"]
        self.assertIn(f"|p{self.article.pk}|", tags)
        self.assertIn("|site|", tags)

    def test_tracking_parameters_share_one_copy(self):
        self.get(self.article.url)
        again = self.get(self.article.url + "?utm_source=newsletter&fbclid=x")
        self.assertEqual(again["X-Page-Cache"], "hit")

    def test_the_newsletter_form_leaves_pages_cacheable(self):
        from masthead.newsletter.tests.factories import make_newsletter

        make_newsletter()
        first = self.get("/")
        self.assertContains(first, 'name="email"')
        self.assertNotIn("csrftoken", first.cookies)
        self.assertEqual(self.get("/")["X-Page-Cache"], "hit")


class PersonalTests(PageCacheTestCase):
    def test_an_editor_never_gets_or_leaves_a_shared_copy(self):
        self.get(self.article.url)  # a reader's copy is in the cache
        editor = get_user_model().objects.create_superuser("ed", "ed@example.com", "x" * 16)
        self.client.force_login(editor)
        response = self.get(self.article.url)
        self.assertNotIn("X-Page-Cache", response)
        self.assertIn("private", response["Cache-Control"])
        admin = self.client.get("/admin/")
        self.assertIn("private", admin["Cache-Control"])

    def test_search_results_are_not_shared(self):
        search = self.get("/search/?q=grain")
        self.assertIn("private", search["Cache-Control"])
        self.assertNotIn("X-Page-Cache", search)
        self.assertNotIn("X-Cache-Tags", search)

    def test_a_message_cookie_bypasses_the_cache(self):
        self.get("/")
        self.client.cookies["messages"] = "something"
        response = self.get("/")
        self.assertNotIn("X-Page-Cache", response)
        self.assertIn("private", response["Cache-Control"])


class WsgiFastPathTests(PageCacheTestCase):
    """The WSGI front (masthead/wsgi.py) answers kept pages before Django builds a request."""

    def call(self, path, **environ):
        import io

        from masthead.wsgi import application

        base = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": io.StringIO(),
        }
        answer = {}
        body = application({**base, **environ}, lambda s, h: answer.update(status=s, headers=h))
        content = b"".join(body)
        if hasattr(body, "close"):
            body.close()
        return answer["status"], dict(answer["headers"]), content

    def test_a_kept_page_is_answered_without_django_and_with_every_header(self):
        first = self.get(self.article.url)
        with self.assertNumQueries(0):
            status, headers, body = self.call(self.article.url)
        self.assertEqual((status, headers["X-Page-Cache"]), ("200 OK", "hit"))
        self.assertEqual(body, first.content)
        for name in ("Content-Security-Policy", "X-Content-Type-Options", "Cache-Control", "ETag"):
            self.assertEqual(headers[name], first[name], name)
        status, _, body = self.call(self.article.url, HTTP_IF_NONE_MATCH=first["ETag"])
        self.assertEqual((status, body), ("304 Not Modified", b""))

    def test_sessions_and_writes_go_to_django(self):
        self.get(self.article.url)
        status, headers, _ = self.call(self.article.url, HTTP_COOKIE="sessionid=abc; theme=dark")
        self.assertNotEqual(headers.get("X-Page-Cache"), "hit")
        status, headers, _ = self.call(self.article.url, REQUEST_METHOD="POST")
        self.assertNotEqual(headers.get("X-Page-Cache"), "hit")
