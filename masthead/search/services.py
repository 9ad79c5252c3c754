"""Full-text search over published articles, with filters and highlighted snippets."""

import html
import logging
import re
from dataclasses import dataclass
from datetime import datetime, time

import nh3
from django.db import DatabaseError
from django.utils import timezone
from wagtail.search.backends.base import FilterFieldError

from masthead.newsroom import queries

logger = logging.getLogger(__name__)
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
    terms = words(query)
    if not terms:
        return SearchOutcome(results=[], terms=[])
    try:
        results = articles.search(" ".join(terms), operator="and", order_by_relevance=True)
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
    paragraphs = [b.value.source for b in article.body if b.block_type == "paragraph"]
    text = " ".join(
        nh3.clean(p, tags=set(), clean_content_tags={"footnote", "script", "style"})
        for p in paragraphs
    )
    text = html.unescape(" ".join(text.split()))
    source = f"{article.dek} {text}".strip()
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE) if terms else None
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
            "|".join(re.escape(html.escape(t)) for t in terms),
            lambda m: f"<mark>{m.group(0)}</mark>",
            escaped,
            flags=re.IGNORECASE,
        )
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_WORDS < len(tokens) else ""
    return prefix + escaped + suffix
