"""The search index for imported pages, written in bulk and in the search backend's own shape.

Wagtail's database search backend (the `modelsearch` package) reads every search field of a
page five times over to fill one index row (`ObjectIndexer`'s title, body, autocomplete and the
two plain texts each walk the fields again, and a body's searchable text is rebuilt each time),
compiles a Django expression per text, and after every batch rescans the whole index to refresh
its title norms: at 100,000 pages that rescan alone is quadratic. An import knows its batch and
its end, so here each page's fields are read once, the rows are written with one statement per
batch, and the norms are refreshed once, when the run ends.

This is the one place that knows the shape of `modelsearch`'s index rows (and calls its private
`_refresh_title_norms`): `tests/test_import_search.py` compares these rows with the backend's
own on SQLite and PostgreSQL, and fails if `modelsearch` changes them. A backend this module
does not know (Elasticsearch, OpenSearch, MySQL) is given the pages through its own `add_bulk`.
"""

from functools import partial

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
ROWS_PER_STATEMENT = 200  # PostgreSQL: a statement's parameters stay far below its 65,535 limit


def index_objects(backends, model, objects: list, *, later: list | None = None) -> None:
    """Add `objects` (instances of `model`, related fields prefetched) to every search backend.

    Given a list as `later`, PostgreSQL's rows are not written now: a callable that writes them
    is added to it, for the caller to run later, in another thread if it likes (turning a body
    into a tsvector is most of their cost, and PostgreSQL does it on a core of its own).
    """
    if not objects or not model.get_search_fields():
        return
    for backend in backends:
        if _kind(backend) == POSTGRES:
            write = partial(_execute, _postgres(backend, model, objects))
            if later is None:
                write()
            else:
                later.append(write)
        elif _kind(backend) == SQLITE:
            _sqlite(model, objects)
        else:
            backend.add_bulk(model, objects)


def refresh_title_norms(backends, model) -> None:
    """What the database backends do after every batch, done once at the end of a run."""
    for backend in backends:
        if _kind(backend) in (POSTGRES, SQLITE):
            backend.get_index_for_model(model)._refresh_title_norms()


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


def _sqlite(model, objects: list) -> None:
    fields = model.get_search_fields()
    content_type = get_content_type_pk(model)
    entries = []
    for obj in objects:
        title, body, autocomplete = _parts(obj, fields)
        entries.append(
            IndexEntry(
                content_type_id=content_type,
                object_id=force_str(obj.pk),
                title=" ".join(text for text, _ in title),
                body=" ".join(text for text, _ in body),
                autocomplete=" ".join(text for text, _ in autocomplete),
                title_norm=1.0,
            )
        )
    # An upsert: the index's own triggers copy inserts and updates into its FTS table.
    IndexEntry.objects.using(router.db_for_write(IndexEntry)).bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["content_type", "object_id"],
        update_fields=["title", "body", "autocomplete", "title_norm"],
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


def _postgres(backend, model, objects: list) -> list[tuple[str, list]]:
    fields = model.get_search_fields()
    content_type = get_content_type_pk(model)
    table = connections[router.db_for_write(IndexEntry)].ops.quote_name(IndexEntry._meta.db_table)
    statements = []
    for start in range(0, len(objects), ROWS_PER_STATEMENT):
        values, params = [], []
        for obj in objects[start : start + ROWS_PER_STATEMENT]:
            title, body, autocomplete = _parts(obj, fields)
            params += [content_type, force_str(obj.pk)]
            title_sql = _vector(title, backend.config, True, params)
            autocomplete_sql = _vector(autocomplete, backend.autocomplete_config, False, params)
            body_sql = _vector(body, backend.config, True, params)
            params.append(" ".join(text.strip() for text, _ in title if text.strip()))
            params.append(" ".join(text.strip() for text, _ in body if text.strip()))
            values.append(f"(%s, %s, {title_sql}, {autocomplete_sql}, {body_sql}, 1.0, %s, %s)")
        statements.append(
            (
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, "
                f"title_norm, title_text, body_text) VALUES {', '.join(values)} "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                "title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, "
                "body = EXCLUDED.body, title_text = EXCLUDED.title_text, "
                "body_text = EXCLUDED.body_text",
                params,
            )
        )
    return statements


def _execute(statements: list[tuple[str, list]]) -> None:
    """Run `_postgres`'s statements on this thread's connection."""
    with connections[router.db_for_write(IndexEntry)].cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
