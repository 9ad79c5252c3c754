"""Most read: the pieces most viewed in the last 24 hours and the last 7 days, for the whole
site and for each region, counted from the rollups.

The clock works the lists out every `REFRESH` and keeps them in the shared cache; a list that
changed purges the pages showing it (its cache tag), as any list does, and moves the content
version, so each process reads the lists again once (between changes they are remembered).
The pieces are read live when a list is shown, so one unpublished or retracted leaves it at
once: its own change purges every page showing it, and it is not read again.
"""

from datetime import UTC, datetime, timedelta

from django.core.cache import cache
from django.db.models import Sum

from masthead.analytics.models import PageDay, PageHour
from masthead.analytics.rollups import SITE, start_of_hour
from masthead.core.versioning import bump, remember
from masthead.delivery import tags
from masthead.delivery.purge import purge_tags
from masthead.newsroom.models import ArticleCorrection, ArticlePage, SectionPage
from masthead.newsroom.queries import live_sections, published_articles

WINDOWS = {"day": "Last 24 hours", "week": "Last 7 days"}
KEPT = 20  # ids kept per list: enough to fill one after the unpublished are left out
REFRESH = timedelta(minutes=10)
KEY = "masthead:most-read:{window}:{scope}"
REFRESHED_KEY = "masthead:most-read:refreshed"


def tag(scope: int) -> str:
    """The cache tag of the lists of a scope (a region's id, or 0 for the site)."""
    return tags.listing("most-read", scope)


def ranked(window: str, scope: int = SITE, now: datetime | None = None) -> list[int]:
    """The ids of the pages most viewed in the window, most first (a region's pieces only, for a
    region's scope)."""
    now = now or datetime.now(UTC)
    if window == "day":
        rows = PageHour.objects.filter(hour__gte=start_of_hour(now) - timedelta(hours=23))
    else:
        rows = PageDay.objects.filter(day__gt=now.date() - timedelta(days=7)).exclude(page_id=SITE)
    if scope != SITE:
        region = SectionPage.objects.get(pk=scope)
        pieces = ArticlePage.objects.filter(path__startswith=region.path, depth=region.depth + 1)
        rows = rows.filter(page_id__in=pieces.values("pk"))
    totals = rows.values("page_id").annotate(total=Sum("views")).order_by("-total", "page_id")
    return [row["page_id"] for row in totals[:KEPT]]


def refresh(now: datetime | None = None, *, force: bool = False) -> list[str]:
    """Work every list out again, at most once per `REFRESH`; purge the pages of those that
    changed. A clock job."""
    now = now or datetime.now(UTC)
    if force:
        cache.set(REFRESHED_KEY, now.isoformat(), REFRESH.total_seconds())
    elif not cache.add(REFRESHED_KEY, now.isoformat(), REFRESH.total_seconds()):
        return []  # worked out less than REFRESH ago, by this process or another
    changed = []
    for scope in [SITE, *(section.pk for section in live_sections())]:
        lists = {window: ranked(window, scope, now) for window in WINDOWS}
        for window, ids in lists.items():
            key = KEY.format(window=window, scope=scope)
            if cache.get(key) != ids:
                cache.set(key, ids, None)
                changed.append((scope, window))
    if changed:
        bump()  # each process reads the lists again (see `pieces`)
        purge_tags(tags={tag(scope) for scope, _window in changed})
    return [f"Most read: {len(changed)} lists changed."] if changed else []


def _kept(window: str, scope: int) -> list[int]:
    key = KEY.format(window=window, scope=scope)
    ids = cache.get(key)
    if ids is None:  # not worked out yet (a fresh site, an emptied cache): now, and kept
        ids = ranked(window, scope)
        cache.set(key, ids, None)
    return ids


def pieces(window: str, scope: int = SITE, *, count: int, leave_out: int | None = None) -> list:
    """The live, public, unretracted pieces of a list, in its order (headlines only: their
    authors and photos are not shown, so only their own changes are recorded)."""
    tags.add(tag(scope))
    ids = remember("most-read", lambda: _kept(window, scope), window, scope)
    ids = [pk for pk in ids if pk != leave_out]
    if not ids or count <= 0:
        return []
    retracted = ArticleCorrection.objects.filter(kind=ArticleCorrection.Kind.RETRACTION)
    found = (
        published_articles()
        .filter(pk__in=ids)
        .exclude(pk__in=retracted.values("page_id"))
        .defer("body")  # a list of headlines: one query, no bodies
    )
    by_id = {article.pk: article for article in found}
    shown = [by_id[pk] for pk in ids if pk in by_id][:count]
    tags.add(*(tags.page(article.pk) for article in shown))  # its change purges the list
    return shown
