"""PostgreSQL restarted under the scaled shape's processes: during a newsletter send, and while an
editor saves and publishes in the admin. No acknowledged write is lost, the send completes with
no reader mailed twice, and every process carries on by itself once the database is back.

The database is a PostgreSQL server of the test's own (e2e/shape/postgres.py), restarted the way
`pg_ctlcluster restart` does it (a fast stop, then a start), with a few seconds between the two:
restarting the machine's server would cut off everyone else using it. The processes are the
scaled shape's, on the production settings: an app server (granian), two task workers, the clock,
Redis as the shared cache, and a real SMTP server.
"""

import os
import re
import secrets
import shutil
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
import redis
import requests

from e2e.conftest import TIMEOUT_MS, _free_port
from e2e.pages.admin import WagtailAdmin
from e2e.shape.postgres import PostgresServer, private_postgres
from e2e.shape.processes import Processes
from masthead.newsletter.tests.smtp import SMTPServer

pytestmark = pytest.mark.shape

REDIS_URL = os.environ.get("RESTART_REDIS_URL", "redis://127.0.0.1:6379/13")
DOWN_SECONDS = 3  # between the stop and the start: long enough for requests to land in it
SUBSCRIBERS = 300
RATE = 20  # messages a second: the send takes about fifteen seconds
RESTART_AT = 70  # the message during which PostgreSQL stops: inside the fourth batch of 20
SEND_BUDGET = 90  # seconds from the restart for the send to end


@dataclass
class Site(Processes):
    app: str = ""
    password: str = ""
    postgres: PostgresServer | None = None
    smtp: SMTPServer | None = None

    def sql(self, query: str, *params) -> list[tuple]:
        """One query on a connection of its own (a restart ends every connection)."""
        with self.postgres.connect("masthead", autocommit=True) as conn:
            return conn.execute(query, params).fetchall()

    def restart_postgres(self) -> tuple[float, float]:
        """Stop PostgreSQL (fast, as `pg_ctlcluster restart` does), wait, start it; the
        monotonic times at which it stopped and at which it accepted connections again."""
        self.postgres.stop()
        stopped = time.monotonic()
        time.sleep(DOWN_SECONDS)
        self.postgres.start()
        return stopped, time.monotonic()

    def assert_all_running(self) -> None:
        for name, proc in self.procs.items():
            assert proc.poll() is None, f"{name} exited with {proc.returncode}:\n{self.log(name)}"


@pytest.fixture(scope="module")
def site():
    workdir = Path(tempfile.mkdtemp(prefix="masthead-restart-"))
    workdir.chmod(0o755)  # the database's folder inside belongs to the postgres user
    redis.Redis.from_url(REDIS_URL).flushdb()
    port = _free_port()
    password = secrets.token_urlsafe(18)
    try:
        with private_postgres(workdir / "postgres") as postgres, SMTPServer() as smtp:
            with postgres.connect(autocommit=True) as conn:
                conn.execute("CREATE DATABASE masthead")
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "masthead.settings.production",
                "SECRET_KEY": secrets.token_urlsafe(40),
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "SECURE_SSL_REDIRECT": "0",
                "SECURE_COOKIES": "0",  # plain HTTP on loopback
                "DATABASE_URL": postgres.url("masthead"),
                "REDIS_URL": REDIS_URL,
                "MEDIA_ROOT": str(workdir / "media"),
                "STATIC_ROOT": str(workdir / "static"),
                "BASE_URL": f"http://127.0.0.1:{port}",
                "EMAIL_BACKEND": "masthead.core.mail.EmailBackend",
                "EMAIL_HOST": "127.0.0.1",
                "EMAIL_PORT": str(smtp.port),
                "NEWSLETTER_RATE_PER_SECOND": str(RATE),
                "NEWSLETTER_BATCH_SIZE": "20",
                # A delivery claimed by a worker is taken back after this: short, so that a
                # message sent twice after the restart shows within the test's time.
                "NEWSLETTER_LEASE_SECONDS": "15",
                "DJANGO_SUPERUSER_PASSWORD": password,
                "LOG_LEVEL": "WARNING",
                "WEB_CONCURRENCY": "2",
            }
            env.pop("SQLITE_PATH", None)
            site = Site(
                env=env,
                workdir=workdir,
                app=f"http://127.0.0.1:{port}",
                password=password,
                postgres=postgres,
                smtp=smtp,
            )
            try:
                site.prepare(articles=2, editor="restart-editor")
                site.spawn_app_server("app", port)
                site.spawn_background(clock_every=5)
                site.wait_until_up(site.app + "/")
                yield site
            finally:
                site.stop_all()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


SCHEDULE_ISSUE = """
from django.utils import timezone
from masthead.newsletter.models import Issue, IssueItem, Newsletter, Subscription
from masthead.newsroom.queries import stories
newsletter = Newsletter.objects.get(is_default=True)
Subscription.objects.bulk_create(
    Subscription(newsletter=newsletter, email=f"reader{{i:03}}@example.com", state="active")
    for i in range({count})
)
issue = Issue.objects.create(
    newsletter=newsletter, subject="The week the database restarted", slug="restart-week",
    scheduled_for=timezone.now(),
)
for article in stories()[:2]:
    IssueItem.objects.create(issue=issue, article=article)
print(issue.pk)
"""


SCHEDULE_EDIT = """
from datetime import timedelta
from django.utils import timezone
from masthead.newsroom.models import ArticlePage
page = ArticlePage.objects.live().order_by("pk").first()
page.title = {title!r}
page.go_live_at = timezone.now() + timedelta(seconds=1)
page.save_revision().publish()
print(page.pk)
"""


def wait_until(condition, *, budget: float, what: str, interval: float = 0.1, site=None):
    deadline = time.monotonic() + budget
    while time.monotonic() < deadline:
        try:
            value = condition()
        except psycopg.OperationalError:
            value = None  # the database is restarting
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"{what}: not within {budget} s" + (f"\n{site.logs()}" if site else ""))


def test_a_send_survives_a_database_restart_with_no_reader_mailed_twice(site):
    readers = [f"reader{i:03}@example.com" for i in range(SUBSCRIBERS)]
    issue_id = int(site.manage("shell", "-c", SCHEDULE_ISSUE.format(count=SUBSCRIBERS)).split()[-1])
    sink = site.smtp.sink
    stopped = threading.Event()

    def stop_postgres_before_answering(count: int) -> bool:
        # The worst moment: the mail server takes a message, and before the worker hears so,
        # the database is gone. The worker must not send it again once the database is back.
        if count == RESTART_AT:
            site.postgres.stop()
            stopped.set()
        return False  # the message is accepted

    # The clock starts the send (the issue is due); a worker delivers it at RATE a second.
    sink.on_data = stop_postgres_before_answering
    try:
        assert stopped.wait(60), f"the send never reached {RESTART_AT} messages\n{site.logs()}"
        down_at = time.monotonic()
        time.sleep(DOWN_SECONDS)
        during = len(sink.messages) - RESTART_AT
        site.postgres.start()
        up_at = time.monotonic()
    finally:
        sink.on_data = None
        if not site.postgres.running():
            site.postgres.start()

    def done():
        rows = site.sql("SELECT s.state FROM newsletter_send s WHERE s.issue_id = %s", issue_id)
        return rows and rows[0][0] == "done"

    wait_until(
        done, budget=SEND_BUDGET, what="the send done after the restart", interval=0.5, site=site
    )
    finished = time.monotonic()
    received = Counter({k: v for k, v in sink.recipients().items() if k in readers})
    states = dict(
        site.sql(
            "SELECT d.state, count(*) FROM newsletter_delivery d JOIN newsletter_send s"
            " ON s.id = d.send_id WHERE s.issue_id = %s GROUP BY d.state",
            issue_id,
        )
    )
    print(
        f"\nPostgreSQL stopped as message {RESTART_AT} of {SUBSCRIBERS} went out, {during} more"
        f" while it was down ({up_at - down_at:.1f} s); the send ended {finished - up_at:.1f} s"
        f" after it was back; deliveries {states}"
    )
    assert {reader: n for reader, n in received.items() if n > 1} == {}, "mailed twice"
    assert sorted(received) == readers, "readers never mailed"
    assert states == {"accepted": SUBSCRIBERS}

    # The clock carries on too: an edit scheduled now goes live at its time.
    headline = f"Scheduled after the restart {secrets.token_hex(3)}"
    page_id = int(site.manage("shell", "-c", SCHEDULE_EDIT.format(title=headline)).split()[-1])
    wait_until(
        lambda: (
            site.sql("SELECT title FROM wagtailcore_page WHERE id = %s", page_id)[0][0] == headline
        ),
        budget=30,
        what="the scheduled edit live",
        interval=0.5,
        site=site,
    )
    site.assert_all_running()


def edit_form(site: Site, browser, page_id: int) -> tuple[list[tuple[str, str]], list[dict]]:
    """What the edit form posts, as the admin's JavaScript built it, and the editor's cookies."""
    context = browser.new_context(base_url=site.app)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        WagtailAdmin(page).log_in("restart-editor", site.password)
        page.goto(f"/admin/pages/{page_id}/edit/")
        page.wait_for_function("window.mastheadWatchingEdits === true", timeout=30_000)
        fields = page.evaluate(
            "() => [...new FormData(document.getElementById('page-edit-form')).entries()]"
            ".filter(([, value]) => typeof value === 'string')"
        )
        return [tuple(pair) for pair in fields], context.cookies()
    finally:
        context.close()


@dataclass
class Attempt:
    number: int
    action: str  # "save" or "publish"
    title: str
    started: float
    ended: float = 0.0
    status: int | None = None  # None: no answer (the connection failed or timed out)
    location: str = ""
    error: str = ""

    def acknowledged(self, page_id: int) -> bool:
        """Answered as Wagtail answers a success: a save goes back to the edit view, a publish
        on to the section's page list (each with its success message)."""
        if self.status != 302:
            return False
        if self.action == "save":
            return self.location.endswith(f"/admin/pages/{page_id}/edit/")
        return re.search(r"/admin/pages/\d+/$", self.location) is not None

    def failed_visibly(self) -> bool:
        return self.status is None or self.status >= 500


def signed_in(cookies: list[dict]) -> requests.Session:
    session = requests.Session()
    for cookie in cookies:
        session.cookies.set(cookie["name"], cookie["value"], path=cookie["path"])
    return session


def status_of(session: requests.Session, url: str) -> int | str:
    try:
        return session.get(url, allow_redirects=False, timeout=30).status_code
    except requests.RequestException as error:
        return repr(error)


def post_edits(site: Site, page_id: int, fields, cookies, *, until: threading.Event) -> list:
    """An editor saving and publishing the article over and over, each time a new headline."""
    session = signed_in(cookies)
    form = [(k, v) for k, v in fields if k not in ("title", "action-publish")]
    url = f"{site.app}/admin/pages/{page_id}/edit/"
    token = secrets.token_hex(3)
    attempts = []
    number = 0
    while not until.is_set():
        number += 1
        action = "publish" if number % 3 == 0 else "save"
        attempt = Attempt(number, action, f"Restart {token} edit {number}", time.monotonic())
        data = [*form, ("title", attempt.title)]
        if action == "publish":
            data.append(("action-publish", "action-publish"))
        try:
            response = session.post(url, data=data, allow_redirects=False, timeout=30)
            attempt.status = response.status_code
            attempt.location = response.headers.get("Location", "")
        except requests.RequestException as error:
            attempt.error = repr(error)
        attempt.ended = time.monotonic()
        attempts.append(attempt)
        time.sleep(0.1)
    return attempts


def test_edits_during_a_database_restart_are_kept_or_fail_visibly(site, browser):
    page_id, title = site.sql(
        "SELECT p.id, p.title FROM wagtailcore_page p JOIN newsroom_articlepage a"
        " ON a.page_ptr_id = p.id WHERE p.live ORDER BY p.id LIMIT 1"
    )[0]
    fields, cookies = edit_form(site, browser, page_id)

    # A restart while the editor reads: the app server's every thread holds a connection from
    # the requests before, which the restart ends. The requests after must not fail on them.
    session, dashboard = signed_in(cookies), f"{site.app}/admin/"
    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(lambda _: status_of(session, dashboard), range(16))) == {200}
    site.restart_postgres()
    assert [status_of(session, dashboard) for _ in range(12)] == [200] * 12

    stop = threading.Event()
    attempts: list[Attempt] = []
    editor = threading.Thread(
        target=lambda: attempts.extend(post_edits(site, page_id, fields, cookies, until=stop))
    )
    editor.start()
    try:
        time.sleep(4)  # saves and publishes go through before the restart
        down_at, up_at = site.restart_postgres()
        time.sleep(8)  # and after it
    finally:
        stop.set()
        editor.join(60)

    ok = [a for a in attempts if a.acknowledged(page_id)]
    failed = [a for a in attempts if a.failed_visibly()]
    other = [a for a in attempts if a not in ok and a not in failed]
    saved = {
        row[0]
        for row in site.sql(
            "SELECT content->>'title' FROM wagtailcore_revision WHERE object_id = %s",
            str(page_id),
        )
    }
    published = {
        row[0]
        for row in site.sql(
            "SELECT r.content->>'title' FROM wagtailcore_pagelogentry l"
            " JOIN wagtailcore_revision r ON r.id = l.revision_id"
            " WHERE l.action = 'wagtail.publish' AND l.page_id = %s",
            page_id,
        )
    }
    after = [a for a in attempts if a.started >= up_at + 1.0]
    print(
        f"\n{len(attempts)} edits posted: {len(ok)} acknowledged, {len(failed)} failed visibly"
        f" (PostgreSQL down {up_at - down_at:.1f} s); of those acknowledged,"
        f" {len([a for a in ok if a.title in saved])} stored;"
        f" {len([a for a in failed if a.title in saved])} of the failed were stored all the same"
    )
    assert not other, [(a.number, a.action, a.status, a.location) for a in other]
    assert [a.title for a in ok if a.title not in saved] == [], "acknowledged, then lost"
    lost = [a.title for a in ok if a.action == "publish" and a.title not in published]
    assert lost == [], "acknowledged as published, never published"
    assert [a for a in failed if down_at - 1 <= a.started <= up_at], "no edit met the restart"
    assert [a for a in ok if a.started < down_at], "nothing saved before the restart"
    assert len(after) >= 5, len(after)
    assert [(a.number, a.status, a.error) for a in after if not a.acknowledged(page_id)] == []
    site.assert_all_running()
