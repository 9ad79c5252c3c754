"""Stored rich text and typed links reach readers with nothing in them that runs."""

from django.template import Context, Template
from django.test import SimpleTestCase
from wagtail.rich_text import RichText

from masthead.core.cleaning import clean_rich_text, is_web_url, web_links

FOOTNOTE = '<footnote id="0b6f7c9e-2a4d-4e8f-9c1a-5d3b2e7f6a10">[1]</footnote>'


class RichTextTests(SimpleTestCase):
    def test_what_the_editor_makes_is_kept_as_it_is(self):
        html = (
            '<p data-block-key="a1">A <b>bold</b> and <i>italic</i> '
            f'<a href="https://example.com/x">link</a>{FOOTNOTE}</p>'
            '<ul><li data-block-key="b2">one</li></ul><h2 data-block-key="c3">Head</h2>'
            '<p><a href="/europe/piece/">page</a> <a href="mailto:desk@example.com">mail</a></p>'
        )
        self.assertEqual(clean_rich_text(html), html)

    def test_what_an_import_or_a_shell_could_store_loses_what_runs(self):
        html = (
            "<p>before<script>alert(1)</script>"
            '<img src="/beacon" onerror="alert(2)">'
            '<a href="java\nscript:alert(3)" onclick="alert(4)">x</a>'
            '<svg onload="alert(5)"></svg><style>*{}</style>'
            '<meta http-equiv="refresh" content="0;url=javascript:alert(6)">after</p>'
        )
        cleaned = clean_rich_text(html)
        self.assertEqual(cleaned, "<p>before<a>x</a>after</p>")

    def test_every_rich_text_rendering_is_cleaned(self):
        stored = '<p>text<img src=x onerror="alert(1)"><script>alert(2)</script></p>'
        self.assertEqual(str(RichText(stored)), "<p>text</p>")
        rendered = Template("{% load wagtailcore_tags %}{{ html|richtext }}").render(
            Context({"html": stored})
        )
        self.assertEqual(rendered, "<p>text</p>")


class LinkTests(SimpleTestCase):
    def test_only_web_addresses_and_site_paths_are_links(self):
        for url in ("https://example.com/", "HTTP://example.com", "/feed/"):
            self.assertTrue(is_web_url(url), url)
        for url in ("javascript:alert(1)", " javascript:x", "java\nscript:x", "data:text/html,x"):
            self.assertFalse(is_web_url(url), url)
        self.assertFalse(is_web_url("//example.com/"))
        self.assertFalse(is_web_url("/feed/", absolute=True))

    def test_web_links_keeps_the_rest_in_order(self):
        pairs = [("A", "https://a.example/"), ("B", "vbscript:x"), ("RSS", "/feed/")]
        self.assertEqual(web_links(pairs), [("A", "https://a.example/"), ("RSS", "/feed/")])
