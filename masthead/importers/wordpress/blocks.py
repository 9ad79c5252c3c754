"""WordPress's block parser, ported: Gutenberg's block comments read into a tree.

A post saved by the block editor is HTML with the blocks marked by comments:
`<!-- wp:paragraph {"align":"left"} --><p>…</p><!-- /wp:paragraph -->`, `<!-- wp:spacer /-->`,
`<!-- wp:newspack/donate -->`. WordPress reads them with one regular expression and a stack
(`WP_Block_Parser` in class-wp-block-parser.php); this module follows the same steps, so a post
with a broken comment comes out the way WordPress itself showed it:

- text outside any block becomes a freeform block (`blockName` None);
- a closer with nothing open ends parsing: the rest of the document is freeform;
- blocks still open at the end are closed there (an implicit closer);
- a closer closes the innermost open block whatever name it gives;
- a comment that does not match the grammar exactly (no space before `-->`, capitals in the
  name) is not a delimiter at all, only text;
- attributes that are not valid JSON object text become empty (WordPress gives null).
"""

import json
import re
from dataclasses import dataclass, field

# The same grammar as WordPress's tokenizer: `<!-- wp:name {json} -->`, `<!-- /wp:name -->`,
# `<!-- wp:name /-->`. The attribute part stops at the first `}` followed by whitespace and the
# end of the comment; the possessive loop keeps a broken comment from backtracking for ever.
TOKEN = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<namespace>[a-z][a-z0-9_-]*/)?(?P<name>[a-z][a-z0-9_-]*)\s+"
    r"(?P<attrs>\{(?:(?:[^}]+|\}+(?=\})|(?!\}\s+/?-->).)*+)?\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)


@dataclass
class ParsedBlock:
    """One block as WordPress's `parse_blocks()` returns it (the same keys, spelled the same)."""

    blockName: str | None
    attrs: dict = field(default_factory=dict)
    innerBlocks: list["ParsedBlock"] = field(default_factory=list)
    innerHTML: str = ""
    # The block's own HTML in pieces, with None where each inner block sits.
    innerContent: list[str | None] = field(default_factory=list)


@dataclass
class _Frame:
    block: ParsedBlock
    token_start: int
    token_length: int
    prev_offset: int
    leading_html_start: int | None


def _freeform(html: str) -> ParsedBlock:
    return ParsedBlock(None, {}, [], html, [html])


def _decode_attrs(text: str | None) -> dict:
    if text is None:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


class _Parser:
    def __init__(self, document: str):
        self.document = document
        self.offset = 0
        self.output: list[ParsedBlock] = []
        self.stack: list[_Frame] = []

    def parse(self) -> list[ParsedBlock]:
        while self._proceed():
            pass
        return self.output

    def _next_token(self):
        match = TOKEN.search(self.document, self.offset)
        if match is None:
            return "no-more-tokens", None, None, None, None
        name = (match["namespace"] or "core/") + match["name"]
        start, length = match.start(), match.end() - match.start()
        if match["void"]:
            return "void-block", name, _decode_attrs(match["attrs"]), start, length
        if match["closer"]:
            return "block-closer", name, None, start, length
        return "block-opener", name, _decode_attrs(match["attrs"]), start, length

    def _proceed(self) -> bool:
        kind, name, attrs, start, length = self._next_token()
        depth = len(self.stack)
        leading_html_start = self.offset if start is not None and start > self.offset else None

        if kind == "no-more-tokens":
            if depth == 0:
                self._add_freeform()
            while self.stack:
                self._add_block_from_stack()
            return False

        if kind == "void-block":
            block = ParsedBlock(name, attrs)
            if depth == 0:
                if leading_html_start is not None:
                    self.output.append(_freeform(self.document[leading_html_start:start]))
                self.output.append(block)
            else:
                self._add_inner_block(block, start, length)
            self.offset = start + length
            return True

        if kind == "block-opener":
            frame = _Frame(ParsedBlock(name, attrs), start, length, start + length, None)
            frame.leading_html_start = leading_html_start
            self.stack.append(frame)
            self.offset = start + length
            return True

        # A closer.
        if depth == 0:
            self._add_freeform()
            return False
        if depth == 1:
            self._add_block_from_stack(start)
            self.offset = start + length
            return True
        top = self.stack.pop()
        html = self.document[top.prev_offset : start]
        top.block.innerHTML += html
        top.block.innerContent.append(html)
        top.prev_offset = start + length
        self._add_inner_block(top.block, top.token_start, top.token_length, start + length)
        self.offset = start + length
        return True

    def _add_freeform(self) -> None:
        rest = self.document[self.offset :]
        if rest:
            self.output.append(_freeform(rest))

    def _add_inner_block(self, block, token_start, token_length, last_offset=None) -> None:
        parent = self.stack[-1]
        parent.block.innerBlocks.append(block)
        html = self.document[parent.prev_offset : token_start]
        if html:
            parent.block.innerHTML += html
            parent.block.innerContent.append(html)
        parent.block.innerContent.append(None)
        parent.prev_offset = last_offset if last_offset else token_start + token_length

    def _add_block_from_stack(self, end_offset: int | None = None) -> None:
        top = self.stack.pop()
        html = self.document[top.prev_offset : end_offset]
        if html:
            top.block.innerHTML += html
            top.block.innerContent.append(html)
        if top.leading_html_start is not None:
            self.output.append(_freeform(self.document[top.leading_html_start : top.token_start]))
        self.output.append(top.block)


def parse_blocks(document: str) -> list[ParsedBlock]:
    """The document's blocks, top level first, as WordPress's `parse_blocks()` reads them."""
    return _Parser(document).parse()


def has_blocks(document: str) -> bool:
    """Whether the content was saved by the block editor (it holds a block comment)."""
    return TOKEN.search(document) is not None


def block_html(block: ParsedBlock) -> str:
    """The block's whole HTML with its inner blocks' HTML put back where they sat."""
    inner = iter(block.innerBlocks)
    parts = []
    for piece in block.innerContent:
        if piece is None:
            child = next(inner, None)
            if child is not None:
                parts.append(block_html(child))
        else:
            parts.append(piece)
    return "".join(parts)
