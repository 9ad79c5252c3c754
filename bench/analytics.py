"""Readership: counting views through the app while readers read, an hour's rollup, and the
readership screen over a year of rollups, measured in one run.

    python bench/analytics.py --events 100000 [--db postgresql|sqlite] [--articles 100000]
                              [--rate 10000] [--rollup-hits 1000000] [--reuse]

1. Ingest, against the app as production runs it (granian, deploy/app-server), the article page
   read uncached (PAGE_CACHE=0). wrk replays generated views (POST /a/hit, a few thousand
   readers, referrers and devices):
   - as fast as the app takes them, for 5 s: the most it counts a second (`ingest_rps`);
   - at `--rate` a second until about `--events` are sent, while a second wrk reads the
     article page: how much less the page is read than alone, measured just before
     (`page_rps_drop_pct`);
   - the same against a second server of the same app whose endpoint answers at once and
     counts nothing (bench/nothing.py): what answering that many requests costs the page
     whatever is done with them, the floor under the figure before.
2. Rollup: `--rollup-hits` hits in one hour, rolled up by `rollups.roll_up_hour`.
3. Screen: a year of daily rollups for the archive (each piece read for its first month); the
   figures worked out as the clock does after each rollup (timed apart: no editor waits for
   it), then the readership screen rendered for an editor, by day, week and month; its p95.

Last line:
`analytics: events=N ingest_rps=<x> page_rps_drop_pct=<x> rollup_s=<x> dashboard_p95_ms=<x>`.
"""

import argparse
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import _setup
from pages import free_port, production_env, read_wrk, wait_for, wrk

ROOT = _setup.ROOT
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
PAGE_CONNECTIONS = 8
HIT_CONNECTIONS = 32  # as fast as answered
PACED_CONNECTIONS = 256  # at a rate: enough waiting that the rate holds while pages render
READERS = 5_000

HITS_LUA = """
-- Each request a view of a random piece by one of a few thousand readers; at `rate` a second
-- in all (each of wrk's two threads sends every 2/rate s), or as fast as answered for 0.
local ffi = require("ffi")
ffi.cdef[[
typedef struct {{ long tv_sec; long tv_nsec; }} timespec_t;
int clock_gettime(int clock, timespec_t *now);
]]
local clock = ffi.new("timespec_t")
local function now_ms()
  ffi.C.clock_gettime(1, clock)  -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end
local rate, due = {rate}, nil
if rate > 0 then
  delay = function()
    local now = now_ms()
    due = math.max((due or now) + 2000 / rate, now - 50)  -- never a burst to catch up
    return math.max(0, due - now)
  end
end
math.randomseed(7)
local pages, readers = {pages}, {readers}
local agents = {{
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
  "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
}}
local referrers = {{"", "", "https://news.example.com/story", "https://social.example/p/1"}}
request = function()
  local page = pages[math.random(#pages)]
  local reader = math.random(readers)
  local address = "10." .. (reader % 250) .. "." .. (math.floor(reader / 250) % 250) .. ".7"
  local body = "p=" .. page .. "&k=v&r=" .. referrers[math.random(#referrers)]
  if reader % 10 == 0 then body = body .. "&s=newsletter" end
  return wrk.format("POST", "/a/hit", {{
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["User-Agent"] = agents[reader % #agents + 1],
    ["X-Forwarded-For"] = address,
  }}, body)
end
"""


def wrk_script(url: str, seconds: int, script: Path, connections: int) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return read_wrk(url, out)


def ingest(ports: tuple[int, int], article: str, page_ids: list[int], events: int, rate: int,
           workdir: Path) -> dict:  # fmt: skip
    app, nothing = (f"http://127.0.0.1:{port}" for port in ports)

    def hits(base: str, seconds: int, rate: int) -> dict:
        script = workdir / f"hits-{rate}.lua"
        pages = "{" + ",".join(map(str, page_ids)) + "}"
        script.write_text(HITS_LUA.format(pages=pages, readers=READERS, rate=rate))
        connections = PACED_CONNECTIONS if rate else HIT_CONNECTIONS
        return wrk_script(base + "/a/hit", seconds, script, connections)

    def page_beside(base: str, seconds: int) -> tuple[float, dict, float]:
        """The article page's rate from the server at `base` while views go to it at `rate`;
        the share of the machine's cores the two wrk took."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with tempfile.TemporaryFile("w+") as page_out:
            reader = subprocess.Popen(
                ["wrk", "-t1", f"-c{PAGE_CONNECTIONS}", f"-d{seconds}s", base + article],
                stdout=page_out,
                text=True,
            )
            sent = hits(base, seconds, rate)
            reader.wait()
            page_out.seek(0)
            during = read_wrk(base + article, page_out.read())["rps"]
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        return during, sent, 100 * used / (seconds * (os.cpu_count() or 1))

    alone = wrk(app + article, 10, PAGE_CONNECTIONS)["rps"]
    seconds = max(10, round(events / rate))
    during, sent, wrk_share = page_beside(app, seconds)
    floor, answered, _ = page_beside(nothing, seconds)
    most = hits(app, 5, 0)  # last: its hits are still being written for a while after
    return {"most": most, "alone": alone, "during": during, "sent": sent, "floor": floor,
            "answered": answered, "wrk_share": wrk_share}  # fmt: skip


def counted(sent: int) -> int:
    """Hits in the database once every process's last batch is written."""
    from masthead.analytics.models import Hit

    deadline = time.monotonic() + 30
    while True:
        found = Hit.objects.count()
        if found >= sent or time.monotonic() > deadline:
            return found
        time.sleep(0.5)


def rollup(hits: int, page_ids: list[int]) -> float:
    """Seconds to roll up one hour of `hits` (written straight into the table first)."""
    from django.db import transaction

    from masthead.analytics import rollups
    from masthead.analytics.models import Hit, PageDay, PageHour, Seen, SourceDay

    hour = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(days=2)
    rng = random.Random(11)
    batch = []
    with transaction.atomic():
        for n in range(hits):
            reader = rng.randrange(hits // 4)
            batch.append(
                Hit(
                    page_id=rng.choice(page_ids),
                    hour=hour,
                    visitor=f"{reader:016x}",
                    referrer=rng.choice(["", "", "news.example.com"]),
                    device=rng.choice("ppdt"),
                    newsletter=n % 10 == 0,
                )  # fmt: skip
            )
            if len(batch) == 10_000:
                Hit.objects.bulk_create(batch)
                batch = []
        Hit.objects.bulk_create(batch)
    vacuum(Hit, PageDay, PageHour, SourceDay, Seen)
    started = time.perf_counter()
    with transaction.atomic():
        rollups.roll_up_hour(hour)
    return time.perf_counter() - started


def vacuum(*models) -> None:
    """What PostgreSQL's autovacuum does by default, done now: on the machines these figures
    were taken on it is off, and the rows earlier runs updated or deleted would stay in the
    tables and their indexes for good."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in models:
                cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")


def year_of_rollups(page_ids: list[int]) -> int:
    """Daily rollups for a year: each piece read for the 30 days after its (spread) start."""
    from masthead.analytics.models import PageDay, SourceDay

    if PageDay.objects.filter(page_id__gt=0).count() > len(page_ids):
        return PageDay.objects.count()  # an earlier run's, kept with --reuse
    today = datetime.now(UTC).date()
    rng = random.Random(5)
    rows, sources, site = [], [], {}
    for pk in page_ids:
        start = today - timedelta(days=rng.randrange(365))
        for offset in range(30):
            day = start + timedelta(days=offset)
            if day > today:
                break
            views = max(1, int(400 / (offset + 1)))
            rows.append(PageDay(day=day, page_id=pk, views=views, visitors=views * 4 // 5,
                                newsletter_views=views // 10, read_25=views // 2,
                                read_100=views // 5))  # fmt: skip
            site[day] = site.get(day, 0) + views
            if offset < 3:
                sources.append(SourceDay(day=day, page_id=pk, referrer="news.example.com",
                                         views=views // 3))  # fmt: skip
        if len(rows) > 20_000:
            PageDay.objects.bulk_create(rows, ignore_conflicts=True)  # beside the rollup's own
            rows = []
    PageDay.objects.bulk_create(rows, ignore_conflicts=True)
    SourceDay.objects.bulk_create(sources, batch_size=20_000, ignore_conflicts=True)
    PageDay.objects.bulk_create(
        [PageDay(day=d, page_id=0, views=v, visitors=v * 3 // 4) for d, v in site.items()],
        ignore_conflicts=True,
    )
    return PageDay.objects.count()


def dashboard_p95(rounds: int = 60) -> tuple[float, list[float]]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from masthead.users.roles import EDITOR

    user, _ = get_user_model().objects.update_or_create(
        username="bench-editor", defaults={"is_superuser": False, "is_staff": True}
    )  # the Editor role, as the newsroom's editors have it
    user.groups.set([Group.objects.get(name=EDITOR.name)])
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    times = []
    for n in range(rounds):
        url = f"/admin/readership/?period={['day', 'week', 'month'][n % 3]}"
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    times.sort()
    return times[math.ceil(0.95 * len(times)) - 1], times  # the nearest rank


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rate", type=int, default=10_000, help="views a second beside readers")
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="postgresql")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--rollup-hits", type=int, default=1_000_000)
    parser.add_argument("--reuse", action="store_true", help="keep an earlier run's archive")
    args = parser.parse_args()
    kept = _setup.configure(f"masthead_bench_analytics_{args.articles}", args.db, reuse=args.reuse)

    from django.core.cache import cache
    from django.core.management import call_command
    from generate import generate_articles

    from masthead.analytics import reports
    from masthead.analytics.models import Hit, PageHour, Rollup, Seen
    from masthead.newsroom import queries
    from masthead.newsroom.models import ArticlePage

    call_command("migrate", verbosity=0)
    if not kept:
        started = time.perf_counter()
        generate_articles(args.articles, log=lambda m: None)
        print(f"generated {args.articles:,} articles in {time.perf_counter() - started:.0f} s")
    for model in (Hit, PageHour, Seen, Rollup):
        model.objects.all().delete()
    # A run before (--reuse) made the same visitor hashes this one makes; gone from the indexes
    # too, as a real day's never meet the next day's (each day's salt is new).
    vacuum(Hit, PageHour, Seen)
    page_ids = list(ArticlePage.objects.values_list("pk", flat=True))
    article = queries.stories()[len(page_ids) // 2].url

    env = production_env(REDIS_URL, PAGE_CACHE="0")
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                   cwd=ROOT, env=env, check=True)  # fmt: skip
    ports = free_port(), free_port()
    with tempfile.TemporaryDirectory(prefix="masthead-bench-") as tmp:
        log = open(Path(tmp) / "app.log", "wb")  # noqa: SIM115 - closed below
        servers = [
            subprocess.Popen(
                ["deploy/app-server"],
                cwd=ROOT,
                env={
                    **env,
                    "APP_BIND": f"127.0.0.1:{port}",
                    "PYTHON": sys.executable,
                    "APP_MODULE": module,
                },  # fmt: skip
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            for port, module in zip(
                ports, ["masthead.wsgi:application", "bench.nothing:application"]
            )
        ]
        try:
            for port in ports:
                wait_for(f"http://127.0.0.1:{port}/robots.txt")
            print(f"ingest: views counted beside readers of {article}", flush=True)
            got = ingest(ports, article, page_ids[:2000], args.events, args.rate, Path(tmp))
            time.sleep(3)  # every process's last batch is written within two seconds
        finally:
            for server in servers:
                server.terminate()  # the app's last batches are written as it stops
                server.wait(30)
            log.close()
    found = counted(got["most"]["requests"] + got["sent"]["requests"])
    drop = 100 * (got["alone"] - got["during"]) / got["alone"]
    floor = 100 * (got["alone"] - got["floor"]) / got["alone"]
    print(
        f"  as fast as the app takes them: {got['most']['rps']:,.0f} views/s; {found:,} "
        f"counted of {got['most']['requests'] + got['sent']['requests']:,} sent\n"
        f"  article page {got['alone']:,.0f} req/s alone; {got['during']:,.0f} while "
        f"{got['sent']['rps']:,.0f} views/s are counted ({drop:.1f}% less); "
        f"{got['floor']:,.0f} while {got['answered']['rps']:,.0f}/s are answered and not "
        f"counted ({floor:.1f}% less); the two wrk themselves took {got['wrk_share']:.0f}% of the "
        f"machine's {os.cpu_count()} cores"
    )
    print(f"rollup: one hour of {args.rollup_hits:,} hits", flush=True)
    rollup_s = rollup(args.rollup_hits, page_ids)
    print(f"  rolled up in {rollup_s:.2f} s")
    rows = year_of_rollups(page_ids)
    cache.clear()  # a run before (--reuse) may have left the figures worked out
    started = time.perf_counter()
    reports.warm()  # the clock's job after each rollup
    warm_s = time.perf_counter() - started
    p95, times = dashboard_p95()
    print(
        f"screen: {rows:,} daily rollups of {len(page_ids):,} pieces over a year; figures "
        f"worked out by the clock in {warm_s:.1f} s (three periods); readership screen median "
        f"{statistics.median(times):.0f} ms, p95 {p95:.0f} ms"
    )
    print(
        f"analytics: events={found} ingest_rps={got['most']['rps']:.0f} "
        f"page_rps_drop_pct={drop:.1f} rollup_s={rollup_s:.2f} dashboard_p95_ms={p95:.0f}"
    )


if __name__ == "__main__":
    main()
