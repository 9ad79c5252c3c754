"""Search latency and feed build time over a generated archive.

    python bench/search.py --articles 100000 --db sqlite
    python bench/search.py --articles 100000 --db postgresql

Prints, for a fixed set of 50 queries, p50 and p95 of a full search (query, count, first page
of 20 with snippets) beside a baseline measured in the same run: the same work for the LATEST
list, which needs no full-text index. Then the time to build the 50-item full-content RSS feed,
cold (empty cache) and cached.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _setup  # noqa: E402

QUERIES = [
    "ceasefire",
    "sanctions",
    "pipeline",
    "drought",
    "election",
    "treaty",
    "grain",
    "harbour",
    "railway",
    "summit",
    "tariffs",
    "refugees",
    "parliament",
    "junta",
    "currency",
    "embargo",
    "frontier",
    "inflation",
    "troops",
    "uprising",
    "ceasefire border",
    "oil sanctions",
    "grain corridor",
    "election protest",
    "trade treaty",
    "water drought",
    "power pipeline",
    "army siege",
    "port shipping",
    "energy investment",
    "summit delegation",
    "defence budget",
    "wheat exports",
    "court reform",
    "coalition vote",
    "crisis envoy",
    "deterrence strategy",
    "security alliance",
    "refugees border crisis",
    "oil pipeline sanctions",
    "harbour shipping trade",
    "election coalition parliament",
    "siege troops army",
    "currency inflation economy",
    "grain wheat exports",
    "ceasefire negotiation envoy",
    "railway corridor infrastructure",
    "tariffs trade embargo",
    "junta uprising protest",
    "energy power water",
]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--rounds", type=int, default=3, help="times each query is run")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the archive a previous run generated, if any"
    )
    args = parser.parse_args()
    kept = _setup.configure(f"masthead_bench_search_{args.articles}", args.db, reuse=args.reuse)

    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client
    from generate import generate_articles, settle

    from masthead.newsroom import queries
    from masthead.search.services import search_articles, snippet

    call_command("migrate", verbosity=0)
    if kept:
        print("reusing the archive of an earlier run")
    else:
        started = time.perf_counter()
        generate_articles(args.articles, log=lambda m: None)
        print(f"generated {args.articles:,} articles in {time.perf_counter() - started:.0f} s")
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        settle()
        print(f"built the search index in {time.perf_counter() - started:.0f} s", flush=True)

    def full_search(query):
        outcome = search_articles(query=query)
        outcome.results.count()
        page = queries.decorate(list(outcome.results[:20]))
        for article in page:
            snippet(article, outcome.terms)

    def latest_list():
        page = queries.decorate(list(queries.stories()[:20]))
        queries.stories().count()
        return page

    for query in QUERIES:  # warm caches and the database's pages once
        full_search(query)
    search_ms, baseline_ms = [], []
    for _ in range(args.rounds):
        for query in QUERIES:
            search_ms.append(timed(lambda q=query: full_search(q)))
            baseline_ms.append(timed(latest_list))

    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/feed/")  # renditions for the feed's photos exist from here on
    cold, cached = [], []
    for _ in range(5):
        cache.clear()
        cold.append(timed(lambda: client.get("/feed/")))
        cached.append(timed(lambda: client.get("/feed/")))

    p50, p95 = _setup.percentile(search_ms, 0.5), _setup.percentile(search_ms, 0.95)
    b50, b95 = _setup.percentile(baseline_ms, 0.5), _setup.percentile(baseline_ms, 0.95)
    print()
    print(f"{'':28}{'p50 ms':>10}{'p95 ms':>10}")
    print(f"{'search (50 queries x ' + str(args.rounds) + ')':28}{p50:>10.1f}{p95:>10.1f}")
    print(f"{'baseline: LATEST list':28}{b50:>10.1f}{b95:>10.1f}")
    print(f"{'feed, cold (median of 5)':28}{statistics.median(cold):>10.1f}")
    print(f"{'feed, cached (median of 5)':28}{statistics.median(cached):>10.1f}")
    print()
    print(f"search: articles={args.articles} db={args.db} p50_ms={p50:.1f} p95_ms={p95:.1f}")
    print(
        f"feed: articles={args.articles} db={args.db} "
        f"cold_ms={statistics.median(cold):.1f} cached_ms={statistics.median(cached):.1f}"
    )


if __name__ == "__main__":
    main()
