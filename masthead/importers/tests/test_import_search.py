"""The search index rows the importer writes in bulk are the search backend's own, row for row,
on SQLite and PostgreSQL: this fails loudly when `modelsearch` changes the shape of its index
(writer/indexing.py). And a reader's search finds what an import wrote."""

import pytest
from django.db import connection
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend, get_search_backends
from wagtail.search.models import IndexEntry

from masthead.importers.tests.moving import QUAYSIDE, make_site, quayside_uploads, run_import
from masthead.importers.writer.indexing import TitleNorms, document, index_objects
from masthead.newsroom.models import ArticlePage, Author, Topic
from masthead.newsroom.tests import factories as f

pytestmark = pytest.mark.django_db


def columns() -> list[str]:
    names = ["content_type_id", "object_id", "title", "autocomplete", "body", "title_norm"]
    if connection.vendor == "postgresql":
        names += ["title_text", "body_text"]
    return names


def rows() -> set[tuple]:
    table, names = IndexEntry._meta.db_table, columns()
    with connection.cursor() as cursor:  # tsvectors as PostgreSQL prints them
        listed = ", ".join(n if n == "title_norm" else f"CAST({n} AS TEXT)" for n in names)
        cursor.execute(f"SELECT {listed} FROM {table}")
        return {row[:5] + (round(row[5], 9),) + row[6:] for row in cursor.fetchall()}


def fts_rows() -> set[tuple]:
    """SQLite: what the full-text table the searches read holds."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid, title, body, autocomplete FROM wagtailsearch_indexentry_fts")
        found = cursor.fetchall()
        cursor.execute("SELECT id, title, body, autocomplete FROM wagtailsearch_indexentry")
        assert set(found) == set(cursor.fetchall())
    return {row[1:] for row in found}


def objects(model) -> list:
    queryset = model.get_indexed_objects().order_by("pk")
    if model is ArticlePage:
        queryset = queryset.prefetch_related("article_authors__author")
    return list(queryset)


def index_all(how) -> set[tuple]:
    IndexEntry.objects.all().delete()
    pages = sorted({type(page) for page in Page.objects.specific()}, key=str)
    for model in [get_image_model(), Author, Topic, *pages]:
        how(model, objects(model))
    return rows()


def search_backends() -> list:
    """The backend the site runs on. The test settings start before the test database has its
    full-text table, so on SQLite Wagtail chooses its fallback there: take the real one."""
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        return [SQLiteSearchBackend({})]
    return list(get_search_backends())


def test_bulk_rows_are_the_backends_own():
    home, europe = make_site()
    brief = f.make_type("Brief", is_brief=True)
    rui, ines = f.make_author("Rui Santos", bio="Lisbon"), f.make_author("Inês Moreau")
    f.make_topic("Fisheries")
    photo = f.make_image(title="Cranes at dawn")
    photo.tags.add("harbour", "cranes")
    f.make_article(europe, title="Ports reopen", article_type=brief, authors=[rui, ines],
                   dek="  The quays are busy again. ", hero_image=photo)  # fmt: skip
    f.make_article(europe, title="Ünïcode & <b>markup</b>", article_type=brief, dek="",
                   body=[{"type": "paragraph", "value": "<p>Fish &amp; chips</p>"}])  # fmt: skip
    f.make_article(europe, title="No words", article_type=brief, dek="", body=[])
    backends = search_backends()

    def theirs(model, found):
        for backend in backends:
            backend.add_bulk(model, found)

    # Title norms: the backend refreshes them after every batch, against the average title
    # length of what is indexed so far; the import computes them as it writes each batch.
    expected = index_all(theirs)
    norms = TitleNorms()
    got = index_all(lambda model, found: index_objects(backends, model, found, norms))
    if connection.vendor == "sqlite":
        fts_rows()
    assert len(got) >= 8
    assert_same_rows(got, expected)


def assert_same_rows(got: set[tuple], expected: set[tuple]) -> None:
    """Row for row, title norms included; except that the backend takes a norm of exactly 1.0
    (a title as long as the average) for a row not yet measured, and measures it again at its
    next batch against the new average."""
    norm = columns().index("title_norm")

    def keyed(found):
        return {row[:2]: row for row in found}

    ours, theirs = keyed(got), keyed(expected)
    assert ours.keys() == theirs.keys()
    for key, row in ours.items():
        other = theirs[key]
        assert row[:norm] + row[norm + 1 :] == other[:norm] + other[norm + 1 :]
        assert row[norm] == other[norm] or row[norm] == 1.0, (row, other)


def test_a_reader_finds_what_an_import_wrote(tmp_path):
    make_site()
    run_import(QUAYSIDE, uploads=quayside_uploads(tmp_path))
    backend = get_search_backend()
    pages = ArticlePage.objects.live()
    article = pages.filter(article_authors__isnull=False).first()
    author = article.article_authors.first().author.name
    assert article in list(backend.search(article.title, pages))
    assert article in list(backend.search(author, pages))
    assert {row[5] for row in rows() if row[2]} != {1.0}  # the norms were refreshed


def test_an_import_indexes_its_pages_as_the_backend_would(tmp_path):
    """The import indexes each page from what it wrote (with the text of its body worked out
    where the body was converted), not from the page loaded again: the same rows."""
    make_site()
    run_import(QUAYSIDE, uploads=quayside_uploads(tmp_path))
    imported = [p.pk for p in Page.objects.filter(depth__gte=3).exclude(sectionpage__isnull=False)]
    assert len(imported) >= 5
    names = columns()

    def page_rows() -> dict:
        found = {}
        for row in rows():
            if int(row[1]) in imported:
                found[row[1]] = tuple(v for n, v in zip(names, row) if n != "title_norm")
        return found

    ours = page_rows()
    assert set(ours) == {str(pk) for pk in imported}
    backends = search_backends()
    for model in {type(page) for page in Page.objects.filter(pk__in=imported).specific()}:
        found = objects(model)
        for backend in backends:
            backend.add_bulk(model, [page for page in found if page.pk in imported])
    theirs = page_rows()
    assert ours == theirs


def test_a_backend_that_reads_pages_itself_is_given_the_pages():
    """A search backend other than the database's own (Elasticsearch, OpenSearch) is handed the
    pages themselves, loaded, where the import has only its stand-in documents."""
    home, europe = make_site()
    rui = f.make_author("Rui Santos")
    article = f.make_article(europe, title="Ports reopen", article_type=f.make_type("Brief"),
                             authors=[rui])  # fmt: skip

    class Elsewhere:
        def add_bulk(self, model, found):
            self.given = (model, found)

    backend = Elsewhere()
    stand_in = document(ArticlePage, article.pk, title="Ports reopen", article_authors=[])
    index_objects([backend], ArticlePage, [stand_in], TitleNorms())
    model, found = backend.given
    assert model is ArticlePage and found == [article]
    assert type(found[0]) is ArticlePage
    assert [a.author.name for a in found[0].article_authors.all()] == ["Rui Santos"]
