"""Hostile text in every field of every feed reaches readers as text, never as live HTML.

Each line of files/xss_corpus.txt goes into every field an editor or an import can fill (the
headline, dek, byline, region, topic, type, the photo's caption, credit, alt text and licence,
the body's paragraphs, headings, quotes, captions, embeds and notes, the outlet's name and
tagline). Every feed format, site-wide and scoped, is then read twice: by feedparser, as feed
readers do, and as raw XML or JSON, one level of escaping undone, the way a reader that renders
a field as HTML would see it.
"""

import html
import json
import re
import uuid
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from unittest import mock

import feedparser
from django.test import TestCase
from wagtail_footnotes.models import Footnote

from masthead.feeds import escaping
from masthead.newsroom.models import ArticleType, Topic
from masthead.newsroom.tests import factories as f
from masthead.siteconfig.models import SiteSettings

CORPUS = [
    line
    for line in (Path(__file__).parent / "files" / "xss_corpus.txt")
    .read_text(encoding="utf-8")
    .split("\n")
    if line
]
# Characters XML cannot carry (a vertical tab, a form feed, an escape) pasted into a field.
CONTROL = "Vertical\x0btab\x0cform\x1bfeed <b onclick=alert(1)>x</b>"
MEDIA = "{http://search.yahoo.com/mrss/}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
ATOM = "{http://www.w3.org/2005/Atom}"
DANGEROUS_TAGS = {
    *("script", "style", "iframe", "frame", "object", "embed", "svg", "math", "body", "base"),
    *("link", "meta", "form", "input", "button", "textarea", "template", "noscript"),
}
URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "data", "srcset"}


def expected(value: str) -> str:
    """What a reader must get for a plain field: the text as typed, less what XML cannot carry."""
    return escaping.NOT_XML.sub("", value)


def credit(payload: str) -> str:
    """The photo's credit when agency and photographer are both the payload: AGENCY/Photographer."""
    return expected(f"{payload.strip()}/{payload.strip()}")


class Markup(HTMLParser):
    """The elements and attributes a browser would build from a string of HTML."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list]] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    handle_startendtag = handle_starttag


class HostileFieldsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_home()
        cls.payloads = {}  # an item's id in the feeds -> the payload in every one of its fields
        for number, payload in enumerate([*CORPUS, CONTROL]):
            region = f.make_section(cls.home, payload, slug=f"region-{number}")
            kind = ArticleType.objects.create(
                name=payload, plural_name=payload, slug=f"type-{number}"
            )
            topic = Topic.objects.create(name=payload, slug=f"topic-{number}")
            author = f.make_author(payload, slug=f"author-{number}")
            photo = f.make_image(
                f"Photo {number}",
                agency=payload,
                photographer=payload,
                alt=payload,
                licence=payload,
                default_caption=payload,
            )
            note = str(uuid.uuid4())
            article = f.make_article(
                region,
                title=payload,
                dek=payload,
                article_type=kind,
                authors=[author],
                hero_image=photo,
                hero_caption=payload,
                # Stored as an import or a shell might store it, past the editor's own cleaning.
                body=[
                    {
                        "type": "paragraph",
                        "value": f'<p>{payload}<footnote id="{note}">1</footnote></p>',
                    },
                    {"type": "paragraph", "value": payload},
                    {"type": "heading", "value": {"text": payload, "level": "h2"}},
                    {"type": "pull_quote", "value": {"text": payload, "attribution": payload}},
                    {"type": "image", "value": {"image": photo.pk, "caption": payload}},
                    {"type": "embed", "value": {"embed": payload, "caption": payload}},
                    {"type": "embed", "value": {"embed": "javascript:alert(1)", "caption": ""}},
                ],
            )
            Footnote.objects.create(page=article, uuid=note, text=f"<p>{payload}</p>")
            article.topics.add(topic)
            article.save()
            cls.payloads[f"urn:uuid:{article.translation_key}"] = payload

    # -- what a reader that renders HTML would build ------------------------------------------

    def assertNoMarkup(self, value, wanted, where):
        """An HTML field made from text: no element at all, and the text shows as typed."""
        self.assertEqual(Markup(value or "").elements, [], where)
        self.assertEqual(html.unescape(value or ""), wanted, where)

    def assertHarmless(self, value, where):
        """An HTML field made from markup: nothing that runs, loads a frame or carries a handler."""
        for tag, attrs in Markup(value).elements:
            self.assertNotIn(tag, DANGEROUS_TAGS, where)
            for name, attribute in attrs:
                self.assertFalse(name.startswith("on"), f"{where}: <{tag} {name}>")
                self.assertNotEqual(name, "style", f"{where}: <{tag} style>")
                if name in URL_ATTRIBUTES:
                    # As a browser reads a URL: tabs and newlines dropped, the ends trimmed.
                    url = re.sub(r"[\t\n\r]|^[\x00-\x20]+|[\x00-\x20]+$", "", attribute or "")
                    scheme = re.match(r"([a-z][a-z0-9+.-]*):", url.lower())
                    if scheme:
                        self.assertIn(scheme[1], {"http", "https", "mailto"}, f"{where}: {url}")

    # -- the formats ----------------------------------------------------------------------------

    def fetch(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response.content

    def check_rss(self, url, title, description, items=True):
        body = self.fetch(url)
        parsed = feedparser.parse(body)
        self.assertFalse(parsed.bozo, f"{url}: {parsed.get('bozo_exception')}")
        channel = ET.fromstring(body).find("channel")
        self.assertNoMarkup(channel.findtext("title"), title, f"{url} channel title")
        self.assertNoMarkup(channel.findtext("description"), description, f"{url} description")
        for item, entry in (
            zip(channel.findall("item"), parsed.entries, strict=True) if items else ()
        ):
            payload = self.payloads[item.findtext("guid")]
            want, where = expected(payload), f"{url} {payload!r}"
            self.assertNoMarkup(item.findtext("title"), want, f"{where} title")
            self.assertNoMarkup(item.findtext("description"), want, f"{where} description")
            self.assertHarmless(item.findtext(f"{CONTENT}encoded"), f"{where} content:encoded")
            self.assertEqual(item.findtext(f"{DC}creator"), want, f"{where} dc:creator")
            self.assertEqual({c.text for c in item.findall("category")}, {want}, where)
            media = item.find(f"{MEDIA}content")
            for name, value in [
                ("description", want),
                ("credit", credit(payload)),
                ("text", want),
                ("copyright", want),
            ]:
                self.assertEqual(media.findtext(f"{MEDIA}{name}"), value, f"{where} media:{name}")
            # feedparser, as readers built on it see the item: the text as typed, no element.
            self.assertEqual(html.unescape(entry.title), want, f"{where} feedparser title")
            self.assertEqual(html.unescape(entry.summary), want, f"{where} feedparser summary")

    def check_atom(self, url, title, subtitle, items=True):
        body = self.fetch(url)
        parsed = feedparser.parse(body)
        self.assertFalse(parsed.bozo, f"{url}: {parsed.get('bozo_exception')}")
        feed = ET.fromstring(body)
        self.assertIsNone(feed.find(f"{ATOM}title").get("type"))  # text
        self.assertEqual(feed.findtext(f"{ATOM}title"), title, f"{url} feed title")
        self.assertEqual(feed.findtext(f"{ATOM}subtitle"), subtitle, f"{url} subtitle")
        entries = zip(feed.findall(f"{ATOM}entry"), parsed.entries, strict=True) if items else ()
        for entry, read in entries:
            payload = self.payloads[entry.findtext(f"{ATOM}id")]
            want, where = expected(payload), f"{url} {payload!r}"
            self.assertIsNone(entry.find(f"{ATOM}title").get("type"))  # text
            self.assertEqual(entry.findtext(f"{ATOM}title"), want, f"{where} title")
            summary = entry.find(f"{ATOM}summary")
            self.assertEqual(summary.get("type"), "html")
            self.assertNoMarkup(summary.text, want, f"{where} summary")
            content = entry.find(f"{ATOM}content")
            self.assertEqual(content.get("type"), "html")
            self.assertHarmless(content.text, f"{where} content")
            names = [a.findtext(f"{ATOM}name") for a in entry.findall(f"{ATOM}author")]
            self.assertIn(want, names, f"{where} author")
            terms = {c.get("term") for c in entry.findall(f"{ATOM}category")}
            self.assertEqual(terms, {want}, f"{where} category")
            self.assertEqual(read.title, want, f"{where} feedparser title")
            self.assertEqual(html.unescape(read.summary), want, f"{where} feedparser summary")

    def check_json(self, url, title, description, items=True):
        feed = json.loads(self.fetch(url))
        self.assertEqual(feed["title"], title, url)
        self.assertEqual(feed["description"], description, url)
        for item in feed["items"] if items else ():
            payload = self.payloads[item["id"]]
            want, where = expected(payload), f"{url} {payload!r}"
            for field in ("title", "summary"):
                self.assertEqual(item[field], want, f"{where} {field}")
            self.assertHarmless(item["content_html"], f"{where} content_html")
            self.assertEqual([a["name"] for a in item["authors"]], [want], f"{where} authors")
            self.assertEqual(set(item["tags"]), {want}, f"{where} tags")
            extension = item["_masthead"]
            for field in ("image_caption", "image_alt", "image_licence"):
                self.assertEqual(extension[field], want, f"{where} {field}")
            self.assertEqual(extension["image_credit"], credit(payload), f"{where} credit")
            self.assertTrue(item["image"].startswith("http://testserver/media/"), where)

    # -- the tests ------------------------------------------------------------------------------

    def test_every_field_of_every_item_in_every_format_carries_text_not_markup(self):
        outlet = SiteSettings.for_site(self.home.get_site())
        description = outlet.tagline or f"The latest from {outlet.outlet_name}."
        self.check_rss("/feed/", outlet.outlet_name, description)
        self.check_atom("/feed/atom/", outlet.outlet_name, description)
        self.check_json("/feed/json/", outlet.outlet_name, description)

    def test_scoped_feeds_carry_hostile_names_as_text(self):
        outlet = SiteSettings.for_site(self.home.get_site()).outlet_name
        for number, payload in enumerate(self.payloads.values()):
            kind = ("region", "topic", "type", "author")[number % 4]
            scope = f"/feed/{kind}/{kind}-{number}/"
            title = f"{expected(payload)} | {outlet}"
            description = f"The latest from {outlet}: {expected(payload)}."
            with self.subTest(payload=payload, scope=scope):
                self.check_rss(scope, title, description)
                self.check_atom(scope + "atom/", title, description)
                self.check_json(scope + "json/", title, description)

    def test_the_site_feeds_carry_a_hostile_outlet_name_and_tagline_as_text(self):
        settings = SiteSettings.for_site(self.home.get_site())
        shorter = mock.patch("masthead.feeds.scopes.FEED_LENGTH", 1)  # the items are checked above
        shorter.start()
        self.addCleanup(shorter.stop)
        for payload in [*CORPUS, CONTROL]:
            settings.outlet_name = settings.tagline = payload
            settings.save()
            with self.subTest(payload=payload):
                self.check_rss("/feed/", expected(payload), expected(payload), items=False)
                self.check_atom("/feed/atom/", expected(payload), expected(payload), items=False)
                self.check_json("/feed/json/", expected(payload), expected(payload), items=False)

    def test_the_news_sitemap_carries_headlines_as_text(self):
        tree = ET.fromstring(self.fetch("/news-sitemap.xml"))
        news = "{http://www.google.com/schemas/sitemap-news/0.9}"
        titles = {title.text for title in tree.iter(f"{news}title")}
        self.assertEqual(titles, {expected(payload) for payload in self.payloads.values()})
