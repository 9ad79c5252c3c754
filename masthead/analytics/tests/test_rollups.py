"""Rolling hits up into the counts editors read, once per hour, and forgetting what is not kept."""

from datetime import UTC, date, datetime, timedelta

import pytest

from masthead.analytics import rollups
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
from masthead.newsroom.tests import factories as f

pytestmark = pytest.mark.django_db

NOWHERE = 2_000_000  # no page has this id


@pytest.fixture
def pages() -> tuple[int, int]:
    """Two pages the hits are of (a hit of a page that does not exist is not counted)."""
    home = f.make_home()
    return f.make_section(home, "Europe").pk, f.make_section(home, "Africa").pk


DAY1, DAY2 = date(2026, 11, 30), date(2026, 12, 1)


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def hits(*rows) -> None:
    Hit.objects.bulk_create([Hit(**row) for row in rows])


def view(page, hour, visitor, **fields):
    return {"page_id": page, "hour": hour, "visitor": visitor, **fields}


@pytest.fixture
def a_day_of_readers(pages):
    A, B = pages
    ten, eleven = at(DAY1, 10), at(DAY1, 11)
    hits(
        view(A, ten, "v1", source="newsletter", newsletter=True),
        view(A, ten, "v1"),
        view(A, ten, "v2", referrer="example.com"),
        view(B, ten, "v1", device=Hit.PHONE),
        view(A, ten, "v1", kind=Hit.READ, depth=25),
        view(A, ten, "v1", kind=Hit.READ, depth=50),
        view(0, ten, "v3"),  # a listing page: the site's count only
        view(A, eleven, "v1"),  # the same reader, later the same day
        view(A, eleven, "v4"),
        view(A, at(DAY2, 0), "v1"),  # a new day: a visitor again
        view(NOWHERE, ten, "v9"),  # a made-up page: counted nowhere, not even for the site
    )
    Salt.objects.create(day=DAY1, secret="yesterday")
    Salt.objects.create(day=DAY2, secret="today")
    return pages


def counts(model, *keys):
    return {tuple(getattr(row, k) for k in keys): row.views for row in model.objects.all()}


def test_an_hour_counts_views_visitors_reads_sources_and_devices(a_day_of_readers):
    A, B = a_day_of_readers
    lines = rollups.roll_up(now=at(DAY2, 2) + timedelta(minutes=30))
    assert lines[0] == "Readership: rolled up 3 hours."  # the hours with hits, up to 02:00
    a = PageDay.objects.get(day=DAY1, page_id=A)
    assert (a.views, a.visitors, a.newsletter_views, a.read_25, a.read_50, a.read_75) == (
        5, 3, 1, 1, 1, 0,
    )  # fmt: skip
    b = PageDay.objects.get(day=DAY1, page_id=B)
    assert (b.views, b.visitors) == (1, 1)
    site = PageDay.objects.get(day=DAY1, page_id=rollups.SITE)
    assert (site.views, site.visitors, site.newsletter_views, site.read_25) == (7, 4, 1, 1)
    again = PageDay.objects.get(day=DAY2, page_id=A)
    assert (again.views, again.visitors) == (1, 1)
    assert counts(PageHour, "hour", "page_id") == {
        (at(DAY1, 10), A): 3,
        (at(DAY1, 10), B): 1,
        (at(DAY1, 11), A): 2,
        (at(DAY2, 0), A): 1,
    }
    sources = counts(SourceDay, "day", "page_id", "referrer", "source")
    assert sources[(DAY1, A, "example.com", "")] == 1
    assert sources[(DAY1, A, "", "newsletter")] == 1
    assert sources[(DAY1, A, "", "")] == 3
    assert counts(DeviceDay, "day", "device") == {
        (DAY1, Hit.DESKTOP): 6,
        (DAY1, Hit.PHONE): 1,
        (DAY2, Hit.DESKTOP): 1,
    }


def test_each_hour_is_counted_once_however_often_or_far_the_rollup_runs(
    a_day_of_readers, monkeypatch
):
    A, B = a_day_of_readers
    real = rollups.roll_up_hour

    def stops_at_eleven(hour):
        if hour == at(DAY1, 11):
            raise RuntimeError("the clock was stopped")
        real(hour)

    monkeypatch.setattr(rollups, "roll_up_hour", stops_at_eleven)
    with pytest.raises(RuntimeError):
        rollups.roll_up(now=at(DAY2, 3))
    assert PageDay.objects.get(day=DAY1, page_id=A).views == 2 + 1  # ten o'clock's alone
    monkeypatch.setattr(rollups, "roll_up_hour", real)
    rollups.roll_up(now=at(DAY2, 3))
    rollups.roll_up(now=at(DAY2, 3))
    a = PageDay.objects.get(day=DAY1, page_id=A)
    assert (a.views, a.visitors) == (5, 3)
    assert PageHour.objects.get(hour=at(DAY1, 11), page_id=A).views == 2


def test_a_clock_that_read_the_mark_before_another_rolled_up_counts_nothing_again(
    a_day_of_readers, monkeypatch
):
    A, B = a_day_of_readers
    stale = Rollup.objects.create(done_until=at(DAY1, 10))  # as the slow clock read it
    rollups.roll_up(now=at(DAY2, 3))  # the other clock, meanwhile, does every hour
    monkeypatch.setattr(Rollup.objects, "first", lambda: stale)
    assert rollups.roll_up(now=at(DAY2, 3))[:1] == []  # nothing rolled up again
    a = PageDay.objects.get(day=DAY1, page_id=A)
    assert (a.views, a.visitors) == (5, 3)


def test_an_unfinished_hour_waits(a_day_of_readers):
    A, B = a_day_of_readers
    rollups.roll_up(now=at(DAY1, 11) + timedelta(minutes=3))  # 10:00 is not five minutes old
    assert not PageDay.objects.exists()
    rollups.roll_up(now=at(DAY1, 11) + timedelta(minutes=6))
    assert PageDay.objects.get(day=DAY1, page_id=A).views == 3


def test_a_finished_day_forgets_its_hashes_and_salt_and_old_hits_go(a_day_of_readers):
    A, B = a_day_of_readers
    old = at(DAY1, 9) - timedelta(days=40)
    hits(view(A, old, ""))
    ReadershipSettings.objects.create(retention_days=30)
    lines = rollups.roll_up(now=at(DAY2, 2) + timedelta(minutes=30))
    assert not Hit.objects.filter(hour__lt=at(DAY2, 0)).exclude(visitor="").exists()
    assert set(Hit.objects.exclude(visitor="").values_list("visitor", flat=True)) == {"v1"}
    assert set(Seen.objects.values_list("day", flat=True)) == {DAY2}
    assert list(Salt.objects.values_list("day", flat=True)) == [DAY2]
    assert not Hit.objects.filter(hour=old).exists()
    assert PageDay.objects.filter(day=old.date(), page_id=A).exists()  # the counts stay
    assert "Readership: deleted 1 hits older than 30 days." in lines
