"""Restoring an archive into an empty site: read it all once to check it, then write it all.

The first pass reads every line of every file (flat memory, but for the sets of ids it has
seen) and refuses, naming the file and line, anything that would not restore: a line that is
not JSON, a value that does not fit its field, a row naming one the archive does not hold, a
file with fewer lines than the manifest says. Only then, in one transaction, is the site's
placeholder (Wagtail's "Welcome" page and its Site) replaced and every row written with its id,
as Django's `loaddata` writes them. The search and reference indexes are filled afterwards,
and the content version moves on.
"""

import time
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from masthead.importers.archive import FORMAT, MANIFEST, VERSION, ArchiveError
from masthead.importers.archive.check import check_archive
from masthead.importers.archive.container import ArchiveReader
from masthead.importers.archive.schema import KINDS
from masthead.importers.archive.site import finish_restore, refuse_unless_empty
from masthead.importers.archive.write import write_archive


def is_archive(path) -> bool:
    """Whether `path` is a Masthead archive (a folder or zip with a manifest), whatever its
    version: restore says so if it cannot read that version."""
    path = Path(path)
    if path.is_dir():
        return (path / MANIFEST).is_file()
    if path.is_file() and zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                return MANIFEST in archive.namelist()
        except (OSError, zipfile.BadZipFile):
            return False
    return False


@dataclass
class Restored:
    lines: Counter = field(default_factory=Counter)  # by file
    pages: Counter = field(default_factory=Counter)  # articles, pages, drafts
    media: int = 0
    seconds: float = 0.0

    def report_counts(self) -> dict[str, int]:
        """The counts of the importers' report line (writer/report.py)."""
        return {
            "items": self.pages["articles"] + self.pages["pages"],
            "articles": self.pages["articles"],
            "pages": self.pages["pages"],
            "authors": self.lines["authors.jsonl"],
            "images": self.lines["images.jsonl"],
            "redirects": self.lines["redirects.jsonl"] + self.lines["long_redirects.jsonl"],
            "drafts": self.pages["drafts"],
            "skipped": 0,
        }

    def detail_line(self) -> str:
        counts = " ".join(f"{name.removesuffix('.jsonl')}={n}" for name, n in self.lines.items())
        return f"archive: {counts} media={self.media}"


def restore_archive(
    *, path, dry_run: bool = False, echo: Callable[[str], None] | None = None
) -> Restored:
    """Check the archive at `path` and, unless `dry_run`, restore it into this (empty) site."""
    started = time.monotonic()
    reader = ArchiveReader(path)
    try:
        manifest = _manifest(reader)
        refuse_unless_empty()
        result = Restored()
        check_archive(reader, manifest, result)
        if echo:
            echo(f"{path}: a Masthead archive of {manifest.get('created_at', 'an unknown date')}")
        if not dry_run:
            write_archive(reader)
            try:
                finish_restore(echo)
            except Exception as error:
                raise ArchiveError(
                    f"the archive was restored, but the indexes could not be filled ({error}): "
                    "run `manage.py update_index` and `manage.py rebuild_references_index`"
                ) from error
    finally:
        reader.close()
    result.seconds = time.monotonic() - started
    return result


def _manifest(reader: ArchiveReader) -> dict:
    manifest = reader.read_manifest()
    if manifest.get("format") != FORMAT:
        raise ArchiveError(
            f"{MANIFEST} says format {manifest.get('format')!r}, not {FORMAT!r}: "
            "this is not a Masthead archive; nothing was changed"
        )
    if manifest.get("version") != VERSION:
        raise ArchiveError(
            f"this is a Masthead archive of version {manifest.get('version')!r}, and this "
            f"Masthead restores version {VERSION} only (a newer Masthead may restore it); "
            "nothing was changed"
        )
    files = manifest.get("files")
    known = {kind.file for kind in KINDS}
    if not isinstance(files, dict) or not all(
        isinstance(n, int) and not isinstance(n, bool) for n in files.values()
    ):
        raise ArchiveError(f"{MANIFEST} has no counts of its files; nothing was changed")
    unknown = sorted(set(files) - known)
    if unknown:
        raise ArchiveError(
            f"{MANIFEST} lists files version {VERSION} does not have ({', '.join(unknown)}); "
            "nothing was changed"
        )
    return manifest


def restore_command(command, path, *, dry_run: bool = False) -> None:
    """What `manage.py import_content ARCHIVE` does: restore, then the report's last line
    (the same `import: …` line as any other import, writer/report.py)."""
    from django.core.management.base import CommandError

    from masthead.importers.writer.report import Report

    try:
        result = restore_archive(path=path, dry_run=dry_run, echo=command.stderr.write)
    except ArchiveError as error:
        raise CommandError(str(error)) from error
    report = Report()
    report.counts.update(result.report_counts())
    if dry_run:
        command.stdout.write("Dry run: the archive can be restored; nothing was written.")
    command.stdout.write(result.detail_line())
    command.stdout.write(report.line(result.seconds))
