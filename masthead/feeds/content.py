"""An article as feed readers and email see it: absolute links, the hero photo with its credit."""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.images import get_image_model

from masthead.core.cleaning import expand_rich_text
from masthead.delivery import tags
from masthead.images.renditions import FEED_INLINE_SPEC, FEED_SPEC, renditions
from masthead.newsroom.models import ArticleCorrection, ArticlePage
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
    The photos in all the bodies come in one query with their one feed rendition (`feed_photos`),
    where the StreamField would fetch them article by article, and each rendition on its own.
    Each article's path (`feed_path`) and corrections (`feed_corrections`) are worked out here too.
    """
    from wagtail_footnotes.models import Footnote

    decorate(articles, photos=[FEED_SPEC])
    photo_ids = {
        block["value"].get("image")
        for article in articles
        for block in article.body.raw_data
        if block["type"] == "image"
    } - {None}
    photos = {}
    if photo_ids:
        found = get_image_model().objects.filter(pk__in=photo_ids)
        found = list(found.prefetch_renditions(FEED_INLINE_SPEC))
        tags.add(*(tags.image(photo.pk) for photo in found))  # a changed credit purges the feed
        photos = {photo.pk: photo for photo in found if not photo.licence_expired}
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
    corrections = defaultdict(list)
    for correction in ArticleCorrection.objects.filter(page_id__in=ids).order_by("made_at", "pk"):
        corrections[correction.page_id].append(correction)
    region_urls = {}
    for article in articles:
        article.feed_notes, article.feed_topics = notes[article.pk], topics[article.pk]
        article.feed_corrections = corrections[article.pk]
        article.feed_photos = photos
        article.feed_path = _path(article, region_urls)
    return articles


def _path(article, region_urls: dict) -> str:
    """An article filed under its region is at the region's URL and its slug: Wagtail works out
    a URL once per region of the feed rather than once per article."""
    region = article.region
    if region is None or article.url_path != f"{region.url_path}{article.slug}/":
        return article.url
    if region.pk not in region_urls:
        region_urls[region.pk] = region.url
    return f"{region_urls[region.pk]}{article.slug}/"


def item_url(article, root: str) -> str:
    """The article's absolute URL (its path was worked out by `prepare`)."""
    return root + article.feed_path if article.feed_path.startswith("/") else article.feed_path


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
    if image is not None:
        tags.add(tags.image(image.pk))  # a changed credit or an expired licence purges it
    article._feed_image = feed_image(image, root, article.caption)
    return article._feed_image


def feed_image(image, root: str, caption: str = "") -> FeedImage | None:
    """A photo's largest feed size, or None when there is none or its licence has run out."""
    if image is None or image.licence_expired:
        return None
    rendition = renditions(image, FEED_SPEC)[FEED_SPEC]
    return FeedImage(
        url=root + rendition.url if rendition.url.startswith("/") else rendition.url,
        width=rendition.width,
        height=rendition.height,
        mime_type="image/jpeg"
        if rendition.url.lower().endswith((".jpg", ".jpeg"))
        else "image/" + rendition.url.rsplit(".", 1)[-1].lower(),
        caption=caption,
        credit=image.credit,
        alt=image.alt_text,
        licence=image.licence,
    )


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
    corrections = article.feed_corrections  # see prepare()
    retraction = next((c for c in corrections if c.is_retraction), None)
    if retraction:
        parts.append(_correction(retraction, "p"))
    if article.dek:
        parts.append(format_html("<p><strong>{}</strong></p>", article.dek))

    def footnote(match):
        key = match.group(1)
        if key not in notes:
            return ""
        number = numbers.setdefault(key, len(numbers) + 1)
        return f'<sup><a href="{url}#footnote-{number}">[{number}]</a></sup>'

    # The stored block data, read as it is: converting every block to Python values cost more
    # than writing the HTML.
    for block in article.body.raw_data:
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            parts.append(FOOTNOTE_TAG.sub(footnote, expand_rich_text(value)))
        elif kind == "heading":
            level = value.get("level") if value.get("level") in ("h2", "h3") else "h2"
            parts.append(format_html("<{0}>{1}</{0}>", level, value.get("text", "")))
        elif kind == "pull_quote":
            attribution = value.get("attribution")
            parts.append(
                format_html(
                    "<blockquote><p>{}</p>{}</blockquote>",
                    value.get("text", ""),
                    format_html("<footer>{}</footer>", attribution) if attribution else "",
                )
            )
        elif kind == "image" and value.get("image") in article.feed_photos:
            photo = article.feed_photos[value["image"]]
            parts.append(_figure(photo, value.get("caption") or photo.default_caption, root))
        elif kind == "embed" and value.get("embed"):
            parts.append(format_html('<p><a href="{0}">{0}</a></p>', value["embed"]))
        elif kind == "quote":
            attribution = value.get("attribution")
            parts.append(
                format_html(
                    "<blockquote>{}{}</blockquote>",
                    mark_safe(expand_rich_text(value.get("text", ""))),
                    format_html("<footer>{}</footer>", attribution) if attribution else "",
                )
            )
        elif kind == "table":
            parts.append(_table(value))
    if numbers:
        items = "".join(
            format_html("<li>{}</li>", mark_safe(expand_rich_text(notes[key])))
            for key in sorted(numbers, key=numbers.get)
        )
        parts.append(f"<h2>Notes</h2><ol>{items}</ol>")
    if corrections:
        items = "".join(_correction(correction, "li") for correction in corrections)
        parts.append(f"<h2>Corrections and clarifications</h2><ol>{items}</ol>")
    return absolutize("\n".join(parts), root)


def modified_at(article):
    """When a feed item last changed for its readers: a publish or a correction (prepared)."""
    times = [article.last_published_at or article.first_published_at]
    times += [correction.made_at for correction in article.feed_corrections]
    return max(t for t in times if t)


def _correction(correction, element: str) -> str:
    return format_html(
        "<{0}><strong>{1}, {2}:</strong> {3}</{0}>",
        element,
        correction.get_kind_display(),
        correction.made_at.strftime("%-d %B %Y"),
        correction.text,
    )


def _items(value) -> list:
    """A ListBlock's stored items, in the current form ({"type": "item", "value": …}) or the
    old one (the bare values)."""
    return [
        item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
        for item in value or ()
    ]


def _table(value) -> str:
    rows = [[str(cell) for cell in _items(row)] for row in _items(value.get("rows"))]
    head = rows[:1] if value.get("header_row") and rows else []
    body = rows[len(head) :]

    def cells(row, header_column):
        return "".join(
            format_html("<th>{}</th>", cell)
            if index == 0 and header_column
            else format_html("<td>{}</td>", cell)
            for index, cell in enumerate(row)
        )

    caption = value.get("caption")
    return format_html(
        "<table>{}{}<tbody>{}</tbody></table>",
        format_html("<caption>{}</caption>", caption) if caption else "",
        format_html(
            "<thead><tr>{}</tr></thead>",
            mark_safe("".join(format_html("<th>{}</th>", cell) for cell in head[0])),
        )
        if head
        else "",
        mark_safe(
            "".join(
                format_html("<tr>{}</tr>", mark_safe(cells(row, value.get("header_column"))))
                for row in body
            )
        ),
    )


def _figure(image, caption: str, root: str) -> str:
    """An inline photo from the body, with its caption and credit."""
    largest = renditions(image, FEED_INLINE_SPEC)[FEED_INLINE_SPEC]
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
