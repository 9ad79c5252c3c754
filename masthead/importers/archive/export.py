"""Writing the archive: every kind of row, streamed a chunk at a time, then the manifest.

The stored files come first (images and documents, author photos and the logo among them), so
that a row whose file is missing from storage can say so (`file_missing`); the manifest comes
last, so an export stopped halfway leaves no archive that looks complete.
"""

import importlib.metadata
import logging
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

import django
import wagtail
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Page

from masthead.importers.archive import FORMAT, VERSION
from masthead.importers.archive.container import ArchiveWriter
from masthead.importers.archive.pages import export_pages
from masthead.importers.archive.schema import ISSUE_ITEM_FIELDS, KINDS, PAGES, Codec, Kind

logger = logging.getLogger(__name__)

CHUNK_SIZE = 500
FILE_KINDS = ("images", "documents")


@dataclass
class Exported:
    path: str
    files: dict[str, int] = field(default_factory=dict)  # lines per file
    media: int = 0
    missing_media: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        counts = " ".join(f"{name.removesuffix('.jsonl')}={n}" for name, n in self.files.items())
        return (
            f"export: {counts} media={self.media} missing_media={len(self.missing_media)} "
            f"seconds={self.seconds:.1f}"
        )


def export_archive(
    *, out, chunk_size: int = CHUNK_SIZE, echo: Callable[[str], None] | None = None
) -> Exported:
    """Write the whole publication to `out` (a new folder, or a .zip file)."""
    started = time.monotonic()
    writer = ArchiveWriter(out)
    result = Exported(path=str(out))
    try:
        with _snapshot():
            _write_all(writer, result, chunk_size, echo)
        writer.close()
    except BaseException:
        writer.abandon()
        raise
    result.seconds = time.monotonic() - started
    return result


@contextmanager
def _snapshot():
    """On PostgreSQL the export reads one snapshot of the database, however long it takes, so
    a page published meanwhile is in every file or in none. (On SQLite a transaction would
    keep editors from saving until the export ends; a restore refuses an archive whose files
    disagree, naming the line.)"""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def _write_all(writer: ArchiveWriter, result: Exported, chunk_size: int, echo) -> None:
    codec = Codec()
    codec.load_for_export()
    missing = _copy_media(writer, result, echo)
    for kind in KINDS:
        with writer.lines(kind.file) as write:
            if kind is PAGES:
                export_pages(write, codec, chunk_size)
            else:
                _export_kind(kind, write, codec, chunk_size, missing)
        result.files[kind.file] = write.counter["lines"]
        if echo:
            echo(f"{kind.file}: {write.counter['lines']} lines")
    writer.manifest(
        {
            "format": FORMAT,
            "version": VERSION,
            "created_at": timezone.now().isoformat(),
            "masthead_version": _version(),
            "wagtail_version": wagtail.__version__,
            "django_version": django.get_version(),
            "files": result.files,
            "media": {"files": result.media, "missing": result.missing_media},
        }
    )


def _version() -> str:
    try:
        return importlib.metadata.version("masthead")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _copy_media(writer: ArchiveWriter, result: Exported, echo) -> set[str]:
    """Copy every stored file into media/; the names storage could not give back."""
    missing: set[str] = set()
    for name in FILE_KINDS:
        model = next(kind for kind in KINDS if kind.name == name).get_model()
        storage = model._meta.get_field("file").storage
        names = model._default_manager.order_by("pk").values_list("file", flat=True)
        for file_name in names.iterator(chunk_size=CHUNK_SIZE):
            if not file_name or file_name in missing or file_name in writer.media_names:
                continue
            try:
                with storage.open(file_name, "rb") as stream:
                    writer.media(file_name, stream)
            except OSError as error:
                missing.add(file_name)
                logger.warning("export: %s %s is missing from storage: %s", name, file_name, error)
                if echo:
                    echo(f"problem: {file_name} is missing from storage; its record is kept")
                continue
            result.media += 1
    result.missing_media = sorted(missing)
    return missing


def _queryset(kind: Kind):
    model = kind.get_model()
    if kind.name == "users":
        return model._default_manager.order_by("pk")
    if kind.name == "collections":
        return model._default_manager.order_by("path")
    if kind.name == "revisions":  # of pages that exist: other models' history is not kept
        page_type = ContentType.objects.get_for_model(Page)
        pages = Page.objects.annotate(key=Cast("pk", CharField())).values("key")
        revisions = model._default_manager.filter(base_content_type=page_type)
        return revisions.filter(object_id__in=pages).order_by("pk")
    queryset = model._default_manager.order_by("pk")
    if "tags" in kind.extra:
        queryset = queryset.prefetch_related("tags")
    if kind.name == "issues":
        queryset = queryset.prefetch_related("items")
    return queryset


def _export_kind(kind: Kind, write, codec: Codec, chunk_size: int, missing: set[str]) -> None:
    for obj in _queryset(kind).iterator(chunk_size=chunk_size):
        line = codec.row(obj, kind.fields)
        if "tags" in kind.extra:
            line["tags"] = sorted(tag.name for tag in obj.tags.all())
        if "file_missing" in kind.extra and line["file"] in missing:
            line["file_missing"] = True
        if kind.name == "issues":
            items = sorted(obj.items.all(), key=lambda item: (item.sort_order or 0, item.pk))
            line["items"] = [codec.row(item, ISSUE_ITEM_FIELDS) for item in items]
        write(line)
