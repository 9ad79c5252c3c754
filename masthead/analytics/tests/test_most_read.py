""" "Most read" as readers see it: counted from the rollups, the site's and each region's, on the
front page, region pages and the end of articles; a piece unpublished or retracted leaves at
once, and a list that changes purges the pages that show it."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.test import override_settings

from masthead.analytics import most_read
from masthead.analytics.models import PageDay, PageHour
from masthead.newsroom.models import ArticleCorrection
from masthead.newsroom.tests import factories as f

pytestmark = pytest.mark.django_db


def lists(html: str) -> dict[str, list[str]]:
    """Each Most read list on a page, by its heading: the titles in order."""
    if 'class="most-read"' not in html:
        return {}
    section = html.split('class="most-read"')[1].split("</section>")[0]
    found = {}
    for part in section.split('class="most-read__window">')[1:]:
        label = part.split("<")[0]
        found[label] = re.findall(r'<li><a href="[^"]+">([^<]+)</a></li>', part.split("</ol>")[0])
    return found


@pytest.fixture
def newsroom():
    home = f.make_home()
    europe, africa = f.make_section(home, "Europe"), f.make_section(home, "Africa")
    news, ada = f.make_type("News"), f.make_author("Ada Byron")
    made = [(europe, "grain", "Grain corridor"), (europe, "gas", "Gas storage"),
            (africa, "sahel", "Sahel juntas"), (africa, "ports", "Ports deal")]  # fmt: skip
    pieces = {
        name: f.make_article(region, title=title, article_type=news, authors=[ada])
        for region, name, title in made
    }
    now = datetime.now(UTC)
    hour = now.replace(minute=0, second=0, microsecond=0)
    today = now.date()
    for name, last_day, week in [("grain", 50, 60), ("sahel", 30, 35), ("ports", 0, 90)]:
        if last_day:
            PageHour.objects.create(hour=hour - timedelta(hours=2), page_id=pieces[name].pk,
                                    views=last_day)  # fmt: skip
        PageDay.objects.create(day=today - timedelta(days=3), page_id=pieces[name].pk, views=week)
    PageDay.objects.create(day=today - timedelta(days=10), page_id=pieces["gas"].pk, views=999)
    most_read.refresh(force=True)
    return home, europe, pieces


def test_the_front_page_lists_the_most_read_of_the_day_and_the_week(newsroom, client):
    assert lists(client.get("/").content.decode()) == {
        "Last 24 hours": ["Grain corridor", "Sahel juntas"],
        "Last 7 days": ["Ports deal", "Grain corridor", "Sahel juntas"],  # gas: ten days ago
    }


def test_a_region_lists_its_own_and_an_article_leaves_itself_out(newsroom, client):
    home, europe, pieces = newsroom
    assert lists(client.get("/europe/").content.decode()) == {
        "Last 24 hours": ["Grain corridor"],
        "Last 7 days": ["Grain corridor"],
    }
    assert "Most read in Europe" in client.get("/europe/").content.decode()
    assert lists(client.get(pieces["grain"].url).content.decode()) == {
        "Last 24 hours": ["Sahel juntas"],
        "Last 7 days": ["Ports deal", "Sahel juntas"],
    }


def test_the_editor_says_how_many_and_whether_articles_show_them(newsroom, client):
    home, europe, pieces = newsroom
    home.most_read_count = 1
    home.most_read_on_articles = False
    home.save_revision().publish()
    assert lists(client.get("/").content.decode()) == {
        "Last 24 hours": ["Grain corridor"],
        "Last 7 days": ["Ports deal"],
    }
    assert lists(client.get(pieces["sahel"].url).content.decode()) == {}
    home.most_read_count = 0
    home.save_revision().publish()
    assert 'class="most-read"' not in client.get("/").content.decode()


@override_settings(PAGE_CACHE=True, FRAGMENT_CACHE=True)
def test_an_unpublished_or_retracted_piece_leaves_at_once_and_new_counts_purge(
    newsroom, client, django_capture_on_commit_callbacks
):
    home, europe, pieces = newsroom
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):  # purges follow their commit
        pieces["grain"].unpublish()
    front = client.get("/")
    assert front["X-Page-Cache"] != "hit"  # rendered afresh
    assert "Grain corridor" not in str(lists(front.content.decode()))
    sahel = pieces["sahel"]
    sahel.corrections.add(ArticleCorrection(kind="retraction", text="Its source was invented."))
    with django_capture_on_commit_callbacks(execute=True):
        sahel.save_revision().publish()
    assert lists(client.get("/").content.decode()) == {"Last 7 days": ["Ports deal"]}


@override_settings(PAGE_CACHE=True, FRAGMENT_CACHE=True)
def test_new_counts_purge_the_pages_that_show_the_list_every_ten_minutes(
    newsroom, client, django_capture_on_commit_callbacks
):
    home, europe, pieces = newsroom
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    PageHour.objects.create(hour=datetime.now(UTC) - timedelta(hours=1),
                            page_id=pieces["ports"].pk, views=500)  # fmt: skip
    assert most_read.refresh() == []  # worked out less than ten minutes ago: not yet
    assert client.get("/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        # The day's list of the site and of Africa, where the piece is filed.
        assert most_read.refresh(force=True) == ["Most read: 2 lists changed."]
    front = client.get("/")
    assert front["X-Page-Cache"] != "hit"
    assert lists(front.content.decode())["Last 24 hours"] == [
        "Ports deal", "Grain corridor", "Sahel juntas",
    ]  # fmt: skip
