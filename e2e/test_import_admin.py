"""Moving an archive in through the Wagtail admin, end to end: an editor uploads a WordPress
export and its photos, checks the plan, starts the import, watches the progress bar while the
real task worker (`manage.py db_worker`) runs it, and lands on the report.

The import adds regions, articles with uncredited photos, redirects and a new lead story: the
demo the other browser tests read must not change under them, so this module runs its own
server on its own database.
"""

import io
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e.conftest import running_server
from e2e.pages.admin import SLOW_MS
from masthead.importers.tests.moving import QUAYSIDE, quayside_uploads

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def server(migrated):
    """A server of its own, with one demo article."""
    with running_server(migrated=migrated, demo_limit=1, username="e2e-importer") as live:
        yield live


@pytest.fixture
def photos(tmp_path) -> Path:
    """The old site's wp-content/uploads as the editor zips it."""
    folder = quayside_uploads(tmp_path / "old-site")
    path = tmp_path / "uploads.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, f"wp-content/uploads/{file.relative_to(folder)}")
    path.write_bytes(buffer.getvalue())
    return path


def test_an_editor_uploads_an_export_checks_the_plan_and_follows_the_import_to_its_report(
    admin, server, photos
):
    page = admin.page
    page.goto("/admin/")
    page.get_by_role("button", name="Settings").click()
    page.get_by_role("link", name="Import", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Import", timeout=SLOW_MS)

    # A file that is not an export is refused with the reason, and nothing is kept.
    page.get_by_label("Export file").set_input_files(
        {"name": "minutes.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4"}
    )
    page.get_by_role("button", name="Upload and plan").click()
    expect(page.get_by_text("minutes.pdf (.pdf) is not an export")).to_be_visible()
    # Nothing was kept of it: the list holds only the demo's own import, which built the site.
    expect(page.get_by_text("minutes.pdf", exact=True)).to_have_count(0)
    expect(page.get_by_role("row")).to_have_count(2)  # the header and the demo's run

    page.get_by_label("Export file").set_input_files(QUAYSIDE)
    page.get_by_label("Photos (optional)").set_input_files(photos)
    page.get_by_role("button", name="Upload and plan").click()

    # The plan: what the export holds, and where its categories and tags go.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Check the plan", timeout=SLOW_MS)
    holds = page.get_by_role("region", name="What the export holds")
    expect(holds).to_contain_text("8 items")
    expect(holds).to_contain_text("3 authors")
    expect(page.get_by_label("Europe (category): becomes")).to_have_value("region")
    expect(page.get_by_label("Analysis (category): becomes")).to_have_value("type")
    expect(page.get_by_label("Energy (category): slug")).to_have_value("energy")

    page.get_by_role("button", name="Start import").click()

    # The progress page waits for the worker; the worker runs the import; the page moves on.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Importing", timeout=SLOW_MS)
    bar = page.get_by_role("progressbar", name="Items imported")
    expect(bar).to_be_visible()
    expect(page.get_by_role("button", name="Cancel import")).to_be_visible()
    server.manage("db_worker", "--batch", "--no-startup-delay")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Import report", timeout=SLOW_MS)
    expect(page.get_by_text("Done.")).to_be_visible()
    counts = page.locator("table.import-report-counts")
    expect(counts.get_by_role("row", name=re.compile(r"^Articles\s+7$"))).to_be_visible()
    expect(counts.get_by_role("row", name=re.compile(r"^Photos\s+3$"))).to_be_visible()

    # What needs attention links to the article's edit view.
    page.get_by_role("link", name="Edit “The dredging decade”").first.click()
    expect(page.get_by_role("textbox", name="Title")).to_have_value(
        "The dredging decade", timeout=SLOW_MS
    )
