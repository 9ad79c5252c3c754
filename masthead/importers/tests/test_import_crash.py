"""An import killed halfway (SIGKILL, as an out-of-memory killer or a reboot would) and
started again ends as an uninterrupted one; and an export cannot aim the importer at us."""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import ReferenceIndex
from wagtail.search.models import IndexEntry

from masthead.core.tests.test_worker import worker_env
from masthead.importers.models import ImportedObject
from masthead.importers.tests.moving import make_site, run_import, write_export
from masthead.newsroom.models import ArticlePage, SectionPage

ROOT = Path(__file__).resolve().parents[3]
POSTS = 1_200  # five batches


def command(*args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "import_content", *map(str, args)],
        cwd=ROOT,
        env=worker_env(DJANGO_SETTINGS_MODULE="masthead.settings.test"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def still_running(export: Path) -> list[int]:
    """Processes whose command line names the export (an import or its forked converter)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and str(export).encode() in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def state(region: str, site: str) -> dict:
    """What readers and editors would find of one import, by address (ids differ)."""
    section = SectionPage.objects.get(slug=region)
    pages = ArticlePage.objects.child_of(section)
    ids = {page.pk: page.slug for page in pages}
    source = f"wordpress:{site.split('//')[1]}"
    return {
        "pages": sorted(pages.values_list("slug", "title", "live", "first_published_at")),
        "redirects": sorted(
            (r.old_path, ids[r.redirect_page_id])
            for r in Redirect.objects.filter(redirect_page_id__in=ids)
        ),
        "imported": sorted(
            ImportedObject.objects.filter(source=source).values_list("kind", "key", "pending")
        ),
        "references": ReferenceIndex.objects.filter(object_id__in=map(str, ids)).count(),
        # Searchable: on PostgreSQL these rows are written by the end of the run's second thread.
        "indexed": IndexEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(ArticlePage),
            object_id__in=map(str, ids),
        ).count(),
    }


@pytest.mark.django_db(transaction=True)
def test_an_import_killed_halfway_and_run_again_ends_as_an_uninterrupted_one(tmp_path):
    make_site()
    exports, mappings = {}, {}
    for name in ("alpha", "beta"):
        site = f"https://{name}.example"
        exports[name] = tmp_path / f"{name}.xml"
        write_export(exports[name], POSTS, site=site)
        mappings[name] = tmp_path / f"{name}.json"
        mappings[name].write_text(json.dumps({"default_region": name}))
    run_import(exports["alpha"], mapping=mappings["alpha"])  # uninterrupted
    # Taken now: both exports name the same old addresses (/?p=1…), so beta's import, run
    # second, points them at its own pages.
    alpha = state("alpha", "https://alpha.example")

    first = command(exports["beta"], "--mapping", mappings["beta"])
    source = "wordpress:beta.example"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and first.poll() is None:
        if ImportedObject.objects.filter(source=source, kind="item").count() >= 250:
            first.send_signal(signal.SIGKILL)  # after its first batch, mid-run
            break
        time.sleep(0.02)
    first.wait(timeout=60)
    assert first.returncode == -signal.SIGKILL, first.stderr.read().decode()[-2000:]
    # Its body converter (a forked child) goes too, and with it the database session it held.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and still_running(exports["beta"]):
        time.sleep(0.1)
    assert not still_running(exports["beta"])
    halfway = ImportedObject.objects.filter(source=source, kind="item").count()
    assert 0 < halfway < POSTS

    second = command(exports["beta"], "--mapping", mappings["beta"])
    out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err.decode()[-2000:]
    assert f"created={POSTS - halfway} " in out.decode()

    beta = state("beta", "https://beta.example")
    assert len(beta["pages"]) == POSTS
    assert beta["pages"] == alpha["pages"]
    assert len(beta["redirects"]) == 3 * POSTS  # permalink, old slug, ?p=
    assert beta["redirects"] == alpha["redirects"]
    assert beta["imported"] == alpha["imported"]
    assert not any(pending for _, _, pending in beta["imported"])
    assert beta["references"] == alpha["references"]
    assert beta["indexed"] == alpha["indexed"] == POSTS


@pytest.mark.django_db
def test_fetching_photos_never_reaches_a_private_address(loopback_trap, tmp_path):
    """An export whose site and photos are on loopback: with fetching on, the guard refuses
    every photo, and the trap listening there is never even connected to."""
    port, hits = loopback_trap
    make_site()
    site = f"http://127.0.0.1:{port}"
    export = (Path(__file__).parent / "files" / "move_in" / "quayside.xml").read_text()
    path = tmp_path / "trap.xml"
    path.write_text(export.replace("https://quayside.example", site))
    out, err = run_import(path, fetch_media=True)
    assert hits == []
    assert err.count("not fetched from") == 5  # every photo, each with the guard's reason
    assert "127.0.0.1" in err and ArticlePage.objects.filter(live=True).exists()
