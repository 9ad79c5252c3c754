"""Changes made outside the web process reach readers of the running site.

The one-machine shape is several processes (web, task worker, clock, a shell): a purge made by
any of them must drop what the web server keeps. And the clock that `manage.py serve` starts
must put scheduled edits live within a minute.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from e2e.conftest import (
    REPO_ROOT,
    SERVER_START_TIMEOUT,
    _free_port,
    _manage,
    _wait_until_up,
    copy_database,
    sqlite_env,
)

pytestmark = pytest.mark.browser


def fetch(url: str) -> tuple[str, dict]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode(), {k.lower(): v for k, v in response.headers.items()}


def kept(url: str) -> str:
    """The page, after making sure the site now answers it from its page cache."""
    # A render that began within a second of a purge of what it shows is not kept (it may
    # predate the change), so right after another test's change this takes a few tries.
    for _ in range(10):
        body, headers = fetch(url)
        if headers.get("x-page-cache") == "hit":
            return body
        time.sleep(0.5)
    pytest.fail(f"the page cache does not hold {url}")


def shell(env: dict, code: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


FIRST_ARTICLE = """
import json
from masthead.newsroom.models import ArticlePage
page = ArticlePage.objects.live().order_by("-first_published_at").first()
print(json.dumps({"id": page.pk, "url": page.url, "title": page.title}))
"""

EDIT = """
from datetime import timedelta
from django.utils import timezone
from masthead.newsroom.models import ArticlePage
page = ArticlePage.objects.get(pk={id})
page.title = {title!r}
{schedule}
"""

SCHEDULE_IN = "page.go_live_at = timezone.now() + timedelta(seconds={seconds})\n" + (
    "page.save_revision().publish()"
)
# A revision approved to go live a moment ago: what `publish_scheduled` looks for.
DUE_NOW = (
    "revision = page.save_revision()\n"
    "type(revision).objects.filter(pk=revision.pk)"
    ".update(approved_go_live_at=timezone.now() - timedelta(seconds=1))"
)


def first_article(env) -> dict:
    return json.loads(shell(env, FIRST_ARTICLE).strip().splitlines()[-1])


def test_publish_scheduled_from_another_process_reaches_readers(server):
    article = first_article(server.env)
    url = server.url(article["url"])
    assert article["title"] in kept(url)

    new_title = article["title"] + " (revised by the desk)"
    shell(server.env, EDIT.format(id=article["id"], title=new_title, schedule=DUE_NOW))
    assert new_title not in fetch(url)[0], "a revision not yet published must not show"
    server.manage("publish_scheduled")

    body, headers = fetch(url)
    assert new_title in body
    assert headers.get("x-page-cache") != "hit"
    # Lists that show the piece are purged too, not only its own page.
    assert new_title in fetch(server.url("/latest/"))[0]

    shell(server.env, EDIT.format(id=article["id"], title=article["title"], schedule=DUE_NOW))
    server.manage("publish_scheduled")
    assert new_title not in fetch(url)[0]


def test_outlet_settings_changed_from_a_shell_reach_readers(server):
    front = server.url("/")
    before = kept(front)
    tagline = "Analysis that reaches you from a shell"
    assert tagline not in before
    change = (
        "from wagtail.models import Site\n"
        "from masthead.siteconfig.models import SiteSettings\n"
        "settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))\n"
        "old = settings.tagline\n"
        "settings.tagline = {tagline!r}\n"
        "settings.save()\n"
        "print(old)\n"
    )
    old = shell(server.env, change.format(tagline=tagline)).rstrip("\n").splitlines()[-1:]
    try:
        assert tagline in fetch(front)[0]
        assert tagline in fetch(server.url("/latest/"))[0]
    finally:
        shell(server.env, change.format(tagline=old[0] if old else ""))
    assert tagline not in fetch(front)[0]


@pytest.fixture(scope="module")
def one_machine(smtp, migrated):
    """`manage.py serve`: the web server with its task worker and clock, as `make run` starts
    them (the demo built beforehand, smaller than `make run`'s)."""
    tmp = Path(tempfile.mkdtemp(prefix="masthead-serve-"))
    port = _free_port()
    env = sqlite_env(
        tmp,
        {
            "BASE_URL": f"http://127.0.0.1:{port}",
            "EMAIL_BACKEND": "masthead.core.mail.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port),
        },
    )
    copy_database(migrated, env)
    log_path = tmp / "serve.log"
    with log_path.open("w") as log:
        _manage("load_demo", "--limit", "6", "--no-editor", env=env, log=log)
        process = subprocess.Popen(
            [sys.executable, "manage.py", "serve", "--no-demo", f"127.0.0.1:{port}"],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_until_up(f"http://127.0.0.1:{port}/", process, 2 * SERVER_START_TIMEOUT)
            yield env, f"http://127.0.0.1:{port}"
        finally:
            process.terminate()  # serve stops its worker and clock with it
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            try:  # anything of its group still running
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            log.flush()
    shutil.rmtree(tmp, ignore_errors=True)


def test_a_scheduled_edit_is_live_for_readers_within_90_seconds(one_machine):
    env, base_url = one_machine
    article = first_article(env)
    url = base_url + article["url"]
    assert article["title"] in kept(url)

    new_title = article["title"] + " (scheduled update)"
    schedule = SCHEDULE_IN.format(seconds=5)
    shell(env, EDIT.format(id=article["id"], title=new_title, schedule=schedule))
    scheduled_at = time.monotonic()
    assert new_title not in fetch(url)[0], "a scheduled edit must wait for its time"

    while time.monotonic() - scheduled_at < 90:
        if new_title in fetch(url)[0]:
            break
        time.sleep(2)
    else:
        pytest.fail("the scheduled edit did not reach readers within 90 seconds")
    assert new_title in fetch(base_url + "/")[0] or new_title in fetch(base_url + "/latest/")[0]
