"""What every importer reads a source into, before anything is written.

Each source (WordPress, Ghost, Substack, saved HTML pages, our own archive) is read into these
plain records; one writer turns them into pages, images, authors, redirects and subscribers.
Keys are the source's own ids as text (a WordPress post id, a Ghost object id, a login), so a
second run finds what the first one made. See importers/CONTEXT.md for the words.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class SourceAuthor:
    key: str  # WordPress: the login, or "cap-<term slug>" for a Co-Authors Plus guest author
    name: str
    slug: str = ""
    email: str = ""
    bio: str = ""
    website: str = ""
    is_guest: bool = False
    role: str = ""  # "Europe Editor"
    photo_key: str = ""  # the media record of their portrait


@dataclass
class SourceTerm:
    kind: str  # "category" | "tag" (taxonomies a mapping turns into regions, types, topics)
    key: str  # the term's slug in the source
    name: str
    parent_key: str = ""
    description: str = ""


@dataclass
class SourceMedia:
    key: str  # the attachment's id
    url: str = ""  # where the old site served it
    path: str = ""  # relative to the uploads folder, when the source says
    title: str = ""
    alt: str = ""
    caption: str = ""  # plain text
    agency: str = ""
    photographer: str = ""
    credit_parsed: bool = False  # the credit was guessed from a caption: an editor should check
    description: str = ""
    mime_type: str = ""
    parent_key: str = ""  # the post it was uploaded to
    published_at: datetime | None = None
    link: str = ""  # the attachment page's URL
    licence: str = ""
    licence_url: str = ""
    # The file's bytes from elsewhere than the uploads folder or the old site (the demo's
    # pictures are drawn when the writer first needs them).
    read: Callable[[], bytes] | None = None


@dataclass
class Footnote:
    uid: str  # the id the paragraph's <footnote id="…"> reference names
    text: str  # rich text HTML


@dataclass
class Body:
    """A converted body: StreamField data for `core.blocks.BodyBlock`, with photos named by
    their source key (`{"type": "image", "value": {"media_key": "12", "caption": "…"}}`) until
    the writer knows their ids."""

    blocks: list[dict] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    media_keys: list[str] = field(default_factory=list)  # photos the body shows, in order
    media_urls: list[str] = field(default_factory=list)  # photos named only by URL
    links: list[str] = field(default_factory=list)  # links to the old site, to rewrite
    unknown_shortcodes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # Credits the body gives its photos, by media key (or URL when there is no key):
    # {"photographer", "agency", "user_id" (a [media-credit id=…] site user), "link",
    # "parsed" (guessed from the caption: an editor should check)}.
    media_credits: dict[str, dict] = field(default_factory=dict)
    # What search indexes of each block (`BodyBlock.block_search_text`), worked out beside the
    # conversion, in its process; None when it was not.
    search_text: list[list[str]] | None = None


@dataclass
class SourceItem:
    kind: str  # "post" | "page"
    key: str  # the source's id
    title: str
    slug: str
    status: str  # "publish" | "draft" | "future" | "private" | "pending"
    guid: str = ""
    password: str = ""
    published_at: datetime | None = None  # aware, UTC
    modified_at: datetime | None = None
    author_keys: list[str] = field(default_factory=list)  # in byline order
    category_keys: list[str] = field(default_factory=list)
    tag_keys: list[str] = field(default_factory=list)
    primary_category_key: str = ""
    excerpt: str = ""
    content: str = ""  # the source's body markup, as exported
    body: Body | None = None
    featured_media_key: str = ""
    sticky: bool = False
    seo_title: str = ""
    seo_description: str = ""
    link: str = ""  # its permalink on the old site
    old_slugs: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    footnotes_meta: str = ""  # WordPress's `footnotes` post meta (core/footnotes JSON), as exported
    # Corrections published on it: {"kind": ArticleCorrection.Kind, "text", "made_at": datetime}.
    corrections: list[dict] = field(default_factory=list)


@dataclass
class SourceSubscriber:
    email: str
    state: str  # "active" | "unsubscribed" | "bounced" | "complained"
    subscribed_at: datetime | None = None
    consent_source: str = ""
    name: str = ""


@dataclass
class ItemStub:
    """An item a reader has read but not yet made a `SourceItem` of: its kind, key and title,
    and a digest of everything the export says of it. `make()` builds the item (or returns None
    when it cannot be read, the reason recorded as a skip); the writer calls it only for items
    that are new or changed, so a re-run of an unchanged export builds none."""

    kind: str
    key: str
    title: str
    digest: str
    make: Callable[[], SourceItem | None]
