"""Pass 1 over a WordPress export: the channel, authors, terms and attachments.

`read_export()` gathers everything items refer to — users and Co-Authors Plus guest authors,
categories and tags, attachments with every URL they were served at — into a `WxrExport`, so
that `reader.iter_items()` can then resolve each post's references whatever order the file was
written in.
"""

import hashlib
import html
import mimetypes
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import etree

from masthead.importers.credits import parse_credit, split_credit
from masthead.importers.records import SourceAuthor, SourceMedia, SourceTerm
from masthead.importers.sanitise import clean_text
from masthead.importers.sources import ExportPart
from masthead.importers.wordpress import phpserial
from masthead.importers.wordpress.wxr import (
    IdSet,
    Names,
    Raw,
    Source,
    child_texts,
    flag_slug,
    parts_of,
    raw_item,
    unquote_slug,
    walk,
    wp_date,
)

KINDS = {"post": "post", "page": "page"}
TERM_KINDS = {"category": "category", "post_tag": "tag", "tag": "tag"}  # "tag": WXR 1.0
SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled)(?=\.[A-Za-z0-9]+$)")


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
    item_count: int = 0  # posts and pages (the second pass reads them)
    # A fingerprint of every byte of every part, in order: the same export read again has the
    # same one, whatever its file is called.
    digest: str = ""
    timezone: tzinfo | None = None  # the site's; WXR does not say, so the caller may
    # Filled by iter_items: how many items were not imported, by reason. A reason that is a
    # fault in the export (a repeated id…) is also in `problems`, naming the item.
    skipped: Counter[str] = field(default_factory=Counter)
    shared_guids: set[str] = field(default_factory=set, repr=False)  # keys of later items
    term_ids: dict[int, tuple[str, str]] = field(default_factory=dict, repr=False)
    cap_authors: dict[str, str] = field(default_factory=dict, repr=False)  # CAP term → key


def _nicename(login: str) -> str:
    """A guess at WordPress's user_nicename for a login (sanitize_title's rules, roughly)."""
    text = login.lower().replace(".", "-")
    text = re.sub(r"[^\w\s-]", "", text)
    return re.sub(r"[\s-]+", "-", text).strip("-")


class _FirstPass:
    def __init__(self, export: WxrExport) -> None:
        self.export = export
        self.cap_terms: dict[str, str] = {}  # "cap-jane" → the term's name
        self.guests: dict[str, tuple[SourceAuthor, str]] = {}  # key → (author, linked login)
        self.creators: dict[str, int] = {}  # logins named by dc:creator → a line
        self.media_ids: set[str] = set()
        self.guids: set[bytes] = set()  # 8-byte digests of post and page GUIDs
        self.post_ids = IdSet()
        self.declared_terms: set[tuple[str, str]] = set()  # items may name terms before

    def take(self, name: str, elem: etree._Element, names: Names, part: ExportPart) -> None:
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
            self.author(child_texts(elem, names))
        elif name in ("wp:category", "wp:tag", "wp:term"):
            self.term(name, child_texts(elem, names))
        elif name == "item":
            raw = raw_item(elem, names)
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
        slug = unquote_slug(slug)
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
        flag_slug(slug, self.export.problems, f"the {kind} slug")
        self.export.terms[kind, slug] = SourceTerm(
            kind=kind,
            key=slug,
            name=html.unescape(name.strip()) or slug,
            parent_key=unquote_slug(parent),
            description=fields.get(prefix + "description", "").strip(),
        )

    def guest(self, raw: Raw) -> None:
        login = raw.meta1("cap-user_login").strip() or unquote_slug(raw.get("wp:post_name"))[4:]
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

    def references(self, raw: Raw) -> None:
        key = raw.get("wp:post_id").strip()
        if key.isdigit() and not self.post_ids.add(int(key)):
            return  # a repeated id: the second pass skips the item and says so
        self.export.item_count += 1
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
            slug = unquote_slug(nicename)
            if domain == "author" and slug:
                self.cap_terms.setdefault(slug, text.strip())
            elif domain in TERM_KINDS and slug:
                kind = TERM_KINDS[domain]
                name = html.unescape(text.strip()) or slug
                self.export.terms.setdefault((kind, slug), SourceTerm(kind, slug, name))

    def media(self, raw: Raw, part: ExportPart) -> None:
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
        agency, photographer = split_credit(
            raw.meta1("_media_credit"), raw.meta1("_navis_media_credit_org")
        )
        try:
            published = wp_date(raw.get("wp:post_date_gmt"))
        except ValueError:
            published = None
        parent = raw.get("wp:post_parent").strip()
        caption = clean_text(raw.get("excerpt:encoded"))
        parsed = False
        if not (agency or photographer) and (found := parse_credit(caption)):
            agency, photographer, caption = found  # "… REUTERS/Jane Doe": for review
            parsed = True
        export.media[key] = SourceMedia(
            key=key,
            url=url,
            path=path,
            title=html.unescape(raw.get("title").strip()),
            alt=raw.meta1("_wp_attachment_image_alt").strip(),
            caption=caption,
            agency=agency,
            photographer=photographer,
            credit_parsed=parsed,
            description=raw.get("content:encoded").strip(),
            mime_type=mimetypes.guess_type(urlsplit(url).path or path)[0] or "",
            parent_key=parent if parent not in ("", "0") else "",
            published_at=published.replace(tzinfo=UTC) if published else None,
            link=raw.get("link").strip(),
        )
        for served in self.served_urls(raw, url, where):
            export.media_by_url.setdefault(served, key)

    def served_urls(self, raw: Raw, url: str, where: str) -> list[str]:
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
    digest = hashlib.sha256()
    for part in parts_of(paths):
        for name, elem, names in walk(part, digest):
            first.take(name, elem, names, part)
        digest.update(b"\x00end of part\x00")
    first.finish()
    export.digest = digest.hexdigest()
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
