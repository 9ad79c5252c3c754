"""Browser tests: a real runserver on a throwaway SQLite database, driven by Chromium.

The server is started once per session with the demo publication (first 24 articles) and a
superuser; each test gets a fresh browser context so cookies and storage never leak between
tests. The server sends its email over SMTP to a local aiosmtpd server (the `smtp` fixture)
that keeps every message it receives.
"""

import contextlib
import os
import random
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from masthead.newsletter.tests.smtp import SMTPServer

REPO_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
DEMO_LIMIT = 24
SERVER_START_TIMEOUT = 30  # seconds
MANAGE_TIMEOUT = 180  # seconds for one management command run by a test
TIMEOUT_MS = 15_000  # default Playwright timeout: generous for a shared 2-core machine


@dataclass(frozen=True)
class LiveServer:
    base_url: str
    username: str
    password: str
    env: dict = field(repr=False)  # the server's environment: settings, database, mail server

    def url(self, path: str) -> str:
        return self.base_url + path

    def manage(self, *args: str, timeout: float = MANAGE_TIMEOUT) -> str:
        """Run a management command against the server's database and mail; return its stdout."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=REPO_ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"manage.py {args[0]} exited with {result.returncode}:\n"
                f"{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
            )
        return result.stdout


_HANDED_OUT: set[int] = set()


def _free_ports(count: int) -> list[int]:
    """Distinct ports no one listens on, below the kernel's ephemeral range.

    A port from bind(0) lies in that range, where every outgoing connection (to PostgreSQL,
    Redis, object storage) also takes its local port: one of them could hold the port by the
    time a server we start binds it. Below the range only listeners compete, and none holds
    these ports now; nor are they handed out twice in one test run.
    """
    try:
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    candidates = list(range(10_000, max(low, 11_000)))
    random.shuffle(candidates)
    ports = []
    for port in candidates:
        if port in _HANDED_OUT:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        ports.append(port)
        _HANDED_OUT.add(port)
        if len(ports) == count:
            return ports
    raise RuntimeError(f"no {count} free ports between 10000 and {low}")


def _free_port() -> int:
    return _free_ports(1)[0]


def _manage(*args: str, env: dict, log) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        check=True,
    )


def sqlite_env(tmp: Path, extra: dict | None = None) -> dict:
    """The environment of a `make run`-like site whose SQLite database and media live in `tmp`."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masthead.settings.dev",
        "SQLITE_PATH": str(tmp / "db.sqlite3"),
        "MEDIA_ROOT": str(tmp / "media"),
        "SECRET_KEY": "e2e-not-secret",
        **(extra or {}),
    }
    env.pop("DATABASE_URL", None)
    return env


def copy_database(template: Path, env: dict) -> None:
    """Start the site in `env` from a copy of the migrated `template` (SQLite's own backup, so a
    write-ahead log still beside the template is copied too)."""
    source, target = sqlite3.connect(template), sqlite3.connect(env["SQLITE_PATH"])
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


def _wait_until_up(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"runserver exited early with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer 200 within {timeout} s")


def pytest_collection_modifyitems(config, items):
    """The admin tests publish a new article: run them last so the other tests see the demo."""
    admin_tests = Path(__file__).with_name("test_admin.py")
    items.sort(key=lambda item: item.path == admin_tests)


@pytest.fixture(scope="session")
def smtp():
    """The mail server the live server sends to; `smtp.sink.to(address)` lists what arrived."""
    with SMTPServer() as mail_server:
        yield mail_server


@pytest.fixture(scope="session")
def migrated(tmp_path_factory) -> Path:
    """A SQLite database migrated once a session: every site the browser tests start begins
    as a copy of it (migrating takes one core some 16 seconds each time)."""
    tmp = tmp_path_factory.mktemp("migrated")
    env = sqlite_env(tmp)
    with (tmp / "migrate.log").open("w") as log:
        _manage("migrate", "--noinput", env=env, log=log)
    return Path(env["SQLITE_PATH"])


@contextlib.contextmanager
def running_server(
    *, migrated: Path, demo_limit: int, username: str, extra_env: dict | None = None
):
    """A `make run`-like site on a free port with its own database (a copy of `migrated`): the
    demo's first `demo_limit` articles built and indexed by the worker, a superuser `username`
    signed up."""
    tmp = Path(tempfile.mkdtemp(prefix="masthead-e2e-"))
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    password = secrets.token_urlsafe(18)
    env = sqlite_env(
        tmp,
        {
            "IMPORT_DIR": str(tmp / "imports"),
            "BASE_URL": base_url,
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "DJANGO_SUPERUSER_PASSWORD": password,
            **(extra_env or {}),
        },
    )
    log_path = tmp / "server.log"
    process = None
    with log_path.open("w") as log:
        try:
            copy_database(migrated, env)
            _manage("load_demo", "--limit", str(demo_limit), "--no-editor", env=env, log=log)
            # What the worker beside `make run` does: index the demo for search, make renditions.
            _manage("db_worker", "--batch", "--no-startup-delay", env=env, log=log)
            _manage("createsuperuser", "--noinput", "--username", username,
                    "--email", f"{username}@example.com", env=env, log=log)  # fmt: skip
            process = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
                cwd=REPO_ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            _wait_until_up(base_url + "/", process, SERVER_START_TIMEOUT)
        except Exception:
            if process is not None:
                process.kill()
            log.flush()
            print(log_path.read_text()[-4000:], file=sys.stderr)
            raise
        try:
            yield LiveServer(base_url=base_url, username=username, password=password, env=env)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def server(smtp, migrated):
    smtp_env = {
        "EMAIL_BACKEND": "masthead.core.mail.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
    }
    with running_server(
        migrated=migrated, demo_limit=DEMO_LIMIT, username="e2e-editor", extra_env=smtp_env
    ) as live:
        yield live


@pytest.fixture(scope="session")
def browser():
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()


@pytest.fixture
def new_context(browser, server):
    """Open browser contexts (with options) that are closed when the test ends."""
    contexts = []

    def make(**options):
        context = browser.new_context(base_url=server.base_url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.fixture
def admin(page, server):
    """The admin, signed in as the server's editor (a module's own `server` if it has one)."""
    from e2e.pages.admin import WagtailAdmin

    page.set_viewport_size({"width": 1280, "height": 900})
    admin = WagtailAdmin(page)
    admin.log_in(server.username, server.password)
    return admin
