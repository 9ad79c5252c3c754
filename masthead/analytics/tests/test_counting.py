"""The counting endpoint as a reader's browser reaches it (the WSGI front, before Django): what
is kept of a view, what is not counted, and what a bad hit is told."""

import io
import re
from datetime import UTC, date, datetime

import pytest
from django.db import OperationalError
from django.test import override_settings

from masthead.analytics import counting, ingest
from masthead.analytics.models import Hit, Salt
from masthead.newsroom.tests import factories as f

pytestmark = pytest.mark.django_db

CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
IPAD = (
    "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Mobile/15E148 Safari/604.1"
)
ADDRESS = "203.0.113.7"


@pytest.fixture(autouse=True)
def batches(monkeypatch):
    """A fresh batch per test, written when the test says (no thread of its own)."""
    fresh = ingest.Batches()
    monkeypatch.setattr(fresh, "_start", lambda: None)
    monkeypatch.setattr(ingest, "batches", fresh)
    monkeypatch.setattr(ingest, "salts", counting.Salts())
    return fresh


def send(body: str = "", *, path="/a/hit", method="POST", query="", agent=CHROME,
         address=ADDRESS, **headers):  # fmt: skip
    data = body.encode()
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_LENGTH": str(len(data)),
        "wsgi.input": io.BytesIO(data),
        "REMOTE_ADDR": address,
        "HTTP_HOST": "news.example.org",
        "HTTP_USER_AGENT": agent,
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }
    answer = {}

    def start_response(status, response_headers):
        answer["status"], answer["headers"] = status, dict(response_headers)

    def django(environ, start_response):
        raise AssertionError("a hit reached Django")

    answer["body"] = b"".join(ingest.CountingApp(django)(environ, start_response))
    return answer


def kept() -> list[Hit]:
    ingest.batches.flush()
    return list(Hit.objects.order_by("pk"))


def test_a_view_keeps_what_it_may_and_nothing_that_names_the_reader():
    answer = send("p=42&k=v&r=https://www.example.com/a/story?id=7&s=Newsletter")
    assert answer["status"] == "204 No Content"
    assert answer["headers"]["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in answer["headers"]
    (hit,) = kept()
    now = datetime.now(UTC)
    assert (hit.kind, hit.page_id, hit.depth) == (Hit.VIEW, 42, 0)
    assert hit.hour == now.replace(minute=0, second=0, microsecond=0)
    assert (hit.referrer, hit.source, hit.newsletter) == ("example.com", "newsletter", True)
    assert hit.device == Hit.DESKTOP
    assert re.fullmatch(r"[0-9a-f]{16}", hit.visitor)
    # No column of any table holds the address, the user agent or any part of them.
    from django.apps import apps

    for model in apps.get_app_config("analytics").get_models():
        for row in model.objects.values():
            for value in row.values():
                text = str(value)
                assert ADDRESS not in text and "Chrome" not in text and "Mozilla" not in text


def test_one_reader_is_one_visitor_all_day_and_another_the_next():
    for _ in range(2):
        send("p=42")
    send("p=42", address="198.51.100.9")
    send("p=42", agent=IPHONE)
    first, again, other_address, other_agent = (hit.visitor for hit in kept())
    assert first == again
    assert len({first, other_address, other_agent}) == 3
    tomorrow = counting.salt_for(date(2031, 1, 2))
    assert tomorrow != ingest.salts.today()  # each day has its own secret
    assert set(Salt.objects.values_list("day", flat=True)) == {
        datetime.now(UTC).date(),
        date(2031, 1, 2),
    }


@pytest.mark.parametrize(
    "why, options",
    [
        ("Do Not Track", {"dnt": "1"}),
        ("Global Privacy Control", {"sec_gpc": "1"}),
        ("a prefetch", {"sec_purpose": "prefetch"}),
        ("a prerender", {"sec_purpose": "prefetch;prerender"}),
        ("a search crawler", {"agent": "Mozilla/5.0 (compatible; Googlebot/2.1)"}),
        ("a headless browser", {"agent": CHROME.replace("Chrome/", "HeadlessChrome/")}),
        ("a link preview", {"agent": "facebookexternalhit/1.1"}),
        ("a script", {"agent": "curl/8.5.0"}),
        ("no user agent", {"agent": ""}),
    ],
)
def test_what_is_not_counted_is_answered_the_same_and_kept_nowhere(why, options):
    assert send("p=42", **options)["status"] == "204 No Content", why
    assert kept() == []


@pytest.mark.parametrize(
    "body, method, said",
    [
        ("p=abc", "POST", "p must be a page id"),
        ("k=v", "POST", "p must be a page id"),
        ("p=42&k=x", "POST", "k must be v (a view) or r (a read)"),
        ("p=42&k=r&d=33", "POST", "d must be 25, 50, 75 or 100"),
        ("p=42&x=" + "a" * 3000, "POST", "a hit is at most 2048 bytes"),
        ("p=42" + "&x=1" * 20, "POST", "a hit has at most 20 fields"),
        ("p=42", "GET", "use POST"),
    ],
)
def test_a_hit_that_cannot_be_read_says_why_and_is_not_kept(body, method, said):
    answer = send(body, method=method)
    assert answer["status"].split()[0] in ("400", "405")
    assert answer["body"].decode().strip() == said
    assert kept() == []


def test_too_many_fields_in_the_image_address_is_told_too():
    answer = send(path="/a/hit.gif", method="GET", query="p=42" + "&x=1" * 20)
    assert (answer["status"], answer["body"]) == (
        "400 Bad Request",
        b"a hit has at most 20 fields\n",
    )
    assert kept() == []


def test_fields_are_read_escaped_or_not_as_the_beacon_and_the_image_send_them():
    send("p=42&r=https%3A%2F%2Fwww.example.com%2Fa%3Fq%3D1&s=news+letter")
    send(path="/a/hit.gif", method="GET", query="p=%34%33&r=http://example.net/")
    escaped, plain = kept()
    assert (escaped.page_id, escaped.referrer, escaped.source) == (42, "example.com", "newsletter")
    assert (plain.page_id, plain.referrer) == (43, "example.net")


def test_the_endpoint_answers_the_same_through_django(client):
    """A server that does not run masthead.wsgi's front (an embedding, a test client) still
    counts; the answer is the one the front gives."""
    answer = client.post("/a/hit", "p=42&k=r&d=75", content_type="text/plain",
                         HTTP_USER_AGENT=CHROME)  # fmt: skip
    assert answer.status_code == 204 and "no-store" in answer["Cache-Control"]
    assert not answer.cookies
    image = client.get("/a/hit.gif?p=43", HTTP_USER_AGENT=IPHONE)
    assert image.status_code == 200 and image.content.startswith(b"GIF89a")
    wrong = client.get("/a/hit", HTTP_USER_AGENT=CHROME)
    assert (wrong.status_code, wrong.content) == (405, b"use POST\n")
    assert [(h.page_id, h.kind, h.depth) for h in kept()] == [(42, "r", 75), (43, "v", 0)]


def test_a_page_that_is_not_one_of_the_sites_pages_counts_for_the_site(client):
    """LATEST, a topic, search: their beacon names page 0, and the view is the site's."""
    f.make_home()
    html = client.get("/latest/").content.decode()
    assert 'defer data-page="0"' in html
    assert send("p=0&k=v")["status"] == "204 No Content"
    assert [hit.page_id for hit in kept()] == [0]


def test_a_reader_without_javascript_is_counted_through_the_image():
    answer = send(path="/a/hit.gif", method="GET", query="p=42")
    assert answer["status"] == "200 OK"
    assert answer["headers"]["Content-Type"] == "image/gif"
    assert answer["body"].startswith(b"GIF89a") and len(answer["body"]) == 43
    (hit,) = kept()
    assert (hit.page_id, hit.kind) == (42, Hit.VIEW)


def test_reads_and_devices_are_told_apart():
    send("p=42&k=r&d=50", agent=IPHONE)
    send("p=42&s=newsletter-12", agent=IPAD)  # a link of issue 12
    read, view = kept()
    assert (read.kind, read.depth, read.device) == (Hit.READ, 50, Hit.PHONE)
    assert (view.device, view.source, view.newsletter) == (Hit.TABLET, "newsletter-12", True)


def test_hits_wait_while_the_database_is_away_and_are_written_once_it_is_back(monkeypatch):
    send("p=1")
    send("p=2")
    real = ingest.write
    monkeypatch.setattr(ingest, "write", lambda batch: (_ for _ in ()).throw(OperationalError()))
    assert ingest.batches.flush() == 0  # refused: nothing lost, nothing written
    monkeypatch.setattr(ingest, "write", real)
    assert [hit.page_id for hit in kept()] == [1, 2]
    assert ingest.batches.flush() == 0 and Hit.objects.count() == 2  # written once


def test_a_write_whose_answer_was_lost_is_written_again_and_counted_twice(monkeypatch):
    """The one way a hit is counted twice: the database took the batch, then the connection
    broke before it said so (a restart at that moment). The batch is written again."""
    send("p=7")
    real = ingest.write

    def took_it_then_broke(batch):
        real(batch)
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(ingest, "write", took_it_then_broke)
    ingest.batches.flush()
    monkeypatch.setattr(ingest, "write", real)
    assert [hit.page_id for hit in kept()] == [7, 7]


@override_settings(PAGE_CACHE=True, FRAGMENT_CACHE=True)
def test_a_page_from_the_page_cache_still_carries_its_beacon(client):
    home = f.make_home()
    europe = f.make_section(home, "Europe")
    article = f.make_article(europe, title="Grain corridor", article_type=f.make_type("News"))
    first = client.get(article.url)
    again = client.get(article.url)
    assert again["X-Page-Cache"] == "hit"
    beacon = f'src="/static/analytics/beacon.js" defer data-page="{article.pk}"'
    for response in (first, again):
        html = response.content.decode()
        assert beacon in html
        assert f'<img class="beacon" src="/a/hit.gif?p={article.pk}"' in html
        assert "data-read-depth" in html
    assert send(f"p={article.pk}")["status"] == "204 No Content"
    assert [hit.page_id for hit in kept()] == [article.pk]
    assert "beacon.js" not in client.get("/no-such-page/").content.decode()
    preview = article.make_preview_request()  # what an editor sees in the admin's preview
    assert preview.status_code == 200
    assert "Grain corridor" in preview.content.decode()
    assert "beacon.js" not in preview.content.decode()


def test_a_batch_across_the_turn_of_an_hour_keeps_each_hits_hour():
    """A batch prepares the hour for the database once while it stays the same (core.rows)."""
    ten, eleven = datetime(2026, 12, 5, 10, 59, tzinfo=UTC), datetime(2026, 12, 5, 11, tzinfo=UTC)
    environ = {"REQUEST_METHOD": "POST", "QUERY_STRING": "p=42", "HTTP_USER_AGENT": CHROME,
               "REMOTE_ADDR": ADDRESS, "HTTP_HOST": "news.example.org"}  # fmt: skip
    hits = [counting.count(environ, "salt", now=moment) for moment in (ten, ten, eleven, ten)]
    assert hits[0].hour is hits[1].hour  # the same object for the same hour
    ingest.write(hits)
    assert [hit.hour.hour for hit in Hit.objects.order_by("pk")] == [10, 10, 11, 10]
