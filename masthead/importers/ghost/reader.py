"""Reading a Ghost export (the JSON from Settings → Advanced → Import/Export, any version since
0.x) into the plain records, with the members CSV Ghost exports separately.

The JSON holds the site's tables: posts and pages in `posts`, `users`, `tags`, the tables that
join them (`posts_tags`, `posts_authors`) and `posts_meta` (SEO fields, the feature image's alt
text and caption). `read_ghost()` reads it whole, as it is one JSON document, resolves every
reference, draws bodies kept only as Lexical or mobiledoc as HTML (see `lexical`) and names
each photo by its URL; `iter_items()` and `iter_subscribers()` hand out the records.
"""

import csv
import io
import json
import logging
import mimetypes
import os
import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from masthead.importers import sources
from masthead.importers.credits import parse_credit
from masthead.importers.ghost.lexical import Renderer
from masthead.importers.records import (
    SourceAuthor,
    SourceItem,
    SourceMedia,
    SourceSubscriber,
    SourceTerm,
)
from masthead.importers.sanitise import clean_text
from masthead.importers.sources import ExportError
from masthead.importers.wordpress.wxr import flag_slug

__all__ = [
    "ExportError", "GhostExport", "is_ghost_export", "iter_items", "iter_subscribers", "read_ghost",
]  # fmt: skip

logger = logging.getLogger(__name__)

GHOST_URL = "__GHOST_URL__"  # Ghost 4 and later write the site's address as this
CONTENT_IMAGES = "/content/images/"
SIZED_IMAGE = re.compile(r"/content/images/size/w\d+(?:h\d+)?/(?:format/\w+/)?")
GHOST_JSON = re.compile(rb'^\s*\{\s*"(db|meta|data)"\s*:')
SNIFF_BYTES = 65536
STATUSES = {"published": "publish", "draft": "draft", "scheduled": "future", "sent": "private"}
AUDIENCES = {"members": "members", "paid": "paying members", "tiers": "members of some tiers"}
MEMBER_COLUMNS = ("email", "subscribed_to_emails")
CONSENT_SOURCE = "ghost import"
TRUE, FALSE = {"true", "1", "yes", "t"}, {"false", "0", "no", "f", ""}


@dataclass
class GhostExport:
    source: str = "ghost"
    site_url: str = ""  # given by the caller: Ghost's export does not say it
    title: str = ""
    description: str = ""
    version: str = ""  # Ghost's, from the export's meta
    authors: dict[str, SourceAuthor] = field(default_factory=dict)
    terms: dict[tuple[str, str], SourceTerm] = field(default_factory=dict)
    media: dict[str, SourceMedia] = field(default_factory=dict)  # keyed by the photo's URL
    media_by_url: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # records not imported, by reason
    items: list[SourceItem] = field(default_factory=list, repr=False)
    subscribers: list[SourceSubscriber] = field(default_factory=list, repr=False)


# --- the files ----------------------------------------------------------------------------------


class _Files:
    """The .json and members .csv of an export: a .json file, or a folder or zip holding one
    and perhaps Ghost's members CSV. Each is read whole, within the caps `sources` sets."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise ExportError(f"{path} does not exist")
        self.path, self.archive = path, None
        if path.is_dir():
            self.folder, names = path, [p.name for p in sorted(path.iterdir()) if p.is_file()]
        elif _is_zip(path):
            self.folder, self.archive = path, path
            names = _zip_names(path)
        else:  # a file alone: a members CSV beside it is named by the caller (`members_path`)
            self.folder, names = path.parent, [path.name]
        visible = [n for n in names if not n.rsplit("/", 1)[-1].startswith(".")]
        self.jsons = [n for n in visible if n.lower().endswith(".json") or n == path.name]
        self.csvs = [
            n
            for n in visible
            if n.lower().endswith(".csv") and "member" in n.rsplit("/")[-1].lower()
        ]
        if self.archive and len(self.jsons) + len(self.csvs) > sources.MAX_ZIP_MEMBERS:
            raise ExportError(
                f"{path} holds {len(self.jsons) + len(self.csvs)} .json and .csv files; more "
                f"than {sources.MAX_ZIP_MEMBERS} is refused"
            )

    def label(self, name: str) -> str:
        return f"{self.archive}:{name}" if self.archive else str(self.folder / name)

    def head(self, name: str) -> bytes:
        return self._read(name, SNIFF_BYTES)

    def read(self, name: str) -> bytes:
        """The whole file; ExportError past `sources.MAX_UNPACKED_BYTES`."""
        data = self._read(name, sources.MAX_UNPACKED_BYTES + 1)
        _refuse_big(self.label(name), data)
        return data

    def _read(self, name: str, size: int) -> bytes:
        try:
            if self.archive is None:
                with open(self.folder / name, "rb") as handle:
                    return handle.read(size)
            with zipfile.ZipFile(self.archive) as archive, archive.open(name) as stream:
                return stream.read(size)
        except (OSError, zipfile.BadZipFile, RuntimeError) as error:
            raise ExportError(f"{self.label(name)} cannot be read: {error}") from None


def _refuse_big(label: str, data: bytes) -> None:
    if len(data) > sources.MAX_UNPACKED_BYTES:
        raise ExportError(
            f"{label} is more than {sources.MAX_UNPACKED_BYTES:,} bytes unpacked; it is refused "
            "as too big to be an export (or a file built to exhaust the server)"
        )


def _read_file(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(sources.MAX_UNPACKED_BYTES + 1)
    except OSError as error:
        raise ExportError(f"{path} cannot be read: {error}") from None
    _refuse_big(str(path), data)
    return data


def _is_zip(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) == sources.ZIP_MAGIC


def _zip_names(path: Path) -> list[str]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
    except zipfile.BadZipFile as error:
        raise ExportError(f"{path} is not a readable zip file: {error}") from None
    for info in infos:  # what the zip declares; the read also counts, as a header can lie
        if info.file_size > sources.MAX_UNPACKED_BYTES and info.filename.lower().endswith(
            (".json", ".csv")
        ):
            raise ExportError(
                f"{path}:{info.filename} unpacks to more than {sources.MAX_UNPACKED_BYTES:,} "
                "bytes; it is refused as too big to be an export"
            )
    return sorted(i.filename for i in infos if not i.filename.startswith("__MACOSX/"))


def _looks_like_ghost(head: bytes) -> bool:
    head = head.removeprefix(b"\xef\xbb\xbf")
    match = GHOST_JSON.match(head)
    return bool(match) and (
        match.group(1) == b"db" or b'"exported_on"' in head or b'"posts"' in head
    )


def is_ghost_export(path: str | os.PathLike) -> bool:
    """Whether `path` is a Ghost JSON export, or a .zip or folder holding one."""
    path = Path(path)
    try:
        if path.is_file() and not _is_zip(path) and path.suffix.lower() != ".json":
            return False
        files = _Files(path)
        return any(_looks_like_ghost(files.head(n)) for n in files.jsons)
    except (ExportError, OSError):
        return False


def _document(files: _Files) -> tuple[str, dict, dict]:
    """The export's (label, meta, data), or ExportError saying what is wrong with it."""
    if not files.jsons:
        raise ExportError(
            f"{files.path} holds no .json file; a Ghost export is the .json file "
            "from Ghost's Settings → Advanced → Import/Export"
        )
    ghostly = [n for n in files.jsons if _looks_like_ghost(files.head(n))]
    name = (ghostly or files.jsons)[0]
    label = files.label(name)
    try:
        document = json.loads(files.read(name).decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ExportError(f"{label} is not UTF-8 text ({error})") from None
    except json.JSONDecodeError as error:
        raise ExportError(
            f"{label} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    entry = document
    if isinstance(document, dict) and isinstance(document.get("db"), list):
        entry = next((e for e in document["db"] if isinstance(e, dict) and "data" in e), None)
    if not isinstance(entry, dict) or not isinstance(entry.get("data"), dict):
        raise ExportError(
            f'{label} is not a Ghost export: it has no "db" list or "data" object of tables'
        )
    if not isinstance(entry["data"].get("posts", []), list):
        raise ExportError(f'{label} is not a Ghost export: its "posts" table is not a list')
    meta = entry.get("meta") if isinstance(entry.get("meta"), dict) else {}
    return label, meta, entry["data"]


# --- reading ------------------------------------------------------------------------------------


def read_ghost(
    path: str | os.PathLike, *, site_url: str = "", members_path: str | os.PathLike | None = None
) -> GhostExport:
    """Read a Ghost export whole into records. `site_url` is the site's address (Ghost's export
    does not carry it); `members_path` a members CSV, when it is not beside the export."""
    files = _Files(Path(path))
    label, meta, data = _document(files)
    export = GhostExport(
        site_url=site_url.strip().rstrip("/"), version=str(meta.get("version") or "")
    )
    if not export.site_url:
        export.problems.append(
            "the site's address was not given (Ghost's export does not carry it): old links "
            "cannot be redirected and photos on the old site cannot be fetched"
        )
    _Reading(export, data, label).run()
    if isinstance(data.get("members"), list) and data["members"]:
        _subscribers(export, _json_members(export, data), label)
    csvs = (
        [(str(members_path), _read_file(Path(members_path)))]
        if members_path
        else [(files.label(n), files.read(n)) for n in files.csvs]
    )
    for csv_label, content in csvs:
        _subscribers(export, _csv_members(content, csv_label), csv_label)
    return export


def iter_items(export: GhostExport) -> Iterator[SourceItem]:
    """The export's posts and pages; what was not imported is counted in export.skipped."""
    yield from export.items


def iter_subscribers(export: GhostExport) -> Iterator[SourceSubscriber]:
    """The export's members, from the JSON or the members CSV, with their consent state."""
    yield from export.subscribers


def _rows(data: dict, table: str) -> list[dict]:
    rows = data.get(table)
    return [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []


def _id(value) -> str:
    return "" if value is None or isinstance(value, (dict, list)) else str(value).strip()


def _flag(value) -> bool | None:
    if value is None:
        return None
    if isinstance(value, (bool, int)):
        return bool(value)
    text = str(value).strip().lower()
    return True if text in TRUE else False if text in FALSE else None


def _moment(value, what: str, problems: list[str]) -> datetime | None:
    """A Ghost date: ISO 8601 text, epoch milliseconds (Ghost 0.x), or RFC 2822 (some tools)."""
    if value in (None, ""):
        return None
    try:
        if isinstance(value, (int, float)) or str(value).strip().isdigit():
            return datetime.fromtimestamp(int(value) / 1000, tz=UTC)
        text = str(value).strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            moment = parsedate_to_datetime(text)
    except (ValueError, TypeError, OverflowError):
        problems.append(f"{what} {value!r} cannot be read")
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class _Reading:
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
        self.settings = {row.get("key"): row.get("value") for row in _rows(data, "settings")}
        export.title = str(self.settings.get("title") or "")
        export.description = str(self.settings.get("description") or "")
        self.users()
        self.read_tags()
        for table, joined, column in (
            ("posts_tags", self.post_tags, "tag_id"),
            ("posts_authors", self.post_authors, "author_id"),
        ):
            for position, row in enumerate(_rows(data, table)):
                order = row.get("sort_order")
                order = order if isinstance(order, int) else 0
                joined[_id(row.get("post_id"))].append((order, position, _id(row.get(column))))
        for row in _rows(data, "posts_meta"):
            self.meta.setdefault(_id(row.get("post_id")), row)
        self.posts()
        used = {slug for _, slug in export.terms}
        for tag in self.tags.values():  # a public tag no post uses is kept as a tag
            if tag.key not in self.internal and tag.key not in used:
                export.terms["tag", tag.key] = tag

    def users(self) -> None:
        for row in _rows(self.data, "users"):
            key = _id(row.get("id"))
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
        rows = _rows(self.data, "tags")
        slugs = {_id(row.get("id")): str(row.get("slug") or "").strip() for row in rows}
        for row in rows:
            key, slug, name = _id(row.get("id")), slugs.get(_id(row.get("id")), ""), row.get("name")
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
            parent = slugs.get(_id(row.get("parent_id")), "")
            description = str(row.get("description") or "").strip()
            self.tags[key] = SourceTerm("tag", slug, name, parent, description)

    def posts(self) -> None:
        export, seen = self.export, set()
        for number, post in enumerate(self.data.get("posts") or [], start=1):
            reason, item = "", None
            key = _id(post.get("id")) if isinstance(post, dict) else ""
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
        kind = str(post.get("type") or "").strip() or (
            "page" if _flag(post.get("page")) else "post"
        )
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
            guid=_id(post.get("uuid")),
            published_at=_moment(post.get("published_at"), "its publication date", problems),
            modified_at=_moment(post.get("updated_at"), "its last-modified date", problems),
            author_keys=self.byline(key, post, problems),
            category_keys=[primary] if primary else [],
            tag_keys=tags,
            primary_category_key=primary,
            excerpt=str(post.get("custom_excerpt") or "").strip(),
            sticky=bool(_flag(post.get("featured"))),
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
        for author in joined or [_id(post.get("author_id"))]:
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
    return str(post.get("status") or "").lower() == "sent" or bool(_flag(meta.get("email_only")))


# --- members ------------------------------------------------------------------------------------


def _json_members(export: GhostExport, data: dict) -> list[dict]:
    receiving = {_id(row.get("member_id")) for row in _rows(data, "members_newsletters")}
    unknown = 0
    members = []
    for number, row in enumerate(_rows(data, "members"), start=1):
        subscribed = _flag(row.get("subscribed_to_emails", row.get("subscribed")))
        if subscribed is None and "members_newsletters" in data:
            subscribed = _id(row.get("id")) in receiving
        unknown += subscribed is None
        members.append({**row, "subscribed_to_emails": subscribed, "_where": f"member {number}"})
    if unknown:
        export.problems.append(
            f"{unknown} members' consent to emails is not in the export; they are imported as "
            "unsubscribed"
        )
    return members


def _csv_members(content: bytes, label: str) -> list[dict]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExportError(f"{label} is not UTF-8 text ({error})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = {(name or "").strip().lower() for name in reader.fieldnames or []}
    missing = [column for column in MEMBER_COLUMNS if column not in columns]
    if missing:
        raise ExportError(
            f"{label} is not a Ghost members CSV: its first line lacks the column(s) "
            f"{', '.join(missing)}"
        )
    members = []
    try:
        for row in reader:
            row = {(k or "").strip().lower(): (v or "") for k, v in row.items() if k}
            members.append({**row, "_where": f"line {reader.line_num}"})
    except csv.Error as error:
        raise ExportError(f"{label}, line {reader.line_num}: {error}") from None
    return members


def _subscribers(export: GhostExport, members: list[dict], label: str) -> None:
    seen = {subscriber.email.casefold() for subscriber in export.subscribers}
    for member in members:
        email, reason = str(member.get("email") or "").strip(), ""
        try:
            validate_email(email)
        except ValidationError:
            reason = "a member without a valid email address"
        if not reason and member.get("deleted_at"):
            reason = "a member deleted in Ghost"
        elif not reason and email.casefold() in seen:
            reason = "a member whose email address repeats an earlier one's; the first is kept"
        if reason:
            export.skipped[reason] += 1
            if reason != "a member deleted in Ghost":
                export.problems.append(f"{label}, {member['_where']}: {reason} ({email!r})")
            continue
        seen.add(email.casefold())
        problems: list[str] = []
        subscribed_at = _moment(member.get("created_at"), "its sign-up date", problems)
        if _flag(member.get("email_disabled")):
            state = "bounced"  # Ghost stops emailing an address that bounced or complained
        else:
            state = "active" if _flag(member.get("subscribed_to_emails")) else "unsubscribed"
        export.problems.extend(f"{label}, {member['_where']}: {p}" for p in problems)
        export.subscribers.append(
            SourceSubscriber(
                email=email,
                state=state,
                subscribed_at=subscribed_at,
                consent_source=CONSENT_SOURCE,
                name=str(member.get("name") or "").strip(),
            )
        )
