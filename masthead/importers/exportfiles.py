"""Reading the files of an export that comes as a folder or a zip (Ghost's, Substack's).

`ExportFiles` reads a file by its name, whole or its first bytes, from the folder or from the
zip (under a `prefix` there, the folder in the zip that holds the export); nothing is extracted
to disk, and nothing is read past the caps `sources` sets: `sources.MAX_UNPACKED_BYTES` a file,
or for all the export's files together when the export is `pooled`. The caps are read from
`sources` when they are used, never copied, so there is one place that says them.
`csv_rows()` reads the CSV files such exports carry (Ghost's members, Substack's posts and
subscribers).
"""

import csv
import io
import zipfile
from pathlib import Path

from masthead.importers import sources
from masthead.importers.sources import ExportError


def is_zip(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) == sources.ZIP_MAGIC


def zip_names(path: Path, *, capped: tuple[str, ...] = ()) -> list[str]:
    """The names of the files in the zip at `path`. ExportError if it is not a readable zip, or
    if a file whose name ends in one of `capped` declares it unpacks past the cap (a read also
    counts, as a header can lie)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
    except zipfile.BadZipFile as error:
        raise ExportError(f"{path} is not a readable zip file: {error}") from None
    for info in infos:
        if info.file_size > sources.MAX_UNPACKED_BYTES and info.filename.lower().endswith(capped):
            raise ExportError(
                f"{path}:{info.filename} unpacks to more than {sources.MAX_UNPACKED_BYTES:,} "
                "bytes; it is refused as too big to be an export"
            )
    return [info.filename for info in infos]


def read_file(path: Path) -> bytes:
    """A file given on its own (not in the export's folder or zip), whole, within the cap."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(sources.MAX_UNPACKED_BYTES + 1)
    except OSError as error:
        raise ExportError(f"{path} cannot be read: {error}") from None
    _refuse_big(str(path), data)
    return data


def csv_rows(
    content: bytes,
    label: str,
    required: tuple[str, ...],
    *,
    lacking: str = "{label} lacks the column(s) {columns} in its first line",
) -> list[tuple[int, dict[str, str]]]:
    """(line, row) for each row of a CSV file, its columns' names in lower case; ExportError,
    saying `lacking`, if one of the `required` columns is missing."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExportError(f"{label} is not UTF-8 text ({error})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = {(name or "").strip().lower() for name in reader.fieldnames or []}
    missing = [column for column in required if column not in columns]
    if missing:
        raise ExportError(lacking.format(label=label, columns=", ".join(missing)))
    rows = []
    try:
        for row in reader:
            clean = {(k or "").strip().lower(): (v or "") for k, v in row.items() if k}
            rows.append((reader.line_num, clean))
    except csv.Error as error:
        raise ExportError(f"{label}, line {reader.line_num}: {error}") from None
    return rows


def _refuse_big(label: str, data: bytes) -> None:
    if len(data) > sources.MAX_UNPACKED_BYTES:
        raise ExportError(
            f"{label} is more than {sources.MAX_UNPACKED_BYTES:,} bytes unpacked; it is refused "
            "as too big to be an export (or a file built to exhaust the server)"
        )


class ExportFiles:
    """The files of an export at `path`: in `folder`, or in the zip `archive` under `prefix`.
    With `pooled`, the cap on what is read is for all the files together, not each one."""

    def __init__(
        self,
        path: Path,
        *,
        folder: Path | None = None,
        archive: Path | None = None,
        prefix: str = "",
        pooled: bool = False,
    ) -> None:
        self.path, self.folder, self.archive, self.prefix = path, folder or path, archive, prefix
        self.budget = sources.MAX_UNPACKED_BYTES if pooled else None  # what is left to read

    def label(self, name: str) -> str:
        """The file's name for messages: `export.zip:posts.csv`, or its path."""
        if self.archive:
            return f"{self.archive}:{self.prefix}{name}"
        return str(self.folder / name)

    def head(self, name: str, size: int) -> bytes:
        """The file's first `size` bytes (all of it, if it is shorter)."""
        try:
            if self.archive is None:
                with open(self.folder / name, "rb") as handle:
                    return handle.read(size)
            with zipfile.ZipFile(self.archive) as archive:
                with archive.open(self.prefix + name) as stream:
                    return stream.read(size)
        except (OSError, KeyError, zipfile.BadZipFile, RuntimeError) as error:
            raise ExportError(f"{self.label(name)} cannot be read: {error}") from None

    def read(self, name: str) -> bytes:
        """The whole file; ExportError if it takes what is read past the cap."""
        if self.budget is None:
            data = self.head(name, sources.MAX_UNPACKED_BYTES + 1)
            _refuse_big(self.label(name), data)
            return data
        data = self.head(name, self.budget + 1)
        if len(data) > self.budget:
            raise ExportError(
                f"{self.label(name)} takes the export past {sources.MAX_UNPACKED_BYTES:,} bytes "
                "unpacked; it is refused as too big to be an export"
            )
        self.budget -= len(data)
        return data
