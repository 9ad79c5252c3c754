import re
from datetime import timedelta

from django.core.cache import cache
from django.test import TestCase, override_settings
from wagtail.models import PageViewRestriction, Site
from wagtail_footnotes.models import Footnote

from masthead.core.versioning import versioned_key
from masthead.newsletter.tests.factories import make_newsletter
from masthead.newsroom.models import ArticleUpdate, PlainPage
from masthead.newsroom.tests import factories as f
from masthead.siteconfig.models import SiteSettings


class PublicationTestCase(TestCase):
    """A small publication: two regions, three types, a few authors and articles."""

    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_home()
        cls.europe = f.make_section(cls.home, "Europe")
        cls.asia = f.make_section(cls.home, "Asia-Pacific")
        cls.analysis = f.make_type("Analysis")
        cls.opinion = f.make_type("Opinion")
        cls.brief = f.make_type("Brief", is_brief=True)
        cls.ada = f.make_author("Ada Byron", role="Europe Editor", bio="Ada covers Europe.")
        cls.guest = f.make_author("Grace Guest", is_guest=True)
        cls.energy = f.make_topic("Energy")
        cls.photo = f.make_image("Harbour", agency="REUTERS", photographer="Jane Doe")
        cls.feature = f.make_article(
            cls.europe,
            title="Attrition on the Volga and the Donbas",
            article_type=cls.analysis,
            authors=[cls.ada, cls.guest],
            dek="Two sieges eighty years apart.",
            hero_image=cls.photo,
            hero_caption="The harbour at dawn.",
            age=timedelta(hours=1),
        )
        cls.feature.topics.add(cls.energy)
        cls.feature.extra_regions.add(cls.asia)
        cls.feature.save()
        cls.others = [
            f.make_article(
                cls.asia if i % 2 else cls.europe,
                title=f"Story {i}",
                article_type=cls.opinion if i % 3 == 0 else cls.analysis,
                authors=[cls.ada],
                hero_image=cls.photo,
                age=timedelta(hours=2 + i),
            )
            for i in range(12)
        ]
        cls.briefs = [
            f.make_article(
                cls.europe,
                title=f"Brief {i}",
                article_type=cls.brief,
                authors=[cls.guest],
                age=timedelta(hours=3 + i),
            )
            for i in range(3)
        ]
        make_newsletter()
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.outlet_name = "The Test Review"
        settings.mastodon_url = "https://mastodon.example/@test"
        settings.save()


class FrontPageTests(PublicationTestCase):
    def test_front_page_shows_every_list_and_no_story_twice(self):
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        front = response.context["front"]
        self.assertEqual(front.lead, self.feature)
        shown = [front.lead] + front.secondary + front.latest + front.briefs
        shown += [a for _, rail in front.rails for a in rail]
        ids = [a.pk for a in shown]
        self.assertEqual(len(ids), len(set(ids)), "a story appears twice on the front page")
        self.assertTrue(front.latest)
        self.assertEqual({a.pk for a in front.briefs}, {b.pk for b in self.briefs})
        html = response.content.decode()
        self.assertIn('id="latest-heading"', html)
        self.assertIn('id="briefs-heading"', html)
        self.assertIn("The weekly round-up", html)
        self.assertIn('href="https://mastodon.example/@test"', html)
        # Each story's headline link appears once (the lead included).
        for article in shown:
            self.assertEqual(html.count(f">{article.title}</a>"), 1, article.title)

    def test_teaser_has_photo_credit_kicker_dek_byline_and_keep_reading(self):
        html = self.client.get("/").content.decode()
        lead = html.split('class="front__lead"')[1].split("</section>")[0]
        self.assertIn("<img", lead)
        self.assertIn("REUTERS/Jane Doe", lead)
        self.assertRegex(
            lead, r'<a href="/type/analysis/">Analysis</a>.*\|.*<a href="/europe/">Europe</a>'
        )
        self.assertIn("Two sieges eighty years apart.", lead)
        self.assertIn(
            '<a href="/authors/ada-byron/">Ada Byron</a> and '
            '<a href="/authors/grace-guest/">Grace Guest</a>',
            lead,
        )
        self.assertIn("<details", lead)
        self.assertIn("Keep reading", lead)
        self.assertIn("Show less", lead)
        self.assertIn("Opening paragraph of Attrition", lead)


class ArticlePageTests(PublicationTestCase):
    def test_article_page_shows_its_parts_in_order(self):
        response = self.client.get(self.feature.url)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        order = [
            'class="kicker"',
            'class="article__headline"',
            'class="article__dek"',
            'href="/authors/ada-byron/"',
            "<time",
            "The harbour at dawn.",
            "Top photo credit: REUTERS/Jane Doe",
            "Opening paragraph of Attrition",
            'href="/topics/energy/"',
            "Share",
            "Ada covers Europe.",
            "The weekly round-up",
            "Follow us",
        ]
        body = html[html.index("<body") :]  # the head repeats some of it in meta tags and JSON-LD
        positions = [body.find(marker) for marker in order]
        self.assertNotIn(-1, positions, dict(zip(order, positions)))
        self.assertEqual(positions, sorted(positions))
        self.assertIn("Guest contributor", html)
        self.assertIn('rel="canonical"', html)

    def test_share_links_are_plain_links(self):
        html = self.client.get(self.feature.url).content.decode()
        share = html.split('class="share"')[1].split("</nav>")[0]
        self.assertIn("https://bsky.app/intent/compose?", share)
        self.assertIn("mailto:?", share)
        scripts = set(re.findall(r"<script[^>]*>", html))
        # Data, and the site's own readership beacon: no sharing button runs a script.
        beacon = f'<script src="/static/analytics/beacon.js" defer data-page="{self.feature.pk}">'
        self.assertEqual(scripts, {'<script type="application/ld+json">', beacon})

    def test_footnotes_link_both_ways(self):
        note = Footnote.objects.create(
            page=self.feature,
            uuid="0f0b9a53-5f1e-4bd0-9d7c-2f2b7e0e1a11",
            text="<p>Counts differ.</p>",
        )
        self.feature.body = [
            {
                "type": "paragraph",
                "value": f'<p>Losses were heavy<footnote id="{note.uuid}">[1]</footnote>.</p>',
            }
        ]
        self.feature.save()
        html = self.client.get(self.feature.url).content.decode()
        self.assertIn('href="#footnote-1" id="footnote-source-1-1"', html)
        self.assertIn('id="footnote-1"', html)
        self.assertIn('href="#footnote-source-1-1"', html)
        self.assertIn("Counts differ.", html)

    def test_quotes_and_tables_render_for_every_reader(self):
        self.feature.body = [
            {
                "type": "quote",
                "value": {"text": "<p>We <i>will</i> hold the line.</p>", "attribution": "A mayor"},
            },
            {
                "type": "table",
                "value": {
                    "caption": "Grain exports",
                    "header_row": True,
                    "header_column": True,
                    "rows": [["Year", "Tonnes"], ["2021", "45m"]],
                },
            },
        ]
        self.feature.save()
        html = self.client.get(self.feature.url).content.decode()
        self.assertInHTML("<blockquote><p>We <i>will</i> hold the line.</p></blockquote>", html)
        self.assertInHTML("<figcaption>A mayor</figcaption>", html)
        self.assertInHTML("<caption>Grain exports</caption>", html)
        self.assertInHTML('<th scope="col">Tonnes</th>', html)
        self.assertInHTML('<tr><th scope="row">2021</th><td>45m</td></tr>', html)

    def test_body_blocks_render(self):
        self.feature.body = [
            {"type": "heading", "value": {"text": "The long winter", "level": "h2"}},
            {
                "type": "pull_quote",
                "value": {"text": "Attrition is arithmetic.", "attribution": "The author"},
            },
            {"type": "image", "value": {"image": self.photo.pk, "caption": "Quay at noon."}},
        ]
        self.feature.save()
        html = self.client.get(self.feature.url).content.decode()
        self.assertIn("<h2>The long winter</h2>", html)
        self.assertIn("<blockquote><p>Attrition is arithmetic.</p></blockquote>", html)
        self.assertIn("Quay at noon.", html)
        self.assertIn("Photo: REUTERS/Jane Doe", html)

    def test_update_log_is_visible(self):
        ArticleUpdate.objects.create(
            page=self.feature,
            updated_at=self.feature.first_published_at + timedelta(hours=2),
            note="Added casualty figures.",
        )
        html = self.client.get(self.feature.url).content.decode()
        self.assertIn("Updated <time", html)
        self.assertIn("Added casualty figures.", html)


class ListingPageTests(PublicationTestCase):
    def test_region_page_lists_primary_and_extra_region_articles(self):
        response = self.client.get("/asia-pacific/")
        self.assertEqual(response.status_code, 200)
        titles = [a.title for a in response.context["page_obj"].object_list]
        self.assertIn(self.feature.title, titles)  # filed under Europe, names Asia-Pacific too
        self.assertIn("Story 1", titles)
        self.assertNotIn("Story 2", titles)

    def test_a_piece_naming_several_regions_is_listed_once_in_each(self):
        self.feature.extra_regions.add(f.make_section(self.home, "Africa"))
        self.feature.save()
        for path in ("/europe/", "/asia-pacific/", "/africa/", "/authors/ada-byron/"):
            with self.subTest(path):
                listed = self.client.get(path).context["page_obj"].object_list
                self.assertEqual([a.pk for a in listed].count(self.feature.pk), 1)

    def test_type_topic_and_author_pages(self):
        opinion = self.client.get("/type/opinion/")
        self.assertEqual(
            {a.article_type_id for a in opinion.context["page_obj"].object_list}, {self.opinion.pk}
        )
        topic = self.client.get("/topics/energy/")
        self.assertEqual([a.pk for a in topic.context["page_obj"].object_list], [self.feature.pk])
        author = self.client.get("/authors/grace-guest/")
        self.assertContains(author, "Guest contributor")
        self.assertEqual(
            {a.pk for a in author.context["page_obj"].object_list},
            {self.feature.pk} | {b.pk for b in self.briefs},
        )
        self.assertEqual(self.client.get("/authors/nobody/").status_code, 404)
        self.assertEqual(self.client.get("/type/nothing/").status_code, 404)

    def test_latest_is_paginated_and_bad_page_numbers_do_not_fail(self):
        first = self.client.get("/latest/")
        self.assertEqual(len(first.context["page_obj"].object_list), 13)  # all non-briefs
        for bad in ["abc", "9999", "-1", "0", "1.5", "%00", "1" * 400]:
            response = self.client.get("/latest/", {"page": bad})
            self.assertEqual(response.status_code, 200, bad)

    def test_briefs_page_shows_brief_text(self):
        response = self.client.get("/briefs/")
        self.assertContains(response, "Opening paragraph of Brief 0")
        self.assertNotContains(response, "Story 1")

    def test_plain_page(self):
        page = PlainPage(
            title="About", slug="about", body=[{"type": "paragraph", "value": "<p>Who we are.</p>"}]
        )
        self.home.add_child(instance=page)
        self.assertContains(self.client.get("/about/"), "Who we are.")
        page.unpublish()  # its route was remembered a moment ago
        self.assertEqual(self.client.get("/about/").status_code, 404)
        page.save_revision().publish()
        self.assertContains(self.client.get("/about/"), "Who we are.")
        self.assertEqual(self.client.get("/no-such-page/").status_code, 404)

    def test_made_up_addresses_take_no_place_in_the_cache(self):
        def kept(*parts):
            return versioned_key("route", self.home.pk, *parts) in cache

        self.assertEqual(self.client.get("/no-such-region/").status_code, 404)
        self.assertEqual(self.client.get("/europe/no-such-story/").status_code, 404)
        self.assertEqual(self.client.get("/europe/").status_code, 200)
        self.assertFalse(kept("no-such-region"))
        self.assertFalse(kept("europe", "no-such-story"))
        self.assertTrue(kept("europe"))  # a real address is kept

    def test_a_private_region_leaves_every_list_until_it_is_public_again(self):
        def latest():
            return {a.title for a in self.client.get("/latest/").context["page_obj"].object_list}

        def feed():
            return self.client.get("/feed/").content.decode()

        self.assertIn("Story 0", latest())  # filed under Europe; lists kept from here on
        self.assertIn("Story 0", feed())
        restriction = PageViewRestriction.objects.create(
            page=self.europe, restriction_type=PageViewRestriction.PASSWORD, password="x" * 8
        )
        self.assertEqual(
            latest(), {"Story 1", "Story 3", "Story 5", "Story 7", "Story 9", "Story 11"}
        )
        self.assertNotIn("Story 0", feed())
        self.assertNotIn(">Europe<", self.client.get("/").content.decode().split("</header>")[0])
        restriction.delete()
        self.assertIn("Story 0", latest())
        self.assertIn("Story 0", feed())

    def test_navigation_lists_regions_and_types(self):
        html = self.client.get("/latest/").content.decode()
        nav = html.split('aria-label="Sections"')[1].split("</nav>")[0]
        for href in ["/europe/", "/asia-pacific/", "/type/analysis/", "/briefs/", "/latest/"]:
            self.assertIn(f'href="{href}"', nav)


class ErrorPageTests(PublicationTestCase):
    def test_404_is_friendly(self):
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "We could not find that page", status_code=404)
        self.assertContains(response, 'href="/latest/"', status_code=404)

    @override_settings(DEBUG=False)
    def test_500_is_friendly(self):
        self.client.raise_request_exception = False
        from unittest import mock

        with mock.patch(
            "masthead.newsroom.views.queries.stories", side_effect=RuntimeError("boom")
        ):
            response = self.client.get("/latest/")
        self.assertEqual(response.status_code, 500)
        self.assertIn("Something went wrong", response.content.decode())
        self.assertFalse(re.search("boom|Traceback", response.content.decode()))


class FeedTests(PublicationTestCase):
    def test_site_feed_lists_newest_articles(self):
        response = self.client.get("/feed/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        body = response.content.decode()
        self.assertIn("<title>The Test Review</title>", body)
        self.assertLess(body.index(self.feature.title), body.index("Story 11"))


class OutletLogoTests(PublicationTestCase):
    def test_logo_replaces_the_name_in_the_header(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.logo = f.make_image("Logo", alt="")
        settings.save()
        html = self.client.get("/").content.decode()
        brand = html.split('class="brand"')[1].split("</a>")[0]
        self.assertIn('class="brand__logo"', brand)
        self.assertIn('alt="The Test Review"', brand)
