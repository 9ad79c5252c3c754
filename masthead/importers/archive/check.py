"""The first pass of a restore: every line of every file read and checked, nothing written.

A line that is not JSON, a value that does not fit its field, a row naming one the archive does
not hold, a file with fewer or more lines than the manifest says: each is refused with the file
and line. Memory stays flat but for the ids seen so far (to check what lines name).
"""

from collections import defaultdict

from django.apps import apps
from django.db import models

from masthead.importers.archive import MANIFEST, ArchiveError
from masthead.importers.archive.container import ArchiveReader
from masthead.importers.archive.pages import page_rows
from masthead.importers.archive.schema import ISSUE_ITEM_FIELDS, KINDS, PAGES, Codec


class _Refs:
    """Ids each file holds, and the ids lines name: a name that nothing answers is refused."""

    def __init__(self) -> None:
        self.seen: dict[str, set] = defaultdict(set)
        self.read: set[str] = set()
        self.pending: list[tuple[str, object, str]] = []

    def want(self, kind: str, key, where: str) -> None:
        if key is None or key in self.seen[kind] or not kind:
            return
        if kind in self.read:
            raise ArchiveError(f"{where}: it names {_singular(kind)} {key!r}, {_absent(kind)}")
        self.pending.append((kind, key, where))

    def finish(self) -> None:
        for kind, key, where in self.pending:
            if key not in self.seen[kind]:
                raise ArchiveError(f"{where}: it names {_singular(kind)} {key!r}, {_absent(kind)}")


def _singular(kind: str) -> str:
    return kind.removesuffix("s").replace("_", " ")


def _absent(kind: str) -> str:
    return f"which {kind}.jsonl does not hold; nothing was changed"


def check_archive(reader: ArchiveReader, manifest: dict, result) -> None:
    """Read the whole archive, counting into `result`; ArchiveError at the first fault."""
    codec = Codec()  # not writing: users and locales are not looked up
    refs = _Refs()
    paths: set[str] = set()
    for kind in KINDS:
        count = 0
        for number, line in reader.lines(kind.file):
            where = f"{kind.file}, line {number}"
            count += 1
            try:
                key = _check_line(kind, line, codec, refs, where, reader, result, paths)
            except (ValueError, TypeError, LookupError) as error:
                raise ArchiveError(f"{where}: {error}; nothing was changed") from None
            if key in refs.seen[kind.name]:
                raise ArchiveError(f"{where}: {kind.key} {key!r} repeats an earlier line's")
            refs.seen[kind.name].add(key)
        refs.read.add(kind.name)
        expected = manifest["files"].get(kind.file, 0)
        if count != expected:
            raise ArchiveError(
                f"{kind.file} holds {count} lines where {MANIFEST} says {expected}: the archive "
                "is incomplete or damaged; nothing was changed"
            )
        result.lines[kind.file] = count
    refs.finish()


def _check_line(kind, line, codec, refs, where, reader, result, paths):
    if kind is PAGES:
        rows = page_rows(line, codec)
        path = rows.base.path or ""
        if len(path) < 8 or len(path) != 4 * rows.base.depth:
            raise ValueError(f"its place in the tree ({path!r}, depth {rows.base.depth}) is odd")
        if rows.base.depth > 2 and path[:-4] not in paths:
            raise ValueError("its parent page comes nowhere before it")
        paths.add(path)
        for ref_kind, key in rows.refs:
            refs.want(ref_kind, key, where)
        _count_page(rows, result)
        return rows.base.pk
    key = line.get(kind.key)
    if key is None or isinstance(key, bool) or not isinstance(key, int | str):
        raise ValueError(f"it has no {kind.key}")
    obj = codec.build(kind.get_model(), line, kind.fields)
    for name, ref_kind in kind.refs.items():
        value = line.get(name)
        if name == "object_id" and isinstance(value, str) and value.isdigit():
            value = int(value)
        refs.want(ref_kind, value, where)
    tags = line.get("tags") or []
    if "tags" in kind.extra and not (
        isinstance(tags, list) and all(isinstance(t, str) for t in tags)
    ):
        raise ValueError("its tags are not a list of names")
    if "file_missing" in kind.extra and obj.file.name and not line.get("file_missing"):
        if not reader.has(f"media/{obj.file.name}"):
            raise ValueError(f"its file media/{obj.file.name} is not in the archive")
        result.media += 1
    if kind.name == "revisions" and not isinstance(line.get("content"), dict):
        raise ValueError("its content is not an object")
    if kind.name == "issues":
        for item in issue_items(line, codec, obj.pk):
            refs.want("pages", item.article_id, where)
    return key


def _count_page(rows, result) -> None:
    if rows.model._meta.label_lower == "newsroom.articlepage":
        result.pages["articles"] += 1
    else:
        result.pages["pages"] += 1
    if not rows.base.live:
        result.pages["drafts"] += 1


def issue_items(line: dict, codec: Codec, issue_id) -> list[models.Model]:
    model = apps.get_model("newsletter.IssueItem")
    items = line.get("items") or []
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ValueError("its items are not a list of objects")
    return [codec.build(model, item, ISSUE_ITEM_FIELDS, issue_id=issue_id) for item in items]
