"""Rows written in bulk without building a model instance for each.

`bulk_create` builds a model instance per row and compiles each value through several layers;
for the tens of thousands of small rows a big import writes (bylines, redirects, index rows)
that is most of the time. Values go through each field's own `get_db_prep_save`, as the ORM
would, so JSON, UUIDs and dates reach either database in the right form; numbers, text and
flags that already are what their column holds go as they are. PostgreSQL takes them by COPY;
SQLite many to a statement, as many as it takes parameters for.
"""

from django.db import connection

# Columns whose values need no preparing when they already are of the Python type they hold.
TEXT = (str, type(None))
NUMBER = (int, type(None))
PLAIN = {
    "AutoField": NUMBER, "BigAutoField": NUMBER, "BigIntegerField": NUMBER,
    "IntegerField": NUMBER, "PositiveIntegerField": NUMBER,
    "PositiveSmallIntegerField": NUMBER, "SmallIntegerField": NUMBER,
    "BooleanField": (bool, type(None)),
    "CharField": TEXT, "SlugField": TEXT, "TextField": TEXT,
}  # fmt: skip
MOST_ROWS = 1000  # in one statement: its text stays small


def insert_rows(model, names: list[str], rows) -> int:
    """Insert `rows` (tuples in the order of `names`, attribute names) into `model`'s table."""
    rows = list(rows)
    if not rows:
        return 0
    fields = [model._meta.get_field(name) for name in names]
    plain = [_plain_types(field) for field in fields]
    quote = connection.ops.quote_name
    table, columns = quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)

    def prepared(row):
        return [
            value
            if types and isinstance(value, types)
            else field.get_db_prep_save(value, connection)
            for field, types, value in zip(fields, plain, row)
        ]

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY: no statement to compose or parse, and the fastest way in.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(prepared(row))
            return len(rows)
        mark = "(" + ", ".join(["%s"] * len(fields)) + ")"
        most = connection.features.max_query_params or 999
        per_statement = max(1, min(MOST_ROWS, most // len(fields)))
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            params = [value for row in chunk for value in prepared(row)]
            marks = ", ".join([mark] * len(chunk))
            cursor.execute(f"INSERT INTO {table} ({columns}) VALUES {marks}", params)
    return len(rows)


def insert_returning(model, names: list[str], rows, returning: list[str]) -> list[tuple]:
    """`insert_rows` that answers, for each row, the `returning` columns (the ids the database
    gave, with a column that tells the rows apart), in no particular order. Many rows to a
    statement on both databases (COPY cannot answer)."""
    rows = list(rows)
    if not rows:
        return []
    fields = [model._meta.get_field(name) for name in names]
    plain = [_plain_types(field) for field in fields]
    quote = connection.ops.quote_name
    table, columns = quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    answers = ", ".join(quote(model._meta.get_field(name).column) for name in returning)
    mark = "(" + ", ".join(["%s"] * len(fields)) + ")"
    most = connection.features.max_query_params or 65535
    per_statement = max(1, min(MOST_ROWS, most // len(fields)))
    found = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            params = [
                value
                if types and isinstance(value, types)
                else field.get_db_prep_save(value, connection)
                for row in chunk
                for field, types, value in zip(fields, plain, row)
            ]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([mark] * len(chunk))} "
                f"RETURNING {answers}",
                params,
            )
            found += cursor.fetchall()
    return found


def _plain_types(field) -> tuple:
    """The Python types a column takes as they are (none for a column that needs preparing)."""
    if field.get_internal_type() == "ForeignKey":
        return _plain_types(field.target_field)
    return PLAIN.get(field.get_internal_type(), ())
