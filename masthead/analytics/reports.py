"""What the readership screens show, from the rollups alone (never the hits): the site's views
and visitors over time, the pieces, regions, types and authors read most, where readers came
from and on what, and one piece's readership since it was published.

Each is one grouped query (regions, types and authors joined to the pages in SQL). The site's
figures change only when an hour is rolled up, so they are worked out once per rollup, by the
clock right after it (`warm`), and kept in the shared cache under the rollup's mark: every
process's screen reads them ready, and the next rollup's mark is a new key.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Sum
from wagtail.models import Page

from masthead.analytics.models import DeviceDay, Hit, PageDay, Rollup, SourceDay
from masthead.analytics.rollups import SITE
from masthead.newsroom.models import ArticleAuthor, ArticlePage, ArticleType, Author

PERIODS = {"day": "By day", "week": "By week", "month": "By month"}
SPANS = {"day": 30, "week": 26, "month": 12}  # how many of each the screens show
DEVICES = {Hit.PHONE: "Phones", Hit.TABLET: "Tablets", Hit.DESKTOP: "Computers"}
COUNTED = ("views", "visitors", "newsletter_views", "read_25", "read_50", "read_75", "read_100")
REPORT_KEY = "readership:site:2:{period}:{today}:{mark}"  # 2: the shape kept; bump on change
REPORT_SECONDS = 2 * 60 * 60  # a key outlives the hour it is for; the next rollup's is new


@dataclass
class Bucket:
    start: date
    label: str
    views: int = 0
    visitors: int = 0
    newsletter_views: int = 0


def bucket_start(day: date, period: str) -> date:
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return day


def _step_back(start: date, period: str) -> date:
    if period == "month":
        return (start - timedelta(days=1)).replace(day=1)
    return start - timedelta(days=7 if period == "week" else 1)


def _label(start: date, period: str) -> str:
    if period == "month":
        return f"{start:%b %Y}"
    return f"{'w/c ' if period == 'week' else ''}{start.day} {start:%b}"


def buckets(period: str, today: date) -> list[Bucket]:
    """The last SPANS[period] days, weeks or months, oldest first, empty."""
    starts = [bucket_start(today, period)]
    while len(starts) < SPANS[period]:
        starts.append(_step_back(starts[-1], period))
    return [Bucket(start, _label(start, period)) for start in reversed(starts)]


def over_time(period: str, today: date, page_id: int = SITE) -> list[Bucket]:
    """Views, visitors and newsletter arrivals per day, week or month (a page's, or the
    site's). A week's or month's visitors add up its days' (a reader who comes on two days
    counts twice: the hash that would tell them apart is not kept past the day)."""
    found = buckets(period, today)
    by_start = {bucket.start: bucket for bucket in found}
    rows = PageDay.objects.filter(page_id=page_id, day__gte=found[0].start, day__lte=today)
    for day, views, visitors, newsletter in rows.values_list(
        "day", "views", "visitors", "newsletter_views"
    ):
        bucket = by_start[bucket_start(day, period)]
        bucket.views += views
        bucket.visitors += visitors
        bucket.newsletter_views += newsletter
    return found


def site_report(period: str, today: date) -> dict:
    """The site's figures for the last SPANS[period] days, weeks or months up to `today`:
    over time, the pieces, regions, types and authors read most, referrers and devices."""
    mark = Rollup.objects.values_list("done_until", flat=True).first()
    key = REPORT_KEY.format(period=period, today=today, mark=mark.isoformat() if mark else "-")
    report = cache.get(key)
    if report is None:
        series = over_time(period, today)
        start = series[0].start
        report = {
            "series": series,
            "pieces": top_pages(start, today),
            "regions": by_region(start, today),
            "types": by_type(start, today),
            "authors": by_author(start, today),
            "referrers": referrers(start, today),
            "devices": devices(start, today),
        }
        cache.set(key, report, REPORT_SECONDS)
    return report


def warm(now: datetime | None = None) -> list[str]:
    """A clock job, after the rollup: every period's figures worked out if the rollup moved
    on (or the cache lost them); a few cheap reads when nothing changed."""
    today = (now or datetime.now(UTC)).date()
    for period in PERIODS:
        site_report(period, today)
    return []


def top_pages(start: date, end: date, limit: int = 20) -> list[dict]:
    """The pages read most between two days (inclusive), with their titles and read depth."""
    rows = list(
        PageDay.objects.filter(day__gte=start, day__lte=end)
        .exclude(page_id=SITE)
        .values("page_id")
        .annotate(**{name: Sum(name) for name in COUNTED})
        .order_by("-views", "page_id")[:limit]
    )
    pages = {
        page["pk"]: page
        for page in Page.objects.filter(pk__in=[r["page_id"] for r in rows]).values(
            "pk", "title", "url_path"
        )
    }
    for row in rows:
        page = pages.get(row["page_id"])
        row["title"] = page["title"] if page else f"(a page since deleted, {row['page_id']})"
        row["found"] = page is not None
        row["read_to_end"] = round(100 * row["read_100"] / row["views"]) if row["views"] else 0
    return rows


def _grouped(sql: str, start: date, end: date) -> list[tuple]:
    ops = connection.ops
    with connection.cursor() as cursor:
        cursor.execute(sql, [ops.adapt_datefield_value(start), ops.adapt_datefield_value(end)])
        return cursor.fetchall()


def by_region(start: date, end: date) -> list[dict]:
    """Views of the pieces filed under each region (a region is a page two levels down)."""
    days, pages = PageDay._meta.db_table, Page._meta.db_table
    width = Page.steplen * 3  # root, front page, region
    rows = _grouped(
        f"SELECT SUBSTR(p.path, 1, {width}), SUM(d.views), SUM(d.visitors) FROM {days} d "
        f"JOIN {pages} p ON p.id = d.page_id WHERE d.day >= %s AND d.day <= %s "
        f"AND p.depth > 3 GROUP BY SUBSTR(p.path, 1, {width}) ORDER BY 2 DESC",
        start,
        end,
    )
    names = dict(Page.objects.filter(depth=3).values_list("path", "title"))
    return [
        {"name": names.get(path, "(a region since deleted)"), "views": v, "visitors": u}
        for path, v, u in rows
    ]


def by_type(start: date, end: date) -> list[dict]:
    days, articles = PageDay._meta.db_table, ArticlePage._meta.db_table
    rows = _grouped(
        f"SELECT a.article_type_id, SUM(d.views), SUM(d.visitors) FROM {days} d "
        f"JOIN {articles} a ON a.page_ptr_id = d.page_id WHERE d.day >= %s AND d.day <= %s "
        "GROUP BY a.article_type_id ORDER BY 2 DESC",
        start,
        end,
    )
    names = dict(ArticleType.objects.values_list("pk", "name"))
    return [{"name": names.get(t, "No type"), "views": v, "visitors": u} for t, v, u in rows]


def by_author(start: date, end: date, limit: int = 30) -> list[dict]:
    """Views of each author's pieces (a piece with two authors counts for both)."""
    days, links = PageDay._meta.db_table, ArticleAuthor._meta.db_table
    rows = _grouped(
        f"SELECT l.author_id, SUM(d.views), SUM(d.visitors) FROM {days} d "
        f"JOIN {links} l ON l.page_id = d.page_id WHERE d.day >= %s AND d.day <= %s "
        f"GROUP BY l.author_id ORDER BY 2 DESC LIMIT {int(limit)}",
        start,
        end,
    )
    names = dict(Author.objects.filter(pk__in=[r[0] for r in rows]).values_list("pk", "name"))
    return [{"name": names.get(a, "(removed)"), "views": v, "visitors": u} for a, v, u in rows]


def referrers(start: date, end: date, page_id: int | None = None, limit: int = 20) -> list:
    """The sites readers came from, and the sources links named (newsletter, campaigns)."""
    rows = SourceDay.objects.filter(day__gte=start, day__lte=end)
    if page_id is not None:
        rows = rows.filter(page_id=page_id)
    grouped = (
        rows.values("referrer", "source").annotate(views=Sum("views")).order_by("-views")[:limit]
    )
    return [
        {
            "name": row["referrer"] or "(none: typed, bookmarked or an app)",
            "source": row["source"],
            "views": row["views"],
        }
        for row in grouped
    ]


def devices(start: date, end: date) -> list[dict]:
    rows = (
        DeviceDay.objects.filter(day__gte=start, day__lte=end)
        .values("device")
        .annotate(views=Sum("views"))
        .order_by("-views")
    )
    return [{"name": DEVICES.get(r["device"], r["device"]), "views": r["views"]} for r in rows]


def page_totals(page_id: int, start: date, end: date) -> dict:
    """A page's totals and how far its readers read, as shares of its views."""
    totals = PageDay.objects.filter(page_id=page_id, day__gte=start, day__lte=end).aggregate(
        **{name: Sum(name) for name in COUNTED}
    )
    totals = {name: value or 0 for name, value in totals.items()}
    views = totals["views"]
    totals["depth"] = [
        (depth, round(100 * totals[f"read_{depth}"] / views) if views else 0)
        for depth in (25, 50, 75, 100)
    ]
    return totals


def newsletter_issues(limit: int = 12) -> tuple[list[dict], list[dict]]:
    """The latest sent issues: delivered, bounced, failed, complaints, readers arriving through
    their links, and unsubscribes until the next issue; and each issue's stories with the
    readers each brought. Arrivals are counted by the `ref` every copy of an issue carries
    alike: no reader is told apart."""
    from masthead.newsletter.models import Delivery, Issue, IssueItem, Subscription
    from masthead.newsletter.rendering import issue_ref

    issues = list(
        Issue.objects.filter(sent_at__isnull=False)
        .exclude(correction_key__isnull=False)  # correction notices are not issues of their own
        .select_related("send")
        .order_by("-sent_at")[:limit]
    )
    refs = {issue_ref(issue): issue for issue in issues}
    arrivals = (
        SourceDay.objects.filter(source__in=list(refs))
        .values("source", "page_id")
        .annotate(views=Sum("views"))
    )
    by_issue: dict[int, int] = {}
    by_story: dict[tuple[int, int], int] = {}
    for row in arrivals:
        issue = refs[row["source"]]
        by_issue[issue.pk] = by_issue.get(issue.pk, 0) + row["views"]
        by_story[issue.pk, row["page_id"]] = row["views"]
    # Each of these is one grouped query for every issue listed, not one per issue.
    states: dict[tuple[int, str], int] = {
        (issue_id, state): n
        for issue_id, state, n in Delivery.objects.filter(send__issue__in=issues)
        .values_list("send__issue_id", "state")
        .annotate(n=Count("id"))
    }
    complaints = dict(
        Delivery.objects.filter(
            send__issue__in=issues, subscription__state=Subscription.State.COMPLAINED
        )
        .values_list("send__issue_id")
        .annotate(n=Count("id"))
    )
    oldest = issues[-1].sent_at if issues else None  # newest first
    left = list(
        Subscription.objects.filter(unsubscribed_at__gte=oldest).values_list(
            "newsletter_id", "unsubscribed_at"
        )
    ) if issues else []  # fmt: skip
    items = IssueItem.objects.filter(issue__in=issues).select_related("article")
    by_issue_items: dict[int, list] = {}
    for item in items.order_by("issue_id", "sort_order"):
        by_issue_items.setdefault(item.issue_id, []).append(item)
    done = Delivery.State
    rows, stories = [], []
    for index, issue in enumerate(issues):
        until = issues[index - 1].sent_at if index else None
        rows.append({
            "name": issue.subject,
            "sent": f"{issue.sent_at:%Y-%m-%d}",
            "delivered": states.get((issue.pk, done.ACCEPTED), 0),
            "bounced": states.get((issue.pk, done.BOUNCED), 0),
            "failed": states.get((issue.pk, done.FAILED), 0),
            "complaints": complaints.get(issue.pk, 0),
            "arrivals": by_issue.get(issue.pk, 0),
            "unsubscribed": sum(
                1 for newsletter_id, at in left
                if newsletter_id == issue.newsletter_id and at >= issue.sent_at
                and (until is None or at < until)
            ),
        })  # fmt: skip
        for item in by_issue_items.get(issue.pk, []):
            stories.append({
                "name": issue.subject,
                "story": item.article.title,
                "arrivals": by_story.get((issue.pk, item.article_id), 0),
            })  # fmt: skip
    return rows, stories


def signups(period: str, today: date) -> tuple[list[Bucket], list[dict]]:
    """Sign-ups per day, week or month (with how many confirmed), and the pages whose forms
    brought the most in that time."""
    from masthead.newsletter.models import Subscription

    found = buckets(period, today)
    by_start = {bucket.start: bucket for bucket in found}
    since = Subscription.objects.filter(created_at__date__gte=found[0].start)
    for created, confirmed in since.values_list("created_at", "confirmed_at"):
        bucket = by_start.get(bucket_start(created.date(), period))
        if bucket is not None:
            bucket.views += 1  # signed up
            bucket.visitors += confirmed is not None  # and confirmed
    pages = (
        since.exclude(consent_source="")
        .values("consent_source")
        .annotate(n=Count("id"))
        .order_by("-n")[:20]
    )
    return found, [{"name": row["consent_source"], "signups": row["n"]} for row in pages]
