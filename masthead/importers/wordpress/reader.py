"""Reading a WordPress export (WXR 1.0, 1.1, 1.2) into the plain records, streamed.

Two passes over the export, each with flat memory (lxml's iterparse, every element cleared once
read): `read_export()` gathers the channel, authors (users and Co-Authors Plus guest authors),
terms and attachments, so that `iter_items()` can then yield posts and pages with every
reference resolved, whatever order the file was written in. Entities are never resolved, the
network never touched, and a document with a DOCTYPE is refused outright.
"""

import hashlib
import html
import logging
import mimetypes
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import BinaryIO
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree

from masthead.importers.records import SourceAuthor, SourceItem, SourceMedia, SourceTerm
from masthead.importers.sources import ExportError, ExportPart, export_parts
from masthead.importers.wordpress import phpserial

__all__ = ["ExportError", "WxrExport", "find_media", "iter_items", "read_export"]

logger = logging.getLogger(__name__)

NAMESPACE_ROLES = (
    (re.compile(r"https?://wordpress\.org/export/1\.\d+/excerpt/?"), "excerpt"),
    (re.compile(r"https?://wordpress\.org/export/1\.\d+/?"), "wp"),
    (re.compile(r"https?://purl\.org/rss/1\.0/modules/content/?"), "content"),
    (re.compile(r"https?://purl\.org/dc/elements/1\.1/?"), "dc"),
    (re.compile(r"https?://wellformedweb\.org/CommentAPI/?"), "wfw"),
)
KINDS = {"post": "post", "page": "page"}
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
TERM_KINDS = {"category": "category", "post_tag": "tag", "tag": "tag"}  # "tag": WXR 1.0
SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled)(?=\.[A-Za-z0-9]+$)")
YOAST_VARIABLE = re.compile(r"%%([A-Za-z0-9_]+)%%")
YOAST_SEPARATOR = "-"
ZERO_DATE = "0000-00-00 00:00:00"
PROLOG_BYTES = 65536
PROLOG_DOCTYPE = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->)*<!DOCTYPE", re.DOTALL)
DOCTYPE_REFUSED = (
    "{name}: the export declares a DOCTYPE; WordPress exports never do, so it is refused"
)


@dataclass
class WxrExport:
    site_url: str = ""  # the site's home (channel link / wp:base_blog_url)
    base_site_url: str = ""
    title: str = ""
    wxr_version: str = ""
    authors: dict[str, SourceAuthor] = field(default_factory=dict)
    terms: dict[tuple[str, str], SourceTerm] = field(default_factory=dict)
    media: dict[str, SourceMedia] = field(default_factory=dict)
    media_by_url: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    description: str = ""
    timezone: tzinfo | None = None  # the site's; WXR does not say, so the caller may
    # Filled by iter_items: how many items were not imported, by reason. A reason that is a
    # fault in the export (a repeated id…) is also in `problems`, naming the item.
    skipped: Counter[str] = field(default_factory=Counter)
    shared_guids: set[str] = field(default_factory=set, repr=False)  # keys of later items
    term_ids: dict[int, tuple[str, str]] = field(default_factory=dict, repr=False)
    cap_authors: dict[str, str] = field(default_factory=dict, repr=False)  # CAP term → key


# --- walking the document -------------------------------------------------------------------

Source = str | os.PathLike | ExportPart | Callable[[], BinaryIO]


def _parts(paths: Source | Iterable[Source]) -> list[ExportPart]:
    if isinstance(paths, str | os.PathLike | ExportPart) or callable(paths):
        paths = [paths]
    parts: list[ExportPart] = []
    for number, path in enumerate(paths, 1):
        if isinstance(path, ExportPart):
            parts.append(path)
        elif isinstance(path, str | os.PathLike):
            parts.extend(export_parts(path))
        else:
            parts.append(ExportPart(getattr(path, "name", "") or f"export part {number}", path))
    return parts


class _Names:
    """Short names ("wp:post_id", "title") for the document's tags, whatever version's URIs."""

    def __init__(self) -> None:
        self.cache: dict[str, str] = {}

    def short(self, tag: str) -> str:
        name = self.cache.get(tag)
        if name is None:
            name = tag
            if tag.startswith("{"):
                uri, local = tag[1:].split("}", 1)
                role = next((r for pattern, r in NAMESPACE_ROLES if pattern.fullmatch(uri)), uri)
                name = f"{role}:{local}"
            if len(self.cache) < 500:
                self.cache[tag] = name
        return name


def _syntax_error(name: str, error: etree.XMLSyntaxError) -> ExportError:
    line = error.lineno or (error.position or (0, 0))[0]
    where = f"{name}, line {line}" if line else name
    message = (error.msg or str(error)).split(", line ")[0]
    if error.code == etree.ErrorTypes.ERR_INVALID_ENCODING or "encoding" in message.lower():
        return ExportError(
            f"{where}: the text is not in the encoding the file declares, UTF-8 for WordPress "
            f"({message}); it was probably saved as Latin-1 or Windows-1252 — convert it to "
            "UTF-8 and try again"
        )
    if error.code == etree.ErrorTypes.ERR_TAG_NOT_FINISHED or "Premature end" in message:
        return ExportError(
            f"{where}: the file stops in the middle of the export ({message}); it was probably "
            "cut short — export it again or upload the whole file"
        )
    return ExportError(f"{where}: the file is not well-formed XML ({message})")


def _start(root: etree._Element, name: str) -> None:
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.system_url:
        raise ExportError(DOCTYPE_REFUSED.format(name=name))
    namespaces = [uri for uri in root.nsmap.values() if uri]
    if etree.QName(root).localname != "rss" or not any(
        NAMESPACE_ROLES[1][0].fullmatch(uri) for uri in namespaces
    ):
        raise ExportError(
            f"{name} is XML but not a WordPress export (no wordpress.org/export/1.x namespace "
            "on an <rss> element)"
        )


def _refuse_doctype(part: ExportPart) -> None:
    """Look at the prolog before the parser does, so no DTD is ever read, let alone fetched."""
    try:
        with part.open() as stream:
            head = stream.read(PROLOG_BYTES)
    except (OSError, EOFError) as error:
        raise ExportError(f"{part.name} cannot be read: {error}") from None
    if PROLOG_DOCTYPE.match(head.removeprefix(b"\xef\xbb\xbf")):
        raise ExportError(DOCTYPE_REFUSED.format(name=part.name))


def _walk(part: ExportPart) -> Iterator[tuple[str, etree._Element, _Names]]:
    """Each child of <channel> (items, authors, terms…), fully read, then cleared away."""
    names = _Names()
    _refuse_doctype(part)
    try:
        stream = part.open()
    except (OSError, EOFError) as error:
        raise ExportError(f"{part.name} cannot be read: {error}") from None
    with stream:
        events = etree.iterparse(
            stream,
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        depth = 0
        try:
            for event, elem in events:
                if event == "start":
                    if depth == 0:
                        _start(elem, part.name)
                    depth += 1
                    continue
                if depth == 3:
                    yield names.short(elem.tag), elem, names
                    elem.clear(keep_tail=False)
                    while elem.getprevious() is not None:
                        del elem.getparent()[0]
                depth -= 1
        except etree.XMLSyntaxError as error:
            raise _syntax_error(part.name, error) from None
        except (OSError, EOFError) as error:  # a damaged gzip or zip member
            raise ExportError(f"{part.name} cannot be read: {error}") from None


@dataclass
class _Raw:
    line: int
    fields: dict[str, str]
    categories: list[tuple[str, str, str]]  # (domain, nicename, text)
    meta: dict[str, list[str]]

    def get(self, name: str) -> str:
        return self.fields.get(name, "")

    def meta1(self, key: str) -> str:
        values = self.meta.get(key)
        return values[0] if values else ""


def _texts(elem: etree._Element, names: _Names) -> dict[str, str]:
    return {names.short(child.tag): child.text or "" for child in elem}


def _raw(elem: etree._Element, names: _Names) -> _Raw:
    raw = _Raw(elem.sourceline or 0, {}, [], {})
    for child in elem:
        name = names.short(child.tag)
        if name == "category":
            domain = child.get("domain")
            if domain:
                raw.categories.append((domain, child.get("nicename", ""), child.text or ""))
        elif name == "wp:postmeta":
            pair = _texts(child, names)
            raw.meta.setdefault(pair.get("wp:meta_key", ""), []).append(
                pair.get("wp:meta_value", "")
            )
        elif name not in raw.fields:
            raw.fields[name] = child.text or ""
    return raw


# --- small readers --------------------------------------------------------------------------


def _slug(value: str) -> str:
    """WordPress keeps Unicode slugs percent-encoded: `%d0%bc%d0%b8%d1%80` is "мир"."""
    return unquote(value.strip())


def _invisible(text: str) -> list[str]:
    return sorted(
        {unicodedata.name(c, f"U+{ord(c):04X}") for c in text if unicodedata.category(c) == "Cf"}
    )


def _flag_slug(slug: str, problems: list[str], what: str) -> None:
    hidden = _invisible(slug)
    if hidden:
        problems.append(
            f"{what} {slug!r} holds invisible or direction-changing characters "
            f"({', '.join(hidden)}); it is kept as it is — check it"
        )


def _wp_date(text: str) -> datetime | None:
    """A naive datetime, None for an empty or 0000-00-00 date; ValueError for anything else."""
    text = text.strip()
    if not text or text.startswith("0000-00-00"):
        return None
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")


def _plain(markup: str) -> str:
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    if "<" not in markup:
        return html.unescape(markup).strip()
    text = lxml.html.fragment_fromstring(markup, create_parent="div").text_content()
    return " ".join(text.split())


def _split_credit(credit: str, organisation: str) -> tuple[str, str]:
    """(agency, photographer) from a credit field: "AGENCY/Name", "Name / Org" or a name."""
    credit, organisation = credit.strip(), organisation.strip()
    if organisation:
        return organisation, credit
    wire = re.fullmatch(r"([^/\s][^/]{0,40}?)/([^/\s][^/]*)", credit)
    if wire and len(wire[1].split()) <= 3:
        return re.sub(r"\s+Photos?$", "", wire[1]), wire[2]
    spaced = re.fullmatch(r"([^/]+?)\s+/\s+([^/]+)", credit)
    if spaced:
        return spaced[2], spaced[1]
    return "", credit


def _nicename(login: str) -> str:
    """A guess at WordPress's user_nicename for a login (sanitize_title's rules, roughly)."""
    text = login.lower().replace(".", "-")
    text = re.sub(r"[^\w\s-]", "", text)
    return re.sub(r"[\s-]+", "-", text).strip("-")


# --- pass 1 ---------------------------------------------------------------------------------


class _FirstPass:
    def __init__(self, export: WxrExport) -> None:
        self.export = export
        self.cap_terms: dict[str, str] = {}  # "cap-jane" → the term's name
        self.guests: dict[str, tuple[SourceAuthor, str]] = {}  # key → (author, linked login)
        self.creators: dict[str, int] = {}  # logins named by dc:creator → a line
        self.media_ids: set[str] = set()
        self.guids: set[bytes] = set()  # 8-byte digests of post and page GUIDs
        self.post_ids = _IdSet()
        self.declared_terms: set[tuple[str, str]] = set()  # items may name terms before

    def take(self, name: str, elem: etree._Element, names: _Names, part: ExportPart) -> None:
        export = self.export
        channel = {
            "title": "title",
            "description": "description",
            "link": "site_url",
            "wp:base_blog_url": "site_url",
            "wp:base_site_url": "base_site_url",
            "wp:wxr_version": "wxr_version",
        }
        if name in channel:
            if not getattr(export, channel[name]):
                setattr(export, channel[name], html.unescape((elem.text or "").strip()))
        elif name == "wp:author":
            self.author(_texts(elem, names))
        elif name in ("wp:category", "wp:tag", "wp:term"):
            self.term(name, _texts(elem, names))
        elif name == "item":
            raw = _raw(elem, names)
            post_type = raw.get("wp:post_type")
            if post_type == "attachment":
                self.media(raw, part)
            elif post_type == "guest-author":
                self.guest(raw)
            elif post_type in KINDS:
                self.references(raw)

    def author(self, fields: dict[str, str]) -> None:
        login = fields.get("wp:author_login", "").strip()
        if not login:
            self.export.problems.append("an author in the export has no login; left out")
            return
        full = " ".join(
            filter(None, (fields.get("wp:author_first_name"), fields.get("wp:author_last_name")))
        )
        name = fields.get("wp:author_display_name", "").strip() or full.strip() or login
        self.export.authors.setdefault(
            login,
            SourceAuthor(
                key=login,
                name=html.unescape(name),
                slug=_nicename(login),
                email=fields.get("wp:author_email", "").strip(),
            ),
        )

    def term(self, element: str, fields: dict[str, str]) -> None:
        if element == "wp:category":
            taxonomy, prefix = "category", "wp:category_"
            slug, name = fields.get("wp:category_nicename", ""), fields.get("wp:cat_name", "")
            parent = fields.get("wp:category_parent", "")
        elif element == "wp:tag":
            taxonomy, prefix = "post_tag", "wp:tag_"
            slug, name, parent = fields.get("wp:tag_slug", ""), fields.get("wp:tag_name", ""), ""
        else:
            taxonomy, prefix = fields.get("wp:term_taxonomy", ""), "wp:term_"
            slug, name = fields.get("wp:term_slug", ""), fields.get("wp:term_name", "")
            parent = fields.get("wp:term_parent", "")
        slug = _slug(slug)
        if taxonomy == "author":
            self.cap_terms.setdefault(slug, name.strip())
            return
        kind = TERM_KINDS.get(taxonomy)
        if not kind or not slug:
            return
        term_id = fields.get("wp:term_id", "").strip()
        if term_id.isdigit():
            self.export.term_ids[int(term_id)] = (kind, slug)
        if (kind, slug) in self.declared_terms:
            return
        self.declared_terms.add((kind, slug))
        _flag_slug(slug, self.export.problems, f"the {kind} slug")
        self.export.terms[kind, slug] = SourceTerm(
            kind=kind,
            key=slug,
            name=html.unescape(name.strip()) or slug,
            parent_key=_slug(parent),
            description=fields.get(prefix + "description", "").strip(),
        )

    def guest(self, raw: _Raw) -> None:
        login = raw.meta1("cap-user_login").strip() or _slug(raw.get("wp:post_name"))[4:]
        if not login:
            self.export.problems.append(f"guest author at line {raw.line} has no login; left out")
            return
        full = " ".join(filter(None, (raw.meta1("cap-first_name"), raw.meta1("cap-last_name"))))
        name = raw.meta1("cap-display_name").strip() or full.strip() or raw.get("title") or login
        author = SourceAuthor(
            key=f"cap-{login}",
            name=html.unescape(name.strip()),
            slug=login,
            email=raw.meta1("cap-user_email").strip(),
            bio=raw.meta1("cap-description").strip(),
            website=raw.meta1("cap-website").strip(),
            is_guest=True,
        )
        self.guests.setdefault(author.key, (author, raw.meta1("cap-linked_account").strip()))

    def references(self, raw: _Raw) -> None:
        key = raw.get("wp:post_id").strip()
        if key.isdigit() and not self.post_ids.add(int(key)):
            return  # a repeated id: the second pass skips the item and says so
        guid = raw.get("guid").strip()
        if guid:
            digest = hashlib.blake2b(guid.encode(), digest_size=8).digest()
            if digest in self.guids:
                self.export.shared_guids.add(key)
            self.guids.add(digest)
        creator = raw.get("dc:creator").strip()
        if creator:
            self.creators.setdefault(creator, raw.line)
        for domain, nicename, text in raw.categories:
            slug = _slug(nicename)
            if domain == "author" and slug:
                self.cap_terms.setdefault(slug, text.strip())
            elif domain in TERM_KINDS and slug:
                kind = TERM_KINDS[domain]
                name = html.unescape(text.strip()) or slug
                self.export.terms.setdefault((kind, slug), SourceTerm(kind, slug, name))

    def media(self, raw: _Raw, part: ExportPart) -> None:
        export = self.export
        key = raw.get("wp:post_id").strip()
        where = f"attachment {key or '?'} ({part.name}, line {raw.line})"
        if not key.isdigit():
            export.problems.append(f"{where} has no post id; left out")
            return
        if key in self.media_ids:
            export.problems.append(f"{where} repeats an id already used; the first one is kept")
            return
        self.media_ids.add(key)
        url = raw.get("wp:attachment_url").strip() or raw.get("guid").strip()
        path = raw.meta1("_wp_attached_file").strip()
        agency, photographer = _split_credit(
            raw.meta1("_media_credit"), raw.meta1("_navis_media_credit_org")
        )
        try:
            published = _wp_date(raw.get("wp:post_date_gmt"))
        except ValueError:
            published = None
        parent = raw.get("wp:post_parent").strip()
        export.media[key] = SourceMedia(
            key=key,
            url=url,
            path=path,
            title=html.unescape(raw.get("title").strip()),
            alt=raw.meta1("_wp_attachment_image_alt").strip(),
            caption=_plain(raw.get("excerpt:encoded")),
            agency=agency,
            photographer=photographer,
            description=raw.get("content:encoded").strip(),
            mime_type=mimetypes.guess_type(urlsplit(url).path or path)[0] or "",
            parent_key=parent if parent not in ("", "0") else "",
            published_at=published.replace(tzinfo=UTC) if published else None,
            link=raw.get("link").strip(),
        )
        for served in self.served_urls(raw, url, where):
            export.media_by_url.setdefault(served, key)

    def served_urls(self, raw: _Raw, url: str, where: str) -> list[str]:
        urls = [url] if url else []
        guid = raw.get("guid").strip()
        if guid.startswith(("http://", "https://")) and re.search(r"\.\w{2,5}$", guid):
            urls.append(guid)
        text = raw.meta1("_wp_attachment_metadata")
        if not url or not text.strip():
            return urls
        try:
            metadata = phpserial.loads(text, objects="data")
        except ValueError as error:
            self.export.problems.append(
                f"{where}: its list of sizes cannot be read ({error}); only its main URL is known"
            )
            return urls
        folder = url.rsplit("/", 1)[0]
        if isinstance(metadata, dict):
            sizes = metadata.get("sizes")
            for size in sizes.values() if isinstance(sizes, dict) else []:
                if isinstance(size, dict) and isinstance(size.get("file"), str):
                    urls.append(f"{folder}/{size['file']}")
            if isinstance(metadata.get("original_image"), str):
                urls.append(f"{folder}/{metadata['original_image']}")
        return urls

    def finish(self) -> None:
        export = self.export
        users = export.authors
        by_nicename = {author.slug: login for login, author in users.items()}
        for key, (guest, linked) in self.guests.items():
            if linked in users:  # a guest profile standing for a WordPress user
                export.cap_authors[key] = linked
                user = users[linked]
                user.bio, user.website = user.bio or guest.bio, user.website or guest.website
            else:
                users.setdefault(key, guest)
        for term, name in self.cap_terms.items():
            bare = term[4:] if term.startswith("cap-") else term
            if term in export.cap_authors:
                continue
            if term in users and users[term].is_guest:
                login = term
            elif f"cap-{bare}" in users and users[f"cap-{bare}"].is_guest:
                login = f"cap-{bare}"
            else:
                login = next((c for c in (name, bare) if c in users), "") or by_nicename.get(bare)
                if login:
                    users[login].slug = bare  # the term carries the real nicename
            if not login:
                login = f"cap-{bare}"
                if not name or name == name.lower() and " " not in name:  # a slug, not a name
                    name = bare.replace("-", " ").title()
                users[login] = SourceAuthor(key=login, name=name, slug=bare, is_guest=True)
                export.problems.append(
                    f"co-author {term!r} has no profile in the export; "
                    f"a guest author {users[login].name!r} is made from the term"
                )
            export.cap_authors[term] = login
        for login, line in self.creators.items():
            if login not in users:
                users[login] = SourceAuthor(key=login, name=login, slug=_nicename(login))
                export.problems.append(
                    f"author {login!r} (first named at line {line}) has no profile in the "
                    "export; one is made from the login alone"
                )


def read_export(paths: Source | Iterable[Source], *, timezone: tzinfo | None = None) -> WxrExport:
    """Pass 1: the channel, authors, terms and attachments of an export (see `sources`)."""
    export = WxrExport(timezone=timezone)
    first = _FirstPass(export)
    for part in _parts(paths):
        for name, elem, names in _walk(part):
            first.take(name, elem, names, part)
    first.finish()
    return export


def find_media(export: WxrExport, url: str) -> str | None:
    """The attachment an image URL shows, trying the variants bodies use (scheme, size, path)."""
    url = urljoin(export.site_url + "/", url.strip()) if export.site_url else url.strip()
    split = urlsplit(url)
    bare = urlunsplit((split.scheme, split.netloc, split.path, "", ""))
    candidates = [url, bare]
    for scheme in ("https", "http"):
        candidates.append(urlunsplit((scheme, split.netloc, split.path, "", "")))
    candidates += [SIZE_SUFFIX.sub("", c) for c in candidates]
    return next((export.media_by_url[c] for c in candidates if c in export.media_by_url), None)


# --- pass 2 ---------------------------------------------------------------------------------


def iter_items(paths: Source | Iterable[Source], export: WxrExport) -> Iterator[SourceItem]:
    """Pass 2: posts and pages, one at a time; what is not imported goes to export.skipped."""
    export.skipped = Counter()
    seen_ids = _IdSet()
    for part in _parts(paths):
        for name, elem, names in _walk(part):
            if name != "item":
                continue
            raw = _raw(elem, names)
            post_type = raw.get("wp:post_type").strip() or "post"
            if post_type in ("attachment", "guest-author"):
                continue  # read in the first pass
            key = raw.get("wp:post_id").strip()
            title = html.unescape(raw.get("title").strip())
            reason, is_problem = _skip_reason(raw, post_type, key, seen_ids)
            item = None
            if not reason:
                try:
                    item = _item(raw, export, KINDS[post_type], key, title)
                except Exception as error:  # one bad item must not end the run
                    logger.exception("WordPress item %s could not be read", key)
                    reason = f"it could not be read ({type(error).__name__}: {error})"
                    is_problem = True
            if item is None:
                export.skipped[reason] += 1
                if is_problem:
                    where = f"{post_type} {key or '?'} {title!r} ({part.name}, line {raw.line})"
                    export.problems.append(f"{where}: {reason}")
                continue
            if key in export.shared_guids:
                item.problems.append(f"its GUID {item.guid!r} is also an earlier item's")
            yield item


class _IdSet:
    """Post ids seen, one bit each, so the second pass stays flat however long the export."""

    LARGEST = 1 << 27  # beyond this (16 MB of bits), ids go to a plain set

    def __init__(self) -> None:
        self.bits = bytearray()
        self.large: set[int] = set()

    def add(self, number: int) -> bool:
        """Whether `number` is new (and now seen)."""
        if number >= self.LARGEST:
            new = number not in self.large
            self.large.add(number)
            return new
        index, bit = divmod(number, 8)
        if index >= len(self.bits):
            self.bits.extend(bytes(max(index + 1, 2 * len(self.bits)) - len(self.bits)))
        new = not self.bits[index] >> bit & 1
        self.bits[index] |= 1 << bit
        return new


def _skip_reason(raw: _Raw, post_type: str, key: str, seen_ids: _IdSet) -> tuple[str, bool]:
    """Why an item is not imported ("" if it is), and whether that is a problem in the export."""
    if post_type not in KINDS:
        return SKIP_REASONS.get(post_type, f"post type {post_type!r} is not imported"), False
    if not key.isdigit():
        return "it has no post id, so it cannot be imported", True
    if not seen_ids.add(int(key)):
        return "its id repeats an earlier item's; the first one is kept", True
    status = raw.get("wp:status").strip()
    return STATUS_SKIPS.get(status, ""), False


def _item(raw: _Raw, export: WxrExport, kind: str, key: str, title: str) -> SourceItem:
    problems: list[str] = []
    status = raw.get("wp:status").strip()
    if status not in STATUSES:
        problems.append(f"its status {status!r} is not WordPress's own; it is imported as a draft")
        status = "draft"
    slug = _slug(raw.get("wp:post_name"))
    _flag_slug(slug, problems, "its slug")
    old_slugs: list[str] = []
    for value in raw.meta.get("_wp_old_slug", []):
        old = _slug(value)
        if old and old != slug and old not in old_slugs:
            _flag_slug(old, problems, "its old slug")
            old_slugs.append(old)
    categories: list[str] = []
    tags: list[str] = []
    for domain, nicename, _text in raw.categories:
        target = {"category": categories, "tag": tags}.get(TERM_KINDS.get(domain, ""))
        if target is not None and _slug(nicename) and _slug(nicename) not in target:
            target.append(_slug(nicename))
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
    item.seo_title = _yoast(raw.meta1("_yoast_wpseo_title"), item, raw, export)
    item.seo_description = _yoast(raw.meta1("_yoast_wpseo_metadesc"), item, raw, export)
    return item


def _published(raw: _Raw, status: str, export: WxrExport, problems: list[str]) -> datetime | None:
    gmt_text, local_text = raw.get("wp:post_date_gmt").strip(), raw.get("wp:post_date").strip()
    try:
        gmt = _wp_date(gmt_text)
    except ValueError:
        gmt = None
        problems.append(f"its GMT date {gmt_text!r} cannot be read")
    if gmt:
        return gmt.replace(tzinfo=UTC)
    if status in UNDATED_STATUSES and gmt_text in ("", ZERO_DATE):
        return None  # never published and no date chosen yet
    try:
        local = _wp_date(local_text)
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


def _modified(raw: _Raw, export: WxrExport) -> datetime | None:
    try:
        gmt = _wp_date(raw.get("wp:post_modified_gmt"))
        if gmt:
            return gmt.replace(tzinfo=UTC)
        local = _wp_date(raw.get("wp:post_modified"))
    except ValueError:
        return None
    return local.replace(tzinfo=export.timezone or UTC).astimezone(UTC) if local else None


def _byline(raw: _Raw, export: WxrExport, problems: list[str]) -> list[str]:
    """Co-Authors Plus terms, when present, are the byline in order; else dc:creator."""
    keys: list[str] = []
    for domain, nicename, _text in raw.categories:
        if domain == "author":
            key = export.cap_authors.get(_slug(nicename))
            if key and key not in keys:
                keys.append(key)
    if keys:
        return keys
    creator = raw.get("dc:creator").strip()
    if creator:
        return [creator]
    problems.append("it names no author")
    return []


def _yoast(template: str, item: SourceItem, raw: _Raw, export: WxrExport) -> str:
    """Yoast's %%variables%% filled in as Yoast would; ones it cannot know are dropped."""
    if "%%" not in template:
        return " ".join(template.split())

    def term_names(kind: str, slugs: list[str]) -> list[str]:
        return [export.terms[(kind, s)].name for s in slugs if (kind, s) in export.terms]

    def excerpt() -> str:
        text = _plain(item.excerpt) or _plain(item.content)
        words = text.split()
        return " ".join(words[:55]) + (" …" if len(words) > 55 else "")

    def day(moment: datetime | None) -> str:
        return f"{moment:%B} {moment.day}, {moment.year}" if moment else ""

    primary = item.primary_category_key or next(iter(item.category_keys), "")
    first_author = export.authors.get(item.author_keys[0]) if item.author_keys else None
    values: dict[str, Callable[[], str]] = {
        "title": lambda: item.title,
        "sitename": lambda: export.title,
        "sitedesc": lambda: export.description,
        "sep": lambda: YOAST_SEPARATOR,
        "excerpt": excerpt,
        "excerpt_only": lambda: _plain(item.excerpt),
        "primary_category": lambda: ", ".join(term_names("category", [primary])),
        "category": lambda: ", ".join(term_names("category", item.category_keys)),
        "tag": lambda: ", ".join(term_names("tag", item.tag_keys)),
        "name": lambda: first_author.name if first_author else "",
        "date": lambda: day(item.published_at),
        "modified": lambda: day(item.modified_at),
        "id": lambda: item.key,
        "pt_single": lambda: item.kind.title(),
        "pt_plural": lambda: f"{item.kind.title()}s",
        "focuskw": lambda: raw.meta1("_yoast_wpseo_focuskw"),
    }
    text = YOAST_VARIABLE.sub(lambda m: values.get(m[1].lower(), str)(), template)
    sep = re.escape(YOAST_SEPARATOR)
    text = re.sub(rf"(\s*{sep}\s*)(?:{sep}\s*)+", r"\1", " ".join(text.split()))
    return re.sub(rf"^(?:{sep}\s*)+|(?:\s*{sep})+$", "", text).strip()
