"""The scaled shape, running: Varnish in front of two app servers (granian), two task workers,
PostgreSQL, Redis as the shared cache, and media on S3-compatible object storage (SeaweedFS).

Everything is chosen by environment variables on the production settings, as an operator would.
"""

import gzip
import os
import re
import secrets
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
import redis
from playwright.sync_api import expect

from e2e.conftest import REPO_ROOT, TIMEOUT_MS
from e2e.conftest import _free_port as free_port
from e2e.pages.admin import WagtailAdmin
from e2e.shape.processes import Processes, get
from e2e.shape.seaweed import seaweedfs

pytestmark = pytest.mark.shape

POSTGRES_URL = os.environ.get("POSTGRES_TEST_URL", "postgres://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("SHAPE_REDIS_URL", "redis://127.0.0.1:6379/14")
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


@dataclass
class Shape(Processes):
    front: str = ""  # Varnish: what readers reach
    apps: list[str] = field(default_factory=list)
    media: str = ""
    password: str = ""


def site_vcl(app_ports: list[int]) -> str:
    backends = "".join(
        f'backend app{i} {{ .host = "127.0.0.1"; .port = "{port}"; .probe = health; }}\n'
        for i, port in enumerate(app_ports)
    )
    adds = "".join(f"    app.add_backend(app{i});\n" for i in range(len(app_ports)))
    return (
        "import directors;\n"
        'probe health { .url = "/robots.txt"; .interval = 1s; .timeout = 2s;'
        " .window = 3; .threshold = 2; }\n"
        f"{backends}"
        f"sub vcl_init {{\n    new app = directors.round_robin();\n{adds}}}\n"
        'acl purgers { "127.0.0.1"; }\n'
    )


@pytest.fixture(scope="module")
def shape():
    # Not pytest's tmp_path: its parent is private, and varnishd reads its files as its own user.
    workdir = Path(tempfile.mkdtemp(prefix="masthead-shape-"))
    workdir.chmod(0o755)
    database = f"masthead_shape_{os.getpid()}"
    admin_url = POSTGRES_URL.replace("postgres://", "postgresql://")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{database}"')
    redis.Redis.from_url(REDIS_URL).flushdb()
    apps, varnish = [free_port(), free_port()], free_port()
    front = f"http://127.0.0.1:{varnish}"
    password = secrets.token_urlsafe(18)
    try:
        with seaweedfs(workdir / "s3") as s3:
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "masthead.settings.production",
                "SECRET_KEY": secrets.token_urlsafe(40),
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "SECURE_SSL_REDIRECT": "0",
                "SECURE_COOKIES": "0",  # plain HTTP on loopback
                "DATABASE_URL": POSTGRES_URL.rsplit("/", 1)[0] + f"/{database}",
                "REDIS_URL": REDIS_URL,
                "AWS_STORAGE_BUCKET_NAME": s3.bucket,
                "AWS_S3_ENDPOINT_URL": s3.endpoint_url,
                "AWS_ACCESS_KEY_ID": s3.access_key,
                "AWS_SECRET_ACCESS_KEY": s3.secret_key,
                "MEDIA_PUBLIC_URL": s3.public_base_url,
                "VARNISH_URLS": front,
                "BASE_URL": front,
                "STATIC_ROOT": str(workdir / "static"),
                "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
                "DJANGO_SUPERUSER_PASSWORD": password,
                "LOG_LEVEL": "WARNING",
                "WEB_CONCURRENCY": "2",  # per app server
            }
            env.pop("SQLITE_PATH", None)
            shape = Shape(
                env=env,
                workdir=workdir,
                front=front,
                apps=[f"http://127.0.0.1:{p}" for p in apps],
                media=s3.public_base_url,
                password=password,
            )
            try:
                shape.prepare(articles=6, editor="shape-editor")
                for i, port in enumerate(apps):
                    shape.spawn_app_server(f"app{i}", port)
                shape.spawn_background(clock_every=30)
                vcl = workdir / "varnish"
                vcl.mkdir()
                shutil.copy(REPO_ROOT / "deploy/varnish/default.vcl", vcl)
                (vcl / "site.vcl").write_text(site_vcl(apps))
                shape.spawn(
                    "varnish",
                    ["deploy/varnish-server", "-n", str(vcl / "state")],
                    VARNISH_STORAGE="malloc,64m",
                    VARNISH_VCL_DIR=str(vcl),
                    VARNISH_LISTEN=f"127.0.0.1:{varnish}",
                    VARNISHD=VARNISHD,
                )
                for app in shape.apps:
                    shape.wait_until_up(app + "/")
                shape.wait_until_up(front + "/")
                yield shape
            finally:
                shape.stop_all()
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        shutil.rmtree(workdir, ignore_errors=True)


def newest_article(shape: Shape) -> tuple[int, str, str]:
    out = shape.manage(
        "shell",
        "-c",
        "from masthead.newsroom.queries import stories; a = stories().first(); "
        "print(a.pk, a.url, sep='\\n'); print(a.title)",
    )
    pk, url, title = out.strip().splitlines()[-3:]
    return int(pk), url, title


def wait_for_text(url: str, text: str, budget: float) -> float:
    """Seconds until `url` shows `text`; fails once `budget` seconds have passed."""
    started = time.monotonic()
    while True:
        status, _, body = get(url)
        if status == 200 and text.encode() in body:
            return time.monotonic() - started
        if time.monotonic() - started > budget:
            pytest.fail(f"{url} did not show {text!r} within {budget} s")
        time.sleep(0.05)


def edit_in_browser(browser, shape: Shape, pk: int):
    """A browser context signed in as the shape's editor, on page `pk`'s edit form."""
    context = browser.new_context(base_url=shape.front)
    context.set_default_timeout(TIMEOUT_MS)
    admin = WagtailAdmin(context.new_page())
    admin.log_in("shape-editor", shape.password)
    admin.page.goto(f"/admin/pages/{pk}/edit/")
    return context, admin


def test_app_servers_share_one_page_cache(shape):
    # As behind Varnish: both servers see the site's own host name.
    first = get(shape.apps[0] + "/latest/", Host="localhost")
    second = get(shape.apps[1] + "/latest/", Host="localhost")
    assert first[1].get("X-Page-Cache") == "miss", first[:2]
    assert second[1]["X-Page-Cache"] == "hit"  # stored by the other process, in Redis
    assert first[2] == second[2]


READER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


def hits_of(shape: Shape, pk: int, wanted: int, budget: float = 15) -> int:
    """The page's hits in the database, once `wanted` are there (a batch waits two seconds)."""
    started = time.monotonic()
    while True:
        count = f"print(Hit.objects.filter(page_id={pk}).count())"
        out = shape.manage("shell", "-c", f"from masthead.analytics.models import Hit; {count}")
        found = int(out.strip().splitlines()[-1])
        if found >= wanted or time.monotonic() - started > budget:
            return found
        time.sleep(0.5)


def test_a_view_of_a_page_varnish_keeps_is_counted_by_the_app_behind_it(shape, browser):
    pk, url, _title = newest_article(shape)
    get(shape.front + url)
    status, headers, _body = get(shape.front + url)
    assert (status, headers["X-Cache"]) == (200, "hit")  # the page comes from Varnish alone
    context = browser.new_context(base_url=shape.front, user_agent=READER)
    try:
        context.new_page().goto(url)  # the beacon: a POST Varnish passes to an app server
        assert hits_of(shape, pk, 1) == 1
        for _ in range(2):  # the no-script image: never kept by Varnish, each one counted
            status, headers, body = get(f"{shape.front}/a/hit.gif?p={pk}", **{"User-Agent": READER})
            assert status == 200 and headers["X-Cache"] == "miss" and body.startswith(b"GIF89a")
        assert hits_of(shape, pk, 3) == 3
    finally:
        context.close()


def test_a_published_change_reaches_readers_through_varnish_within_two_seconds(shape, browser):
    pk, path, title = newest_article(shape)
    for url in (shape.front + path, shape.front + "/"):
        get(url)
        status, headers, body = get(url)
        assert (status, headers["X-Cache"]) == (200, "hit"), url
        assert title.encode() in body.replace(b"&#x27;", b"'")

    context, admin = edit_in_browser(browser, shape, pk)
    headline = f"Revised at {time.strftime('%H:%M:%S')}: {title}"[:200]
    admin.fill_title(headline)
    admin.publish()
    expect(admin.messages).to_contain_text("published", timeout=30_000)
    published = time.monotonic()
    escaped = headline.replace("'", "&#x27;")
    wait_for_text(shape.front + path, escaped, budget=2.0)
    wait_for_text(shape.front + "/", escaped, budget=max(0.1, 2.0 - (time.monotonic() - published)))
    elapsed = time.monotonic() - published
    print(f"new version through Varnish {elapsed:.2f} s after the publish")
    assert elapsed <= 2.0

    reader = context.new_page()
    reader.goto(path)
    expect(reader.get_by_role("heading", level=1)).to_have_text(headline)
    hero = reader.locator(".article__hero img")
    hero.scroll_into_view_if_needed()
    expect(hero).to_have_js_property("complete", True)
    source = hero.evaluate("img => img.currentSrc")
    assert source.startswith(shape.media + "/"), source
    assert hero.evaluate("img => img.naturalWidth") > 0
    status, headers, body = get(source)
    assert status == 200 and headers["Content-Type"].startswith("image/"), (status, headers)
    context.close()


def test_the_clock_puts_a_scheduled_edit_live_through_varnish(shape):
    pk, path, title = newest_article(shape)
    get(shape.front + path)
    assert get(shape.front + path)[1]["X-Cache"] == "hit"
    headline = f"Scheduled at {time.strftime('%H:%M:%S')}: {title}"[:200]
    shape.manage(
        "shell",
        "-c",
        "from datetime import timedelta; from django.utils import timezone; "
        "from masthead.newsroom.models import ArticlePage; "
        f"page = ArticlePage.objects.get(pk={pk}); page.title = {headline!r}; "
        "page.go_live_at = timezone.now() + timedelta(seconds=3); "
        "page.save_revision().publish()",
    )
    escaped = headline.replace("'", "&#x27;").encode()
    assert escaped not in get(shape.front + path)[2], "live before its time"
    elapsed = wait_for_text(shape.front + path, headline.replace("'", "&#x27;"), budget=90)
    print(f"scheduled edit through Varnish {elapsed:.1f} s after it was scheduled")


def test_varnish_sends_pages_and_feeds_gzipped_to_clients_that_ask(shape):
    for path in ("/", "/feed/"):
        get(shape.front + path)  # now kept
        status, headers, packed = get(shape.front + path, **{"Accept-Encoding": "gzip"})
        assert (status, headers["Content-Encoding"]) == (200, "gzip"), dict(headers)
        status, headers, plain = get(shape.front + path)  # a client that cannot unpack
        assert status == 200 and "Content-Encoding" not in headers, dict(headers)
        assert gzip.decompress(packed) == plain
        assert len(packed) < len(plain) / 2, (path, len(packed), len(plain))


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 301 itself is what is looked at


def get_once(url: str) -> tuple[int, dict]:
    """One request, not following a redirect."""
    opener = urllib.request.build_opener(_NoRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": "masthead-shape-test"})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_an_imported_archives_old_addresses_answer_through_varnish(shape):
    export = REPO_ROOT / "masthead/importers/tests/files/move_in/quayside.xml"
    shape.manage("import_content", str(export))
    for old in ("/2023/05/02/cranes-at-dawn/", "/?p=201", "/category/europe/feed/", "/tag/ports/"):
        for attempt in range(2):  # the second time through Varnish again, not a kept copy
            status, headers = get_once(shape.front + old)
            assert status == 301, (old, attempt, status)
            assert "public" not in headers.get("Cache-Control", ""), old
        target = headers["Location"]
        assert get_once(shape.front + target)[0] == 200, (old, target)  # one hop, no chain


WRK = shutil.which("wrk") or "/usr/bin/wrk"
LOAD_SECONDS = 15
PUBLISH_AFTER = 4  # seconds into the load
VISIBLE_WITHIN = 5.0  # seconds from the publish to readers seeing the change


def wrk_figures(output: str) -> dict[str, float]:
    """The line e2e/shape/readers.lua prints at the end of a run."""
    line = re.search(r"^figures (.*)$", output, re.MULTILINE)
    assert line, output
    return {k: float(v) for k, v in (pair.split("=") for pair in line.group(1).split())}


@dataclass
class Poller:
    """A reader reloading pages through Varnish until each shows `text`: when it did, and any
    answer that was not a page."""

    urls: list[str]
    text: bytes
    seen: dict = field(default_factory=dict)  # url: time (epoch) it first showed the text
    failures: list = field(default_factory=list)
    requests: int = 0

    def run(self, budget: float) -> None:
        deadline = time.monotonic() + budget
        while len(self.seen) < len(self.urls) and time.monotonic() < deadline:
            for url in self.urls:
                if url in self.seen:
                    continue
                try:
                    status, _, body = get(url)
                except OSError as error:
                    self.failures.append((url, repr(error)))
                    continue
                finally:
                    self.requests += 1
                if status != 200:
                    self.failures.append((url, status))
                elif self.text in body:
                    self.seen[url] = time.time()
            time.sleep(0.05)


def test_readers_under_load_see_a_publish_within_five_seconds_and_no_request_fails(shape, browser):
    pk, path, title = newest_article(shape)
    paths = ["/", path, "/latest/"]
    for url in paths:  # as after any while: Varnish holds each page
        get(shape.front + url)

    context, admin = edit_in_browser(browser, shape, pk)
    headline = f"Under load at {time.strftime('%H:%M:%S')}: {title}"[:200]
    admin.fill_title(headline)
    admin.settle_autosave()  # a draft: readers still see the published headline
    assert headline.encode() not in get(shape.front + path)[2]
    answers = []

    def note_answer(response):
        if response.request.method == "POST" and response.url.endswith(f"/pages/{pk}/edit/"):
            answers.append((response.status, time.time()))

    admin.page.on("response", note_answer)
    poller = Poller(
        [shape.front + path, shape.front + "/"], headline.replace("'", "&#x27;").encode()
    )
    load = subprocess.Popen(
        [WRK, "-t2", "-c32", f"-d{LOAD_SECONDS}s", "--latency", "--timeout", "10s",
         "-s", str(Path(__file__).with_name("readers.lua")), shape.front, "--", *paths],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        time.sleep(PUBLISH_AFTER)
        watching = threading.Thread(target=poller.run, args=(30,))
        watching.start()
        clicked = time.time()
        admin.publish()  # the form's own POST, with the editor's session
        expect(admin.messages).to_contain_text("published", timeout=30_000)
        watching.join()
        output = load.communicate(timeout=LOAD_SECONDS + 60)[0]
    finally:
        if load.poll() is None:
            load.kill()
            load.wait()
        context.close()

    figures = wrk_figures(output)
    assert [status for status, _ in answers] == [302], answers
    answered = answers[0][1]
    # When the app server published it (its clock is this machine's): what readers wait from,
    # leaving out the time the browser and the loaded server took to bring the click there.
    with psycopg.connect(shape.env["DATABASE_URL"].replace("postgres://", "postgresql://")) as db:
        query = "SELECT last_published_at FROM wagtailcore_page WHERE id = %s"
        published = db.execute(query, [pk]).fetchone()[0].timestamp()
    visible = max(poller.seen.values()) if len(poller.seen) == len(poller.urls) else None
    print(
        f"\nwrk through Varnish: {figures['requests'] / figures['seconds']:.0f} req/s,"
        f" p50 {figures['p50_ms']:.1f} ms, p99 {figures['p99_ms']:.1f} ms, max"
        f" {figures['max_ms']:.0f} ms, {figures['requests']:.0f} requests; the click reached the"
        f" publish in {published - clicked:.2f} s, its answer in {answered - clicked:.2f} s;"
        + (
            f" readers saw the change {visible - published:.2f} s after the publish"
            f" ({visible - clicked:.2f} s after the click)"
            if visible
            else " readers never saw the change"
        )
    )
    assert "Non-2xx or 3xx responses" not in output and "Socket errors" not in output, output
    assert figures["status_errors"] == figures["connect"] == figures["read"] == 0, figures
    assert figures["write"] == figures["timeout"] == 0, figures
    assert poller.failures == []
    assert visible is not None, f"readers never saw the change; seen: {poller.seen}"
    assert visible - published <= VISIBLE_WITHIN


def test_varnish_serves_stale_pages_while_every_app_server_is_down(shape):
    get(shape.front + "/")
    status, headers, fresh = get(shape.front + "/")
    assert (status, headers["X-Cache"]) == (200, "hit"), dict(headers)
    for name in ("app0", "app1"):
        shape.stop(name)
    time.sleep(4)  # the health probe marks both servers sick
    status, headers, body = get(shape.front + "/")
    assert status == 200, headers
    assert re.search(rb"<h1|class=\"teaser", body)
    assert body == fresh
