"""Opening an export: one file, a gzipped file, a zip of one or several files, or a folder.

WordPress splits big exports into several files (`site.wordpress.2024-05-01.000.xml`, `.001.xml`,
…); whichever way they arrive, `export_parts()` lists them in order as `ExportPart`s, each of
which opens a fresh binary stream, so a reader can go over the export twice without keeping it
in memory. Nothing is extracted to disk, and nothing is unpacked past `MAX_UNPACKED_BYTES`: a
small zip or gzip can hold gigabytes of repeated bytes (a "zip bomb").
"""

import gzip
import io
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

ZIP_MAGIC = b"PK\x03\x04"
GZIP_MAGIC = b"\x1f\x8b"
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
SNIFF_BYTES = 512
# The largest a compressed part may unpack to. WordPress's own exports of big archives run to a
# few hundred megabytes; past this the file is refused rather than churned through for hours.
MAX_UNPACKED_BYTES = 4 * 1024**3
MAX_ZIP_MEMBERS = 1000


class ExportError(Exception):
    """The export cannot be read at all: the message names the file (and the line, if known)."""


@dataclass(frozen=True)
class ExportPart:
    """One XML document of an export. `open()` returns a new binary stream; the caller closes it."""

    name: str  # for messages: "export.zip:site.000.xml"
    open: Callable[[], BinaryIO]


class _OwningStream(io.RawIOBase):
    """A readable stream that closes the things it was opened through (a zip, a gzip layer)
    and refuses to unpack more than `limit` bytes."""

    def __init__(self, name: str, limit: int, inner: BinaryIO, *owned) -> None:
        self._name = name
        self._limit = limit
        self._read = 0
        self._inner = inner
        self._owned = owned

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self._inner.readinto(buffer)
        self._read += count or 0
        if self._read > self._limit:
            raise ExportError(_too_big(self._name, self._limit))
        return count

    def close(self) -> None:
        if not self.closed:
            self._inner.close()
            for thing in reversed(self._owned):
                thing.close()
        super().close()


def _natural_key(name: str) -> list:
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]


def _is_export_name(name: str) -> bool:
    base = name.rsplit("/", 1)[-1].lower()
    return not base.startswith(".") and (base.endswith(".xml") or base.endswith(".xml.gz"))


def _too_big(name: str, limit: int) -> str:
    return (
        f"{name} unpacks to more than {limit:,} bytes; it is refused as too big to be an export "
        "(or a file built to exhaust the server)"
    )


def _limit(max_bytes: int | None) -> int:
    return MAX_UNPACKED_BYTES if max_bytes is None else max_bytes


def _open_file(path: Path, max_bytes: int | None = None) -> BinaryIO:
    raw = open(path, "rb")  # returned to the caller, who closes it
    if raw.read(2) == GZIP_MAGIC:
        raw.seek(0)
        return _OwningStream(str(path), _limit(max_bytes), gzip.GzipFile(fileobj=raw), raw)
    raw.seek(0)
    return raw


def _open_member(path: Path, member: str, max_bytes: int | None = None) -> BinaryIO:
    name, limit = f"{path}:{member}", _limit(max_bytes)
    archive = zipfile.ZipFile(path)
    stream = archive.open(member)
    if member.lower().endswith(".gz"):
        return _OwningStream(name, limit, gzip.GzipFile(fileobj=stream), stream, archive)
    return _OwningStream(name, limit, stream, archive)


def _check_xml(part: ExportPart) -> None:
    """Refuse early what is plainly not XML, rather than after a confusing parser message."""
    try:
        with part.open() as stream:
            head = stream.read(SNIFF_BYTES)
    except (OSError, EOFError, zipfile.BadZipFile, gzip.BadGzipFile) as error:
        raise ExportError(f"{part.name} cannot be read: {error}") from None
    body = head
    for bom in BOMS:
        if body.startswith(bom):
            return  # UTF-16 or a UTF-8 BOM: the XML parser knows these
    body = body.lstrip()
    if not body:
        raise ExportError(f"{part.name} is empty, not a WordPress export")
    if not body.startswith(b"<"):
        shown = body[:24].decode("ascii", "replace")
        raise ExportError(
            f"{part.name} is not an XML file (it begins {shown!r}); "
            "a WordPress export is the .xml file from Tools → Export"
        )


def export_parts(path: str | os.PathLike, *, max_bytes: int | None = None) -> list[ExportPart]:
    """The XML documents of an export at `path` (a file, .gz, .zip or folder), in order.
    A compressed part that unpacks past `max_bytes` (`MAX_UNPACKED_BYTES`) raises ExportError
    when it is read."""
    path = Path(path)
    if not path.exists():
        raise ExportError(f"{path} does not exist")
    if path.is_dir():
        files = sorted(
            (p for p in path.iterdir() if p.is_file() and _is_export_name(p.name)),
            key=lambda p: _natural_key(p.name),
        )
        if not files:
            raise ExportError(f"the folder {path} holds no .xml or .xml.gz export file")
        parts = [ExportPart(str(p), lambda p=p: _open_file(p, max_bytes)) for p in files]
    else:
        with open(path, "rb") as handle:
            magic = handle.read(4)
        if magic == ZIP_MAGIC:
            parts = _zip_parts(path, max_bytes)
        else:
            parts = [ExportPart(str(path), lambda: _open_file(path, max_bytes))]
    for part in parts:
        _check_xml(part)
    return parts


def _zip_parts(path: Path, max_bytes: int | None) -> list[ExportPart]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
    except zipfile.BadZipFile as error:
        raise ExportError(f"{path} is not a readable zip file: {error}") from None
    names = [info.filename for info in infos]
    wanted = [
        i for i in infos if _is_export_name(i.filename) and not i.filename.startswith("__MACOSX/")
    ]
    if len(wanted) > MAX_ZIP_MEMBERS:
        raise ExportError(
            f"{path} holds {len(wanted)} export files; more than {MAX_ZIP_MEMBERS} is refused"
        )
    for info in wanted:  # what the zip declares; the stream also counts, as a header can lie
        if info.file_size > _limit(max_bytes):
            raise ExportError(_too_big(f"{path}:{info.filename}", _limit(max_bytes)))
    members = sorted((i.filename for i in wanted), key=_natural_key)
    if not members:
        shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "") or "nothing"
        raise ExportError(f"{path} holds no .xml export file (it holds {shown})")
    return [
        ExportPart(f"{path}:{m}", lambda m=m: _open_member(path, m, max_bytes)) for m in members
    ]


@contextmanager
def open_export(path: str | os.PathLike) -> Iterator[Iterator[tuple[str, BinaryIO]]]:
    """`with open_export(path) as streams:` yields (name, stream) for each part, closing each."""

    def streams() -> Iterator[tuple[str, BinaryIO]]:
        for part in parts:
            with part.open() as stream:
                yield part.name, stream

    parts = export_parts(path)
    opened = streams()
    try:
        yield opened
    finally:
        opened.close()
