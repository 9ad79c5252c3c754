"""The document layer of a WordPress export (WXR 1.0, 1.1, 1.2): parts, tags, items, fields.

`walk()` streams the children of `<channel>` with lxml's iterparse, each cleared once read, so
memory stays flat however long the export. Entities are never resolved, the network never
touched, and a document with a DOCTYPE is refused outright, before the parser sees it and again
when it starts. The field readers here (slugs, dates) are WordPress's own conventions.
"""

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO
from urllib.parse import unquote

from lxml import etree

from masthead.importers.sources import ExportError, ExportPart, export_parts

NAMESPACE_ROLES = (
    (re.compile(r"https?://wordpress\.org/export/1\.\d+/excerpt/?"), "excerpt"),
    (re.compile(r"https?://wordpress\.org/export/1\.\d+/?"), "wp"),
    (re.compile(r"https?://purl\.org/rss/1\.0/modules/content/?"), "content"),
    (re.compile(r"https?://purl\.org/dc/elements/1\.1/?"), "dc"),
    (re.compile(r"https?://wellformedweb\.org/CommentAPI/?"), "wfw"),
)
PROLOG_BYTES = 65536
# Atomic and possessive: each comment ends at its first "-->" for good. Without them, a lazy
# ".*?" may run on into the next comment, and the ways to split a prolog of block-editor
# comments grow exponentially (a normal modern export hung here).
PROLOG_DOCTYPE = re.compile(rb"(?>\s+|<\?.*?\?>|<!--.*?-->)*+<!DOCTYPE", re.DOTALL)
DOCTYPE_REFUSED = (
    "{name}: the export declares a DOCTYPE; WordPress exports never do, so it is refused"
)


Source = str | os.PathLike | ExportPart | Callable[[], BinaryIO]


def parts_of(paths: Source | Iterable[Source]) -> list[ExportPart]:
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


class Names:
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


class _Digesting:
    """A stream read through, every byte of it added to `digest` on the way."""

    def __init__(self, stream: BinaryIO, digest) -> None:
        self.stream, self.digest = stream, digest

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.digest.update(data)
        return data


def walk(part: ExportPart, digest=None) -> Iterator[tuple[str, etree._Element, Names]]:
    """Each child of <channel> (items, authors, terms…), fully read, then cleared away. With a
    hashlib `digest`, every byte the parser reads is added to it."""
    names = Names()
    _refuse_doctype(part)
    try:
        stream = part.open()
    except (OSError, EOFError) as error:
        raise ExportError(f"{part.name} cannot be read: {error}") from None
    with stream:
        events = etree.iterparse(
            stream if digest is None else _Digesting(stream, digest),
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
class Raw:
    line: int
    fields: dict[str, str]
    categories: list[tuple[str, str, str]]  # (domain, nicename, text)
    meta: dict[str, list[str]]

    def get(self, name: str) -> str:
        return self.fields.get(name, "")

    def meta1(self, key: str) -> str:
        values = self.meta.get(key)
        return values[0] if values else ""


def child_texts(elem: etree._Element, names: Names) -> dict[str, str]:
    return {names.short(child.tag): child.text or "" for child in elem}


def raw_item(elem: etree._Element, names: Names) -> Raw:
    raw = Raw(elem.sourceline or 0, {}, [], {})
    for child in elem:
        name = names.short(child.tag)
        if name == "category":
            domain = child.get("domain")
            if domain:
                raw.categories.append((domain, child.get("nicename", ""), child.text or ""))
        elif name == "wp:postmeta":
            pair = child_texts(child, names)
            raw.meta.setdefault(pair.get("wp:meta_key", ""), []).append(
                pair.get("wp:meta_value", "")
            )
        elif name not in raw.fields:
            raw.fields[name] = child.text or ""
    return raw


# --- fields ---------------------------------------------------------------------------------------


def unquote_slug(value: str) -> str:
    """WordPress keeps Unicode slugs percent-encoded: `%d0%bc%d0%b8%d1%80` is "мир"."""
    return unquote(value.strip())


def _invisible(text: str) -> list[str]:
    return sorted(
        {unicodedata.name(c, f"U+{ord(c):04X}") for c in text if unicodedata.category(c) == "Cf"}
    )


def flag_slug(slug: str, problems: list[str], what: str) -> None:
    hidden = _invisible(slug)
    if hidden:
        problems.append(
            f"{what} {slug!r} holds invisible or direction-changing characters "
            f"({', '.join(hidden)}); it is kept as it is — check it"
        )


def wp_date(text: str) -> datetime | None:
    """A naive datetime, None for an empty or 0000-00-00 date; ValueError for anything else."""
    text = text.strip()
    if not text or text.startswith("0000-00-00"):
        return None
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")


class IdSet:
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
