"""The second pass of a restore: every row written with its id, in one transaction.

Rows are written as Django's `loaddata` writes them (raw: no signal handler takes a restored
page for an editor's change); a user is matched by username or made without a password; files
go into storage under their own names. If anything fails, the transaction is rolled back and
the files written are removed.
"""

import hashlib
import logging

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from wagtail.models import Collection, Page

from masthead.importers.archive import ArchiveError
from masthead.importers.archive.check import issue_items
from masthead.importers.archive.container import ArchiveReader
from masthead.importers.archive.pages import page_rows, save_page
from masthead.importers.archive.schema import (
    BY_NAME,
    KINDS,
    PAGES,
    USERS,
    Codec,
    Kind,
    content_type_for,
)
from masthead.importers.archive.site import prepare_site

logger = logging.getLogger(__name__)


def write_archive(reader: ArchiveReader) -> None:
    """Every row, with its id, in one transaction; files written are removed if it fails."""
    written: list[tuple] = []
    where = "the site"
    try:
        with transaction.atomic():
            codec = Codec()
            codec.writing = True
            root = prepare_site(codec)
            for kind in KINDS:
                for number, line in reader.lines(kind.file):
                    where = f"{kind.file}, line {number}"
                    _write_line(kind, line, codec, reader, written, root)
                if kind.name == "collections":
                    _fix_root_collection(codec)
                if kind is PAGES:
                    Page.objects.filter(pk=root.pk).update(
                        numchild=Page.objects.filter(depth=2).count()
                    )
            where = "the database's id sequences"
            _reset_sequences()
    except (DatabaseError, ValidationError, ValueError, TypeError, LookupError, OSError) as error:
        _remove(written)
        message = f"{where}: it could not be restored ({error}); nothing was changed"
        raise ArchiveError(message) from error
    except BaseException:
        _remove(written)
        raise


def _write_line(kind: Kind, line: dict, codec: Codec, reader, written: list, root) -> None:
    if kind is PAGES:
        rows = page_rows(line, codec)
        rows.base.path = root.path + rows.base.path[len(root.path) :]
        save_page(rows)
        return
    model = kind.get_model()
    if kind.name == "users":
        codec.user_ids[line["username"]] = _user(model, line, codec)
        return
    if kind.name == "collections":
        _collection(line, codec)
        return
    also = {}
    if kind.name == "revisions":
        also["base_content_type_id"] = content_type_for("wagtailcore.page").pk
    obj = codec.build(model, line, kind.fields, **also)
    if "file_missing" in kind.extra and obj.file.name and not line.get("file_missing"):
        _store_file(obj, reader, written)
    models.Model.save_base(obj, raw=True, force_insert=True)
    if line.get("tags"):
        obj.tags.set(line["tags"])
    if kind.name == "issues":
        for item in issue_items(line, codec, obj.pk):
            models.Model.save_base(item, raw=True, force_insert=True)


def _user(model, line: dict, codec: Codec) -> int:
    """This site's user of the username: an existing one, or a new one who cannot sign in."""
    existing = model._default_manager.filter(username=line["username"]).first()
    if existing is not None:
        return existing.pk
    user = codec.build(model, line, USERS.fields)
    user.set_unusable_password()
    user.save()
    return user.pk


def _collection(line: dict, codec: Codec) -> None:
    root = Collection.get_first_root_node()
    if line.get("depth") == 1:
        codec.collection_ids[line["id"]] = root.pk
        codec.collection_root = (line["path"], line.get("numchild") or 0)
        return
    obj = codec.build(Collection, line, BY_NAME["collections"].fields)
    archived_root = codec.collection_root[0]
    obj.path = root.path + obj.path[len(archived_root) :]
    models.Model.save_base(obj, raw=True, force_insert=True)
    codec.collection_ids[obj.pk] = obj.pk


def _fix_root_collection(codec: Codec) -> None:
    Collection.objects.filter(depth=1).update(numchild=codec.collection_root[1])


def _store_file(obj, reader: ArchiveReader, written: list) -> None:
    """Put the row's file into storage under its own name (or a free one, when a different
    file already has it); the row takes the name storage gave."""
    storage = obj._meta.get_field("file").storage
    name = obj.file.name
    with reader.open_media(name) as stream:
        if storage.exists(name) and _same(storage, name, obj):
            return
        stored = storage.save(name, File(stream, name=name))
    written.append((storage, stored))
    obj.file.name = stored


def _same(storage, name: str, obj) -> bool:
    """Whether the stored file of that name is this row's (its hash agrees)."""
    if not obj.file_hash:
        return False
    digest = hashlib.sha1()
    with storage.open(name, "rb") as stream:
        for block in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest() == obj.file_hash


def _remove(written: list) -> None:
    for storage, name in written:
        try:
            storage.delete(name)
        except OSError:
            logger.warning("restore: could not remove %s after a failed restore", name)


def _reset_sequences() -> None:
    """After rows were written with their ids, the next id each table gives must follow them
    (PostgreSQL keeps a sequence apart from the table; SQLite needs nothing)."""
    restored = [kind.get_model() for kind in KINDS]
    restored += [m for m in apps.get_models() if issubclass(m, Page)]
    restored += [apps.get_model(label) for label in _CHILD_MODELS]
    statements = connection.ops.sequence_reset_sql(no_style(), restored)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


_CHILD_MODELS = (
    "newsroom.ArticleAuthor",
    "newsroom.ArticleUpdate",
    "newsroom.ArticleCorrection",
    "wagtail_footnotes.Footnote",
    "wagtailcore.PageViewRestriction",
    "newsletter.IssueItem",
    "wagtailcore.Locale",
    settings.AUTH_USER_MODEL,
)
