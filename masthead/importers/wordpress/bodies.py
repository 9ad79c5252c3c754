"""A WordPress post's content turned into Masthead's body blocks (`core.blocks.BodyBlock`).

Block-editor content is read with the block parser and each block mapped on its own; classic
content (and classic or HTML blocks inside block content) goes through WordPress's paragraph
rules first, then `markup.HtmlWalker` walks the HTML into blocks. The block editor's footnotes
come from post meta (see `footnotes`).

Photos are named by their attachment id when the markup or `attachments_by_url` gives one, and
by URL otherwise; the writer swaps both for image ids. Nothing here touches the database.
"""

import html
import re

from lxml import etree

from masthead.importers.credits import parse_credit
from masthead.importers.embeds import embed_url
from masthead.importers.records import Body
from masthead.importers.sanitise import clean_text, is_old_site_link, links_in
from masthead.importers.wordpress.blocks import ParsedBlock, block_html, has_blocks, parse_blocks
from masthead.importers.wordpress.footnotes import read_footnotes
from masthead.importers.wordpress.markup import HtmlWalker, original_upload_url

__all__ = ["convert_body", "embed_url", "original_upload_url", "parse_credit"]

DROPPED_BLOCKS = {
    "core/separator", "core/spacer", "core/more", "core/nextpage", "core/footnotes",
}  # fmt: skip
CLASSIC_BLOCKS = {"core/html", "core/freeform", "core/shortcode"}
RICH_BLOCKS = {"core/paragraph", "core/list", "core/button", "core/list-item"}
FLATTENED_BLOCKS = {"core/group", "core/columns", "core/column", "core/buttons", "core/row"}


class _Converter(HtmlWalker):
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
        rich_texts = [
            block["value"] if block["type"] == "paragraph" else block["value"]["text"]
            for block in self.body.blocks
            if block["type"] in ("paragraph", "quote")
        ]
        rich_texts += [note.text for note in self.body.footnotes]
        for markup in rich_texts:  # links to the old site, to rewrite once it has moved
            for link in links_in(markup):
                if is_old_site_link(link, self.site_url) and link not in self.body.links:
                    self.body.links.append(link)
        for note in self.body.footnotes:
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
    converter.body.footnotes, converter.footnote_uids = read_footnotes(
        footnotes_meta, site_url=site_url, problems=converter.body.problems
    )
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
