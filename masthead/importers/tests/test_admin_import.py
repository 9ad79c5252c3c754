"""The import in the Wagtail admin, as an editor moving an archive in meets it: upload, plan,
mapping, start, progress, report, cancel, and the articles that still need attention."""

import io
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from masthead.importers import forms as import_forms
from masthead.importers import run as import_run
from masthead.importers import views as import_views
from masthead.importers.models import ImportRun
from masthead.importers.tasks import run_import_task
from masthead.importers.tests.moving import FILES, QUAYSIDE, make_site, quayside_uploads
from masthead.newsroom.models import ArticlePage
from masthead.newsroom.tests.factories import make_editor

pytestmark = pytest.mark.django_db

INDEX = "/admin/import/"


@pytest.fixture
def site():
    return make_site()


@pytest.fixture
def import_dir(settings, tmp_path):
    settings.IMPORT_DIR = tmp_path / "imports"
    return settings.IMPORT_DIR


@pytest.fixture
def desk(client):
    editor = make_editor()
    client.force_login(editor)
    return editor


@pytest.fixture
def photos_zip(tmp_path) -> bytes:
    """The old site's wp-content/uploads, zipped the way an editor zips a folder."""
    folder = quayside_uploads(tmp_path / "old-site")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"uploads/{path.relative_to(folder)}")
    return buffer.getvalue()


def export_file(path: Path = QUAYSIDE, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes())


def upload(client, *, photos: bytes | None = None, **fields):
    data = {"export": export_file(), **fields}
    if photos is not None:
        data["photos"] = SimpleUploadedFile("uploads.zip", photos)
    return client.post(INDEX, data)


def plan_data(client, run: ImportRun, **changes) -> dict:
    """The plan page's mapping form as it comes, with `changes` made."""
    form = client.get(f"/admin/import/{run.pk}/").context["form"]
    data = {name: form[name].value() for name in form.fields}
    data.update(changes)
    return data


def row_number(client, run: ImportRun, key: str) -> int:
    rows = client.get(f"/admin/import/{run.pk}/").context["form"].rows
    return next(n for n, row in enumerate(rows) if row["key"] == key)


def start(client, run, django_capture_on_commit_callbacks, **changes):
    data = plan_data(client, run, **changes)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/import/{run.pk}/start/", data)
    return response


def kept_folders(import_dir: Path) -> list[Path]:
    return list(import_dir.iterdir()) if import_dir.exists() else []


# Who sees it -------------------------------------------------------------------------------


def test_the_menu_shows_import_to_a_superuser_and_to_whoever_may_add_runs(site, client):
    client.force_login(make_editor())
    assert INDEX in client.get("/admin/").content.decode()

    plain = get_user_model().objects.create_user("plain", "plain@example.com", "x" * 16)
    plain.groups.add(Group.objects.get(name="Editors"))
    client.force_login(plain)
    assert INDEX not in client.get("/admin/").content.decode()
    refused = client.get(INDEX)
    assert refused.status_code == 302 and INDEX not in refused["Location"]
    assert not ImportRun.objects.exists()

    plain.user_permissions.add(Permission.objects.get(codename="add_importrun"))
    plain = get_user_model().objects.get(pk=plain.pk)  # permissions are cached per instance
    client.force_login(plain)
    assert INDEX in client.get("/admin/").content.decode()
    assert client.get(INDEX).status_code == 200


# Upload and plan ---------------------------------------------------------------------------


def test_an_upload_is_planned_and_shows_what_the_export_holds(
    site, desk, client, import_dir, photos_zip
):
    response = upload(client, photos=photos_zip)
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/import/{run.pk}/"
    assert (run.status, run.source, run.name, run.created_by) == (
        "planned", "wordpress", "quayside.xml", desk)  # fmt: skip
    # Kept in IMPORT_DIR for the worker, never where readers could download it.
    export = Path(run.export_path)
    assert export.is_file() and export.is_relative_to(import_dir)
    assert not export.is_relative_to(Path(django_settings.MEDIA_ROOT))
    uploads = Path(run.options["uploads"])
    assert (uploads / "2023" / "05" / "quay-cranes.jpg").is_file()  # the zip's top folder skipped
    assert run.options["fetch_media"] is False
    assert run.plan["items"] == 8

    page = client.get(response["Location"]).content.decode()
    for text in ("8</strong> items", "3</strong> authors", "4</strong> categories and tags",
                 "Where categories and tags go", "Start import"):  # fmt: skip
        assert text in page, text
    rows = {row["key"]: row for row in client.get(response["Location"]).context["form"].rows}
    assert rows["europe"]["name"] == "Europe" and rows["europe"]["target"] == "region"
    assert rows["analysis"]["target"] == "type"
    assert (rows["energy"]["target"], rows["energy"]["slug"]) == ("topic", "energy")
    assert (rows["ports"]["kind"], rows["ports"]["target"]) == ("tag", "topic")
    assert '<option value="region" selected>Region</option>' in page
    assert not ArticlePage.objects.exists()  # nothing is written before "Start import"


def test_a_ghost_export_and_a_substack_zip_are_planned_too(site, desk, client, import_dir):
    upload = export_file(FILES / "ghost" / "ghost5_site.json")
    assert client.post(INDEX, {"export": upload}).status_code == 302
    assert ImportRun.objects.get().source == "ghost"

    buffer = io.BytesIO()
    folder = FILES / "substack" / "export"
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"export/{path.relative_to(folder)}")
    response = client.post(
        INDEX,
        {
            "export": SimpleUploadedFile("substack.zip", buffer.getvalue()),
            "site_url": "https://harbourletter.substack.com",
            "author_name": " Mara Quay ",
        },
    )
    assert response.status_code == 302
    run = ImportRun.objects.get(source="substack")
    assert run.plan["site_url"] == "https://harbourletter.substack.com"
    assert (run.options["site_url"], run.options["author_name"]) == (
        "https://harbourletter.substack.com", "Mara Quay")  # fmt: skip
    assert client.get(response["Location"]).status_code == 200


def test_a_file_that_is_not_an_export_is_refused_and_nothing_is_kept(
    site, desk, client, import_dir
):
    cases = [
        (SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes"), "is not an export"),
        (export_file(FILES / "not_wordpress_rss.xml"), "not a WordPress export"),
        (SimpleUploadedFile("site.xml", b"%PDF-1.4 not xml"), "is not an XML file"),
        (SimpleUploadedFile("site.xml", b""), "The file is empty"),
        (export_file(FILES / "doctype.xml"), "DOCTYPE"),
        (SimpleUploadedFile("ghost.json", b'{"not": "ghost"}'), "ghost.json is not a Ghost export"),
        (SimpleUploadedFile(".xml", b"<rss/>"), "not a WordPress export"),
    ]
    for file, message in cases:
        response = client.post(INDEX, {"export": file})
        page = response.content.decode()
        assert response.status_code == 400 and message in page, (file.name, message)
        assert str(import_dir) not in page  # the message names the upload, not the server path
    assert not ImportRun.objects.exists() and not ArticlePage.objects.exists()
    assert kept_folders(import_dir) == []


def test_a_photo_zip_that_reaches_outside_its_folder_is_refused(site, desk, client, import_dir):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("2023/05/fine.jpg", b"jpeg")
        archive.writestr("../../outside.jpg", b"jpeg")
    response = upload(client, photos=buffer.getvalue())
    assert response.status_code == 400
    assert "would be unpacked outside its folder" in response.content.decode()
    assert not ImportRun.objects.exists() and kept_folders(import_dir) == []
    assert not (import_dir.parent / "outside.jpg").exists()


def test_a_photo_zip_too_big_is_refused(site, desk, client, import_dir, photos_zip, monkeypatch):
    monkeypatch.setattr(import_forms, "MAX_PHOTO_BYTES", 10_000)
    response = upload(client, photos=photos_zip)
    assert response.status_code == 400
    assert "uploads.zip unpacks to more than" in response.content.decode()
    assert not ImportRun.objects.exists() and kept_folders(import_dir) == []


def test_a_photo_upload_that_is_no_zip_is_refused(site, desk, client, import_dir):
    response = upload(client, photos=b"not a zip at all")
    assert "uploads.zip is not a readable .zip file" in response.content.decode()
    assert not ImportRun.objects.exists() and kept_folders(import_dir) == []


def test_uploads_are_refused_when_import_dir_would_make_them_public(site, desk, client, settings):
    settings.IMPORT_DIR = Path(settings.MEDIA_ROOT) / "imports"
    response = upload(client)
    assert response.status_code == 400
    assert "IMPORT_DIR" in response.content.decode() and "inside MEDIA_ROOT" in (
        response.content.decode()
    )
    assert not ImportRun.objects.exists()
    assert not (Path(settings.MEDIA_ROOT) / "imports").exists()


# Start, and the report ---------------------------------------------------------------------


def test_start_imports_and_the_report_counts_and_lists_what_needs_attention(
    site, desk, client, import_dir, photos_zip, django_capture_on_commit_callbacks
):
    upload(client, photos=photos_zip)
    run = ImportRun.objects.get()
    response = start(client, run, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == f"/admin/import/{run.pk}/"
    run.refresh_from_db()
    assert run.status == "done", run.error
    assert run.options["mapping"]["categories"]["europe"] == {"region": "europe"}
    assert (run.counts["items"], run.counts["articles"], run.counts["images"]) == (8, 7, 3)
    assert kept_folders(import_dir) == []  # the upload goes once it is imported

    report = client.get(response["Location"])
    page = report.content.decode()
    assert "Import report" in page and "Done." in page and run.summary in page
    assert '<th scope="row">Articles</th><td>7</td>' in page
    assert '<th scope="row">Photos</th><td>3</td>' in page
    dredging = ArticlePage.objects.get(title="The dredging decade")
    edit = reverse("wagtailadmin_pages:edit", args=[dredging.pk])
    assert f'<a href="{edit}">Edit “The dredging decade”</a>' in page
    assert "has no alt text" in page
    # The other kinds are one link away, each with its count.
    problems = run.problems.filter(kind="problem").count()
    assert f"Problems ({problems})" in page
    listed = client.get(response["Location"] + "?kind=problem").content.decode()
    assert "A photo nobody kept" in listed and "[pullquote]" in listed

    # The list of runs links to it, with what it made.
    index = client.get(INDEX).content.decode()
    assert f'href="/admin/import/{run.pk}/"' in index and "7 articles, 1 page, 3 photos" in index


def test_choosing_where_a_category_goes_changes_where_its_articles_go(
    site, desk, client, import_dir, photos_zip, django_capture_on_commit_callbacks
):
    upload(client, photos=photos_zip)
    run = ImportRun.objects.get()
    energy = row_number(client, run, "energy")
    ports = row_number(client, run, "ports")
    start(client, run, django_capture_on_commit_callbacks, **{
        f"t{energy}_target": "region", f"t{energy}_slug": "energy-desk",
        f"t{ports}_target": "skip",
    })  # fmt: skip
    run.refresh_from_db()
    assert run.status == "done", run.error
    assert run.options["mapping"]["categories"]["energy"] == {"region": "energy-desk"}
    assert run.options["mapping"]["tags"]["ports"] == {"skip": True}
    market = ArticlePage.objects.get(slug="market-day")
    assert (market.get_parent().slug, market.get_parent().title) == ("energy-desk", "Energy")
    assert not market.topics.exists()


def test_a_mapping_with_a_bad_slug_is_refused_and_the_run_waits(
    site, desk, client, import_dir, django_capture_on_commit_callbacks
):
    upload(client)
    run = ImportRun.objects.get()
    energy = row_number(client, run, "energy")
    response = start(client, run, django_capture_on_commit_callbacks,
                     **{f"t{energy}_slug": "Energy Desk"})  # fmt: skip
    assert response.status_code == 400
    page = response.content.decode()
    assert "“Energy Desk” is not a slug" in page and "“energy-desk”" in page
    run.refresh_from_db()
    assert run.status == "planned" and "mapping" not in run.options
    assert not ArticlePage.objects.exists()


def test_start_twice_queues_the_run_once(
    site, desk, client, import_dir, django_capture_on_commit_callbacks, monkeypatch
):
    upload(client)
    run = ImportRun.objects.get()
    queued = []
    monkeypatch.setattr(
        import_views, "run_import_task", SimpleNamespace(enqueue=lambda *a: queued.append(a))
    )
    data = plan_data(client, run)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/import/{run.pk}/start/", data)
        second = client.post(f"/admin/import/{run.pk}/start/", data, follow=True)
    assert queued == [(run.pk,)]
    assert "has already been started" in second.content.decode()


def test_someone_elses_upload_is_not_yours_to_start(site, desk, client, import_dir):
    upload(client)
    run = ImportRun.objects.get()
    data = plan_data(client, run)
    other = get_user_model().objects.create_user("other", "other@example.com", "x" * 16)
    other.groups.add(Group.objects.get(name="Editors"))
    other.user_permissions.add(Permission.objects.get(codename="add_importrun"))
    client.force_login(other)
    assert "Start import" not in client.get(f"/admin/import/{run.pk}/").content.decode()
    response = client.post(f"/admin/import/{run.pk}/start/", data, follow=True)
    assert "You cannot start “quayside.xml”: ed uploaded it" in response.content.decode()
    response = client.post(f"/admin/import/{run.pk}/discard/", follow=True)
    assert "You cannot discard “quayside.xml”" in response.content.decode()
    run.refresh_from_db()
    assert run.status == "planned" and Path(run.export_path).is_file()


def test_discarding_a_planned_upload_keeps_nothing(site, desk, client, import_dir):
    upload(client)
    run = ImportRun.objects.get()
    response = client.post(f"/admin/import/{run.pk}/discard/", follow=True)
    assert "was discarded" in response.content.decode()
    assert not ImportRun.objects.exists() and kept_folders(import_dir) == []


# Progress and cancelling -------------------------------------------------------------------


def queued_run(client, import_dir, **fields) -> ImportRun:
    upload(client)
    run = ImportRun.objects.get()
    ImportRun.objects.filter(pk=run.pk).update(status="queued", **fields)
    run.refresh_from_db()
    return run


def test_the_progress_page_shows_a_bar_and_the_json_follows_the_run(site, desk, client, import_dir):
    run = queued_run(client, import_dir)
    ImportRun.objects.filter(pk=run.pk).update(status="running", items_total=8, items_done=2)
    page = client.get(f"/admin/import/{run.pk}/").content.decode()
    assert '<progress id="import-progress"' in page and 'value="25"' in page
    assert "2 of 8 items" in page and "Cancel import" in page
    assert "/static/importers/progress.js" in page
    data = client.get(f"/admin/import/{run.pk}/progress/").json()
    assert data["percent"] == 25 and data["items_done"] == 2 and data["finished"] is False
    assert data["problems"] == {"attention": 0, "problem": 0, "skipped": 0, "kept": 0}


def test_the_progress_json_refuses_anyone_not_signed_in_to_the_admin(
    site, desk, client, import_dir
):
    run = queued_run(client, import_dir)
    client.logout()
    url = f"/admin/import/{run.pk}/progress/"
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    plain = get_user_model().objects.create_user("plain", "plain@example.com", "x" * 16)
    plain.groups.add(Group.objects.get(name="Editors"))
    client.force_login(plain)
    refused = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
    assert refused.status_code == 403 and b"items_done" not in refused.content


def test_cancel_asks_a_running_import_to_stop(site, desk, client, import_dir):
    run = queued_run(client, import_dir)
    ImportRun.objects.filter(pk=run.pk).update(status="running")
    response = client.post(f"/admin/import/{run.pk}/cancel/", follow=True)
    assert "stops when the batch it is writing is done" in response.content.decode()
    run.refresh_from_db()
    assert run.cancel_requested and run.status == "running"


def test_a_queued_import_cancelled_never_starts(site, desk, client, import_dir):
    run = queued_run(client, import_dir)
    client.post(f"/admin/import/{run.pk}/cancel/")
    run.refresh_from_db()
    assert (run.status, run.cancel_requested) == ("cancelled", True)
    run_import_task.enqueue(run.pk)  # the worker takes it after all
    run.refresh_from_db()
    assert run.status == "cancelled" and not ArticlePage.objects.exists()
    assert kept_folders(import_dir) == []


def test_someone_elses_import_is_not_yours_to_cancel(site, desk, client, import_dir):
    run = queued_run(client, import_dir)
    ImportRun.objects.filter(pk=run.pk).update(status="running")
    other = get_user_model().objects.create_user("other", "other@example.com", "x" * 16)
    other.groups.add(Group.objects.get(name="Editors"))
    other.user_permissions.add(Permission.objects.get(codename="add_importrun"))
    client.force_login(other)
    page = client.get(f"/admin/import/{run.pk}/").content.decode()
    assert "Cancel import" not in page
    response = client.post(f"/admin/import/{run.pk}/cancel/", follow=True)
    assert "You cannot cancel “quayside.xml”: ed started it, and only they" in (
        response.content.decode()
    )
    run.refresh_from_db()
    assert not run.cancel_requested and run.status == "running"


def test_an_import_cancelled_between_batches_ends_cancelled_with_what_it_wrote(
    site, desk, client, import_dir, monkeypatch
):
    run = queued_run(client, import_dir)
    monkeypatch.setattr(import_run, "BATCH", 3)
    original = import_run.Importer._progress

    def cancel_after_the_first_batch(importer):
        ImportRun.objects.filter(pk=importer.run_record.pk).update(cancel_requested=True)
        original(importer)

    monkeypatch.setattr(import_run.Importer, "_progress", cancel_after_the_first_batch)
    result = run_import_task.enqueue(run.pk)
    assert result.status == "SUCCESSFUL"  # a cancel is not a failure
    run.refresh_from_db()
    assert run.status == "cancelled" and run.items_done < run.items_total == 8
    written = run.counts["articles"] + run.counts["pages"]
    assert 0 < written < 8 and ArticlePage.objects.count() == run.counts["articles"]
    page = client.get(f"/admin/import/{run.pk}/").content.decode()
    assert "Cancelled." in page and "What it imported before it stopped stays" in page
    assert f'<th scope="row">Articles</th><td>{run.counts["articles"]}</td>' in page
    assert kept_folders(import_dir) == []


def test_a_run_whose_export_is_gone_fails_with_the_reason(site, desk, client, import_dir):
    run = queued_run(client, import_dir)
    Path(run.export_path).unlink()
    result = run_import_task.enqueue(run.pk)
    assert result.status == "FAILED"  # recorded once in the task queue, not retried
    run.refresh_from_db()
    assert run.status == "failed" and "no such file" in run.error
    page = client.get(f"/admin/import/{run.pk}/").content.decode()
    assert "The import failed" in page and "no such file" in page


# Needs attention ---------------------------------------------------------------------------


def test_needs_attention_lists_flagged_articles_until_they_pass_the_gate(
    site, desk, client, import_dir, photos_zip, django_capture_on_commit_callbacks
):
    upload(client, photos=photos_zip)
    start(client, ImportRun.objects.get(), django_capture_on_commit_callbacks)
    dredging = ArticlePage.objects.get(title="The dredging decade")
    page = client.get("/admin/import/attention/").content.decode()
    edit = reverse("wagtailadmin_pages:edit", args=[dredging.pk])
    assert f'<a href="{edit}">The dredging decade</a>' in page
    assert "has no alt text" in page
    assert "The cranes that never sleep" not in page

    photo = dredging.hero_image
    photo.description, photo.agency = "A dredger off the harbour wall", "QUAYSIDE"
    photo.save()
    page = client.get("/admin/import/attention/").content.decode()
    assert "The dredging decade" not in page


def test_the_start_page_lists_earlier_runs_newest_first(site, desk, client, import_dir):
    older = ImportRun.objects.create(name="older.xml", status="done", counts={"articles": 2})
    newer = ImportRun.objects.create(name="newer.xml", status="failed", error="boom")
    page = client.get(INDEX).content.decode()
    assert page.index(newer.name) < page.index(older.name)
    assert "Failed" in page and "2 articles, 0 pages, 0 photos" in page
