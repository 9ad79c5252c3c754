"""Where an archive's files live: a folder, or a zip (an OUT ending in .zip).

Both are written one file at a time, line by line, and read the same way: nothing holds a
whole file in memory. A zip is written beside its name and moved into place once complete;
a folder gets its manifest last, so a folder without one is not (yet) an archive.
"""

import io
import json
import os
import shutil
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from masthead.importers.archive import MANIFEST, MEDIA, ArchiveError
from masthead.importers.archive.schema import safe_file_name

# The longest line a reader accepts: a page's revision with a long body is a few megabytes.
MAX_LINE_BYTES = 256 * 1024**2
MAX_MEMBER_BYTES = 64 * 1024**3


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class ArchiveWriter:
    def __init__(self, out: str | os.PathLike) -> None:
        self.out = Path(out)
        self.is_zip = self.out.suffix.lower() == ".zip"
        if self.out.exists() and (not self.out.is_dir() or any(self.out.iterdir())):
            raise ArchiveError(f"{self.out} already exists; name a new folder or .zip file")
        self.media_names: set[str] = set()
        if self.is_zip:
            self.partial = self.out.with_name(self.out.name + ".part")
            self.zip = zipfile.ZipFile(self.partial, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        else:
            self.out.mkdir(parents=True, exist_ok=True)

    @contextmanager
    def lines(self, name: str):
        """`with writer.lines("pages.jsonl") as write: write({...})`; counts what it wrote."""
        counter = {"lines": 0}
        with self._open(name, compress=True) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")

            def write(value: dict) -> None:
                text.write(dumps(value) + "\n")
                counter["lines"] += 1

            write.counter = counter
            yield write
            text.flush()
            text.detach()

    def media(self, name: str, source: BinaryIO) -> None:
        """Copy one stored file into media/, once however many rows name it."""
        if name in self.media_names:
            return
        self.media_names.add(name)
        with self._open(MEDIA + safe_file_name(name), compress=False) as target:
            shutil.copyfileobj(source, target, 1024 * 1024)

    def manifest(self, value: dict) -> None:
        with self._open(MANIFEST, compress=True) as raw:
            raw.write((json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode())

    @contextmanager
    def _open(self, name: str, *, compress: bool):
        if self.is_zip:
            info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            with self.zip.open(info, "w", force_zip64=True) as stream:
                yield stream
        else:
            path = self.out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "wb") as stream:
                yield stream

    def close(self) -> None:
        if self.is_zip:
            self.zip.close()
            os.replace(self.partial, self.out)

    def abandon(self) -> None:
        """An export that failed leaves no archive behind (a folder keeps no manifest)."""
        if self.is_zip:
            self.zip.close()
            self.partial.unlink(missing_ok=True)
        else:
            (self.out / MANIFEST).unlink(missing_ok=True)


class ArchiveReader:
    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.zip = None
        if self.path.is_dir():
            return
        try:
            self.zip = zipfile.ZipFile(self.path)
        except (OSError, zipfile.BadZipFile) as error:
            raise ArchiveError(f"{self.path} cannot be read as a zip file: {error}") from None
        self.members = {info.filename: info for info in self.zip.infolist()}
        for info in self.members.values():
            if info.file_size > MAX_MEMBER_BYTES:
                raise ArchiveError(f"{self.path}:{info.filename} is too big to restore")

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()

    def has(self, name: str) -> bool:
        if self.zip is not None:
            return name in self.members
        return (self.path / name).is_file()

    def open(self, name: str) -> BinaryIO:
        if self.zip is not None:
            return self.zip.open(name)
        return open(self.path / name, "rb")

    def open_media(self, name: str) -> BinaryIO:
        return self.open(MEDIA + safe_file_name(name))

    def read_manifest(self) -> dict:
        if not self.has(MANIFEST):
            raise ArchiveError(f"{self.path} has no {MANIFEST}: it is not a Masthead archive")
        try:
            with self.open(MANIFEST) as stream:
                manifest = json.loads(stream.read(1024 * 1024).decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise ArchiveError(f"{MANIFEST} cannot be read: {error}") from None
        if not isinstance(manifest, dict):
            raise ArchiveError(f"{MANIFEST} is not a JSON object")
        return manifest

    def lines(self, name: str):
        """(line number, decoded object) for each line of a JSON Lines file; ArchiveError naming
        the file and line for one that is not a JSON object."""
        if not self.has(name):
            return
        with self.open(name) as raw:
            stream: TextIO = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
            number = 0
            while True:
                number += 1
                try:
                    line = stream.readline(MAX_LINE_BYTES)
                except UnicodeDecodeError as error:
                    raise ArchiveError(f"{name}, line {number}: not UTF-8 ({error})") from None
                if not line:
                    return
                if not line.endswith("\n"):
                    if len(line) >= MAX_LINE_BYTES:
                        raise ArchiveError(f"{name}, line {number}: the line is too long")
                    raise ArchiveError(f"{name}, line {number}: the file stops mid-line")
                try:
                    value = json.loads(line)
                except ValueError as error:
                    raise ArchiveError(f"{name}, line {number}: not valid JSON ({error})") from None
                if not isinstance(value, dict):
                    raise ArchiveError(f"{name}, line {number}: not a JSON object")
                yield number, value
