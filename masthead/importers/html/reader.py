"""Saved article pages (HTML files saved from any news site) read into records.

trafilatura finds the article's text and its metadata (title, byline, date through htmldate);
the page's own structured data (JSON-LD, OpenGraph, the canonical link, the lead figure) adds
what trafilatura leaves out: the exact publication time, the lead photo with its caption and
credit, and the address the article had. The result is always a draft for an editor to check.
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

import lxml.html
import trafilatura
from django.utils.text import slugify
from trafilatura.htmlprocessing import build_html_output
from trafilatura.settings import set_date_params
from trafilatura.utils import decode_file, load_html

from masthead.importers.credits import declared_credit, parse_credit
from masthead.importers.fetch import fetch
from masthead.importers.html.metadata import (
    find_figure,
    jsonld_article,
    jsonld_authors,
    jsonld_image,
    meta_content,
    page_time,
)
from masthead.importers.records import SourceAuthor, SourceItem, SourceMedia
from masthead.importers.sanitise import clean_markup

MAX_PAGE_BYTES = 10 * 1024 * 1024
# Lines of running text shorter than this are menus, lists of headlines or captions.
SENTENCE_LINE = 60
MIN_ARTICLE_CHARS = 150
BODY_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "del", "sub",
    "sup", "code", "pre", "br", "a", "ul", "ol", "li", "blockquote", "img", "figure",
    "figcaption", "table", "thead", "tbody", "tr", "th", "td", "caption",
}  # fmt: skip
BODY_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "title"}}
TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.I)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass
class SavedPage:
    item: SourceItem
    authors: list[SourceAuthor] = field(default_factory=list)  # in byline order
    media: list[SourceMedia] = field(default_factory=list)  # the lead photo first
    canonical_url: str = ""  # where the article lived: the old URL to redirect


def read_saved_page(
    path_or_bytes: str | Path | bytes,
    *,
    source_name: str = "",
    url: str = "",
    encoding: str = "",
) -> SavedPage:
    """Read one saved article page into a draft item with its authors and photos.

    `url` is the address the page was saved from, when known (used when the page names no
    canonical URL); `encoding` is one a server declared. Problems go into `item.problems`.
    """
    if isinstance(path_or_bytes, bytes):
        data = path_or_bytes
    else:
        path = Path(path_or_bytes)
        source_name = source_name or str(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            return _unreadable(source_name, f"{source_name}: cannot read the file: {error}")
    if len(data) > MAX_PAGE_BYTES:
        return _unreadable(
            source_name or hashlib.sha256(data).hexdigest(),
            f"{source_name or 'page'}: {len(data)} bytes is over {MAX_PAGE_BYTES}; not read",
        )
    tree = load_html(decode_page(data, encoding))
    if tree is None:
        return _unreadable(hashlib.sha256(data).hexdigest(), f"{source_name}: not an HTML page")

    for element in tree.xpath("//embed | //object | //applet"):
        # libxml2 does not know <embed> is empty and nests the rest of the article in it.
        element.drop_tag()
    article = jsonld_article(tree)
    canonical = _canonical_url(tree, article, url)
    base = canonical or url
    if base:
        tree.make_links_absolute(base, resolve_base_href=True, handle_failures="ignore")

    document = trafilatura.bare_extraction(
        tree,
        url=base or None,
        with_metadata=True,
        include_comments=False,
        include_images=True,
        include_links=True,
        include_formatting=True,
        include_tables=True,
        date_extraction_params={**set_date_params(), "outputformat": "%Y-%m-%dT%H:%M:%S%z"},
    )
    problems: list[str] = []

    title = _text(article.get("headline")) or meta_content(tree, "og:title")
    title = title or (document.title if document else "") or ""
    if not title:
        problems.append("no headline found")

    authors = _authors(article, document)
    if not authors:
        problems.append("no byline found: add the author")

    published_at = _published_at(article, document, tree, problems)

    lead = _lead_image(tree, article, base)
    if lead and not lead.url.startswith(("http://", "https://")):
        problems.append(
            f"the lead photo's address {lead.url!r} is relative and the page's is unknown"
        )
    content, body_images = _body(document, title, lead.url if lead else "")
    if not content:
        problems.append(_no_article_reason(tree, document))

    key = canonical or f"sha256:{hashlib.sha256(data).hexdigest()}"
    item = SourceItem(
        kind="post",
        key=key,
        title=title,
        slug=_slug(canonical, title),
        status="draft",
        published_at=published_at,
        author_keys=[author.key for author in authors],
        excerpt=_text(article.get("description"))
        or meta_content(tree, "description", "og:description", "twitter:description"),
        content=content,
        featured_media_key=lead.key if lead else "",
        link=canonical,
        problems=problems,
    )
    media = [lead] if lead else []
    media += [image for image in body_images if not lead or image.url != lead.url]
    return SavedPage(item=item, authors=authors, media=media, canonical_url=canonical)


def fetch_saved_page(url: str, *, allowed_hosts: set[str], max_bytes: int = 5_000_000):
    """Fetch an article page through the SSRF guard and read it (off unless asked for)."""
    fetched = fetch(url, allowed_hosts=allowed_hosts, max_bytes=max_bytes, kind="page")
    charset = re.search(r"charset=[\"']?([\w.:-]+)", fetched.content_type, re.I)
    return read_saved_page(
        fetched.content,
        source_name=fetched.final_url,
        url=fetched.final_url,
        encoding=charset.group(1) if charset else "",
    )


def decode_page(data: bytes, encoding: str = "") -> str:
    """Text of a page: a byte-order mark, then the server's charset, then the page's own
    `<meta charset>`, then UTF-8, then a guess."""
    for bom, name in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace").lstrip("\ufeff")
    declared = META_CHARSET.search(data[:4096])
    for name in (encoding, declared.group(1).decode("ascii") if declared else ""):
        if not name:
            continue
        if name.lower() in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            name = "windows-1252"  # what browsers do with these labels
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return decode_file(data)


def _unreadable(key: str, problem: str) -> SavedPage:
    item = SourceItem(kind="post", key=key, title="", slug="", status="draft", problems=[problem])
    return SavedPage(item=item)


def _text(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def _canonical_url(tree, article: dict, url: str) -> str:
    candidates = tree.xpath(
        "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href"
    )
    candidates.append(meta_content(tree, "og:url"))
    main = article.get("mainEntityOfPage")
    main = main.get("@id") if isinstance(main, dict) else main
    candidates += [_text(article.get("url")), _text(main)]
    for candidate in candidates:
        candidate = candidate.strip()
        if candidate:
            absolute = urljoin(url, candidate) if url else candidate
            if urlsplit(absolute).scheme in ("http", "https"):
                return _without_tracking(absolute)
    return _without_tracking(url) if url else ""


def _without_tracking(url: str) -> str:
    parts = urlsplit(url)
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not TRACKING_PARAMS.match(name)
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def _slug(canonical: str, title: str) -> str:
    segments = [s for s in urlsplit(canonical).path.split("/") if s] if canonical else []
    if segments:
        last = re.sub(r"\.(html?|php|aspx?)$", "", unquote(segments[-1]), flags=re.I)
        if last and not last.isdigit() and last.lower() != "index":
            return last
    return slugify(title, allow_unicode=True)


def _authors(article: dict, document) -> list[SourceAuthor]:
    people = jsonld_authors(article)
    if not people and document is not None and document.author:
        people = [(name.strip(), "") for name in document.author.split(";") if name.strip()]
    authors: list[SourceAuthor] = []
    for name, website in people:
        slug = slugify(name, allow_unicode=True)
        if slug and all(author.key != slug for author in authors):
            # Bylines on a saved page are names only, never logins: guest authors.
            authors.append(
                SourceAuthor(key=slug, name=name, slug=slug, website=website, is_guest=True)
            )
    return authors


def _published_at(article: dict, document, tree, problems: list[str]) -> datetime | None:
    for text in (_text(article.get("datePublished")), document.date if document else ""):
        if not text:
            continue
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            continue
        if moment.tzinfo is None:
            exact = page_time(tree, moment.date())
            if exact is None:
                problems.append(
                    f"only the day of publication was found ({moment.date()}): check the time"
                )
                return moment.replace(tzinfo=UTC)
            moment = exact
        return moment.astimezone(UTC)
    problems.append("no publication date found")
    return None


def _lead_image(tree, article: dict, base: str) -> SourceMedia | None:
    found = jsonld_image(article)
    if not found.get("url"):
        og_image = meta_content(tree, "og:image:secure_url", "og:image", "twitter:image")
        if og_image:
            alt = meta_content(tree, "og:image:alt", "twitter:image:alt")
            found = {"url": og_image, "alt": alt}
    figure = find_figure(tree, found.get("url", ""))
    if not found.get("url") and figure is None:
        return None
    url = found.get("url") or figure["url"]
    url = urljoin(base, url) if base else url
    figure = figure or {}
    media = SourceMedia(key=url, url=url, alt=found.get("alt") or figure.get("alt", ""))
    # A credit the page declares wins over one guessed from a caption's last words.
    declared = found.get("credit") or figure.get("credit", "")
    captions = []
    guessed = None
    for caption in (found.get("caption", ""), figure.get("caption", "")):
        parsed = parse_credit(caption) if caption else None
        if parsed:
            caption = parsed[2]
            guessed = guessed or parsed[:2]
        if caption:
            captions.append(caption)
    if declared:
        media.agency, media.photographer = declared_credit(declared)
    elif guessed:
        media.agency, media.photographer = guessed
        media.credit_parsed = True
    media.caption = captions[0] if captions else ""
    return media


def _body(document, title: str, lead_url: str) -> tuple[str, list[SourceMedia]]:
    if document is None or document.body is None or not _looks_like_article(document):
        return "", []
    html = build_html_output(document)
    root = lxml.html.fromstring(html)
    body = root.find("body") if root.tag != "body" else root
    first = body[0] if len(body) else None
    if first is not None and first.tag == "h1" and " ".join(first.text_content().split()) == title:
        first.drop_tree()
    images = []
    for img in body.iter("img"):
        src = img.get("src", "")
        if lead_url and src == lead_url and not images:
            img.drop_tree()  # the lead photo is the article's hero, not part of its text
            lead_url = ""
            continue
        if src.startswith(("http://", "https://")):
            alt, title = img.get("alt", ""), img.get("title", "")
            images.append(SourceMedia(key=src, url=src, alt=alt, title=title))
    inner = (body.text or "") + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in body
    )
    return clean_markup(inner, tags=BODY_TAGS, attributes=BODY_ATTRIBUTES), images


def _looks_like_article(document) -> bool:
    text = document.text or ""
    running = sum(len(line) for line in text.splitlines() if len(line.strip()) >= SENTENCE_LINE)
    return running >= MIN_ARTICLE_CHARS


def _no_article_reason(tree, document) -> str:
    links = len(tree.xpath("//body//a[@href]"))
    page_type = meta_content(tree, "og:type")
    kind = f" (it calls itself {page_type!r})" if page_type and page_type != "article" else ""
    if document is None:
        return f"no article found: no running text on the page{kind}; {links} links"
    return (
        f"no article found: the page looks like a list or index page{kind}, with {links} links "
        f"and under {MIN_ARTICLE_CHARS} characters of running text"
    )
