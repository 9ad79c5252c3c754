"""Ghost's post bodies as plain HTML: its Lexical (Ghost 5) and mobiledoc (Ghost 1–4)
documents drawn, and the cards in its own HTML reduced to what `convert_body` reads.

The common nodes and cards are drawn (paragraphs, headings, lists, quotes, photos, galleries,
embeds, bookmarks, code, rules); a card that means nothing off Ghost (a signup form, a block
shown only in emails) is left out. An HTML card keeps its text only, never markup that could
run. Markdown cards go through a small reader of the common syntax (`markdown`), and mobiledoc
documents through `mobiledoc`; both have their cards and HTML drawn here. Losses go to `problems`.
"""

import html
import json
import re

import lxml.html
from lxml import etree

from masthead.importers.embeds import embed_url
from masthead.importers.ghost.markdown import draw_markdown
from masthead.importers.ghost.mobiledoc import draw_mobiledoc
from masthead.importers.sanitise import clean_markup, clean_text
from masthead.importers.wordpress.markup import CONTROL_CHARS  # lxml refuses them

INLINE_TAGS = {"a", "b", "i", "strong", "em", "u", "s", "code", "sub", "sup", "br"}
BLOCK_TAGS = INLINE_TAGS | {"p", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "pre"}
LINKS = {"a": {"href"}}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Lexical keeps a text's formatting as bits: bold 1, italic 2, strikethrough 4, underline 8...
TEXT_FORMATS = (
    (1, "strong"),
    (2, "em"),
    (4, "s"),
    (8, "u"),
    (16, "code"),
    (32, "sub"),
    (64, "sup"),
)
INLINE_KINDS = {"text", "linebreak", "tab", "link", "autolink", "at-link", "hashtag"}
CARD_NAMES = {"codeblock": "code", "horizontalrule": "hr", "card-markdown": "markdown"}
EMAIL_ONLY = "a block shown only in emails"
LEFT_OUT = {
    "paywall": "", "preview": "", "signup": "a signup form", "email": EMAIL_ONLY,
    "email-cta": EMAIL_ONLY, "collection": "a list of the site's posts",
    "transistor": "a podcast player", "nft": "an NFT card",
}  # fmt: skip
HTML_CARD = re.compile(
    r"<!--\s*kg-card-begin:\s*html\s*-->(.*?)<!--\s*kg-card-end:\s*html\s*-->", re.S
)


def _attr(value) -> str:
    return html.escape(str(value or ""), quote=True)


def _caption(markup) -> str:
    return clean_markup(str(markup or ""), tags=INLINE_TAGS, attributes=LINKS)


def _figcaption(markup) -> str:
    caption = _caption(markup)
    return f"<figcaption>{caption}</figcaption>" if clean_text(caption) else ""


def _children(node) -> list[dict]:
    children = node.get("children") if isinstance(node, dict) else None
    return [child for child in children if isinstance(child, dict)] if children else []


def _kind(node: dict) -> str:
    return str(node.get("type") or "").removeprefix("extended-")


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


class Renderer:
    """Draws one body; `problems` receives what could not be drawn, each said once."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems

    def note(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def load(self, document, what: str) -> dict | None:
        if isinstance(document, str):
            try:
                document = json.loads(document)
            except ValueError as error:
                self.note(f"its {what} body cannot be read ({error}); it is imported empty")
                return None
        if not isinstance(document, dict):
            self.note(f"its {what} body is not a {what} document; it is imported empty")
            return None
        return document

    # Lexical --------------------------------------------------------------------------------

    def lexical(self, document) -> str:
        data = self.load(document, "Lexical")
        root = data.get("root") if data else None
        if data is not None and not isinstance(root, dict):
            self.note("its Lexical body has no root; it is imported empty")
        return "\n".join(filter(None, (self.lexical_block(n) for n in _children(root or {}))))

    def lexical_block(self, node: dict) -> str:
        kind = _kind(node)
        if kind == "paragraph":
            inner = self.lexical_inline(node)
            return f"<p>{inner}</p>" if inner.strip() else ""
        if kind == "heading":
            tag = node.get("tag") if node.get("tag") in HEADINGS else "h2"
            return f"<{tag}>{self.lexical_inline(node)}</{tag}>"
        if kind in ("quote", "aside"):
            return f"<blockquote><p>{self.lexical_inline(node)}</p></blockquote>"
        if kind == "list":
            return self.lexical_list(node)
        children = _children(node)
        if any(_kind(child) in INLINE_KINDS for child in children):
            inner = self.lexical_inline(node)  # a kind of paragraph Ghost may add later
            return f"<p>{inner}</p>" if inner.strip() else ""
        if children:  # a container: its content, without it
            return "\n".join(filter(None, (self.lexical_block(child) for child in children)))
        return self.card(kind, node)

    def lexical_list(self, node: dict) -> str:
        tag = "ol" if node.get("listType") == "number" or node.get("tag") == "ol" else "ul"
        items = []
        for item in _children(node):
            nested = [self.lexical_list(c) for c in _children(item) if _kind(c) == "list"]
            items.append(f"<li>{self.lexical_inline(item)}{''.join(nested)}</li>")
        return f"<{tag}>{''.join(items)}</{tag}>" if items else ""

    def lexical_inline(self, node: dict) -> str:
        out = []
        for child in _children(node):
            kind = _kind(child)
            if kind == "text":
                out.append(self.formatted(child))
            elif kind == "linebreak":
                out.append("<br>")
            elif kind == "tab":
                out.append(" ")
            elif kind in ("link", "autolink", "at-link"):
                inner = self.lexical_inline(child) or html.escape(str(child.get("url") or ""))
                out.append(f'<a href="{_attr(child.get("url"))}">{inner}</a>')
            elif kind != "list":
                out.append(self.lexical_inline(child) or html.escape(str(child.get("text") or "")))
        return "".join(out)

    @staticmethod
    def formatted(node: dict) -> str:
        text = html.escape(str(node.get("text") or ""), quote=False)
        bits = node.get("format")
        bits = bits if isinstance(bits, int) else 0
        for bit, tag in TEXT_FORMATS:
            if bits & bit:
                text = f"<{tag}>{text}</{tag}>"
        return text

    # Mobiledoc and Markdown, drawn by their own modules ---------------------------------------

    def mobiledoc(self, document) -> str:
        data = self.load(document, "mobiledoc")
        return "" if data is None else draw_mobiledoc(data, self.card, self.note)

    def markdown(self, text: str) -> str:
        return draw_markdown(text, self.html_card)

    # Cards (the same payloads in both formats) ----------------------------------------------

    def card(self, name: str, payload: dict) -> str:
        name = CARD_NAMES.get(name, name)  # Lexical's and mobiledoc's names for one card
        caption = _figcaption(payload.get("caption"))
        if name == "image":
            return self.figure([payload], payload.get("caption"))
        if name == "gallery":
            images = [image for image in payload.get("images") or [] if isinstance(image, dict)]
            return self.figure(images, payload.get("caption"))
        if name == "embed":  # a YouTube or Vimeo player; anything else, a link to it
            url = str(payload.get("url") or "")
            if not url:
                return self.html_card(payload.get("html"))
            if embed_url(url):
                return f'<figure><iframe src="{_attr(url)}"></iframe>{caption}</figure>'
            link = f'<p><a href="{_attr(url)}">{html.escape(url)}</a></p>'
            return link + (f"<p><i>{_caption(payload.get('caption'))}</i></p>" if caption else "")
        if name == "bookmark":
            url = str(payload.get("url") or "")
            metadata = payload.get("metadata") if isinstance(payload.get("metadata"), dict) else {}
            title = html.escape(str(metadata.get("title") or url))
            link = f'<p><a href="{_attr(url)}">{title}</a></p>' if url else ""
            return link + (f"<p><i>{_caption(payload.get('caption'))}</i></p>" if caption else "")
        if name == "html":
            return self.html_card(payload.get("html"))
        if name == "markdown":
            return self.markdown(str(payload.get("markdown") or ""))
        if name == "hr":
            return "<hr>"
        if name == "code":
            code = html.escape(str(payload.get("code") or ""), quote=False)
            return f"<pre><code>{code}</code></pre>" + (
                f"<p><i>{_caption(payload.get('caption'))}</i></p>" if caption else ""
            )
        if name == "callout":
            emoji = html.escape(str(payload.get("calloutEmoji") or ""))
            text = _caption(payload.get("calloutText"))
            return f"<p>{emoji} {text}</p>".replace("<p> ", "<p>") if clean_text(text) else ""
        if name == "toggle":
            heading = html.escape(clean_text(str(payload.get("heading") or "")))
            content = clean_markup(
                str(payload.get("content") or ""), tags=BLOCK_TAGS, attributes=LINKS
            )
            return (f"<h3>{heading}</h3>" if heading else "") + content
        if name in ("button", "header", "product", "call-to-action"):
            return self.boxed(payload)
        if name in ("video", "audio"):
            src = str(payload.get("src") or "")
            return f'<{name} src="{_attr(src)}"></{name}>{caption}' if src else ""
        if name == "file":
            src = str(payload.get("src") or "")
            title = payload.get("fileTitle") or payload.get("fileName") or src
            return f'<p><a href="{_attr(src)}">{html.escape(str(title))}</a></p>' if src else ""
        if name in LEFT_OUT:
            if LEFT_OUT[name]:
                self.note(f"{LEFT_OUT[name]} (a Ghost {name} card) was left out")
            return ""
        self.note(f"a Ghost card of a kind Masthead does not know was left out: {name}")
        return ""

    def figure(self, images: list[dict], caption) -> str:
        tags = []
        for image in images:
            if image.get("src"):
                attributes = f'src="{_attr(image["src"])}" alt="{_attr(image.get("alt"))}"'
                if image.get("title"):
                    attributes += f' title="{_attr(image["title"])}"'
                tags.append(f"<img {attributes}>")
        if not tags:
            self.note("a photo card with no picture was left out")
            return ""
        return f"<figure>{''.join(tags)}{_figcaption(caption)}</figure>"

    def boxed(self, payload: dict) -> str:
        """A header, product, button or call-to-action card: its words and its one link."""
        parts = []
        for key, tag in (("header", "h2"), ("productTitle", "h3"), ("subheader", "p")):
            text = clean_text(str(payload.get(key) or ""))
            parts.append(f"<{tag}>{html.escape(text)}</{tag}>" if text else "")
        for key in ("productDescription", "textValue"):
            parts.append(
                clean_markup(str(payload.get(key) or ""), tags=BLOCK_TAGS, attributes=LINKS)
            )
        url = payload.get("buttonUrl") or payload.get("productButtonUrl") or ""
        text = payload.get("buttonText") or payload.get("productButton") or url
        if url:
            parts.append(f'<p><a href="{_attr(url)}">{html.escape(str(text))}</a></p>')
        return "".join(parts)

    def html_card(self, markup) -> str:
        """An HTML card's text, as one paragraph; a YouTube or Vimeo player in it is kept."""
        markup = CONTROL_CHARS.sub("", str(markup or ""))
        if not markup.strip():
            return ""
        players = []
        try:
            root = lxml.html.fragment_fromstring(markup, create_parent="div")
            players = [frame.get("src", "") for frame in root.iter("iframe")]
        except (etree.ParserError, ValueError):
            pass
        frames = "".join(f'<iframe src="{_attr(u)}"></iframe>' for u in players if embed_url(u))
        text = clean_text(markup)
        if text and "<" in markup:
            self.note("an HTML card was kept as its text only; its markup is not imported")
        elif not text and not frames:
            self.note("an HTML card with no text (a script or a form) was left out")
        return (f"<p>{html.escape(text, quote=False)}</p>" if text else "") + frames

    # Ghost's own HTML -----------------------------------------------------------------------

    def tidy(self, markup: str, on_image=None) -> tuple[str, list[dict]]:
        """Ghost's HTML with its cards made plain, and the Markdown footnotes in it as
        WordPress's footnote records (`[{"id", "content"}]`, referenced by `<sup data-fn>`).
        `on_image(img)` may rewrite each photo left in the body."""
        markup = HTML_CARD.sub(lambda match: self.html_card(match.group(1)), markup)
        markup = CONTROL_CHARS.sub("", markup)
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
        for element in list(root.iter("figure", "div")):
            classes = _classes(element)
            if "kg-bookmark-card" in classes:
                _replace(element, _bookmark(element))
            elif "kg-audio-card" in classes:
                audio = next(element.iter("audio"), None)
                src = audio.get("src", "") if audio is not None else ""
                _replace(element, f'<audio src="{_attr(src)}"></audio>' if src else "")
            elif classes & {"kg-signup-card", "kg-email-card", "kg-email-cta-card"}:
                self.note("a signup form or a block shown only in emails was left out")
                _replace(element, "")
        notes = _markdown_footnotes(root)
        for img in root.iter("img"):
            if on_image is not None:
                on_image(img)
        return _inner(root), notes


def _inner(element) -> str:
    parts = [html.escape(element.text or "", quote=False)]
    parts.extend(lxml.html.tostring(child, encoding="unicode") for child in element)
    return "".join(parts)


def _text_of(element) -> str:
    return clean_text(_inner(element)) if element is not None else ""


def _bookmark(card) -> str:
    """A bookmark card as a link named by the page's title, and its caption."""
    link = next(card.iter("a"), None)
    url = link.get("href", "") if link is not None else ""
    title = next((e for e in card.iter() if "kg-bookmark-title" in _classes(e)), None)
    text = _text_of(title) or url
    caption = _text_of(card.find("figcaption"))
    markup = f'<p><a href="{_attr(url)}">{html.escape(text)}</a></p>' if url else ""
    return markup + (f"<p><i>{html.escape(caption)}</i></p>" if caption else "")


def _replace(element, markup: str) -> None:
    """Put `markup` (elements only) where `element` was, keeping the text after it."""
    if element.getparent() is None:
        return
    for piece in lxml.html.fragments_fromstring(markup) if markup else []:
        if not isinstance(piece, str):
            element.addprevious(piece)
    element.drop_tree()


def _markdown_footnotes(root) -> list[dict]:
    """Markdown footnotes (`<sup class="footnote-ref"><a href="#fn1">` and a closing
    `<section class="footnotes">`), card by card, as footnote records; each reference becomes a
    `<sup data-fn>`. Each Markdown card numbers its own from 1, so ids carry the card's number."""
    notes, pending, card = [], [], 0
    for element in list(root.iter("sup", "section")):
        classes = _classes(element)
        if element.tag == "sup" and "footnote-ref" in classes:
            pending.append(element)
        elif element.tag == "section" and "footnotes" in classes:
            card += 1
            found = {}
            for item in element.iter("li"):
                for back in [a for a in item.iter("a") if "footnote-backref" in _classes(a)]:
                    back.drop_tree()
                if item.get("id"):
                    found[item.get("id")] = " ".join(_inner(p) for p in item.iter("p")) or _inner(
                        item
                    )
            for sup in pending:
                link = sup.find("a")
                target = (link.get("href") or "").lstrip("#") if link is not None else ""
                if target in found:
                    note_id = f"md{card}-{target}"
                    for child in list(sup):
                        sup.remove(child)
                    sup.attrib.clear()
                    sup.set("data-fn", note_id)
                    sup.text = ""
                    if all(note["id"] != note_id for note in notes):
                        notes.append({"id": note_id, "content": found[target].strip()})
            pending = []
            previous = element.getprevious()
            if (
                previous is not None
                and previous.tag == "hr"
                and "footnotes-sep" in _classes(previous)
            ):
                previous.drop_tree()
            element.drop_tree()
    return notes
