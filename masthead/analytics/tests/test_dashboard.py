"""The readership screens as an editor uses them: the site's views over time with the numbers
beside the chart, what was read most by piece, region, type and author, where readers came
from, a piece's own page, CSV of every table; and no one else sees them."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.analytics import reports, rollups
from masthead.analytics.models import DeviceDay, Hit, PageDay, Rollup, SourceDay
from masthead.core.clock import tick
from masthead.newsroom.tests import factories as f

pytestmark = pytest.mark.django_db


def user_in(role: str):
    user = get_user_model().objects.create_user(role.lower(), f"{role.lower()}@example.org", "pw")
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def readership():
    home = f.make_home()
    europe, africa = f.make_section(home, "Europe"), f.make_section(home, "Africa")
    analysis, news = f.make_type("Analysis"), f.make_type("News")
    ada, grace = f.make_author("Ada Byron"), f.make_author("Grace Hopper")
    grain = f.make_article(europe, title="Grain corridor", article_type=analysis, authors=[ada],
                           age=timedelta(days=5))  # fmt: skip
    sahel = f.make_article(africa, title="Sahel juntas", article_type=news,
                           authors=[ada, grace], age=timedelta(days=5))  # fmt: skip
    today = datetime.now(UTC).date()
    rows = [(grain, 0, 120, 100, 20, 60), (grain, 1, 80, 70, 0, 30), (sahel, 0, 50, 40, 5, 10)]
    for page, ago, views, visitors, newsletter, to_end in rows:
        day = today - timedelta(days=ago)
        PageDay.objects.create(
            day=day,
            page_id=page.pk,
            views=views,
            visitors=visitors,
            newsletter_views=newsletter,
            read_25=views,
            read_100=to_end,
        )
    PageDay.objects.create(day=today, page_id=0, views=170, visitors=130, newsletter_views=25)
    PageDay.objects.create(day=today - timedelta(days=1), page_id=0, views=95, visitors=80)
    SourceDay.objects.create(day=today, page_id=grain.pk, referrer="news.example.com", views=40)
    SourceDay.objects.create(day=today, page_id=grain.pk, source="newsletter", views=20)
    DeviceDay.objects.create(day=today, device=Hit.PHONE, views=150)
    DeviceDay.objects.create(day=today, device=Hit.DESKTOP, views=115)
    Hit.objects.create(page_id=grain.pk, hour=datetime.now(UTC), visitor="9f3a61c2d4e5b6a7")
    return grain, sahel


def table(html: str, name: str) -> list[list[str]]:
    section = html.split(f'id="table-{name}"')[1].split("</section>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", section.split("<tbody>")[1], re.S)
    return [[re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
            for r in rows]  # fmt: skip


def test_an_editor_sees_the_sites_readership_with_the_numbers_beside_the_chart(readership, client):
    client.force_login(user_in("Editor"))
    html = client.get("/admin/readership/").content.decode()
    assert "<strong>265</strong> views" in html and "<strong>210</strong> visitors" in html
    chart = html.split('<svg class="chart"')[1].split("</svg>")[0]
    assert 'role="img"' in chart and "<title" in chart and "<desc" in chart
    assert re.search(r"<title>\d+ \w+: 170 views</title>", chart)  # today's bar says its number
    over_time = table(html, "over-time")
    assert len(over_time) == 30 and over_time[-1][1:] == ["170", "130", "25"]
    assert table(html, "pieces") == [
        ["Grain corridor", "200", "170", "20", "45"],
        ["Sahel juntas", "50", "40", "5", "20"],
    ]
    assert table(html, "regions") == [["Europe", "200", "170"], ["Africa", "50", "40"]]
    assert table(html, "types") == [["Analysis", "200", "170"], ["News", "50", "40"]]
    assert table(html, "authors") == [["Ada Byron", "250", "210"], ["Grace Hopper", "50", "40"]]
    assert ["news.example.com", "", "40"] in table(html, "referrers")
    assert table(html, "devices") == [["Phones", "150"], ["Computers", "115"]]
    assert "9f3a61c2d4e5b6a7" not in html  # the day's visitor hashes are nowhere on screen


def test_the_figures_are_read_ready_after_the_clock_and_new_after_the_next_rollup(
    readership, client
):
    grain, _ = readership
    client.force_login(user_in("Editor"))
    rollup_tables = ("analytics_pageday", "analytics_sourceday", "analytics_deviceday")

    def screens() -> tuple[list[str], list[str]]:
        """Each period's top piece, and the queries of the rollup tables the screens made."""
        with CaptureQueriesContext(connection) as queries:
            tops = [
                table(client.get(f"/admin/readership/?period={period}").content.decode(),
                      "pieces")[0][:2]
                for period in ("day", "week", "month")
            ]  # fmt: skip
        read = [q["sql"] for q in queries if any(t in q["sql"] for t in rollup_tables)]
        return tops, read

    # The rollup has counted every hour before the last finished one; the clock's job after it
    # works the figures out for every period, and the screens only read them.
    hour = rollups.start_of_hour(datetime.now(UTC) - rollups.GRACE) - rollups.HOUR
    Rollup.objects.create(done_until=hour)
    reports.warm()
    assert screens() == ([["Grain corridor", "200"]] * 3, [])
    # That hour's hits are rolled up by the next tick, and the screens show them at once.
    Hit.objects.bulk_create(
        [Hit(page_id=grain.pk, hour=hour, visitor=f"{n:016x}") for n in range(30)]
    )
    assert "Readership: rolled up 1 hour." in tick()
    assert screens() == ([["Grain corridor", "230"]] * 3, [])


def test_counts_read_with_their_thousands_apart_and_each_piece_opens_its_own_readership(
    readership, client
):
    grain, _ = readership
    PageDay.objects.filter(page_id=grain.pk).update(views=12480)
    client.force_login(user_in("Editor"))
    html = client.get("/admin/readership/").content.decode()
    assert table(html, "pieces")[0][:2] == ["Grain corridor", "24,960"]
    assert f'<a href="/admin/readership/page/{grain.pk}/">Grain corridor</a>' in html
    assert '<td class="readership__number">24,960</td>' in html  # set flush right
    rows = list(
        csv.reader(io.StringIO(client.get("/admin/readership/?csv=pieces").content.decode()))
    )
    assert rows[1][:2] == ["Grain corridor", "24960"]  # a spreadsheet takes the plain number


def test_every_table_is_a_csv_and_weeks_and_months_add_up(readership, client):
    client.force_login(user_in("Editor"))
    response = client.get("/admin/readership/?period=week&csv=pieces")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="readership-week-pieces.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Piece", "Views", "Visitors", "From the newsletter", "Read to the end (%)"]
    assert rows[1][:2] == ["Grain corridor", "200"]
    months = list(csv.reader(io.StringIO(
        client.get("/admin/readership/?period=month&csv=over-time").content.decode()
    )))  # fmt: skip
    assert len(months) == 1 + 12
    assert sum(int(row[1]) for row in months[1:]) == 265
    assert client.get("/admin/readership/?csv=nothing").status_code == 404


def test_a_pieces_own_readership_is_one_click_from_its_admin_page(readership, client):
    grain, _sahel = readership
    client.force_login(user_in("Editor"))
    edit = client.get(f"/admin/pages/{grain.pk}/edit/").content.decode()
    assert f'href="/admin/readership/page/{grain.pk}/"' in edit
    html = client.get(f"/admin/readership/page/{grain.pk}/").content.decode()
    assert "Readership: Grain corridor" in html
    assert "<strong>200</strong> views" in html
    depth = re.findall(r"<tr><td>(\d+) %</td><td>(\d+) %</td></tr>", html)
    assert depth == [("25", "100"), ("50", "0"), ("75", "0"), ("100", "45")]
    assert ["news.example.com", "", "40"] in table(html, "referrers")
    assert ["(none: typed, bookmarked or an app)", "newsletter", "20"] in table(html, "referrers")


def test_only_those_whose_role_shows_readership_see_it(readership, client):
    grain, _sahel = readership
    client.force_login(user_in("Contributor"))
    for url in ("/admin/readership/", f"/admin/readership/page/{grain.pk}/"):
        refused = client.get(url)  # the admin's answer: back to the dashboard, with a message
        assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert "/admin/readership/" not in client.get("/admin/").content.decode()
    client.force_login(user_in("Newsletter editor"))
    assert client.get("/admin/readership/").status_code == 200


def test_each_issue_says_what_it_delivered_and_whom_each_story_brought(readership, client):
    from django.utils import timezone

    from masthead.newsletter.models import Delivery, Issue, IssueItem, Send, Subscription
    from masthead.newsletter.tests.factories import make_newsletter

    grain, sahel = readership
    weekly = make_newsletter()
    sent = timezone.now() - timedelta(days=2)
    issue = Issue.objects.create(newsletter=weekly, subject="The week in review", slug="week",
                                 state=Issue.State.SENT, sent_at=sent)  # fmt: skip
    IssueItem.objects.create(issue=issue, article=grain, sort_order=0)
    IssueItem.objects.create(issue=issue, article=sahel, sort_order=1)
    send = Send.objects.create(issue=issue, audience=5)
    readers = [
        Subscription.objects.create(
            newsletter=weekly,
            email=f"r{n}@example.org",
            state=state,
            consent_source="/europe/grain-corridor/",
        )  # fmt: skip
        for n, state in enumerate(["active"] * 3 + ["complained", "unsubscribed"])
    ]
    readers[4].unsubscribed_at = sent + timedelta(hours=3)
    readers[4].save()
    readers[0].confirmed_at = timezone.now()
    readers[0].save()
    for reader, state in zip(readers, ["accepted", "accepted", "bounced", "accepted", "accepted"]):
        Delivery.objects.create(send=send, subscription=reader, email=reader.email, state=state)
    today = datetime.now(UTC).date()
    SourceDay.objects.create(day=today, page_id=grain.pk, source=f"newsletter-{issue.pk}", views=12)
    SourceDay.objects.create(day=today, page_id=sahel.pk, source=f"newsletter-{issue.pk}", views=3)
    later = sent + timedelta(days=1)  # the unsubscribe came before it: counted for the first
    Issue.objects.create(newsletter=weekly, subject="The next week", slug="next",
                         state=Issue.State.SENT, sent_at=later)  # fmt: skip
    client.force_login(user_in("Newsletter editor"))
    html = client.get("/admin/readership/").content.decode()
    assert table(html, "issues") == [
        ["The next week", f"{later:%Y-%m-%d}", "0", "0", "0", "0", "0", "0"],
        ["The week in review", f"{sent:%Y-%m-%d}", "4", "1", "0", "1", "15", "1"],
    ]
    assert table(html, "issue-stories") == [
        ["The week in review", "Grain corridor", "12"],
        ["The week in review", "Sahel juntas", "3"],
    ]
    assert table(html, "signups")[-1][1:] == ["5", "1"]  # all five signed up today, one confirmed
    assert table(html, "signup-pages") == [["/europe/grain-corridor/", "5"]]
