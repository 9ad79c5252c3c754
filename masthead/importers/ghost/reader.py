"""Reading a Ghost export (the JSON from Settings → Advanced → Import/Export, any version since
0.x) into the plain records, with the members CSV Ghost exports separately.

The JSON holds the site's tables: posts and pages in `posts`, `users`, `tags`, the tables that
join them (`posts_tags`, `posts_authors`) and `posts_meta` (SEO fields, the feature image's alt
text and caption). `read_ghost()` reads it whole, as it is one JSON document; `posts` reads the
posts and pages with what they name, `members` the members; `iter_items()` and
`iter_subscribers()` hand out the records.
"""

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

from masthead.importers import sources
from masthead.importers.exportfiles import ExportFiles, is_zip, read_file, zip_names
from masthead.importers.ghost.members import read_csv_members, read_json_members
from masthead.importers.ghost.posts import Reading as _Reading
from masthead.importers.ghost.tables import GhostExport
from masthead.importers.records import SourceItem, SourceSubscriber
from masthead.importers.sources import ExportError

__all__ = [
    "ExportError", "GhostExport", "is_ghost_export", "iter_items", "iter_subscribers", "read_ghost",
]  # fmt: skip

GHOST_JSON = re.compile(rb'^\s*\{\s*"(db|meta|data)"\s*:')
SNIFF_BYTES = 65536


# --- the files ----------------------------------------------------------------------------------


class _Files(ExportFiles):
    """The .json and members .csv of an export: a .json file, or a folder or zip holding one
    and perhaps Ghost's members CSV. Each is read whole, within the caps `sources` sets."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise ExportError(f"{path} does not exist")
        if path.is_dir():
            super().__init__(path)
            names = [p.name for p in sorted(path.iterdir()) if p.is_file()]
        elif is_zip(path):
            super().__init__(path, archive=path)
            listed = zip_names(path, capped=(".json", ".csv"))
            names = sorted(n for n in listed if not n.startswith("__MACOSX/"))
        else:  # a file alone: a members CSV beside it is named by the caller (`members_path`)
            super().__init__(path, folder=path.parent)
            names = [path.name]
        visible = [n for n in names if not n.rsplit("/", 1)[-1].startswith(".")]
        self.jsons = [n for n in visible if n.lower().endswith(".json") or n == path.name]
        self.csvs = [
            n
            for n in visible
            if n.lower().endswith(".csv") and "member" in n.rsplit("/")[-1].lower()
        ]
        if self.archive and len(self.jsons) + len(self.csvs) > sources.MAX_ZIP_MEMBERS:
            raise ExportError(
                f"{path} holds {len(self.jsons) + len(self.csvs)} .json and .csv files; more "
                f"than {sources.MAX_ZIP_MEMBERS} is refused"
            )

    def sniff(self, name: str) -> bytes:
        return self.head(name, SNIFF_BYTES)


def _looks_like_ghost(head: bytes) -> bool:
    head = head.removeprefix(b"\xef\xbb\xbf")
    match = GHOST_JSON.match(head)
    return bool(match) and (
        match.group(1) == b"db" or b'"exported_on"' in head or b'"posts"' in head
    )


def is_ghost_export(path: str | os.PathLike) -> bool:
    """Whether `path` is a Ghost JSON export, or a .zip or folder holding one."""
    path = Path(path)
    try:
        if path.is_file() and not is_zip(path) and path.suffix.lower() != ".json":
            return False
        files = _Files(path)
        return any(_looks_like_ghost(files.sniff(n)) for n in files.jsons)
    except (ExportError, OSError):
        return False


def _document(files: _Files) -> tuple[str, dict, dict]:
    """The export's (label, meta, data), or ExportError saying what is wrong with it."""
    if not files.jsons:
        raise ExportError(
            f"{files.path} holds no .json file; a Ghost export is the .json file "
            "from Ghost's Settings → Advanced → Import/Export"
        )
    ghostly = [n for n in files.jsons if _looks_like_ghost(files.sniff(n))]
    name = (ghostly or files.jsons)[0]
    label = files.label(name)
    try:
        document = json.loads(files.read(name).decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ExportError(f"{label} is not UTF-8 text ({error})") from None
    except json.JSONDecodeError as error:
        raise ExportError(
            f"{label} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    entry = document
    if isinstance(document, dict) and isinstance(document.get("db"), list):
        entry = next((e for e in document["db"] if isinstance(e, dict) and "data" in e), None)
    if not isinstance(entry, dict) or not isinstance(entry.get("data"), dict):
        raise ExportError(
            f'{label} is not a Ghost export: it has no "db" list or "data" object of tables'
        )
    if not isinstance(entry["data"].get("posts", []), list):
        raise ExportError(f'{label} is not a Ghost export: its "posts" table is not a list')
    meta = entry.get("meta") if isinstance(entry.get("meta"), dict) else {}
    return label, meta, entry["data"]


# --- reading ------------------------------------------------------------------------------------


def read_ghost(
    path: str | os.PathLike, *, site_url: str = "", members_path: str | os.PathLike | None = None
) -> GhostExport:
    """Read a Ghost export whole into records. `site_url` is the site's address (Ghost's export
    does not carry it); `members_path` a members CSV, when it is not beside the export."""
    files = _Files(Path(path))
    label, meta, data = _document(files)
    export = GhostExport(
        site_url=site_url.strip().rstrip("/"), version=str(meta.get("version") or "")
    )
    if not export.site_url:
        export.problems.append(
            "the site's address was not given (Ghost's export does not carry it): old links "
            "cannot be redirected and photos on the old site cannot be fetched"
        )
    _Reading(export, data, label).run()
    read_json_members(export, data, label)
    csvs = (
        [(str(members_path), read_file(Path(members_path)))]
        if members_path
        else [(files.label(n), files.read(n)) for n in files.csvs]
    )
    for csv_label, content in csvs:
        read_csv_members(export, content, csv_label)
    return export


def iter_items(export: GhostExport) -> Iterator[SourceItem]:
    """The export's posts and pages; what was not imported is counted in export.skipped."""
    yield from export.items


def iter_subscribers(export: GhostExport) -> Iterator[SourceSubscriber]:
    """The export's members, from the JSON or the members CSV, with their consent state."""
    yield from export.subscribers
