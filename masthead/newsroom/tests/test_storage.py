"""How pages are stored: on PostgreSQL, bodies are compressed with LZ4 (migration 0006), and
read back whole."""

import pytest
from django.db import connection

from masthead.newsroom.tests import factories as f

pytestmark = pytest.mark.django_db


def compression(table: str) -> str | None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attcompression FROM pg_attribute "
            "WHERE attrelid = %s::regclass AND attname = 'body'",
            [table],
        )
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL storage setting")
def test_bodies_are_stored_with_lz4_and_read_back_whole():
    assert compression("newsroom_articlepage") == "l"
    assert compression("newsroom_plainpage") == "l"
    europe = f.make_section(f.make_home())
    long = " ".join(f"Sentence {n} about the harbour and its cranes." for n in range(400))
    article = f.make_article(
        europe, article_type=f.make_type(), body=[{"type": "paragraph", "value": f"<p>{long}</p>"}]
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_compression(body) FROM newsroom_articlepage WHERE page_ptr_id = %s",
            [article.pk],
        )
        assert cursor.fetchone()[0] == "lz4"
    article.refresh_from_db()
    assert article.body.raw_data[0]["value"] == f"<p>{long}</p>"
