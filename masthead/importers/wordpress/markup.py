"""WordPress post HTML walked element by element into Masthead's body blocks.

Shortcodes are expanded first, as WordPress does when it shows a post. Paragraphs, headings,
lists, quotes, photos, tables and embeds each become a block, and every piece of rich text is
sanitised to what the editor allows. Photos are named by their attachment id when the markup or
`attachments_by_url` gives one, and by URL otherwise. `bodies` adds the block editor's blocks.
"""

import html
import re
from urllib.parse import urljoin

import lxml.html

from masthead.importers.credits import parse_credit
from masthead.importers.embeds import embed_url, social_service
from masthead.importers.records import Body
from masthead.importers.sanitise import QUOTE_TAGS, clean_rich_text, clean_text
from masthead.importers.wordpress.classic import wpautop
from masthead.importers.wordpress.footnotes import replace_references
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
SOCIAL_EMBED_CLASSES = {"twitter-tweet", "instagram-media", "tiktok-embed", "fb-post"}
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
BARE_URL = re.compile(r"\s*(https?://[^\s<>\"]+)\s*")
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
SCALED_SUFFIX = re.compile(r"-(?:scaled|rotated)(?=\.\w+$)")


def original_upload_url(url: str) -> str:
    """The original upload's URL for a resized (`-300x200`) or `-scaled`/`-rotated` copy."""
    base = url.split("?", 1)[0].split("#", 1)[0]
    return SCALED_SUFFIX.sub("", SIZE_SUFFIX.sub("", base))


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


class HtmlWalker:
    """Collects the blocks of one body as its HTML is walked; `body` holds the result."""

    def __init__(self, *, site_url: str, attachments_by_url: dict[str, str] | None):
        self.site_url = site_url
        self.attachments = attachments_by_url or {}
        self.body = Body()
        self.footnote_uids: dict[str, str] = {}  # a footnote's source id → its uid
        self.referenced: set[str] = set()
        self._key_hint = ""

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
        service = social_service(url)
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
        replace_references(root, self.footnote_uids, self.referenced, self.body.problems)
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
        elif embed_url(url) or social_service(url):
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
