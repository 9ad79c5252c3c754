"""Rows written in bulk without building a model instance for each.

`bulk_create` builds a model instance per row and compiles each value through several layers;
for the tens of thousands of small rows a big import writes (bylines, redirects, index rows)
that is most of the time. Values go through each field's own `get_db_prep_save`, as the ORM
would, so JSON, UUIDs and dates reach either database in the right form; numbers, text and
flags that already are what their column holds go as they are. PostgreSQL takes them by COPY;
SQLite many to a statement, as many as it takes parameters for. Used by the importer and by
readership's batches of hits.
"""

from datetime import date

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
    into = _Into(model, names)
    if connection.vendor == "postgresql":
        # COPY: no statement to compose or parse, and the fastest way in. On psycopg's own
        # cursor, so its errors are made Django's, as a caller catching DatabaseError expects.
        copying = f"COPY {into.table} ({into.columns}) FROM STDIN"
        with connection.cursor() as cursor, connection.wrap_database_errors:
            with cursor.cursor.copy(copying) as copy:
                for row in rows:
                    copy.write_row(into.prepared(row))
    else:
        into.insert(rows)
    return len(rows)


def insert_returning(model, names: list[str], rows, returning: list[str]) -> list[tuple]:
    """`insert_rows` that answers, for each row, the `returning` columns (the ids the database
    gave, with a column that tells the rows apart), in no particular order. Many rows to a
    statement on both databases (COPY cannot answer)."""
    rows = list(rows)
    if not rows:
        return []
    return _Into(model, names).insert(rows, returning=returning)


class _Into:
    """One table's columns, and its rows' values prepared as the ORM would."""

    def __init__(self, model, names: list[str]):
        quote = connection.ops.quote_name
        self.model = model
        self.fields = [model._meta.get_field(name) for name in names]
        self.plain = [_plain_types(field) for field in self.fields]
        self.table = quote(model._meta.db_table)
        self.columns = ", ".join(quote(f.column) for f in self.fields)
        self.last: dict[object, tuple] = {}  # a column's last date or time, and it prepared

    def prepared(self, row) -> list:
        return [
            value if types and isinstance(value, types) else self.prepare(field, value)
            for field, types, value in zip(self.fields, self.plain, row)
        ]

    def prepare(self, field, value):
        """`value` as `field` stores it. A date or time that is the very object of the row
        before (the hour of each hit in a batch) is not prepared again: preparing it was
        most of what a hit cost to write."""
        last = self.last.get(field)
        if last is not None and last[0] is value:
            return last[1]
        prepared = field.get_db_prep_save(value, connection)
        if isinstance(value, date):  # unchangeable, so the same object prepares the same
            self.last[field] = (value, prepared)
        return prepared

    def insert(self, rows: list, returning: list[str] = ()) -> list[tuple]:
        """Many rows to a statement, as many as it takes parameters for; what `returning`
        names of each row, if anything."""
        quote = connection.ops.quote_name
        answers = ", ".join(quote(self.model._meta.get_field(n).column) for n in returning)
        mark = "(" + ", ".join(["%s"] * len(self.fields)) + ")"
        most = connection.features.max_query_params or 65535
        per_statement = max(1, min(MOST_ROWS, most // len(self.fields)))
        found = []
        with connection.cursor() as cursor:
            for start in range(0, len(rows), per_statement):
                chunk = rows[start : start + per_statement]
                cursor.execute(
                    f"INSERT INTO {self.table} ({self.columns}) VALUES "
                    + ", ".join([mark] * len(chunk))
                    + (f" RETURNING {answers}" if answers else ""),
                    [value for row in chunk for value in self.prepared(row)],
                )
                if answers:
                    found += cursor.fetchall()
        return found


def _plain_types(field) -> tuple:
    """The Python types a column takes as they are (none for a column that needs preparing)."""
    if field.get_internal_type() == "ForeignKey":
        return _plain_types(field.target_field)
    return PLAIN.get(field.get_internal_type(), ())
