"""Rows written in bulk without building a model instance for each.

`bulk_create` builds a model instance per row and compiles each value through several layers;
for the tens of thousands of small rows a big import writes (bylines, redirects, index rows)
that is most of the time. Values go through each field's own `get_db_prep_save`, as the ORM
would, so JSON, UUIDs and dates reach either database in the right form.
"""

from django.db import connection


def insert_rows(model, names: list[str], rows) -> int:
    """Insert `rows` (tuples in the order of `names`, attribute names) into `model`'s table."""
    rows = list(rows)
    if not rows:
        return 0
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})"
    with connection.cursor() as cursor:
        cursor.executemany(
            sql,
            [
                [field.get_db_prep_save(value, connection) for field, value in zip(fields, row)]
                for row in rows
            ],
        )
    return len(rows)
