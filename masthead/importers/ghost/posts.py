"""Ghost's posts and pages as records, with the users, tags and photos they name.

`Reading` goes over the tables of a Ghost export (`tables`): it resolves each post's authors
and tags through the tables that join them, draws a body kept only as Lexical, mobiledoc or
Markdown as HTML (see `lexical`), names each photo by its URL and works out each post's status
and its address on the old site.
"""

import json
import logging
import mimetypes
import re
from collections import defaultdict
from urllib.parse import unquote, urljoin, urlsplit

from masthead.importers.credits import parse_credit
from masthead.importers.ghost.lexical import Renderer
from masthead.importers.ghost.tables import GhostExport, flag, ident, moment, rows
from masthead.importers.records import SourceAuthor, SourceItem, SourceMedia, SourceTerm
from masthead.importers.sanitise import clean_text
from masthead.importers.wordpress.wxr import flag_slug

logger = logging.getLogger(__name__)

GHOST_URL = "__GHOST_URL__"  # Ghost 4 and later write the site's address as this
CONTENT_IMAGES = "/content/images/"
SIZED_IMAGE = re.compile(r"/content/images/size/w\d+(?:h\d+)?/(?:format/\w+/)?")
STATUSES = {"published": "publish", "draft": "draft", "scheduled": "future", "sent": "private"}
AUDIENCES = {"members": "members", "paid": "paying members", "tiers": "members of some tiers"}


class Reading:
    """Reads the users, tags, posts and pages of `data` (the export's tables) into `export`."""

    def __init__(self, export: GhostExport, data: dict, label: str) -> None:
        self.export, self.data, self.label = export, data, label
        self.tags: dict[str, SourceTerm] = {}  # tag id → the tag (kind set when used)
        self.internal: set[str] = set()
        self.post_tags: dict[str, list] = defaultdict(list)
        self.post_authors: dict[str, list] = defaultdict(list)
        self.meta: dict[str, dict] = {}
        self.settings: dict[str, object] = {}

    def run(self) -> None:
        export, data = self.export, self.data
        self.settings = {row.get("key"): row.get("value") for row in rows(data, "settings")}
        export.title = str(self.settings.get("title") or "")
        export.description = str(self.settings.get("description") or "")
        self.users()
        self.read_tags()
        for table, joined, column in (
            ("posts_tags", self.post_tags, "tag_id"),
            ("posts_authors", self.post_authors, "author_id"),
        ):
            for position, row in enumerate(rows(data, table)):
                order = row.get("sort_order")
                order = order if isinstance(order, int) else 0
                joined[ident(row.get("post_id"))].append((order, position, ident(row.get(column))))
        for row in rows(data, "posts_meta"):
            self.meta.setdefault(ident(row.get("post_id")), row)
        self.posts()
        used = {slug for _, slug in export.terms}
        for tag in self.tags.values():  # a public tag no post uses is kept as a tag
            if tag.key not in self.internal and tag.key not in used:
                export.terms["tag", tag.key] = tag

    def users(self) -> None:
        for row in rows(self.data, "users"):
            key = ident(row.get("id"))
            if not key or key in self.export.authors:
                what = "has no id" if not key else "repeats an earlier user's id"
                self.export.problems.append(f"a user in the export {what}; left out")
                continue
            slug = str(row.get("slug") or "")
            self.export.authors[key] = SourceAuthor(
                key=key,
                name=str(row.get("name") or slug or key).strip(),
                slug=slug,
                email=str(row.get("email") or "").strip(),
                bio=str(row.get("bio") or "").strip(),
                website=str(row.get("website") or "").strip(),
            )

    def read_tags(self) -> None:
        tag_rows = rows(self.data, "tags")
        slugs = {ident(row.get("id")): str(row.get("slug") or "").strip() for row in tag_rows}
        for row in tag_rows:
            key, slug, name = (
                ident(row.get("id")),
                slugs.get(ident(row.get("id")), ""),
                row.get("name"),
            )
            if not key or not slug or key in self.tags:
                self.export.problems.append(
                    f"tag {name!r} has no id or slug, or repeats an id; left out"
                )
                continue
            name = str(name or slug).strip()
            if (
                row.get("visibility") == "internal"
                or name.startswith("#")
                or slug.startswith("hash-")
            ):
                self.internal.add(slug)  # Ghost's own labels ("#podcast"), never shown to readers
            parent = slugs.get(ident(row.get("parent_id")), "")
            description = str(row.get("description") or "").strip()
            self.tags[key] = SourceTerm("tag", slug, name, parent, description)

    def posts(self) -> None:
        export, seen = self.export, set()
        for number, post in enumerate(self.data.get("posts") or [], start=1):
            reason, item = "", None
            key = ident(post.get("id")) if isinstance(post, dict) else ""
            title = str(post.get("title") or "") if isinstance(post, dict) else ""
            if not isinstance(post, dict):
                reason = "it is not a record of fields"
            elif not key:
                reason = "it has no id, so it cannot be imported"
            elif key in seen:
                reason = "its id repeats an earlier post's; the first one is kept"
            else:
                seen.add(key)
                try:
                    item = self.item(post, key, title)
                except Exception as error:  # one bad post must not end the run
                    logger.exception("Ghost post %s could not be read", key)
                    reason = f"it could not be read ({type(error).__name__}: {error})"
            if item is None:
                export.skipped[reason] += 1
                export.problems.append(f"post {key or number} {title!r} ({self.label}): {reason}")
            else:
                export.items.append(item)

    def item(self, post: dict, key: str, title: str) -> SourceItem:
        problems: list[str] = []
        kind = str(post.get("type") or "").strip() or ("page" if flag(post.get("page")) else "post")
        if kind not in ("post", "page"):
            problems.append(f"its type {kind!r} is not Ghost's own; it is imported as a post")
            kind = "post"
        meta = self.meta.get(key, {})
        status = _status(post, meta, problems)
        slug = str(post.get("slug") or "").strip()
        flag_slug(slug, problems, "its slug")
        primary, tags = self.tagging(key, problems)
        item = SourceItem(
            kind=kind,
            key=key,
            title=title,
            slug=slug,
            status=status,
            guid=ident(post.get("uuid")),
            published_at=moment(post.get("published_at"), "its publication date", problems),
            modified_at=moment(post.get("updated_at"), "its last-modified date", problems),
            author_keys=self.byline(key, post, problems),
            category_keys=[primary] if primary else [],
            tag_keys=tags,
            primary_category_key=primary,
            excerpt=str(post.get("custom_excerpt") or "").strip(),
            sticky=bool(flag(post.get("featured"))),
            seo_title=str(meta.get("meta_title") or post.get("meta_title") or "").strip(),
            seo_description=str(
                meta.get("meta_description") or post.get("meta_description") or ""
            ).strip(),
            problems=problems,
        )
        item.content, notes = self.body(post, key, problems)
        item.footnotes_meta = json.dumps(notes) if notes else ""
        item.featured_media_key = self.feature_image(post, meta, key)
        item.link = self.link(item, post, meta)
        return item

    def byline(self, key: str, post: dict, problems: list[str]) -> list[str]:
        joined = [author for _, _, author in sorted(self.post_authors.get(key, []))]
        keys: list[str] = []
        for author in joined or [ident(post.get("author_id"))]:
            if author in self.export.authors and author not in keys:
                keys.append(author)
            elif author and author not in keys:
                problems.append(f"its author {author} is not among the export's users; left out")
        if not keys:
            problems.append("it names no author")
        return keys

    def tagging(self, key: str, problems: list[str]) -> tuple[str, list[str]]:
        """(the primary tag, the other public tags): Ghost's primary tag is the first one, when
        that one is public; internal tags (`#…`) are Ghost's own labels and are not imported."""
        primary, tags = "", []
        ordered = [tag for _, _, tag in sorted(self.post_tags.get(key, []))]
        known = [self.tags[tag] for tag in ordered if tag in self.tags]
        if len(known) < len(ordered):
            problems.append("some of its tags are not in the export; they are left out")
        for position, tag in enumerate(known):
            if tag.key in self.internal:
                continue
            kind = "category" if position == 0 else "tag"
            self.export.terms.setdefault(
                (kind, tag.key),
                SourceTerm(kind, tag.key, tag.name, tag.parent_key, tag.description),
            )
            if position == 0:
                primary = tag.key
            elif tag.key not in tags and tag.key != primary:
                tags.append(tag.key)
        return primary, tags

    def body(self, post: dict, key: str, problems: list[str]) -> tuple[str, list[dict]]:
        renderer = Renderer(problems)
        markup = post.get("html")
        if not (isinstance(markup, str) and markup.strip()):
            if post.get("lexical"):
                markup = renderer.lexical(post["lexical"])
            elif post.get("mobiledoc"):
                markup = renderer.mobiledoc(post["mobiledoc"])
            else:  # Ghost 0.x kept Markdown alone
                markup = renderer.markdown(str(post.get("markdown") or ""))
        if not markup.strip():
            return "", []
        markup = markup.replace(GHOST_URL, self.export.site_url)

        def image(img) -> None:
            if img.get("src"):
                media = self.register(img.get("src"), alt=img.get("alt") or "", parent=key)
                img.set("src", media.url)
                img.set("data-media-key", media.key)
            for attribute in ("srcset", "sizes", "loading"):
                img.attrib.pop(attribute, None)

        return renderer.tidy(markup, image)

    def url(self, src: str) -> str:
        src = src.strip().replace(GHOST_URL, self.export.site_url)
        if self.export.site_url and not urlsplit(src).scheme:
            src = urljoin(self.export.site_url + "/", src)
        return SIZED_IMAGE.sub(CONTENT_IMAGES, src)

    def register(self, src: str, *, alt: str = "", parent: str = "") -> SourceMedia:
        """The photo at `src`, keyed by its URL (Ghost's resized copies name the original)."""
        key = self.url(src)
        media = self.export.media.get(key)
        if media is None:
            path = (
                unquote(urlsplit(key).path.split(CONTENT_IMAGES, 1)[1])
                if CONTENT_IMAGES in key
                else ""
            )
            mime_type = mimetypes.guess_type(urlsplit(key).path)[0] or ""
            media = SourceMedia(
                key=key, url=key, path=path, alt=alt, mime_type=mime_type, parent_key=parent
            )
            self.export.media[key] = media
        media.alt = media.alt or alt
        for url in (src.strip(), key):
            self.export.media_by_url.setdefault(url, key)
        return media

    def feature_image(self, post: dict, meta: dict, key: str) -> str:
        src = str(post.get("feature_image") or post.get("image") or "")  # `image`: Ghost 0.x
        if not src.strip():
            return ""
        alt = meta.get("feature_image_alt") or post.get("feature_image_alt") or ""
        media = self.register(src, alt=str(alt).strip(), parent=key)
        caption = clean_text(
            str(meta.get("feature_image_caption") or post.get("feature_image_caption") or "")
        )
        # Ghost's Unsplash picker writes "Photo by Name on Unsplash" (or "… / Unsplash").
        parsed = (
            parse_credit(re.sub(r"\s+on\s+Unsplash\s*$", " / Unsplash", caption))
            if caption
            else None
        )
        if parsed and not (media.agency or media.photographer):
            media.agency, media.photographer, caption = parsed
            media.credit_parsed = True
        media.caption = media.caption or caption
        return media.key

    def link(self, item: SourceItem, post: dict, meta: dict) -> str:
        """Its address on the old site: `/{slug}/`, or Ghost 0.x's `permalinks` setting."""
        if not self.export.site_url or item.status == "draft" or not item.slug:
            return ""
        if _emailed_only(post, meta):  # never on the site, so never at an address there
            return ""
        pattern = str(self.settings.get("permalinks") or "/:slug/") if item.kind == "post" else ""
        when = item.published_at
        values = {
            "slug": item.slug,
            "id": item.key,
            "year": f"{when:%Y}" if when else "",
            "month": f"{when:%m}" if when else "",
            "day": f"{when:%d}" if when else "",
            "author": self.export.authors[item.author_keys[0]].slug if item.author_keys else "",
            "primary_tag": item.primary_category_key,
        }
        path = re.sub(r":(\w+)", lambda m: values.get(m.group(1), m.group(0)), pattern or "/:slug/")
        if "//" in path or ":" in path:  # a part of the pattern this post cannot fill
            path = f"/{item.slug}/"
        return self.export.site_url + path


def _status(post: dict, meta: dict, problems: list[str]) -> str:
    """Ghost's status and visibility as one status: nothing that not everyone could read on the
    site (members-only, paid, sent by email only) becomes "publish"."""
    raw = str(post.get("status") or "").strip().lower()
    status = STATUSES.get(raw)
    if status is None:
        problems.append(f"its status {raw!r} is not Ghost's own; it is imported as a draft")
        status = "draft"
    if status != "draft" and _emailed_only(post, meta):
        problems.append("it was sent by email only, never shown on the site: imported as private")
        return "private"
    visibility = str(post.get("visibility") or "public").strip().lower()
    if visibility == "public":
        return status
    readers = AUDIENCES.get(visibility, f"the readers Ghost calls {visibility!r}")
    if status == "draft":
        problems.append(
            f"it was written for {readers} only: check who may read it before publishing"
        )
        return "draft"
    problems.append(f"it was for {readers} only, so it is imported as private")
    return "private"


def _emailed_only(post: dict, meta: dict) -> bool:
    return str(post.get("status") or "").lower() == "sent" or bool(flag(meta.get("email_only")))
