"""Hits rolled up into the tables editors read, one finished hour at a time, and the clean-up
after a day: its visitor hashes blanked, its salt and its "seen today" rows deleted, and hits
past the retention period deleted.

An hour is rolled up once, in one transaction with the mark of how far the rollup has got, so
a rollup stopped halfway and run again counts every hour once. Hits are grouped in the
database (one scan of the hour for every count, one insert each for the visitors), so an hour
of a million hits takes seconds.
"""

from datetime import UTC, date, datetime, time, timedelta

from django.db import connection, transaction
from django.db.models import Count, Q
from wagtail.models import Page

from masthead.analytics.models import (
    DeviceDay,
    Hit,
    PageDay,
    PageHour,
    ReadershipSettings,
    Rollup,
    Salt,
    SeenToday,
    SourceDay,
)
from masthead.core.rows import add_rows

HOUR = timedelta(hours=1)
GRACE = timedelta(minutes=5)  # hits still in a process's batch when the hour ends get there
SITE = 0  # the page id the whole site's counts are kept under
DEPTH_FIELDS = {25: "read_25", 50: "read_50", 75: "read_75", 100: "read_100"}
IDS_PER_QUERY = 5000  # below SQLite's limit on a statement's parameters
SEEN_SQL = (
    f"INSERT INTO {SeenToday._meta.db_table} (day, page_id, visitor) "
    f"SELECT {{distinct}} %s, {{page}}, visitor FROM {Hit._meta.db_table} "
    "WHERE hour = %s AND kind = %s AND visitor <> '' "
    f"AND (page_id = 0 OR page_id IN (SELECT id FROM {Page._meta.db_table})) "
    "ON CONFLICT (day, page_id, visitor) DO NOTHING"
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
    day = hour.date()
    # One scan of the hour's hits, grouped by everything kept per page; the tables are filled
    # from the groups (devices, kept for the site only, are grouped apart: with them, an hour
    # over many pages has nearly a group per hit). A hit names its page as the beacon (or
    # anyone) sent it: one for no page there is not counted, so made-up ids fill no table.
    this_hour = Hit.objects.filter(hour=hour)
    groups = list(
        this_hour.values("page_id", "kind", "depth", "newsletter", "referrer", "source")
        .annotate(n=Count("id"))
        .values_list("page_id", "kind", "depth", "newsletter", "referrer", "source", "n")
    )
    known = _existing({group[0] for group in groups})
    pages: dict[int, dict[str, int]] = {}
    hourly: dict[int, int] = {}
    sources: dict[tuple, int] = {}

    def add(page_id: int, field: str, amount: int) -> None:
        for counted in {page_id, SITE}:
            counts = pages.setdefault(counted, {})
            counts[field] = counts.get(field, 0) + amount

    for page_id, kind, depth, newsletter, referrer, source, n in groups:
        if page_id not in known:
            continue
        if kind == Hit.VIEW:
            add(page_id, "views", n)
            if newsletter:
                add(page_id, "newsletter_views", n)
            if page_id != SITE:
                hourly[page_id] = hourly.get(page_id, 0) + n
            key = (day, page_id, referrer, source)
            sources[key] = sources.get(key, 0) + n
        elif kind == Hit.READ and depth in DEPTH_FIELDS:
            add(page_id, DEPTH_FIELDS[depth], n)
    if not pages:
        return
    PageHour.objects.bulk_create(
        [PageHour(hour=hour, page_id=page_id, views=n) for page_id, n in hourly.items()],
        batch_size=1000,
        ignore_conflicts=True,
    )
    # A reader counts once a day for each page, and once for the site: the hour's visitors
    # are added to the day's, in the database, and each page's are counted there.
    # PostgreSQL inserts faster when the hour's pairs are made distinct first (9.5 s against
    # 11.5 s for a million hits); SQLite when its unique index alone drops them (6.2 s against
    # 11.9 s).
    distinct = "DISTINCT" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        for page in ("page_id", str(SITE)):
            stored = [connection.ops.adapt_datefield_value(day),
                      connection.ops.adapt_datetimefield_value(hour), Hit.VIEW]  # fmt: skip
            cursor.execute(SEEN_SQL.format(distinct=distinct, page=page), stored)
    ids, visitors = list(pages), {}
    for start in range(0, len(ids), IDS_PER_QUERY):  # SQLite takes so many ids at most
        visitors.update(
            SeenToday.objects.filter(day=day, page_id__in=ids[start : start + IDS_PER_QUERY])
            .values("page_id")
            .annotate(n=Count("id"))
            .values_list("page_id", "n")
        )
    _add_to_days(day, pages, visitors)
    _add_counts(SourceDay, sources, ["day", "page_id", "referrer", "source"])
    views = this_hour.filter(kind=Hit.VIEW).filter(
        Q(page_id=SITE) | Q(page_id__in=Page.objects.values("pk"))
    )
    devices = {(day, d): n for d, n in views.values_list("device").annotate(n=Count("id"))}
    _add_counts(DeviceDay, devices, ["day", "device"])


def _existing(page_ids: set[int]) -> set[int]:
    """Which of `page_ids` are pages (and the site's 0), a few thousand ids per query."""
    ids, found = sorted(page_ids - {SITE}), {SITE}
    for start in range(0, len(ids), IDS_PER_QUERY):
        chunk = ids[start : start + IDS_PER_QUERY]
        found.update(Page.objects.filter(pk__in=chunk).values_list("pk", flat=True))
    return found


def _add_to_days(day: date, pages: dict[int, dict[str, int]], visitors: dict[int, int]) -> None:
    """Each page's counts added to its row for the day; its visitors so far set (they only
    grow through a day, so the larger of the two is today's count)."""
    fields = ["views", "newsletter_views", *DEPTH_FIELDS.values()]
    rows = [
        (day, page_id, *(counts.get(field, 0) for field in fields), visitors.get(page_id, 0))
        for page_id, counts in pages.items()
    ]
    add_rows(PageDay, ["day", "page_id"], fields, rows, largest=["visitors"])


def _add_counts(model, counts: dict[tuple, int], keys: list[str]) -> None:
    """Each count added to its row of `model` (made if missing), found by `keys`."""
    add_rows(model, keys, ["views"], [(*key, amount) for key, amount in counts.items()])


def clean_up(done_until: datetime, now: datetime, *, day_ended: bool) -> list[str]:
    """What is not kept: the hashes, salts and seen rows of days fully rolled up (when a day
    has just ended), and hits past the retention period."""
    lines = []
    blanked = 0
    if day_ended:
        finished = done_until.date()  # every day before this one is rolled up whole
        start = datetime.combine(finished, time(), tzinfo=UTC)
        blanked = Hit.objects.filter(hour__lt=start).exclude(visitor="").update(visitor="")
        SeenToday.objects.filter(day__lt=finished).delete()
        Salt.objects.filter(day__lt=min(finished, now.astimezone(UTC).date())).delete()
    keep = ReadershipSettings.load().retention_days
    deleted, _ = Hit.objects.filter(hour__lt=now - timedelta(days=keep)).delete()
    if blanked:
        lines.append(f"Readership: forgot the visitor hashes of {blanked} hits of past days.")
    if deleted:
        lines.append(f"Readership: deleted {deleted} hits older than {keep} days.")
    return lines
