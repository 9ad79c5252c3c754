"""A reader's view counted in Chromium, once with JavaScript (the beacon) and once without (its
image), read back from the site's own database."""

import sqlite3
import time

import pytest

from e2e.test_quality import STALINGRAD

pytestmark = [pytest.mark.browser]

# A desktop Chrome's user agent: the headless one names itself and is not counted, as a bot.
READER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
ARTICLE = f"/{STALINGRAD['region']}/{STALINGRAD['slug']}/"
BATCH_WAIT = 3  # seconds: longer than a batch of hits waits before it is written


def query(server, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(server.env["SQLITE_PATH"]) as db:
        return db.execute(sql, params).fetchall()


def article_id(server) -> int:
    return query(server, "SELECT id FROM wagtailcore_page WHERE slug = ?", STALINGRAD["slug"])[0][0]


def hits_after(server, page_id: int, after: int, *, wanted: int) -> list[tuple]:
    """The page's hits with ids above `after`, once `wanted` have come (or time is up) and a
    batch's wait more has passed, so that none still on its way is missed."""
    sql = "SELECT kind, depth, device, visitor FROM analytics_hit WHERE page_id = ? AND id > ?"
    deadline = time.monotonic() + 15
    while len(query(server, sql, page_id, after)) < wanted and time.monotonic() < deadline:
        time.sleep(0.25)
    time.sleep(BATCH_WAIT)
    return query(server, sql, page_id, after)


def last_hit(server) -> int:
    return query(server, "SELECT COALESCE(MAX(id), 0) FROM analytics_hit")[0][0]


@pytest.mark.parametrize("javascript", [True, False], ids=["beacon", "no-script image"])
def test_a_view_is_counted_once_with_or_without_javascript(new_context, server, javascript):
    pid, after = article_id(server), last_hit(server)
    context = new_context(user_agent=READER, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(ARTICLE)
    views = [h for h in hits_after(server, pid, after, wanted=1) if h[0] == "v"]
    assert len(views) == 1, views
    kind, _depth, device, visitor = views[0]
    assert device == "d" and len(visitor) == 16
    assert context.cookies() == []  # nothing kept in the browser
    if javascript:
        assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0


def test_reading_to_the_end_is_counted_once_a_quarter(new_context, server):
    pid, after = article_id(server), last_hit(server)
    page = new_context(user_agent=READER, viewport={"width": 1280, "height": 700}).new_page()
    page.goto(ARTICLE)
    for _ in range(20):
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(50)
    page.mouse.wheel(0, 100_000)
    reads = [h for h in hits_after(server, pid, after, wanted=5) if h[0] == "r"]
    assert sorted(depth for _kind, depth, _device, _visitor in reads) == [25, 50, 75, 100]


def test_a_headless_browser_and_a_reader_asking_not_to_be_tracked_are_not_counted(
    new_context, server
):
    after = last_hit(server)
    for options in ({}, {"user_agent": READER, "extra_http_headers": {"Sec-GPC": "1"}}):
        new_context(**options).new_page().goto(ARTICLE)
    time.sleep(BATCH_WAIT)
    assert last_hit(server) == after
