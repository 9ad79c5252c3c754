"""The demo publication's data files (`core/demo/data/`) read as one more source.

`manage.py load_demo` makes the publication's frame (front page, regions, types, topics,
newsletter) and then imports the demo's authors, plain pages and articles through
`import_content`, as any export is imported: the same writer, the same re-run safety (a second
run creates nothing), the same report. Its pictures are drawn (`core/demo/pictures.py`) only
when the writer first needs their bytes, so a re-run draws none.

Articles say how many days before the build they appeared; the build is the front page's first
publication, so every run dates them the same.
"""

import html
import json
from datetime import datetime, timedelta
from pathlib import Path

from django.utils import timezone

from masthead.core.demo import content, pictures
from masthead.importers.mapping import Mapping, Target
from masthead.importers.records import SourceAuthor, SourceItem, SourceMedia, SourceTerm
from masthead.importers.sources import ExportError
from masthead.importers.sourcing import ListedExport
from masthead.newsroom.models import HomePage

FILES = ("outlet.json", "taxonomy.json", "authors.json", "articles.json")


def is_demo_data(path: Path) -> bool:
    return path.is_dir() and all((path / name).is_file() for name in FILES)


def read_demo(directory: Path) -> ListedExport:
    """Every record of the demo, checked first: a faulty file is an ExportError naming it."""
    try:
        data = content.load(directory)
    except content.DemoDataError as error:
        raise ExportError(str(error)) from error
    export = ListedExport(source="demo", title=data.outlet["outlet_name"])
    credit = {
        "agency": data.image_credit.get("agency", ""),
        "licence": data.image_credit.get("licence", ""),
        "licence_url": data.image_credit.get("licence_url", ""),
    }
    for person in data.authors:
        initials = "".join(part[0] for part in person["name"].split()[:2])
        portrait = SourceMedia(
            key=f"portrait:{person['slug']}",
            path=_file_name(export.media, f"portrait-of-{person['slug']}"),
            title=f"Portrait of {person['name']}",
            alt=f"Initials of {person['name']} on a coloured disc",
            photographer="Generated portrait",
            read=_drawn(pictures.draw_portrait, initials, person["slug"]),
            **credit,
        )
        export.media[portrait.key] = portrait
        export.authors[person["slug"]] = SourceAuthor(
            key=person["slug"],
            name=person["name"],
            slug=person["slug"],
            bio=person["bio"],
            is_guest=person["guest"],
            role=person["role"],
            photo_key=portrait.key,
        )
    mapping = Mapping(default_region=data.regions[0]["slug"], default_type="news")
    for kind, records, target in (
        ("category", data.regions, "region"),
        ("category", data.types, "type"),
        ("tag", data.topics, "topic"),
    ):
        for record in records:
            export.terms[(kind, record["slug"])] = SourceTerm(kind, record["slug"], record["name"])
            table = mapping.categories if kind == "category" else mapping.tags
            table[record["slug"]] = Target(target, record["slug"])
    export.mapping = mapping
    for plain in data.plain_pages:
        export.items.append(
            SourceItem(
                kind="page",
                key=f"page:{plain['slug']}",
                title=plain["title"],
                slug=plain["slug"],
                status="publish",
                content="".join(  # a blank line between paragraphs
                    f"<p>{html.escape(text)}</p>" for text in plain["text"].split("\n\n")
                ),
            )
        )
    built = _built_at()
    for article in data.articles:
        export.items.append(_article(article, built, export.media, credit))
    return export


def _built_at() -> datetime:
    home = HomePage.objects.first()
    when = (home.first_published_at if home else None) or timezone.now()
    return when.replace(minute=0, second=0, microsecond=0)


def _file_name(media: dict, name: str) -> str:
    """Numbered first: Wagtail names a rendition after the first characters of its original,
    and two that share them would be told apart by a random suffix, a different one on every
    build."""
    return f"demo-{len(media) + 1:03d}-{name}.jpg"


def _drawn(draw, *args):
    return lambda: pictures.to_jpeg(draw(*args))


def _picture(key: str, picture: dict, seed: str, media: dict, credit: dict) -> str:
    media[key] = SourceMedia(
        key=key,
        path=_file_name(media, key.replace(":", "-")),
        title=picture["alt"],
        alt=picture["alt"],
        caption=picture["caption"],
        photographer="Generated image",
        read=_drawn(pictures.draw_scene, picture["scene"], seed),
        **credit,
    )
    return key


def _article(article: dict, built: datetime, media: dict, credit: dict) -> SourceItem:
    slug = article["slug"]
    notes = [
        {"id": f"{slug}-{number}", "content": html.escape(text)}
        for number, text in enumerate(article.get("footnotes", []), start=1)
    ]
    body = []
    for number, block in enumerate(article["body"]):
        kind = block["type"]
        if kind == "paragraph":
            body.append(f"<p>{_paragraph(block['text'], slug)}</p>")
        elif kind == "heading":
            body.append(f"<h2>{html.escape(block['text'])}</h2>")
        elif kind == "quote":
            cite = block.get("attribution", "")
            body.append(
                f'<blockquote class="wp-block-pullquote"><p>{html.escape(block["text"])}</p>'
                + (f"<cite>{html.escape(cite)}</cite>" if cite else "")
                + "</blockquote>"
            )
        elif kind == "image":
            key = _picture(f"{slug}:{number}", block, f"{slug}-{number}", media, credit)
            body.append(f'<figure><img data-media-key="{html.escape(key)}" alt=""></figure>')
    # Spread over the weeks before the build; items of the same day keep the list order.
    published = built - timedelta(days=article["days_ago"], hours=len(slug) % 9)
    return SourceItem(
        kind="post",
        key=slug,
        title=article["headline"],
        slug=slug,
        status="publish",
        published_at=published,
        author_keys=list(article["authors"]),
        category_keys=[article["region"], *article.get("extra_regions", []), article["type"]],
        primary_category_key=article["region"],
        tag_keys=list(article["topics"]),
        excerpt=article["dek"],
        content="\n\n".join(body),
        featured_media_key=_picture(f"{slug}:hero", article["hero"], slug, media, credit),
        footnotes_meta=json.dumps(notes) if notes else "",
        corrections=[
            {
                "kind": note["kind"],
                "text": note["text"],
                "made_at": published + timedelta(hours=note["hours_after"]),
            }
            for note in article.get("corrections", [])
        ],
    )


def _paragraph(text: str, slug: str) -> str:
    """Plain text with <em> and [fn:N] marks, as the block editor writes a paragraph."""
    escaped = (
        html.escape(text, quote=False).replace("&lt;em&gt;", "<em>").replace("&lt;/em&gt;", "</em>")
    )

    def footnote(match):
        source_id = f"{slug}-{match.group(1)}"
        return (
            f'<sup data-fn="{source_id}" class="fn">'
            f'<a href="#{source_id}" id="{source_id}-link">{match.group(1)}</a></sup>'
        )

    return content.FOOTNOTE_MARK.sub(footnote, escaped)
