"""A WordPress post's content turned into Masthead's body blocks (`core.blocks.BodyBlock`).

Block-editor content is read with the block parser and each block mapped on its own; classic
content (and classic or HTML blocks inside block content) goes through WordPress's paragraph
rules first. Shortcodes are expanded everywhere, as WordPress does when it shows a post. The
HTML is then walked element by element: paragraphs, headings, lists, quotes, photos, tables and
embeds become blocks, and every piece of rich text is sanitised to what the editor allows.

Photos are named by their attachment id when the markup or `attachments_by_url` gives one, and
by URL otherwise; the writer swaps both for image ids. Nothing here touches the database.
"""

import html
import json
import re
import uuid
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.html
from lxml import etree

from masthead.importers.records import Body, Footnote
from masthead.importers.sanitise import (
    QUOTE_TAGS,
    clean_rich_text,
    clean_text,
    is_old_site_link,
    links_in,
)
from masthead.importers.wordpress.blocks import ParsedBlock, block_html, has_blocks, parse_blocks
from masthead.importers.wordpress.classic import wpautop
from masthead.importers.wordpress.shortcodes import expand_shortcodes, shortcode_unautop

HEADING_MAX, CAPTION_MAX, EMBED_CAPTION_MAX, ATTRIBUTION_MAX = 200, 400, 300, 200
# Elements that end a paragraph: each becomes a block of its own, or is walked into.
STRUCTURAL = {
    "p", "div", "section", "article", "aside", "header", "footer", "main", "nav", "center",
    "figure", "figcaption", "blockquote", "ul", "ol", "dl", "dt", "dd", "li", "table", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "iframe", "video", "audio", "object",
    "embed", "form", "details", "summary", "address", "fieldset", "script", "style",
    "noscript", "template", "svg", "canvas", "picture", "body", "html",
}  # fmt: skip
DROPPED = {"hr", "script", "style", "noscript", "template", "form", "svg", "canvas", "embed"}
SOCIAL_HOSTS = {
    "twitter.com": "X (Twitter)", "x.com": "X (Twitter)", "instagram.com": "Instagram",
    "facebook.com": "Facebook", "fb.watch": "Facebook", "tiktok.com": "TikTok",
    "spotify.com": "Spotify", "soundcloud.com": "SoundCloud", "flickr.com": "Flickr",
    "reddit.com": "Reddit", "tumblr.com": "Tumblr", "threads.net": "Threads",
    "bsky.app": "Bluesky", "mastodon.social": "Mastodon", "dailymotion.com": "Dailymotion",
    "imgur.com": "Imgur", "scribd.com": "Scribd", "issuu.com": "Issuu",
    "datawrapper.de": "Datawrapper", "google.com": "Google", "t.me": "Telegram",
}  # fmt: skip
SOCIAL_EMBED_CLASSES = {"twitter-tweet", "instagram-media", "tiktok-embed", "fb-post"}
DROPPED_BLOCKS = {
    "core/separator", "core/spacer", "core/more", "core/nextpage", "core/footnotes",
}  # fmt: skip
CLASSIC_BLOCKS = {"core/html", "core/freeform", "core/shortcode"}
RICH_BLOCKS = {"core/paragraph", "core/list", "core/button", "core/list-item"}
FLATTENED_BLOCKS = {"core/group", "core/columns", "core/column", "core/buttons", "core/row"}
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
BARE_URL = re.compile(r"\s*(https?://[^\s<>\"]+)\s*")
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
SCALED_SUFFIX = re.compile(r"-(?:scaled|rotated)(?=\.\w+$)")
YOUTUBE_ID = re.compile(r"[\w-]{11}")
AGENCIES = {
    "AP", "AFP", "EPA", "EPA-EFE", "REUTERS", "GETTY IMAGES", "GETTY", "SHUTTERSTOCK", "ALAMY",
    "ANADOLU", "XINHUA", "TASS", "RIA NOVOSTI", "DPA", "PA", "EFE", "ANSA", "UNSPLASH",
}  # fmt: skip


def original_upload_url(url: str) -> str:
    """The original upload's URL for a resized (`-300x200`) or `-scaled`/`-rotated` copy."""
    base = url.split("?", 1)[0].split("#", 1)[0]
    return SCALED_SUFFIX.sub("", SIZE_SUFFIX.sub("", base))


def _split_credit(credit: str) -> tuple[str, str]:
    """(agency, photographer) from "AGENCY/Name", "Name/AGENCY", "Name via AGENCY" or one name."""
    credit = credit.strip(" .;,")
    if " via " in credit:
        name, agency = credit.split(" via ", 1)
        return agency.strip(), name.strip()
    if "/" not in credit:
        is_agency = credit.upper() in AGENCIES or (credit.isupper() and len(credit) > 1)
        return (credit, "") if is_agency else ("", credit)
    left, right = (part.strip() for part in credit.split("/", 1))

    def agency_like(part: str) -> bool:
        plain = part.removesuffix(" Photo").removesuffix(" photo")
        return plain.upper() in AGENCIES or (plain.isupper() and len(plain) > 1)

    if agency_like(left) and not agency_like(right):
        return left.removesuffix(" Photo"), right
    return right.removesuffix(" Photo"), left


_LABEL = r"(?:photo(?:graph)?s?|pictures?|images?|credits?|photo credit|foto)"
_CREDIT_PATTERNS = [
    re.compile(r"\s*\(\s*" + _LABEL + r"\s*(?::|by\b)\s*(?P<credit>[^()]+?)\s*\)\s*$", re.I),
    re.compile(
        r"(?:^|(?<=[\s.;,|—–-]))" + _LABEL + r"\s*(?::|by\b)\s*(?P<credit>[^:]+?)\s*$", re.I
    ),
    re.compile(
        r"(?:^|(?<=[\s.;,|(]))(?P<credit>[A-Z][A-Z0-9&.\-]*(?: [A-Z][A-Z0-9&.\-]*)*(?: Photo)?"
        r"\s*/\s*[^\W\d_][^/()]{0,80}?)\s*\)?\s*$"
    ),
]


def parse_credit(caption: str) -> tuple[str, str, str] | None:
    """(agency, photographer, the caption without the credit) when the caption ends with one:
    "… REUTERS/Jane Doe", "… (Photo: Name/AGENCY)", "… Photo: Name", "Credit: …", "Image: …"."""
    caption = caption.strip()
    for pattern in _CREDIT_PATTERNS:
        match = pattern.search(caption)
        if match is None:
            continue
        credit = match.group("credit").strip()
        if not credit or len(credit.split()) > 8:
            continue
        agency, photographer = _split_credit(credit)
        if photographer and not photographer[0].isupper() and pattern is _CREDIT_PATTERNS[2]:
            continue
        rest = caption[: match.start()].rstrip(" |—–-(").strip()
        return agency, photographer, rest
    return None


def embed_url(url: str) -> str | None:
    """The canonical URL of a YouTube or Vimeo video (the players the site allows), else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    path = [piece for piece in parts.path.split("/") if piece]
    video = ""
    if host in ("youtube.com", "youtube-nocookie.com"):
        if path[:1] == ["watch"]:
            video = parse_qs(parts.query).get("v", [""])[0]
        elif len(path) >= 2 and path[0] in ("embed", "shorts", "live", "v"):
            video = path[1]
    elif host == "youtu.be" and path:
        video = path[0]
    if video:
        return f"https://www.youtube.com/watch?v={video}" if YOUTUBE_ID.fullmatch(video) else None
    if host == "vimeo.com" and path and path[-1].isdigit():
        return f"https://vimeo.com/{path[-1]}"
    if host == "vimeo.com" and len(path) >= 2 and path[-2].isdigit():  # an unlisted video
        return f"https://vimeo.com/{path[-2]}/{path[-1]}"
    if host == "player.vimeo.com" and len(path) >= 2 and path[0] == "video" and path[1].isdigit():
        return f"https://vimeo.com/{path[1]}"
    return None


def _social(url: str) -> str | None:
    try:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
    except ValueError:
        return None
    for known, name in SOCIAL_HOSTS.items():
        if host == known or host.endswith("." + known):
            return name
    return None


def _footnote_uid(source_id: str) -> str:
    try:
        return str(uuid.UUID(source_id))
    except ValueError:  # not a UUID: one made from it, the same on every run
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"wordpress-footnote:{source_id}"))


def _outer(element) -> str:
    return lxml.html.tostring(element, encoding="unicode", with_tail=False)


def _inner(element) -> str:
    parts = [html.escape(element.text or "", quote=False)]
    parts.extend(lxml.html.tostring(child, encoding="unicode") for child in element)
    return "".join(parts)


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _is_structural(element) -> bool:
    if not isinstance(element.tag, str):
        return False
    if element.tag.lower() in STRUCTURAL:
        return True
    return any(
        isinstance(child.tag, str) and child.tag.lower() in STRUCTURAL
        for child in element.iterdescendants()
    )


class _Converter:
    def __init__(self, *, site_url: str, attachments_by_url: dict[str, str] | None):
        self.site_url = site_url
        self.attachments = attachments_by_url or {}
        self.body = Body()
        self.footnote_uids: dict[str, str] = {}
        self.referenced: set[str] = set()

    # Footnotes ------------------------------------------------------------------------------

    def read_footnotes(self, meta: str | None) -> None:
        if not meta:
            return
        try:
            notes = json.loads(meta)
        except ValueError as error:
            self.body.problems.append(
                f"the footnotes (post meta `footnotes`) are not JSON: {error}"
            )
            return
        if not isinstance(notes, list):
            self.body.problems.append("the footnotes (post meta `footnotes`) are not a list")
            return
        for number, note in enumerate(notes, start=1):
            if not isinstance(note, dict) or not note.get("id"):
                self.body.problems.append(f"footnote {number} has no id and was left out")
                continue
            uid = _footnote_uid(str(note["id"]))
            self.footnote_uids[str(note["id"])] = uid
            text = clean_rich_text(
                f"<p>{note.get('content') or ''}</p>", site_url=self.site_url, tags=QUOTE_TAGS
            )
            self.body.footnotes.append(Footnote(uid=uid, text=text))

    def _footnote_references(self, root) -> None:
        for sup in list(root.iter("sup")):
            source_id = sup.get("data-fn")
            if source_id is None:
                continue
            uid = self.footnote_uids.get(source_id)
            replacement = None
            if uid is None:
                self.body.problems.append(
                    f"a footnote reference names a footnote the post does not have: {source_id}"
                )
            else:
                self.referenced.add(uid)
                replacement = etree.Element("footnote", id=uid)
                replacement.text = f"[{uid[:6]}]"
            parent = sup.getparent()
            if replacement is not None:
                replacement.tail = sup.tail
                parent.replace(sup, replacement)
            else:
                previous = sup.getprevious()
                if previous is not None:
                    previous.tail = (previous.tail or "") + (sup.tail or "")
                else:
                    parent.text = (parent.text or "") + (sup.tail or "")
                parent.remove(sup)

    # Blocks out -----------------------------------------------------------------------------

    def _add(self, kind: str, value) -> None:
        self.body.blocks.append({"type": kind, "value": value})

    def _paragraph(self, markup: str) -> None:
        text = clean_rich_text(markup, site_url=self.site_url)
        if not text:
            return
        if not text.startswith(("<p>", "<ul>", "<ol>")):
            text = f"<p>{text}</p>"
        self._add("paragraph", text)

    def _heading(self, text: str, level: str) -> None:
        text = clean_text(text)
        if not text:
            return
        if len(text) > HEADING_MAX:
            self.body.problems.append(f"a heading too long for one was kept as a paragraph: {text}")
            self._paragraph(f"<p><b>{html.escape(text)}</b></p>")
            return
        self._add("heading", {"text": text, "level": level})

    def _image(self, img, caption_markup: str = "", key_hint: str = "") -> None:
        key = img.get("data-media-key") or ""
        if not key:
            found = WP_IMAGE_CLASS.search(img.get("class") or "")
            key = found.group(1) if found else ""
        key = key or img.get("data-id") or key_hint
        src = (img.get("src") or img.get("data-src") or img.get("data-lazy-src") or "").strip()
        url = urljoin(self.site_url, src) if src else ""
        if not key and url:
            for candidate in (url, original_upload_url(url)):
                key = key or self.attachments.get(candidate) or ""
        caption = clean_text(caption_markup)
        credit = {}
        if img.get("data-credit") or img.get("data-credit-user"):
            credit = {
                "photographer": img.get("data-credit") or "",
                "agency": "",
                "user_id": img.get("data-credit-user") or "",
                "link": img.get("data-credit-link") or "",
                "parsed": False,
            }
        elif caption and (parsed := parse_credit(caption)):
            agency, photographer, caption = parsed
            credit = {"photographer": photographer, "agency": agency, "parsed": True}
        overflow = ""
        if len(caption) > CAPTION_MAX:
            self.body.problems.append("a caption too long for a photo was kept as a paragraph")
            overflow, caption = caption, ""
        if key:
            value = {"media_key": str(key), "caption": caption}
            if str(key) not in self.body.media_keys:
                self.body.media_keys.append(str(key))
        elif url:
            value = {"media_url": url, "caption": caption}
            if url not in self.body.media_urls:
                self.body.media_urls.append(url)
        else:
            self.body.problems.append(f"a photo with no source was left out: {_outer(img)}")
            return
        if credit:
            self.body.media_credits[value.get("media_key") or url] = credit
        self._add("image", value)
        if overflow:
            self._paragraph(f"<p><i>{html.escape(overflow)}</i></p>")

    def _embed(self, url: str, caption: str = "", kind: str = "embed", auto=False) -> bool:
        """An embed block for an allowed player; a link and a problem for anything else.
        A URL alone in a paragraph (`auto`) that no service would show stays a paragraph."""
        url = html.unescape(url).strip()
        canonical = embed_url(url) if kind in ("embed", "video") else None
        if canonical:
            self._add("embed", {"embed": canonical, "caption": caption[:EMBED_CAPTION_MAX]})
            return True
        service = _social(url)
        if auto and not service:
            return False
        link = html.escape(url)
        self._paragraph(f'<p><a href="{link}">{link}</a></p>')
        if caption:
            self._paragraph(f"<p>{html.escape(caption)}</p>")
        if kind in ("audio", "video"):
            article = "an" if kind == "audio" else "a"
            reason = f"{article} {kind} file is kept as a link: Masthead has no {kind} player"
        else:
            reason = f"an embed from {service or 'a service without an allowed player'} is kept "
            reason += "as a link: only YouTube and Vimeo players are allowed"
        self.body.problems.append(f"{reason} ({url})")
        return True

    def _table(self, table, caption_markup: str = "") -> None:
        rows, header_row = [], False
        for index, tr in enumerate(table.iter("tr")):
            cells = []
            for cell in tr:
                if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                    continue
                cells.append(clean_text(_inner(cell)))
                span = cell.get("colspan") or "1"
                cells.extend([""] * (min(int(span), 50) - 1 if span.isdigit() else 0))
            if not cells:
                continue
            kinds = {cell.tag.lower() for cell in tr if isinstance(cell.tag, str)}
            parent = tr.getparent()
            if index == 0 and (kinds == {"th"} or (parent is not None and parent.tag == "thead")):
                header_row = True
            rows.append((cells, tr))
        if not rows:
            return
        width = max(len(cells) for cells, _ in rows)
        body_rows = [tr for _, tr in rows[1 if header_row else 0 :]]
        header_column = bool(body_rows) and all(
            len(tr) and isinstance(tr[0].tag, str) and tr[0].tag.lower() == "th" for tr in body_rows
        )
        caption = table.find("caption")
        caption_text = clean_text(_inner(caption)) if caption is not None else ""
        self._add(
            "table",
            {
                "caption": caption_text or clean_text(caption_markup),
                "header_row": header_row,
                "header_column": header_column,
                "rows": [cells + [""] * (width - len(cells)) for cells, _ in rows],
            },
        )

    def _quote(self, quote, pull: bool = False) -> None:
        classes = _classes(quote)
        if classes & SOCIAL_EMBED_CLASSES:
            links = [a.get("href") for a in quote.iter("a") if a.get("href")]
            if links:
                self._embed(links[-1])
            return
        attribution = ""
        for cite in list(quote.iter("cite", "footer")):
            attribution = attribution or clean_text(_inner(cite))
            cite.drop_tree()
        for img in list(quote.iter("img")):
            self._image(img)
            img.drop_tree()
        if pull:
            text = " ".join(clean_text(_inner(p)) for p in quote.iter("p")) or clean_text(
                _inner(quote)
            )
            if text:
                self._add("pull_quote", {"text": text, "attribution": attribution[:200]})
            return
        text = clean_rich_text(_inner(quote), site_url=self.site_url, tags=QUOTE_TAGS)
        if not text:
            return
        if not text.startswith("<p>"):
            text = f"<p>{text}</p>"
        self._add("quote", {"text": text, "attribution": attribution[:ATTRIBUTION_MAX]})

    # HTML walking ---------------------------------------------------------------------------

    def html(self, markup: str, key_hint: str = "") -> None:
        markup = CONTROL_CHARS.sub("", markup)
        if not markup.strip():
            return
        expanded = expand_shortcodes(markup)
        for name in expanded.unknown:
            if name not in self.body.unknown_shortcodes:
                self.body.unknown_shortcodes.append(name)
        self.body.problems.extend(expanded.problems)
        root = lxml.html.fragment_fromstring(expanded.html, create_parent="div")
        self._footnote_references(root)
        self._key_hint = key_hint
        self._walk(root)

    def classic(self, markup: str) -> None:
        self.html(shortcode_unautop(wpautop(markup)))

    def _walk(self, element) -> None:
        run = [html.escape(element.text or "", quote=False)]
        for child in element:
            if _is_structural(child):
                self._flush(run)
                run = []
                self._element(child)
            elif isinstance(child.tag, str):
                run.append(_outer(child))
            run.append(html.escape(child.tail or "", quote=False))
        self._flush(run)

    def _flush(self, run: list[str]) -> None:
        markup = "".join(run)
        if not markup.strip():
            return
        bare = BARE_URL.fullmatch(markup)
        if bare and self._embed(bare.group(1), auto=True):
            return
        self._paragraph(f"<p>{markup}</p>")

    def _element(self, element) -> None:
        tag = element.tag.lower()
        classes = _classes(element)
        if tag in DROPPED:
            return
        if tag in ("h1", "h2"):
            self._heading(_inner(element), "h2")
        elif tag in ("h3", "h4", "h5", "h6"):
            self._heading(_inner(element), "h3")
        elif tag in ("ul", "ol") and not any(True for _ in element.iter("img", "figure", "table")):
            self._paragraph(_outer(element))
        elif tag == "blockquote":
            self._quote(element, pull="wp-block-pullquote" in classes)
        elif tag == "figure" or "wp-caption" in classes:
            self._figure(element, classes)
        elif tag == "img":
            self._image(element, key_hint=self._key_hint)
        elif tag == "table":
            self._table(element)
        elif tag in ("iframe", "video", "audio", "object"):
            self._media_element(element, tag)
        elif tag == "pre":
            text = html.escape(element.text_content().strip("\n")).replace("\n", "<br>")
            self._paragraph(f"<p>{text}</p>")
        else:
            self._walk(element)

    def _media_element(self, element, tag: str) -> None:
        src = element.get("src") or element.get("data") or ""
        if not src:
            source = next(element.iter("source"), None)
            src = source.get("src", "") if source is not None else ""
        if not src:
            return
        url = urljoin(self.site_url, src)
        if tag in ("video", "audio"):
            self._embed(url, kind=tag)
        elif embed_url(url) or _social(url):
            self._embed(url)
        else:  # a frame from anywhere else: its page could run anything
            self.body.problems.append(
                f"an {tag} from a site without an allowed player was left out ({url})"
            )

    def _figure(self, figure, classes: set[str]) -> None:
        caption_el = next(
            (c for c in figure if isinstance(c.tag, str) and c.tag.lower() == "figcaption"), None
        )
        if caption_el is None and "wp-caption" in classes:
            caption_el = next(
                (c for c in figure.iter("p") if "wp-caption-text" in _classes(c)), None
            )
        caption = _inner(caption_el) if caption_el is not None else ""
        if caption_el is not None:
            caption_el.drop_tree()
        if figure.get("data-embed-url"):
            self._embed(figure.get("data-embed-url"), clean_text(caption), figure.get("data-kind"))
            return
        if "wp-block-pullquote" in classes:
            for quote in figure.iter("blockquote"):
                self._quote(quote, pull=True)
            return
        if "wp-block-embed" in classes:
            wrapper = next(
                (d for d in figure.iter("div") if "wp-block-embed__wrapper" in _classes(d)), figure
            )
            frame = next(wrapper.iter("iframe"), None)
            url = wrapper.text_content().strip() or (frame.get("src", "") if frame else "")
            if url:
                self._embed(url, clean_text(caption))
            return
        tables = list(figure.iter("table"))
        images = list(figure.iter("img"))
        if len(tables) == 1 and not images:
            self._table(tables[0], caption)
        elif len(images) == 1 and not tables and not list(figure.iter("figure"))[1:]:
            self._image(images[0], caption, key_hint=self._key_hint)
        else:
            self._walk(figure)
            if clean_text(caption):
                self._paragraph(f"<p><i>{html.escape(clean_text(caption))}</i></p>")

    # Gutenberg blocks -----------------------------------------------------------------------

    def block(self, block: ParsedBlock) -> None:
        name = block.blockName
        attrs = block.attrs
        if name is None:
            self.classic(block.innerHTML)
        elif name in DROPPED_BLOCKS:
            return
        elif name in CLASSIC_BLOCKS:
            self.classic(block_html(block))
        elif name in RICH_BLOCKS:
            markup = block_html(block)
            self.html(f"<ul>{markup}</ul>" if name == "core/list-item" else markup)
        elif name == "core/heading":
            level = attrs.get("level", 2)
            self._heading(block_html(block), "h2" if level in (1, 2) else "h3")
        elif name == "core/image":
            self.html(block_html(block), key_hint=str(attrs.get("id") or ""))
        elif name == "core/gallery" and block.innerBlocks:
            for inner in block.innerBlocks:
                self.block(inner)
            self.html(re.sub(r"(?s)<figure[^>]*>(.*)</figure>", r"\1", block.innerHTML))
        elif name == "core/gallery":
            markup = block_html(block)
            if "<img" not in markup:
                ids = [html.escape(str(key)) for key in attrs.get("ids") or []]
                markup = "".join(f'<figure><img data-media-key="{key}"></figure>' for key in ids)
            self.html(markup)
        elif name in ("core/embed", "core/video", "core/audio") or name.startswith("core-embed/"):
            markup = block_html(block)
            if attrs.get("url") and "<figure" not in markup:
                self._embed(attrs["url"])
            else:
                self.html(markup)
        elif name in ("core/media-text", "core/cover"):
            media_id = str(attrs.get("mediaId") or attrs.get("id") or "")
            url = attrs.get("mediaUrl") or attrs.get("url") or ""
            if media_id or url:
                self._image(etree.Element("img", src=url), key_hint=media_id)
            for inner in block.innerBlocks:
                self.block(inner)
        elif name in ("core/preformatted", "core/code", "core/verse", "core/table"):
            self.html(block_html(block))
        elif name in ("core/quote", "core/pullquote"):
            self.html(block_html(block))
        elif name in FLATTENED_BLOCKS or block.innerBlocks:
            # Its own HTML around the inner blocks (a box's title, say) is kept in place.
            inner_blocks = iter(block.innerBlocks)
            for piece in block.innerContent:
                if piece is None:
                    self.block(next(inner_blocks))
                else:
                    self.html(piece)
        elif clean_text(block.innerHTML):
            self.body.problems.append(f"a block of an unknown kind was kept as text: {name}")
            self.html(block.innerHTML)
        else:
            self.body.problems.append(f"a block with no content of its own was left out: {name}")

    def finish(self) -> Body:
        for block in self.body.blocks:
            value = block["value"]
            markup = value if block["type"] == "paragraph" else None
            if block["type"] == "quote":
                markup = value["text"]
            for link in links_in(markup or ""):
                if is_old_site_link(link, self.site_url) and link not in self.body.links:
                    self.body.links.append(link)
        for note in self.body.footnotes:
            for link in links_in(note.text):
                if is_old_site_link(link, self.site_url) and link not in self.body.links:
                    self.body.links.append(link)
            if note.uid not in self.referenced:
                self.body.problems.append(f"a footnote is never referenced in the text: {note.uid}")
        return self.body


def convert_body(
    content: str,
    *,
    site_url: str,
    attachments_by_url: dict[str, str] | None = None,
    footnotes_meta: str | None = None,
) -> Body:
    """A post's content (block editor or classic) as body blocks, with what it names and lost."""
    converter = _Converter(site_url=site_url, attachments_by_url=attachments_by_url)
    converter.read_footnotes(footnotes_meta)
    content = content or ""
    if has_blocks(content):
        for block in parse_blocks(content):
            try:
                converter.block(block)
            except (ValueError, etree.LxmlError) as error:
                converter.body.problems.append(
                    f"a {block.blockName or 'classic'} block could not be read and was left "
                    f"out: {error}"
                )
    else:
        try:
            converter.classic(content)
        except (ValueError, etree.LxmlError) as error:
            converter.body.problems.append(f"the content could not be read: {error}")
    return converter.finish()
