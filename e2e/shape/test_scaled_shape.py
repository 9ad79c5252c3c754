"""The scaled shape, running: Varnish in front of two app servers (granian), two task workers,
PostgreSQL, Redis as the shared cache, and media on S3-compatible object storage (SeaweedFS).

Everything is chosen by environment variables on the production settings, as an operator would.
"""

import gzip
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
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
from e2e.shape.seaweed import seaweedfs

pytestmark = pytest.mark.shape

POSTGRES_URL = os.environ.get("POSTGRES_TEST_URL", "postgres://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("SHAPE_REDIS_URL", "redis://127.0.0.1:6379/14")
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
START_TIMEOUT = 90  # seconds, for each server to answer on a shared 2-core machine


def get(url: str, **headers: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"User-Agent": "masthead-shape-test", **headers})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@dataclass
class Shape:
    front: str  # Varnish: what readers reach
    apps: list[str]
    media: str
    env: dict = field(repr=False)
    procs: dict = field(default_factory=dict, repr=False)
    workdir: Path | None = None

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=REPO_ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode:
            raise RuntimeError(
                f"manage.py {args[0]}:\n{result.stdout[-2000:]}{result.stderr[-3000:]}"
            )
        return result.stdout

    def spawn(self, name: str, command: list[str], **extra_env: str) -> None:
        log = (self.workdir / f"{name}.log").open("wb")
        self.procs[name] = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env={**self.env, **extra_env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_until_up(self, url: str) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            for name, proc in self.procs.items():
                if proc.poll() is not None:
                    raise RuntimeError(f"{name} exited early:\n{self.log(name)}")
            try:
                if get(url)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{url} did not answer within {START_TIMEOUT} s:\n{self.logs()}")

    def stop(self, name: str) -> None:
        proc = self.procs[name]
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def log(self, name: str) -> str:
        return (self.workdir / f"{name}.log").read_text(errors="replace")[-3000:]

    def logs(self) -> str:
        return "\n".join(f"--- {name}\n{self.log(name)}" for name in self.procs)


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
            shape = Shape(front, [f"http://127.0.0.1:{p}" for p in apps], s3.public_base_url, env)
            shape.workdir = workdir
            shape.password = password
            try:
                shape.manage("migrate", "--noinput")
                shape.manage("collectstatic", "--noinput")
                shape.manage("load_demo", "--limit", "6", "--no-editor")
                shape.manage(
                    "createsuperuser",
                    "--noinput",
                    "--username",
                    "shape-editor",
                    "--email",
                    "shape@example.com",
                )
                for i, port in enumerate(apps):
                    shape.spawn(
                        f"app{i}",
                        ["deploy/app-server"],
                        APP_BIND=f"127.0.0.1:{port}",
                        PYTHON=sys.executable,
                    )
                for i in range(2):
                    shape.spawn(f"worker{i}", [sys.executable, "manage.py", "db_worker"])
                shape.spawn("clock", [sys.executable, "manage.py", "clock", "--every", "30"])
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
                for name in list(shape.procs):
                    shape.stop(name)
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


def test_app_servers_share_one_page_cache(shape):
    # As behind Varnish: both servers see the site's own host name.
    first = get(shape.apps[0] + "/latest/", Host="localhost")
    second = get(shape.apps[1] + "/latest/", Host="localhost")
    assert first[1].get("X-Page-Cache") == "miss", first[:2]
    assert second[1]["X-Page-Cache"] == "hit"  # stored by the other process, in Redis
    assert first[2] == second[2]


def test_a_published_change_reaches_readers_through_varnish_within_two_seconds(shape, browser):
    pk, path, title = newest_article(shape)
    for url in (shape.front + path, shape.front + "/"):
        get(url)
        status, headers, body = get(url)
        assert (status, headers["X-Cache"]) == (200, "hit"), url
        assert title.encode() in body.replace(b"&#x27;", b"'")

    context = browser.new_context(base_url=shape.front)
    context.set_default_timeout(TIMEOUT_MS)
    editor = context.new_page()
    admin = WagtailAdmin(editor)
    admin.log_in("shape-editor", shape.password)
    editor.goto(f"/admin/pages/{pk}/edit/")
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
