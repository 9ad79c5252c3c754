"""An article as feed readers and email see it: absolute links, the hero photo with its credit."""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from masthead.images.renditions import format_specs, renditions
from masthead.newsroom.models import ArticlePage
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
    """Decorate a feed's articles and fetch what their bodies need, in a fixed number of queries.

    Footnotes and topic names come as plain values (`feed_notes`, `feed_topics`): a feed shows
    nothing else of them, and fifty articles' worth of model instances cost more than the query.
    """
    from wagtail_footnotes.models import Footnote

    decorate(articles)
    ids = [article.pk for article in articles]
    notes, topics = defaultdict(dict), defaultdict(list)
    for page_id, key, text in Footnote.objects.filter(page_id__in=ids).values_list(
        "page_id", "uuid", "text"
    ):
        notes[page_id][str(key)] = text
    through = ArticlePage.topics.through
    for page_id, name in (
        through.objects.filter(articlepage_id__in=ids)
        .order_by("topic__name")
        .values_list("articlepage_id", "topic__name")
    ):
        topics[page_id].append(name)
    for article in articles:
        article.feed_notes, article.feed_topics = notes[article.pk], topics[article.pk]
    return articles


def item_url(article, root: str) -> str:
    """The article's absolute URL, worked out once per article (Wagtail reverses a URL for it)."""
    try:
        return article._feed_url
    except AttributeError:
        url = article.url
        article._feed_url = root + url if url.startswith("/") else url
        return article._feed_url


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
    """The hero photo's largest feed size, with its caption and credit; worked out once."""
    if hasattr(article, "_feed_image"):
        return article._feed_image
    image = article.hero_image
    if image is None:
        article._feed_image = None
        return None
    # JPEG, which every feed reader and mail client shows (and which the enclosure's type says).
    spec = format_specs("hero", "jpeg")[1]
    rendition = renditions(image, spec)[spec]
    article._feed_image = FeedImage(
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
    return article._feed_image


FOOTNOTE_TAG = re.compile(r'<footnote id="([^"]*)">.*?</footnote>')


def article_html(article, root: str) -> str:
    """The full article, prepared by `prepare`, for syndication: hero photo with caption and
    credit, dek, body, notes.

    Written in Python rather than through the page templates: a feed renders fifty articles
    at once, and template includes per block cost more than the rest of the feed together.
    """
    url = item_url(article, root)
    notes = article.feed_notes  # see prepare()
    numbers: dict[str, int] = {}
    parts = []
    hero = hero_image(article, root)
    if hero:
        credit = (
            format_html("<small>Top photo credit: {}</small>", hero.credit) if hero.credit else ""
        )
        parts.append(
            format_html(
                '<figure><img src="{}" width="{}" height="{}" alt="{}">'
                "<figcaption>{} {}</figcaption></figure>",
                hero.url,
                hero.width,
                hero.height,
                hero.alt,
                hero.caption,
                credit,
            )
        )
    if article.dek:
        parts.append(format_html("<p><strong>{}</strong></p>", article.dek))

    def footnote(match):
        key = match.group(1)
        if key not in notes:
            return ""
        number = numbers.setdefault(key, len(numbers) + 1)
        return f'<sup><a href="{url}#footnote-{number}">[{number}]</a></sup>'

    for block in article.body:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            parts.append(FOOTNOTE_TAG.sub(footnote, expand_db_html(value.source)))
        elif kind == "heading":
            parts.append(format_html("<{0}>{1}</{0}>", value["level"], value["text"]))
        elif kind == "pull_quote":
            parts.append(
                format_html(
                    "<blockquote><p>{}</p>{}</blockquote>",
                    value["text"],
                    format_html("<footer>{}</footer>", value["attribution"])
                    if value["attribution"]
                    else "",
                )
            )
        elif kind == "image" and value["image"] is not None:
            caption = value["caption"] or value["image"].default_caption
            parts.append(_figure(value["image"], caption, root))
        elif kind == "embed" and value["embed"] is not None:
            parts.append(format_html('<p><a href="{0}">{0}</a></p>', value["embed"].url))
    if numbers:
        items = "".join(
            format_html("<li>{}</li>", mark_safe(expand_db_html(notes[key])))
            for key in sorted(numbers, key=numbers.get)
        )
        parts.append(f"<h2>Notes</h2><ol>{items}</ol>")
    return absolutize("\n".join(parts), root)


def _figure(image, caption: str, root: str) -> str:
    """An inline photo from the body, with its caption and credit."""
    spec = format_specs("inline", "jpeg")[-1]
    largest = renditions(image, spec)[spec]
    credit = format_html("<small>Photo: {}</small>", image.credit) if image.credit else ""
    return format_html(
        '<figure><img src="{}" width="{}" height="{}" alt="{}">'
        "<figcaption>{} {}</figcaption></figure>",
        largest.url,
        largest.width,
        largest.height,
        image.alt_text,
        caption,
        credit,
    )
