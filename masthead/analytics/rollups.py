"""Hits rolled up into the tables editors read, one finished hour at a time, and the clean-up
after a day: its visitor hashes blanked, its salt and its "seen today" rows deleted, and hits
past the retention period deleted.

An hour is rolled up once, in one transaction with the mark of how far the rollup has got, so
a rollup stopped halfway and run again counts every hour once. The counting is done in the
database, so an hour of a million hits takes seconds: at 100,000 pages, 7 s on SQLite and
10 s on PostgreSQL (it was 17 and 20 with the hits grouped by one query and added from here).
"""

from datetime import UTC, datetime, time, timedelta

from django.db import connection, transaction
from wagtail.models import Page

from masthead.analytics.models import (
    DeviceDay,
    Hit,
    PageDay,
    PageHour,
    ReadershipSettings,
    Rollup,
    Salt,
    Seen,
    SourceDay,
)

HOUR = timedelta(hours=1)
GRACE = timedelta(minutes=5)  # hits still in a process's batch when the hour ends get there
SITE = 0  # the page id the whole site's counts are kept under
DEPTH_FIELDS = {25: "read_25", 50: "read_50", 75: "read_75", 100: "read_100"}
# The hour is rolled up in the database, none of its hits coming through Python. Its hits of
# pages there are (a hit names its page as the beacon, or anyone, sent it: one of no page is
# counted nowhere) and of the site's lists (page 0) are copied once to a table of this
# connection's own; each count is then one statement over it: INSERT … SELECT … GROUP BY … ON
# CONFLICT DO UPDATE. (Reading the hour out of all the hits for every statement was most of
# an hour's rollup on SQLite: 1.3 s a time for a million.)
HOUR_HITS = "readership_hour"
COPY_HOUR = (
    f"CREATE TEMPORARY TABLE {HOUR_HITS} AS SELECT page_id, kind, depth, newsletter, referrer, "
    f"source, device, visitor FROM {Hit._meta.db_table} WHERE hour = %s AND "
    f"(page_id = {SITE} OR page_id IN (SELECT id FROM {Page._meta.db_table}))"
)
EACH_PAGE = f"page_id <> {SITE}"  # page 0's own are the lists' hits: the site's alone
# Rows go in sorted, as their unique index holds them, so that each lands beside the last: an
# hour of a million hits over 100,000 pages made its (page, visitor) pairs in 4.6 s instead of
# 8.7 on PostgreSQL (DISTINCT, in no order), and in 2.7 s instead of 6.6 on SQLite.
ADD = (
    "INSERT INTO {table} ({columns}) SELECT {values} FROM {source} WHERE {where} "
    "GROUP BY {group} ORDER BY {group} ON CONFLICT ({keys}) DO UPDATE SET {sums}"
)
PAGE_DAY = ["views", "newsletter_views", *DEPTH_FIELDS.values(), "visitors"]
PAGE_DAY_COUNTS = (  # PAGE_DAY's values from the hour's hits, and from its new visitors
    "count(*) FILTER (WHERE kind = 'v'), count(*) FILTER (WHERE kind = 'v' AND newsletter), "
    + ", ".join(f"count(*) FILTER (WHERE kind = 'r' AND depth = {d})" for d in DEPTH_FIELDS)
    + ", {visitors}"
)
# The hour's (page, visitor) pairs not seen yet today, added to the day's.
PAIR = "kind = 'v' AND visitor <> ''"  # a view by a reader whose hash is kept
SEEN = (
    f"INSERT INTO {Seen._meta.db_table} (day, page_id, visitor) "
    f"SELECT %s, {{page}}, visitor FROM {HOUR_HITS} WHERE {PAIR} AND {{where}} "
    "GROUP BY {pairs} ORDER BY {pairs} ON CONFLICT (day, page_id, visitor) DO NOTHING"
)


def start_of_hour(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def roll_up(now: datetime | None = None) -> list[str]:
    """Roll up every finished hour not rolled up yet; then the clean-up. Returns what it did."""
    now = now or datetime.now(UTC)
    last = start_of_hour(now - GRACE)  # hours before this one are finished
    state = Rollup.objects.first()
    if state is None:
        first = Hit.objects.order_by("hour").values_list("hour", flat=True).first()
        if first is None:
            return []
        state = Rollup.objects.create(done_until=start_of_hour(first))
    hours = 0
    hour = state.done_until
    while hour < last:
        # Straight to the next hour that has hits: a quiet night costs one query.
        hour = (
            Hit.objects.filter(hour__gte=hour, hour__lt=last)
            .order_by("hour")
            .values_list("hour", flat=True)
            .first()
        ) or last
        with transaction.atomic():
            # Another clock may have got past this hour since (a tick that outlived the clock's
            # lock): the mark, locked until this hour is in, says whether it is still to do.
            done = Rollup.objects.select_for_update().get(pk=state.pk).done_until
            if done > hour:
                hour = done
                continue
            if hour < last:
                roll_up_hour(hour)
                hours += 1
                hour += HOUR
            Rollup.objects.filter(pk=state.pk).update(done_until=hour)
    lines = [f"Readership: rolled up {hours} hour{'s' * (hours != 1)}."] if hours else []
    # A day's hashes, salt and seen rows go once the rollup has passed its end (once a day,
    # not every minute the clock ticks); hits past the retention period go every time.
    return lines + clean_up(hour, now, day_ended=hour.date() > state.done_until.date())


def roll_up_hour(hour: datetime) -> None:
    day = connection.ops.adapt_datefield_value(hour.date())
    at = connection.ops.adapt_datetimefield_value(hour)
    with connection.cursor() as cursor:

        def add(model, keys, values, where, group="", source=HOUR_HITS, before="", params=()):
            """Each group's counts added to its row of `model`, made if missing (its first key
            is the day or the hour, the same for all; the hits are grouped by the others)."""
            table, added = model._meta.db_table, PAGE_DAY if model is PageDay else ["views"]
            sums = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in added)
            columns, group = ", ".join([*keys, *added]), group or ", ".join(keys[1:])
            statement = ADD.format(
                table=table,
                columns=columns,
                values=values,
                source=source,
                where=where,
                group=group,
                keys=", ".join(keys),
                sums=sums,
            )
            cursor.execute(before + statement, [*params, day if keys[0] == "day" else at])

        cursor.execute(f"DROP TABLE IF EXISTS {HOUR_HITS}")  # one a failed rollup left
        cursor.execute(COPY_HOUR, [at])
        # A reader counts once a day for each page, and once for the site (page 0, whose row
        # also counts every page's hits with the lists' own): the hour's (page, visitor) pairs
        # are added to the day's, and those not there yet to the page's visitors.
        for page, pairs, where, group in (
            ("page_id", "page_id, visitor", EACH_PAGE, "page_id"),
            (str(SITE), "visitor", "true", "2"),  # the second column: all one group
        ):
            seen = SEEN.format(page=page, pairs=pairs, where=where)
            before, visitors, source = _new_visitors(page, seen)
            counts = PAGE_DAY_COUNTS.format(visitors=visitors)
            add(PageDay, ["day", "page_id"], f"%s, {page}, {counts}", where, group, source,
                before, params=[day])  # fmt: skip
            if not before:  # SQLite: the pairs go in once they are counted
                cursor.execute(seen, [day])
        add(PageHour, ["hour", "page_id"], "%s, page_id, count(*)", f"kind = 'v' AND {EACH_PAGE}")
        add(SourceDay, ["day", "page_id", "referrer", "source"],
            "%s, page_id, referrer, source, count(*)", "kind = 'v'")  # fmt: skip
        add(DeviceDay, ["day", "device"], "%s, device, count(*)", "kind = 'v'")
        cursor.execute(f"DROP TABLE {HOUR_HITS}")


def _new_visitors(page: str, seen: str) -> tuple[str, str, str]:
    """How PageDay's statement for `page` ("page_id", or the site's "0") counts the visitors
    new today: what goes before it, the count, and what it reads. PostgreSQL adds the pairs in
    that statement (`seen` in its WITH) and counts the rows added, so that each day row is
    written once. SQLite, whose statements cannot hold an insert, counts the pairs `Seen` has
    not got yet (nothing goes before, and the caller adds them after). Either way the one
    parameter the visitors take is the day."""
    if connection.vendor == "postgresql":
        before = (f"WITH added AS ({seen} RETURNING page_id), new AS "
                  "(SELECT page_id, count(*) AS n FROM added GROUP BY page_id) ")  # fmt: skip
        if page == "page_id":
            return before, "coalesce(max(new.n), 0)", f"{HOUR_HITS} LEFT JOIN new USING (page_id)"
        return before, "coalesce((SELECT n FROM new), 0)", HOUR_HITS
    of = f"{HOUR_HITS}.page_id" if page == "page_id" else page
    new = (f"NOT EXISTS (SELECT 1 FROM {Seen._meta.db_table} AS s WHERE s.day = %s "
           f"AND s.page_id = {of} AND s.visitor = {HOUR_HITS}.visitor)")  # fmt: skip
    return "", f"count(DISTINCT visitor) FILTER (WHERE {PAIR} AND {new})", HOUR_HITS


def clean_up(done_until: datetime, now: datetime, *, day_ended: bool) -> list[str]:
    """What is not kept: the hashes, salts and seen rows of days fully rolled up (when a day
    has just ended), and hits past the retention period."""
    lines = []
    blanked = 0
    if day_ended:
        finished = done_until.date()  # every day before this one is rolled up whole
        start = datetime.combine(finished, time(), tzinfo=UTC)
        blanked = Hit.objects.filter(hour__lt=start).exclude(visitor="").update(visitor="")
        Seen.objects.filter(day__lt=finished).delete()
        Salt.objects.filter(day__lt=min(finished, now.astimezone(UTC).date())).delete()
    keep = ReadershipSettings.load().retention_days
    deleted, _ = Hit.objects.filter(hour__lt=now - timedelta(days=keep)).delete()
    if blanked:
        lines.append(f"Readership: forgot the visitor hashes of {blanked} hits of past days.")
    if deleted:
        lines.append(f"Readership: deleted {deleted} hits older than {keep} days.")
    return lines
