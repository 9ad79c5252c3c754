"""The one rule for the words a feed carries: each field is plain text or HTML, never both.

- Plain-text fields (Atom's titles, names and categories, RSS categories and bylines, the
  captions and credits in media:*, every JSON Feed string but `content_html`, sitemap titles)
  carry the exact text: `text()`. The XML writer or the JSON encoder escapes it once, and a
  reader shows it as text.
- HTML fields (RSS <title> and <description>, which readers render as HTML and Django's own
  feeds escape for that reason; Atom's type="html" elements; content:encoded; JSON Feed's
  `content_html`) carry text escaped once more, `html_from_text()`, or markup that only ever
  comes from our rich text through nh3, `clean_html()`.

So a dek of `<img src=x onerror=…>` reaches every reader as those characters, never as an
image, and a hostile paragraph stored past the editor (an import, a shell) loses its scripts.
"""

import re

import nh3
from django.utils.html import escape

# Characters XML 1.0 cannot carry at all: one pasted into a headline would make the whole feed
# unreadable to every reader.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# What an article's HTML in a feed is made of (content.article_html, rich text paragraphs).
TAGS = {
    *("p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "small", "sup", "sub"),
    *("a", "ol", "ul", "li", "blockquote", "footer", "figure", "figcaption", "img"),
    *("table", "caption", "thead", "tbody", "tr", "th", "td"),
}
ATTRIBUTES = {"a": {"href"}, "img": {"src", "width", "height", "alt"}}
URL_SCHEMES = {"http", "https", "mailto"}


def text(value) -> str:
    """A plain-text field: the text as it is, less what XML cannot carry."""
    return NOT_XML.sub("", str(value or ""))


def html_from_text(value) -> str:
    """Plain text for a field readers render as HTML: escaped, so it shows as typed."""
    return escape(text(value))


def clean_html(markup: str) -> str:
    """An HTML field: only the elements and attributes an article's text uses, and only web
    and mail links, whatever was stored."""
    return nh3.clean(
        text(markup),
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        clean_content_tags={"script", "style"},
        link_rel=None,
    )
