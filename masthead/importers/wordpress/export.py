"""Writing a WordPress export (WXR 1.2) of the articles and plain pages, so an outlet can go
back to WordPress. Streamed: the channel's authors and terms first, then every photo as an
attachment, then the pages a chunk at a time, each chunk's relations in one query apiece.

Authors are `wp:author`s (login = the author's slug), guests too, each with a Co-Authors Plus
profile (`guest-author`; staff profiles link to their login), and every byline in order as
Co-Authors Plus `author` terms. Regions and article types are categories, topics are tags.
Bodies are block-editor HTML: photos as `<img class="wp-image-N">` in captioned figures, with
the original file's absolute URL; footnotes as the block editor keeps them (`footnotes` meta).
Post ids are the page ids; attachments and profiles get ids above every page's.
"""

import html
import json
import os
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import lxml.html
from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision, Site
from wagtail.rich_text import expand_db_html

from masthead.feeds.content import absolutize
from masthead.importers.archive.pages import batched
from masthead.newsroom.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleType,
    Author,
    HomePage,
    PlainPage,
    SectionPage,
    Topic,
)
from masthead.siteconfig.models import SiteSettings

NAMESPACES = {
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wp": "http://wordpress.org/export/1.2/",
}
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FOOTNOTE = re.compile(r'<footnote id="([^"]*)">.*?</footnote>', re.DOTALL)
ZERO_DATE = "0000-00-00 00:00:00"


class WxrError(Exception):
    """The export cannot be written; the message says why."""


@dataclass
class WxrExported:
    path: str
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    seconds: float = 0.0

    def line(self) -> str:
        counts = " ".join(f"{k}={self.counts[k]}" for k in ("posts", "pages", "attachments"))
        return f"export: wxr {counts} authors={self.counts['authors']} seconds={self.seconds:.1f}"


def text(value) -> str:
    """Text for an XML 1.0 document: characters XML forbids are dropped."""
    return NOT_XML.sub("", "" if value is None else str(value))


def cdata(value) -> str:
    return "<![CDATA[" + text(value).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def el(name: str, value="", **attrs) -> str:
    """One element: a number as it is, anything else as CDATA."""
    attributes = "".join(f' {k}="{html.escape(text(v))}"' for k, v in attrs.items())
    inner = str(value) if isinstance(value, int) else cdata(value)
    return f"<{name}{attributes}>{inner}</{name}>"


def group(tag: str, *pairs: tuple[str, object]) -> str:
    return f"<{tag}>" + "".join(el(name, value) for name, value in pairs) + f"</{tag}>"


def meta(key: str, value) -> str:
    return group("wp:postmeta", ("wp:meta_key", key), ("wp:meta_value", value))


def wp_dates(moment: datetime | None, prefix: str, *, gmt: bool = True) -> str:
    """WordPress's local and GMT dates; a draft has no GMT date until it is published."""
    form = "%Y-%m-%d %H:%M:%S"
    local = timezone.localtime(moment).strftime(form) if moment else ZERO_DATE
    universal = moment.astimezone(UTC).strftime(form) if moment and gmt else ZERO_DATE
    return el(f"wp:{prefix}", local) + el(f"wp:{prefix}_gmt", universal)


def php_serialize(value) -> str:
    """PHP's serialize() for the plain values attachment metadata holds."""
    if isinstance(value, bool):
        return f"b:{int(value)};"
    if isinstance(value, int):
        return f"i:{value};"
    if isinstance(value, dict):
        inner = "".join(php_serialize(k) + php_serialize(v) for k, v in value.items())
        return f"a:{len(value)}:{{{inner}}}"
    value = str(value)
    return f's:{len(value.encode())}:"{value}";'


class WxrWriter:
    def __init__(self, stream, chunk_size: int) -> None:
        self.out = stream
        self.chunk_size = chunk_size
        self.site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        if self.site is None:
            raise WxrError("the site has no Site record, so its address is unknown")
        self.root = self.site.root_url.rstrip("/")
        self.now = timezone.now()
        self.attachment_base = Page.objects.aggregate(top=Max("pk"))["top"] or 0
        top_image = get_image_model().objects.aggregate(top=Max("pk"))["top"] or 0
        self.profile_base = self.attachment_base + top_image
        self.result = WxrExported(path="")

    def write(self, *parts: str) -> None:
        self.out.write("".join(parts) + "\n")

    def url(self, path: str) -> str:
        return self.root + path if path.startswith("/") else path

    def post(self, pk: int, post_type: str, title: str, **values) -> list[str]:
        """The fields every item has, in WordPress's order."""
        date, status = values.get("date"), values.get("status", "publish")
        link = values.get("link") or f"{self.root}/?p={pk}"
        return [
            "<item>",
            el("title", title),
            el("link", link),
            el("pubDate", format_datetime(date or self.now)),
            el("dc:creator", values.get("creator", "")),
            el("guid", values.get("guid") or f"{self.root}/?p={pk}", isPermaLink="false"),
            el("description", ""),
            el("content:encoded", values.get("content", "")),
            el("excerpt:encoded", values.get("excerpt", "")),
            el("wp:post_id", pk),
            wp_dates(date, "post_date", gmt=status != "draft"),
            wp_dates(values.get("modified") or date, "post_modified"),
            el("wp:comment_status", "closed"),
            el("wp:ping_status", "closed"),
            el("wp:post_name", values.get("slug", "")),
            el("wp:status", status),
            el("wp:post_parent", values.get("parent", 0)),
            el("wp:menu_order", 0),
            el("wp:post_type", post_type),
            el("wp:post_password", values.get("password", "")),
            el("wp:is_sticky", int(values.get("sticky", False))),
        ]

    # The channel ---------------------------------------------------------------------------

    def run(self) -> WxrExported:
        outlet = SiteSettings.for_site(self.site)
        names = " ".join(f'xmlns:{k}="{v}"' for k, v in NAMESPACES.items())
        self.write('<?xml version="1.0" encoding="UTF-8" ?>')
        self.write(f'<rss version="2.0" {names}>', "<channel>")
        for name, value in [
            ("title", outlet.outlet_name),
            ("link", self.root),
            ("description", outlet.tagline),
            ("pubDate", format_datetime(self.now)),
            ("language", settings.LANGUAGE_CODE),
            ("wp:wxr_version", "1.2"),
            ("wp:base_site_url", self.root),
            ("wp:base_blog_url", self.root),
        ]:
            self.write(el(name, value))
        self.authors()
        self.terms()
        self.attachments()
        self.profiles()
        self.items()
        self.write("</channel>", "</rss>")
        return self.result

    def authors(self) -> None:
        self.author_slugs = dict(Author.objects.values_list("pk", "slug"))
        for author in Author.objects.order_by("pk").iterator(chunk_size=self.chunk_size):
            first, _, last = author.name.rpartition(" ")
            self.write(
                group(
                    "wp:author",
                    ("wp:author_id", author.pk),
                    ("wp:author_login", author.slug),
                    ("wp:author_email", ""),
                    ("wp:author_display_name", author.name),
                    ("wp:author_first_name", first or author.name),
                    ("wp:author_last_name", last if first else ""),
                )
            )
            self.result.counts["authors"] += 1

    def terms(self) -> None:
        """Regions and types are categories, topics tags; each author a Co-Authors Plus term."""
        self.categories: dict[tuple[str, int], tuple[int, str, str]] = {}
        self.tags: dict[int, tuple[str, str]] = {}
        term_id = 0
        home = HomePage.objects.first()
        regions = SectionPage.objects.child_of(home) if home else SectionPage.objects.none()
        for kind, rows in (
            ("region", regions.order_by("path").values_list("pk", "slug", "title")),
            ("type", ArticleType.objects.values_list("pk", "slug", "name")),
        ):
            for pk, slug, name in rows:
                taken = {nicename for _, nicename, _ in self.categories.values()}
                nicename = slug if slug not in taken else f"{kind}-{slug}"
                term_id += 1
                self.categories[kind, pk] = (term_id, nicename, name)
                self.write(
                    group(
                        "wp:category",
                        ("wp:term_id", term_id),
                        ("wp:category_nicename", nicename),
                        ("wp:category_parent", ""),
                        ("wp:cat_name", name),
                    )
                )
        for pk, slug, name, description in Topic.objects.order_by("pk").values_list(
            "pk", "slug", "name", "description"
        ):
            term_id += 1
            self.tags[pk] = (slug, name)
            tag = [("wp:term_id", term_id), ("wp:tag_slug", slug), ("wp:tag_name", name)]
            self.write(group("wp:tag", *tag, ("wp:tag_description", description)))
        for slug in self.author_slugs.values():
            term_id += 1
            term = [("wp:term_id", term_id), ("wp:term_taxonomy", "author")]
            self.write(
                group("wp:term", *term, ("wp:term_slug", f"cap-{slug}"), ("wp:term_name", slug))
            )

    def attachments(self) -> None:
        images = get_image_model().objects.order_by("pk")
        for image in images.iterator(chunk_size=self.chunk_size):
            key = self.attachment_base + image.pk
            url = self.url(image.file.url) if image.file else ""
            size = {"width": image.width, "height": image.height, "file": image.file.name}
            parts = self.post(
                key,
                "attachment",
                image.title,
                link=f"{self.root}/?attachment_id={key}",
                guid=url,
                date=image.created_at,
                excerpt=image.default_caption,
                slug=slugify(image.title)[:200] or f"image-{image.pk}",
                status="inherit",
            )
            parts += [
                el("wp:attachment_url", url),
                meta("_wp_attached_file", image.file.name),
                meta("_wp_attachment_metadata", php_serialize(size)),
                meta("_wp_attachment_image_alt", image.description),
            ]
            if image.photographer or image.agency:  # Navis media credit: person and agency
                parts.append(meta("_media_credit", image.photographer or image.agency))
                if image.photographer and image.agency:
                    parts.append(meta("_navis_media_credit_org", image.agency))
            for name in ("licence", "licence_url", "source_url"):
                if getattr(image, name):
                    parts.append(meta(f"_masthead_{name}", getattr(image, name)))
            self.write(*parts, "</item>")
            self.result.counts["attachments"] += 1

    def profiles(self) -> None:
        """Co-Authors Plus profiles: bios and links; a guest's stands alone, staff link to their
        login."""
        for author in Author.objects.order_by("pk").iterator(chunk_size=self.chunk_size):
            key = self.profile_base + author.pk
            parts = self.post(
                key, "guest-author", author.name, creator=author.slug, slug=f"cap-{author.slug}"
            )
            parts += [
                meta("cap-display_name", author.name),
                meta("cap-user_login", author.slug),
                meta("cap-description", author.bio),
                meta("cap-website", author.website),
            ]
            if not author.is_guest:
                parts.append(meta("cap-linked_account", author.slug))
            self.write(*parts, "</item>")

    # Posts and pages -----------------------------------------------------------------------

    def items(self) -> None:
        self.restrictions = sorted(
            PageViewRestriction.objects.values_list("page__path", "restriction_type", "password"),
            key=lambda row: -len(row[0]),
        )
        scheduled = Revision.page_revisions.filter(approved_go_live_at__isnull=False)
        self.scheduled = dict(scheduled.values_list("object_id", "approved_go_live_at"))
        lead = HomePage.objects.values_list("lead_article_id", flat=True).first()
        self.region_paths = dict(SectionPage.objects.values_list("path", "pk"))
        self.plain_paths: dict[str, int] = {}
        for model, post_type in ((ArticlePage, "post"), (PlainPage, "page")):
            pages = model.objects.order_by("path").iterator(chunk_size=self.chunk_size)
            for chunk in batched(pages, self.chunk_size):
                versions = self.versions(chunk)
                photos = self.photos(versions.values())
                for page in chunk:
                    self.item(page, versions[page.pk], post_type, photos, sticky=page.pk == lead)
                    self.result.counts[f"{post_type}s"] += 1

    def versions(self, pages: list) -> dict[int, dict]:
        """What each page says: the live version, or a draft's latest revision."""
        ids = [page.pk for page in pages]
        bylines, topics, regions, notes = (defaultdict(list) for _ in range(4))
        for page_id, author_id in (
            ArticleAuthor.objects.filter(page_id__in=ids)
            .order_by("sort_order", "pk")
            .values_list("page_id", "author_id")
        ):
            bylines[page_id].append(author_id)
        for name, store in (("topics", topics), ("extra_regions", regions)):
            m2m = ArticlePage._meta.get_field(name)
            source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
            through = m2m.remote_field.through.objects.filter(**{f"{source}_id__in": ids})
            for page_id, target_id in through.order_by("pk").values_list(f"{source}_id", target):
                store[page_id].append(target_id)
        from wagtail_footnotes.models import Footnote

        for page_id, uid, note in (
            Footnote.objects.filter(page_id__in=ids)
            .order_by("sort_order", "pk")
            .values_list("page_id", "uuid", "text")
        ):
            notes[page_id].append({"uuid": str(uid), "text": note})
        drafts = {p.latest_revision_id: p.pk for p in pages if not p.live and p.latest_revision_id}
        contents = {
            drafts[pk]: content
            for pk, content in Revision.objects.filter(pk__in=drafts).values_list("pk", "content")
        }
        versions = {}
        for page in pages:
            body = getattr(page, "body", None)
            version = {
                "title": page.title,
                "slug": page.slug,
                "dek": getattr(page, "dek", ""),
                "body": list(body.raw_data) if body is not None else [],
                "hero_image": getattr(page, "hero_image_id", None),
                "article_type": getattr(page, "article_type_id", None),
                "authors": bylines[page.pk],
                "topics": topics[page.pk],
                "extra_regions": regions[page.pk],
                "footnotes": notes[page.pk],
                "seo_title": page.seo_title,
                "search_description": page.search_description,
            }
            if page.pk in contents:
                version.update(_from_revision(contents[page.pk], version))
            versions[page.pk] = version
        return versions

    def photos(self, versions) -> dict[int, object]:
        wanted = {
            block["value"].get("image")
            for version in versions
            for block in version["body"]
            if block.get("type") == "image" and isinstance(block.get("value"), dict)
        } - {None}
        return {image.pk: image for image in get_image_model().objects.filter(pk__in=wanted)}

    def item(self, page, version: dict, post_type: str, photos: dict, sticky: bool) -> None:
        status, password, date = self.status(page)
        authors = [self.author_slugs[a] for a in version["authors"] if a in self.author_slugs]
        content, footnotes = self.body(version, photos)
        parent_path = page.path[: -Page.steplen]
        if post_type == "page":
            self.plain_paths[page.path] = page.pk
        parts = self.post(
            page.pk,
            post_type,
            version["title"],
            link=self.url(page.get_url() or page.url_path),
            date=date,
            modified=page.last_published_at or page.latest_revision_created_at,
            creator=authors[0] if authors else "",
            content=content,
            excerpt=version["dek"],
            slug=version["slug"],
            status=status,
            parent=self.plain_paths.get(parent_path, 0) if post_type == "page" else 0,
            password=password,
            sticky=sticky,
        )
        region = self.region_paths.get(parent_path) if post_type == "post" else None
        wanted = [("region", pk) for pk in dict.fromkeys([region, *version["extra_regions"]])]
        for key in [*wanted, ("type", version["article_type"])]:
            if key in self.categories:
                _, nicename, name = self.categories[key]
                parts.append(el("category", name, domain="category", nicename=nicename))
        for slug, name in (self.tags[t] for t in version["topics"] if t in self.tags):
            parts.append(el("category", name, domain="post_tag", nicename=slug))
        for slug in authors:
            parts.append(el("category", slug, domain="author", nicename=f"cap-{slug}"))
        if version["hero_image"]:
            parts.append(meta("_thumbnail_id", self.attachment_base + version["hero_image"]))
        if ("region", region) in self.categories:
            primary = self.categories["region", region][0]
            parts.append(meta("_yoast_wpseo_primary_category", primary))
        if version["seo_title"]:
            parts.append(meta("_yoast_wpseo_title", version["seo_title"]))
        if version["search_description"]:
            parts.append(meta("_yoast_wpseo_metadesc", version["search_description"]))
        if footnotes:
            parts.append(meta("footnotes", json.dumps(footnotes, ensure_ascii=False)))
        self.write(*parts, "</item>")

    def status(self, page) -> tuple[str, str, datetime | None]:
        """WordPress's status, password and post date for a page."""
        restriction = next((r for r in self.restrictions if page.path.startswith(r[0])), None)
        if page.live:
            if restriction and restriction[1] == PageViewRestriction.PASSWORD:
                return "publish", restriction[2], page.first_published_at
            if restriction:  # signed-in readers or groups only
                return "private", "", page.first_published_at
            return "publish", "", page.first_published_at
        go_live = self.scheduled.get(str(page.pk)) or page.go_live_at
        if go_live and go_live > self.now:
            return "future", "", go_live
        return "draft", "", page.latest_revision_created_at

    # Bodies --------------------------------------------------------------------------------

    def body(self, version: dict, photos: dict) -> tuple[str, list[dict]]:
        """Block-editor HTML of a body, and its footnotes as WordPress keeps them."""
        notes = {note["uuid"]: note["text"] for note in version["footnotes"]}
        used: list[str] = []

        def footnote(match):
            uid = match.group(1)
            if uid not in notes:
                return ""
            if uid not in used:
                used.append(uid)
            link = f'<a href="#{uid}" id="{uid}-link">{used.index(uid) + 1}</a>'
            return f'<sup data-fn="{uid}" class="fn">{link}</sup>'

        blocks = []
        for block in version["body"]:
            kind, value = block.get("type"), block.get("value")
            if kind == "paragraph" and isinstance(value, str):
                blocks += _rich(FOOTNOTE.sub(footnote, expand_db_html(value)))
            elif not isinstance(value, dict):
                continue
            elif kind == "heading":
                blocks.append(_heading(html.escape(value.get("text", "")), value.get("level")))
            elif kind in ("pull_quote", "quote"):
                cite = value.get("attribution")
                cite = f"<cite>{html.escape(cite)}</cite>" if cite else ""
                if kind == "quote":
                    quote = expand_db_html(value.get("text", ""))
                    quote = f'<blockquote class="wp-block-quote">{quote}{cite}</blockquote>'
                    blocks.append(_block("quote", quote))
                else:
                    quote = f"<blockquote><p>{html.escape(value.get('text', ''))}</p>{cite}"
                    quote = f'<figure class="wp-block-pullquote">{quote}</blockquote></figure>'
                    blocks.append(_block("pullquote", quote))
            elif kind == "image" and value.get("image") in photos:
                blocks.append(self.figure(photos[value["image"]], value.get("caption")))
            elif kind == "embed" and value.get("embed"):
                url = value["embed"]
                wrapper = f'<div class="wp-block-embed__wrapper">\n{html.escape(url)}\n</div>'
                figure = f'<figure class="wp-block-embed">{wrapper}{_caption(value)}</figure>'
                blocks.append(_block("embed", figure, {"url": url}))
            elif kind == "table":
                blocks.append(_table(value))
        if used:
            blocks.append("<!-- wp:footnotes /-->")
        footnotes = [{"content": _inline(notes[uid]), "id": uid} for uid in used]
        return absolutize("\n\n".join(blocks), self.root), footnotes

    def figure(self, image, caption: str | None) -> str:
        key = self.attachment_base + image.pk
        img = (
            f'<img src="{html.escape(self.url(image.file.url))}" '
            f'alt="{html.escape(image.description)}" class="wp-image-{key}" '
            f'width="{image.width}" height="{image.height}"/>'
        )
        figure = f'<figure class="wp-block-image size-full">{img}'
        figure += f"{_caption({'caption': caption or image.default_caption})}</figure>"
        return _block("image", figure, {"id": key, "sizeSlug": "full", "linkDestination": "none"})


def _from_revision(content: dict, live: dict) -> dict:
    """A draft's values from its latest revision (Wagtail's serialised page)."""
    body = content.get("body", live["body"])
    if isinstance(body, str):
        body = json.loads(body or "[]")
    return {
        "title": content.get("title", live["title"]),
        "slug": content.get("slug", live["slug"]),
        "dek": content.get("dek", live["dek"]),
        "body": body,
        "hero_image": content.get("hero_image", live["hero_image"]),
        "article_type": content.get("article_type", live["article_type"]),
        "authors": [
            link["author"]
            for link in sorted(
                content.get("article_authors", []), key=lambda link: link.get("sort_order") or 0
            )
        ]
        if "article_authors" in content
        else live["authors"],
        "topics": content.get("topics", live["topics"]),
        "extra_regions": content.get("extra_regions", live["extra_regions"]),
        "footnotes": [
            {"uuid": str(n.get("uuid")), "text": n.get("text", "")}
            for n in content.get("footnotes", [])
        ]
        if "footnotes" in content
        else live["footnotes"],
        "seo_title": content.get("seo_title", live["seo_title"]),
        "search_description": content.get("search_description", live["search_description"]),
    }


def _block(name: str, markup: str, attrs: dict | None = None) -> str:
    """A block in the block editor's serialisation: its markup between delimiting comments."""
    found = f" {json.dumps(attrs, separators=(',', ':'))}" if attrs else ""
    return f"<!-- wp:{name}{found} -->\n{markup}\n<!-- /wp:{name} -->"


def _caption(value: dict) -> str:
    caption = value.get("caption")
    return (
        f'<figcaption class="wp-element-caption">{html.escape(caption)}</figcaption>'
        if caption
        else ""
    )


def _rich(markup: str) -> list[str]:
    """Rich text as blocks: a paragraph block per paragraph, headings as heading blocks; lists
    stay as they are (a classic block to the editor)."""
    blocks = []
    for part in lxml.html.fragments_fromstring(markup) if markup.strip() else []:
        if isinstance(part, str):
            if part.strip():
                blocks.append(_block("paragraph", f"<p>{html.escape(part)}</p>"))
            continue
        source = lxml.html.tostring(part, encoding="unicode", with_tail=False)
        if part.tag == "p":
            blocks.append(_block("paragraph", source))
        elif part.tag in ("h2", "h3", "h4"):
            blocks.append(_heading(source[source.index(">") + 1 : source.rindex("<")], part.tag))
        else:
            blocks.append(source)
        if part.tail and part.tail.strip():
            blocks.append(_block("paragraph", f"<p>{html.escape(part.tail)}</p>"))
    return blocks


def _heading(inner: str, level) -> str:
    level = "h3" if level in ("h3", "h4") else "h2"
    element = f'<{level} class="wp-block-heading">{inner}</{level}>'
    return _block("heading", element, {"level": 3} if level == "h3" else None)


def _inline(rich: str) -> str:
    """A footnote's rich text as the inline HTML WordPress keeps for it (no outer paragraph)."""
    markup = expand_db_html(rich).strip()
    markup = re.sub(r"^<p>(.*)</p>$", r"\1", markup, flags=re.DOTALL)
    return markup.replace("</p><p>", "<br>")


def _table(value: dict) -> str:
    def items(rows):
        return [
            r["value"] if isinstance(r, dict) and r.get("type") == "item" else r for r in rows or ()
        ]

    rows = [[html.escape(str(cell)) for cell in items(row)] for row in items(value.get("rows"))]
    head = rows[:1] if value.get("header_row") and rows else []
    thead = "".join(f"<th>{cell}</th>" for cell in head[0]) if head else ""
    thead = f"<thead><tr>{thead}</tr></thead>" if head else ""
    body = ""
    for row in rows[len(head) :]:
        cells = [
            f"<th>{c}</th>" if i == 0 and value.get("header_column") else f"<td>{c}</td>"
            for i, c in enumerate(row)
        ]
        body += f"<tr>{''.join(cells)}</tr>"
    table = f"<table>{thead}<tbody>{body}</tbody></table>"
    return _block("table", f'<figure class="wp-block-table">{table}{_caption(value)}</figure>')


def export_wxr(*, out, chunk_size: int = 200) -> WxrExported:
    """Write the articles and plain pages to `out` as a WordPress export (WXR 1.2)."""
    started = time.monotonic()
    out = Path(out)
    if out.exists():
        raise WxrError(f"{out} already exists; name a new file")
    partial = out.with_name(out.name + ".part")
    try:
        with open(partial, "w", encoding="utf-8", newline="\n") as stream:
            result = WxrWriter(stream, chunk_size).run()
        os.replace(partial, out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    result.path = str(out)
    result.seconds = time.monotonic() - started
    return result
