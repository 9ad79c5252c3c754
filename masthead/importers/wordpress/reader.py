"""Reading a WordPress export (WXR 1.0, 1.1, 1.2) into the plain records, streamed.

Two passes over the export, each with flat memory: `read_export()` (see `catalogue`) gathers the
channel, authors, terms and attachments, so that `iter_items()` can then yield posts and pages
with every reference resolved, whatever order the file was written in. The document itself is
read by `wxr`, which refuses any DOCTYPE and never resolves an entity or touches the network.
"""

import hashlib
import html
import json
import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from functools import partial

from lxml import etree

from masthead.importers.records import ItemStub, SourceItem
from masthead.importers.sources import ExportError
from masthead.importers.wordpress.catalogue import (
    KINDS,
    TERM_KINDS,
    WxrExport,
    find_media,
    read_export,
)
from masthead.importers.wordpress.wxr import (
    IdSet,
    Raw,
    Source,
    flag_slug,
    parts_of,
    raw_item,
    unquote_slug,
    walk,
    wp_date,
)
from masthead.importers.wordpress.yoast import fill_yoast

__all__ = ["ExportError", "WxrExport", "find_media", "iter_item_stubs", "iter_items", "read_export"]

logger = logging.getLogger(__name__)

STATUSES = {"publish", "draft", "future", "private", "pending"}
UNDATED_STATUSES = {"draft", "pending"}  # WordPress leaves their GMT date empty until published
SKIP_REASONS = {
    "revision": "a revision (only the latest version is imported)",
    "nav_menu_item": "a menu entry",
    "wp_block": "a reusable block",
    "customize_changeset": "a Customizer changeset",
    "oembed_cache": "an embed cache entry",
}
STATUS_SKIPS = {"trash": "in the trash", "auto-draft": "an auto-draft nobody saved"}
ZERO_DATE = "0000-00-00 00:00:00"


def iter_items(paths: Source | Iterable[Source], export: WxrExport) -> Iterator[SourceItem]:
    """Pass 2: posts and pages, one at a time; what is not imported goes to export.skipped."""
    for stub in iter_item_stubs(paths, export):
        item = stub.make()
        if item is not None:
            yield item


def iter_item_stubs(paths: Source | Iterable[Source], export: WxrExport) -> Iterator[ItemStub]:
    """Pass 2 as the writer takes it: each post and page as an `ItemStub`, its digest taken of
    the item's XML and of what the first pass found that it is read against, so an unchanged
    item is known without being read into a `SourceItem` (see `_resolved`). What is not
    imported goes to export.skipped."""
    export.skipped = Counter()
    seen_ids = IdSet()
    context = _context(export)
    for part in parts_of(paths):
        for name, elem, names in walk(part):
            if name != "item":
                continue
            raw = raw_item(elem, names)
            post_type = raw.get("wp:post_type").strip() or "post"
            if post_type in ("attachment", "guest-author"):
                continue  # read in the first pass
            key = raw.get("wp:post_id").strip()
            title = html.unescape(raw.get("title").strip())
            where = f"{post_type} {key or '?'} {title!r} ({part.name}, line {raw.line})"
            reason, is_problem = _skip_reason(raw, post_type, key, seen_ids)
            if reason:
                _skipped(export, reason, where if is_problem else "")
                continue
            try:
                resolved = _resolved(raw, export)
            except Exception as error:  # one bad item must not end the run
                _unreadable(export, key, error, where)
                continue
            digest = hashlib.sha256(context + resolved + etree.tostring(elem)).hexdigest()
            make = partial(_made, raw, export, KINDS[post_type], key, title, where)
            yield ItemStub(KINDS[post_type], key, title, digest, make)


def _made(raw: Raw, export: WxrExport, kind: str, key: str, title: str, where: str):
    try:
        item = _item(raw, export, kind, key, title)
    except Exception as error:  # one bad item must not end the run
        _unreadable(export, key, error, where)
        return None
    if key in export.shared_guids:
        item.problems.append(f"its GUID {item.guid!r} is also an earlier item's")
    return item


def _unreadable(export: WxrExport, key: str, error: Exception, where: str) -> None:
    logger.exception("WordPress item %s could not be read", key)
    _skipped(export, f"it could not be read ({type(error).__name__}: {error})", where)


def _skipped(export: WxrExport, reason: str, problem_at: str) -> None:
    export.skipped[reason] += 1
    if problem_at:
        export.problems.append(f"{problem_at}: {reason}")


def _context(export: WxrExport) -> bytes:
    """What every item is read against: the site's name, address and time zone."""
    return json.dumps(
        [export.title, export.description, export.site_url, str(export.timezone)],
        ensure_ascii=False,
    ).encode()


def _resolved(raw: Raw, export: WxrExport) -> bytes:
    """What one item is read against beyond its own XML, from the first pass: whether its
    featured image is in the export, the term its Yoast primary category names, its byline,
    and the names Yoast's %%variables%% may fill in. A re-run that finds these and the XML
    unchanged knows the item unchanged without reading it."""
    thumbnail = raw.meta1("_thumbnail_id").strip()
    primary = raw.meta1("_yoast_wpseo_primary_category").strip()
    byline = _byline(raw, export, [])
    facts = [
        thumbnail in export.media,
        export.term_ids.get(int(primary)) if primary.isdigit() else None,
        byline,
    ]
    if "%%" in raw.meta1("_yoast_wpseo_title") + raw.meta1("_yoast_wpseo_metadesc"):
        facts.append([export.authors[key].name for key in byline if key in export.authors])
        for domain, nicename, _text in raw.categories:
            term = export.terms.get((TERM_KINDS.get(domain, ""), unquote_slug(nicename)))
            facts.append(term.name if term else None)
    return json.dumps(facts, ensure_ascii=False).encode()


def _skip_reason(raw: Raw, post_type: str, key: str, seen_ids: IdSet) -> tuple[str, bool]:
    """Why an item is not imported ("" if it is), and whether that is a problem in the export."""
    if post_type not in KINDS:
        return SKIP_REASONS.get(post_type, f"post type {post_type!r} is not imported"), False
    if not key.isdigit():
        return "it has no post id, so it cannot be imported", True
    if not seen_ids.add(int(key)):
        return "its id repeats an earlier item's; the first one is kept", True
    status = raw.get("wp:status").strip()
    return STATUS_SKIPS.get(status, ""), False


def _item(raw: Raw, export: WxrExport, kind: str, key: str, title: str) -> SourceItem:
    problems: list[str] = []
    status = raw.get("wp:status").strip()
    if status not in STATUSES:
        problems.append(f"its status {status!r} is not WordPress's own; it is imported as a draft")
        status = "draft"
    slug = unquote_slug(raw.get("wp:post_name"))
    flag_slug(slug, problems, "its slug")
    old_slugs: list[str] = []
    for value in raw.meta.get("_wp_old_slug", []):
        old = unquote_slug(value)
        if old and old != slug and old not in old_slugs:
            flag_slug(old, problems, "its old slug")
            old_slugs.append(old)
    categories: list[str] = []
    tags: list[str] = []
    for domain, nicename, _text in raw.categories:
        target = {"category": categories, "tag": tags}.get(TERM_KINDS.get(domain, ""))
        if target is not None and unquote_slug(nicename) and unquote_slug(nicename) not in target:
            target.append(unquote_slug(nicename))
    item = SourceItem(
        kind=kind,
        key=key,
        title=title,
        slug=slug,
        status=status,
        guid=raw.get("guid").strip(),
        password=raw.get("wp:post_password"),
        published_at=_published(raw, status, export, problems),
        modified_at=_modified(raw, export),
        author_keys=_byline(raw, export, problems),
        category_keys=categories,
        tag_keys=tags,
        excerpt=raw.get("excerpt:encoded"),
        content=raw.get("content:encoded"),
        sticky=raw.get("wp:is_sticky").strip() == "1",
        link=raw.get("link").strip(),
        old_slugs=old_slugs,
        problems=problems,
        footnotes_meta=raw.meta1("footnotes"),
    )
    thumbnail = raw.meta1("_thumbnail_id").strip()
    if thumbnail in export.media:
        item.featured_media_key = thumbnail
    elif thumbnail and thumbnail != "0":
        problems.append(f"its featured image (attachment {thumbnail}) is not in the export")
    primary = raw.meta1("_yoast_wpseo_primary_category").strip()
    if primary:
        term = export.term_ids.get(int(primary)) if primary.isdigit() else None
        if term and term[0] == "category":
            item.primary_category_key = term[1]
        else:
            problems.append(f"its Yoast primary category (term {primary}) is not in the export")
    focus_keyword = raw.meta1("_yoast_wpseo_focuskw")
    item.seo_title = fill_yoast(
        raw.meta1("_yoast_wpseo_title"), item, export, focus_keyword=focus_keyword
    )
    item.seo_description = fill_yoast(
        raw.meta1("_yoast_wpseo_metadesc"), item, export, focus_keyword=focus_keyword
    )
    return item


def _published(raw: Raw, status: str, export: WxrExport, problems: list[str]) -> datetime | None:
    gmt_text, local_text = raw.get("wp:post_date_gmt").strip(), raw.get("wp:post_date").strip()
    try:
        gmt = wp_date(gmt_text)
    except ValueError:
        gmt = None
        problems.append(f"its GMT date {gmt_text!r} cannot be read")
    if gmt:
        return gmt.replace(tzinfo=UTC)
    if status in UNDATED_STATUSES and gmt_text in ("", ZERO_DATE):
        return None  # never published and no date chosen yet
    try:
        local = wp_date(local_text)
    except ValueError:
        local = None
        problems.append(f"its local date {local_text!r} cannot be read")
    if local is None:
        problems.append("it has no usable date, so it is imported without one")
        return None
    if export.timezone is not None:
        return local.replace(tzinfo=export.timezone).astimezone(UTC)
    problems.append(
        f"its GMT date is missing, so its local date {local_text} is used, read as UTC "
        "because the export does not say the site's time zone"
    )
    return local.replace(tzinfo=UTC)


def _modified(raw: Raw, export: WxrExport) -> datetime | None:
    try:
        gmt = wp_date(raw.get("wp:post_modified_gmt"))
        if gmt:
            return gmt.replace(tzinfo=UTC)
        local = wp_date(raw.get("wp:post_modified"))
    except ValueError:
        return None
    return local.replace(tzinfo=export.timezone or UTC).astimezone(UTC) if local else None


def _byline(raw: Raw, export: WxrExport, problems: list[str]) -> list[str]:
    """Co-Authors Plus terms, when present, are the byline in order; else dc:creator."""
    keys: list[str] = []
    for domain, nicename, _text in raw.categories:
        if domain == "author":
            key = export.cap_authors.get(unquote_slug(nicename))
            if key and key not in keys:
                keys.append(key)
    if keys:
        return keys
    creator = raw.get("dc:creator").strip()
    if creator:
        return [creator]
    problems.append("it names no author")
    return []
