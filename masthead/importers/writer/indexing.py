"""The search index for imported pages, written in bulk and in the search backend's own shape.

Wagtail's database search backend (the `modelsearch` package) reads every search field of a
page five times over to fill one index row (`ObjectIndexer`'s title, body, autocomplete and the
two plain texts each walk the fields again, and a body's searchable text is rebuilt each time),
compiles a Django expression per text, and after every batch rescans the whole index to refresh
its title norms: at 100,000 pages that rescan alone is quadratic, and each refresh writes every
new row a second time (SQLite's full-text triggers and PostgreSQL's GIN indexes copy the whole
row again). An import knows its batch, so here each page's fields are read once, the rows are
written with one statement per batch, and their title norms (the average title length over the
index, against this title's) are computed as they are written, from a running sum of lengths
(`TitleNorms`): the value the backend's own refresh after the batch would give them.

An importer need not load a page to index it: `document(model, pk, **values)` is a stand-in that
answers the search fields as the page would, from what the importer just wrote.

This is the one place that knows the shape of `modelsearch`'s index rows and how it computes
title norms: `tests/test_import_search.py` compares these rows with the backend's own on SQLite
and PostgreSQL, and fails if `modelsearch` changes them. A backend this module
does not know (Elasticsearch, OpenSearch, MySQL) is given the pages through its own `add_bulk`.
"""

from functools import cache, partial

from django.db import connections, router
from django.db.models import Manager
from django.utils.encoding import force_str
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.utils import get_content_type_pk
from wagtail.search.models import IndexEntry

# The backends this module writes for, by name: each module can only be imported on its database.
POSTGRES = "modelsearch.backends.database.postgres.postgres.PostgresSearchBackend"
SQLITE = "modelsearch.backends.database.sqlite.sqlite.SQLiteSearchBackend"
ROWS_PER_STATEMENT = 150  # a statement's parameters stay below SQLite's 999 and PostgreSQL's 65,535


class _Document:
    """A stand-in for a model instance, made by `document`."""

    def __init__(self, pk, **values):
        self.pk = pk
        self.__dict__.update(values)


@cache
def _document_class(model) -> type:
    return type(f"{model.__name__}Document", (_Document,), {"_meta": model._meta})


def document(model, pk, **values):
    """What the search fields read of an instance of `model`: its field values by attribute
    name, and for a related field (`RelatedFields`) a list of documents of the related model."""
    return _document_class(model)(pk, **values)


class TitleNorms:
    """The index's average title length, kept as titles are written (one read of the index, at
    the first batch). The backends' own refresh sets a new row's norm to that average (over
    every titled row, the batch's own included) divided by its title's length; untitled rows
    keep 1.0."""

    def __init__(self):
        self.total: float | None = None
        self.count = 0

    def start(self, sql: str) -> None:
        """Read the index's sum and count of title lengths with `sql`, unless already read."""
        if self.total is None:
            with connections[router.db_for_write(IndexEntry)].cursor() as cursor:
                cursor.execute(sql)
                total, count = cursor.fetchone()
            self.total, self.count = float(total or 0), count or 0

    def replace(self, old: list[int], new: list[int]) -> list[float]:
        """The norms of titles of lengths `new`, written over rows whose titles had `old`."""
        for length in old:
            if length:
                self.total, self.count = self.total - length, self.count - 1
        for length in new:
            if length:
                self.total, self.count = self.total + length, self.count + 1
        average = self.total / self.count if self.count else 0.0
        return [average / length if length else 1.0 for length in new]


def index_objects(backends, model, objects: list, norms: TitleNorms, *,
                  later: list | None = None) -> None:  # fmt: skip
    """Add `objects` (instances of `model` with related fields prefetched, or `document`s) to
    every search backend.

    Given a list as `later`, PostgreSQL's rows are not written now: a callable that writes them
    is added to it, for the caller to run later, in another thread if it likes (turning a body
    into a tsvector is most of their cost, and PostgreSQL does it on a core of its own).
    `norms` is one for the whole run (or for a series of calls): the rows' title norms are
    computed from it as they are written.
    """
    if not objects or not model.get_search_fields():
        return
    for backend in backends:
        if _kind(backend) == POSTGRES:
            write = partial(_execute, *_postgres(backend, model, objects), norms)
            if later is None:
                write()
            else:
                later.append(write)
        elif _kind(backend) == SQLITE:
            _sqlite(model, objects, norms)
        else:
            backend.add_bulk(model, _instances(model, objects))


def _instances(model, objects: list) -> list:
    """Instances for a backend that reads them itself: documents are loaded as the pages."""
    if not objects or not isinstance(objects[0], _Document):
        return objects
    found = model.objects.filter(pk__in=[obj.pk for obj in objects])
    for field in model.get_search_fields():
        if isinstance(field, RelatedFields):
            found = field.select_on_queryset(found)
    return list(found)


def _kind(backend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def _text(value) -> str:
    """A field's value as the backends flatten it (modelsearch's `prepare_value`)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(_text(item) for item in value.values())
    return force_str(value)


def _fields(obj, fields):
    """(field, text) for each search and autocomplete field, related objects followed."""
    for field in fields:
        if isinstance(field, (SearchField, AutocompleteField)):
            yield field, _text(field.get_value(obj))
        elif isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            if isinstance(related, Manager):
                related = related.all()
            elif isinstance(related, list):
                pass  # a document's related documents
            elif callable(related):
                related = [related()]
            else:
                related = [related]
            for sub in related:
                yield from _fields(sub, field.fields)


def _parts(obj, fields) -> tuple[list, list, list]:
    """The title, body and autocomplete texts of one object, each as (text, field) pairs."""
    title, body, autocomplete = [], [], []
    for field, text in _fields(obj, fields):
        if isinstance(field, AutocompleteField):
            autocomplete.append((text, field))
        elif field.field_name == "title":
            title.append((text, field))
        else:
            body.append((text, field))
    return title, body, autocomplete


def _table() -> str:
    return connections[router.db_for_write(IndexEntry)].ops.quote_name(IndexEntry._meta.db_table)


def _old_lengths(norms: TitleNorms, content_type: int, ids: list[str], length: str) -> list:
    """Start `norms`, and the title lengths of the rows these objects have already (a re-run)."""
    table = _table()
    norms.start(f"SELECT SUM({length}(title)), COUNT(*) FROM {table} WHERE {length}(title) > 0")
    with connections[router.db_for_write(IndexEntry)].cursor() as cursor:
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(
            f"SELECT {length}(title) FROM {table} WHERE content_type_id = %s "
            f"AND object_id IN ({marks})",
            [content_type, *ids],
        )
        return [row[0] for row in cursor.fetchall()]


def _sqlite(model, objects: list, norms: TitleNorms) -> None:
    fields = model.get_search_fields()
    content_type = get_content_type_pk(model)
    rows = []
    for obj in objects:
        title, body, autocomplete = _parts(obj, fields)
        rows.append(
            [
                content_type,
                force_str(obj.pk),
                " ".join(text for text, _ in title),
                " ".join(text for text, _ in autocomplete),
                " ".join(text for text, _ in body),
            ]
        )
    old = _old_lengths(norms, content_type, [row[1] for row in rows], "LENGTH")
    for row, norm in zip(rows, norms.replace(old, [len(row[2]) for row in rows])):
        row.append(norm)
    # An upsert, many rows to a statement (the full-text table takes them twice as fast as one
    # by one): the index's own triggers copy inserts and updates into its FTS table.
    with connections[router.db_for_write(IndexEntry)].cursor() as cursor:
        for start in range(0, len(rows), ROWS_PER_STATEMENT):
            chunk = rows[start : start + ROWS_PER_STATEMENT]
            marks = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {_table()} (content_type_id, object_id, title, autocomplete, body, "
                f"title_norm) VALUES {marks} "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = excluded.title, "
                "autocomplete = excluded.autocomplete, body = excluded.body, "
                "title_norm = excluded.title_norm",
                [value for row in chunk for value in row],
            )


def _vector(texts: list, config, weighted: bool, params: list) -> str:
    """SQL for a tsvector of `texts`, as Django's SearchVector writes it; its params appended."""
    texts = [(text.strip(), field) for text, field in texts]
    texts = [(text, field) for text, field in texts if text]
    if not texts:
        params.append("")
        return "to_tsvector(COALESCE(%s, ''))"
    parts = []
    for text, field in texts:
        if config:
            params.append(config)
        params.append(text)
        vector = f"to_tsvector({'%s::regconfig, ' if config else ''}COALESCE(%s, ''))"
        weight = get_weight(field.boost) if weighted else "D"
        parts.append(f"setweight({vector}, '{weight}')")
    return "(" + " || ".join(parts) + ")"


def _postgres(backend, model, objects: list) -> tuple[int, list]:
    """The rows of `objects` as SQL: for each statement's worth, the objects' ids, each row's
    values and its title's tsvector (to measure it), each with its parameters."""
    fields = model.get_search_fields()
    chunks = []
    for start in range(0, len(objects), ROWS_PER_STATEMENT):
        ids, rows, titles = [], [], []
        for obj in objects[start : start + ROWS_PER_STATEMENT]:
            title, body, autocomplete = _parts(obj, fields)
            ids.append(force_str(obj.pk))
            params = [get_content_type_pk(model), force_str(obj.pk)]
            title_sql = _vector(title, backend.config, True, params)
            titles.append((title_sql, params[2:]))
            autocomplete_sql = _vector(autocomplete, backend.autocomplete_config, False, params)
            body_sql = _vector(body, backend.config, True, params)
            params.append(" ".join(text.strip() for text, _ in title if text.strip()))
            params.append(" ".join(text.strip() for text, _ in body if text.strip()))
            rows.append((f"(%s, %s, {title_sql}, {autocomplete_sql}, {body_sql}, %s, %s, %s)",
                         params))  # fmt: skip
        chunks.append((ids, rows, titles))
    return get_content_type_pk(model), chunks


def _execute(content_type: int, chunks: list, norms: TitleNorms) -> None:
    """Write `_postgres`'s rows on this thread's connection, their title norms computed first."""
    table = _table()
    with connections[router.db_for_write(IndexEntry)].cursor() as cursor:
        for ids, rows, titles in chunks:
            old = _old_lengths(norms, content_type, ids, "length")
            cursor.execute(
                "SELECT " + ", ".join(f"length({sql})" for sql, _ in titles),
                [param for _, params in titles for param in params],
            )
            values = norms.replace(old, list(cursor.fetchone()))
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, "
                f"title_text, body_text, title_norm) VALUES {', '.join(sql for sql, _ in rows)} "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                "title = EXCLUDED.title, title_norm = EXCLUDED.title_norm, "
                "autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                [p for (_, params), norm in zip(rows, values) for p in (*params, norm)],
            )
