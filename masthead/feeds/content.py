"""An article as feed readers and email see it: absolute links, the hero photo with its credit."""

import re
from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string

from masthead.images.renditions import SIZES
from masthead.newsroom.queries import decorate

# src, href and srcset values that start at the site root
ROOT_RELATIVE = re.compile(r'(\s(?:src|href|srcset)=")(/[^"]*)"')
SRCSET_PART = re.compile(r"(^|,\s*)(/)")


@dataclass(frozen=True)
class FeedImage:
    url: str
    width: int
    height: int
    mime_type: str
    caption: str
    credit: str
    alt: str
    licence: str


def prepare(articles: list) -> list:
    """Decorate a feed's articles and fetch what their bodies need, in a fixed number of queries."""
    decorate(articles)
    prefetch_related_objects(articles, "footnotes", "topics")
    return articles


def absolutize(html: str, root: str) -> str:
    """Make root-relative URLs absolute: feed readers and mail clients have no base URL."""

    def fix(match):
        value = match.group(2)
        if match.group(1).strip().startswith("srcset"):
            value = SRCSET_PART.sub(lambda m: m.group(1) + root + "/", value)
        else:
            value = root + value
        return f'{match.group(1)}{value}"'

    return ROOT_RELATIVE.sub(fix, html)


def hero_image(article, root: str) -> FeedImage | None:
    image = article.hero_image
    if image is None:
        return None
    rendition = image.get_renditions(*SIZES["hero"][0])[SIZES["hero"][0][1]]
    return FeedImage(
        url=root + rendition.url if rendition.url.startswith("/") else rendition.url,
        width=rendition.width,
        height=rendition.height,
        mime_type="image/jpeg"
        if rendition.url.lower().endswith((".jpg", ".jpeg"))
        else "image/" + rendition.url.rsplit(".", 1)[-1].lower(),
        caption=article.caption,
        credit=image.credit,
        alt=image.alt_text,
        licence=image.licence,
    )


def article_html(article, root: str) -> str:
    """The full article: hero photo with caption and credit, body, notes; absolute URLs."""
    html = render_to_string("feeds/article_content.html", {"page": article, "article": article})
    return absolutize(html, root)
