"""Full-text search over published articles, with filters and highlighted snippets."""

import functools
import html
import logging
import re
from dataclasses import dataclass
from datetime import datetime, time

import nh3
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from modelsearch.backends.database.sqlite.utils import fts5_available as _fts5_available
from wagtail.search.backends.base import FilterFieldError

from masthead.core.blocks import paragraph_sources
from masthead.newsroom import queries

logger = logging.getLogger(__name__)
FIRST_PAGE = 20  # results per page of the search page
fts5_available = functools.cache(_fts5_available)  # it opens a database to find out
SNIPPET_WORDS = 40


@dataclass
class SearchOutcome:
    results: object  # a Wagtail SearchResults (sliceable, countable) or an empty list
    terms: list[str]
    error: str = ""


def search_articles(
    *, query: str, region=None, article_type=None, author=None, since=None, until=None
):
    """Articles matching the words, best first, narrowed by the filters."""
    articles = queries.published_articles()
    if region is not None:
        articles = articles.filter(pk__in=queries.in_region(region).values("pk"))
    if article_type is not None:
        articles = articles.filter(article_type=article_type)
    if author is not None:
        articles = articles.filter(pk__in=queries.by_author(author).values("pk"))
    if since is not None:
        articles = articles.filter(first_published_at__gte=_start_of(since))
    if until is not None:
        articles = articles.filter(first_published_at__lt=_start_of(until, next_day=True))
    narrowed = any(v is not None for v in (region, article_type, author, since, until))
    terms = words(query)
    if not terms:
        return SearchOutcome(results=[], terms=[])
    try:
        if connection.vendor == "sqlite" and fts5_available():
            results = SQLiteRankedResults(articles, terms, narrowed=narrowed)
        elif connection.vendor == "postgresql":
            results = PostgresRankedResults(articles, terms, narrowed=narrowed)
        else:
            results = articles.search(" ".join(terms), operator="and", order_by_relevance=True)
        with transaction.atomic():  # a failed query must not spoil the request's transaction
            results.count()  # run it now, so a malformed query fails here and not in the template
    except (DatabaseError, FilterFieldError, ValueError) as error:
        logger.warning("search failed for a query of %s characters: %s", len(query), error)
        return SearchOutcome(results=[], terms=terms, error="We could not run that search.")
    return SearchOutcome(results=results, terms=terms)


def words(query: str) -> list[str]:
    """The query's words, without the punctuation search engines read as operators."""
    return re.findall(r"\w[\w'’-]*", query)[:20]


def _start_of(day, next_day=False):
    moment = timezone.make_aware(datetime.combine(day, time.min))
    return moment + timezone.timedelta(days=1) if next_day else moment


def snippet(article, terms: list[str]) -> str:
    """A passage of the article around the first query word, with the words marked."""
    text = " ".join(
        nh3.clean(p, tags=set(), clean_content_tags={"footnote", "script", "style"})
        for p in paragraph_sources(article.body)
    )
    text = html.unescape(" ".join(text.split()))
    source = f"{article.dek} {text}".strip()
    # A word, or the start of one ("dam" marks "dams"), never the middle ("water" in "seawater").
    pattern = re.compile(_word_starts(terms), re.IGNORECASE) if terms else None
    tokens = source.split(" ")
    start = 0
    if pattern:
        for index, token in enumerate(tokens):
            if pattern.search(token):
                start = max(0, index - 8)
                break
    passage = " ".join(tokens[start : start + SNIPPET_WORDS])
    escaped = html.escape(passage)
    if pattern:
        escaped = re.sub(
            _word_starts(html.escape(t) for t in terms),
            lambda m: f"<mark>{m.group(0)}</mark>",
            escaped,
            flags=re.IGNORECASE,
        )
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_WORDS < len(tokens) else ""
    return prefix + escaped + suffix


def _word_starts(terms) -> str:
    return "|".join(rf"(?<!\w){re.escape(t)}" for t in terms)


class RankedResults:
    """Full-text results ranked by the database in one query over Wagtail's own index tables.

    Wagtail's database backends rank by joining every article to the index (PostgreSQL, with a
    concatenated vector no index can serve) or by a subquery per match (SQLite): seconds per
    query at 100,000 articles. Here the match drives the query through the full-text index, each
    match is checked against the live pages by primary key, and the database ranks them with the
    headline weighted highest. Indexing stays Wagtail's. Subclasses say how to match and rank.
    """

    order = ""  # "ASC" or "DESC": which end of the score is best
    join = "JOIN"
    # Counting stops here: "1,000+ results" is as useful to a reader as an exact 5,277, and an
    # exact count of a common word visits every match.
    MAX_RESULTS = 1000

    def __init__(self, articles, terms: list[str], *, narrowed: bool):
        from django.contrib.contenttypes.models import ContentType
        from wagtail.models import Page
        from wagtail.search.models import IndexEntry

        from masthead.newsroom.models.pages import restricted_paths

        self.articles = articles
        entries, pages = IndexEntry._meta.db_table, Page._meta.db_table
        content_type = ContentType.objects.get_for_model(articles.model)
        source, match_sql, match_params = self.match(entries, terms)
        self.sql = (
            f"FROM {source} {self.join} {pages} p "
            "ON p.id = CAST(e.object_id AS INTEGER) AND p.live "
            f"WHERE {match_sql} AND e.content_type_id = %s"
        )
        self.params = [*match_params, content_type.pk]
        if narrowed or restricted_paths():
            # Filters (or private sections) apply through the same query the lists use.
            candidates, params = (
                articles.order_by().values_list("pk", flat=True).query.sql_with_params()
            )
            self.sql += f" AND p.id IN ({candidates})"
            self.params += params
        self._count = None
        self.capped = False

    def match(self, entries: str, terms: list[str]) -> tuple[str, str, list]:
        raise NotImplementedError

    def score(self) -> tuple[str, list]:
        raise NotImplementedError

    def count(self) -> int:
        """How many matches, up to MAX_RESULTS (see `capped`)."""
        if self._count is None:
            total = self._capped_count(self.sql, self.params, self.MAX_RESULTS + 1)
            self.capped = total > self.MAX_RESULTS
            self._count = min(total, self.MAX_RESULTS)
        return self._count

    def __len__(self):
        return self.count()

    @staticmethod
    def _capped_count(sql: str, params: list, limit: int) -> int:
        """Matching rows, counting no further than `limit`."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM (SELECT 1 {sql} LIMIT %s) m", [*params, limit])
            return cursor.fetchone()[0]

    @staticmethod
    def _ids(sql: str, params: list) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

    def _ranked(self, start: int, size: int) -> list[int]:
        score_sql, score_params = self.score()
        return self._ids(
            f"SELECT p.id, {score_sql} AS score {self.sql} "
            f"ORDER BY score {self.order}, p.first_published_at DESC, p.id DESC "
            "LIMIT %s OFFSET %s",
            [*score_params, *self.params, size, start],
        )

    def __getitem__(self, window):
        if not isinstance(window, slice):
            return self[window : window + 1][0]
        start = window.start or 0
        stop = min(window.stop if window.stop is not None else self.MAX_RESULTS, self.MAX_RESULTS)
        ids = self._ranked(start, max(0, stop - start))
        found = self.articles.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


class SQLiteRankedResults(RankedResults):
    """SQLite FTS5: bm25 over the FTS table, headline four times the body."""

    order = "ASC"  # bm25 is negative, best first
    join = "CROSS JOIN"  # SQLite keeps the written join order for CROSS JOIN: the match first
    WEIGHTS = "0.0, 1.0, 4.0"  # FTS columns: autocomplete, body, title

    def match(self, entries, terms):
        from wagtail.search.models import SQLiteFTSIndexEntry

        self.fts = fts = SQLiteFTSIndexEntry._meta.db_table
        query = (
            "{title body} : (" + " AND ".join('"' + t.replace('"', '""') + '"' for t in terms) + ")"
        )
        # CROSS JOIN fixes SQLite's join order: the full-text match first, always.
        return f"{fts} CROSS JOIN {entries} e ON {fts}.rowid = e.id", f"{fts} MATCH %s", [query]

    def score(self):
        return f"bm25({self.fts}, {self.WEIGHTS})", []


class PostgresRankedResults(RankedResults):
    """PostgreSQL: each word must be in the headline or the body (both GIN-indexed columns);
    pieces with every word in the headline come first, then the newest. (ts_rank over the body
    reads every match's whole vector: a third of a second for a common word at 100,000.)

    The two classes are asked for one after the other: a page of results is usually all
    headline matches, so the many body-only matches of a common word are neither joined to
    their pages nor sorted; the count stops at MAX_RESULTS.
    """

    def match(self, entries, terms):
        self.query = " ".join(terms)
        each = " AND ".join(
            "(e.title @@ plainto_tsquery(%s) OR e.body @@ plainto_tsquery(%s))" for _ in terms
        )
        return f"{entries} e", f"({each})", [t for term in terms for t in (term, term)]

    HEADLINE = "e.title @@ plainto_tsquery(%s)"
    NEWEST = "ORDER BY p.first_published_at DESC, p.id DESC LIMIT %s OFFSET %s"

    def _ranked(self, start: int, size: int) -> list[int]:
        sql, params = self.sql, [*self.params, self.query]
        ids = self._ids(
            f"SELECT p.id {sql} AND {self.HEADLINE} {self.NEWEST}", [*params, size, start]
        )
        if len(ids) == size:
            return ids
        if ids:  # the headline matches ran out on this page
            headlines = start + len(ids)
        else:  # they ran out before it: how many were there?
            headlines = self._capped_count(f"{sql} AND {self.HEADLINE}", params, start + 1)
        rest = self._ids(
            f"SELECT p.id {sql} AND NOT {self.HEADLINE} {self.NEWEST}",
            [*params, size - len(ids), max(0, start - headlines)],
        )
        return ids + rest
