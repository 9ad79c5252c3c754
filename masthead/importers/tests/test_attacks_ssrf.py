"""SSRF through an import: an export (or a saved page) names the addresses its photos come from,
and whoever wrote it chooses them. With `--fetch-media`, none on our own network is fetched, the
trap listening there hears nothing, and the report says which photo was not fetched and why.

test_fetch.py tests the guard itself and test_import_crash.py a WordPress export on 127.0.0.1;
these take the other internal networks through the whole import, from the command and from the
admin, and saved pages, whose photos are never fetched at all.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from masthead.core.tests.attacks import Trap
from masthead.importers.fetch import FetchRefused
from masthead.importers.html.reader import fetch_saved_page
from masthead.importers.models import ImportRun
from masthead.importers.tests.moving import FILES, QUAYSIDE, make_site, run_import
from masthead.newsroom.models import ArticlePage
from masthead.newsroom.tests.factories import make_editor

pytestmark = pytest.mark.django_db
PHOTOS = 5  # the Quayside export's attachments
REFUSED = ("private or reserved address", "is not allowed")


@pytest.fixture
def trap():
    with Trap() as trap:
        yield trap


def site_of(url: str) -> str:
    return url.split("/latest/", 1)[0]


def export_from(tmp_path: Path, site: str, photos_at: str | None = None) -> Path:
    """The Quayside export as if it came from `site`, its photos at `photos_at` (the site)."""
    text = QUAYSIDE.read_text()
    text = text.replace("https://quayside.example/wp-content", f"{photos_at or site}/wp-content")
    path = tmp_path / "aimed.xml"
    path.write_text(text.replace("https://quayside.example", site))
    return path


INTERNAL = ["localhost", "ipv6 loopback", "link-local metadata", "private 10/8",
            "private 192.168/16", "name resolving to 10/8"]  # fmt: skip


@pytest.mark.parametrize("network", INTERNAL)
def test_an_export_from_our_own_network_fetches_no_photo(trap, tmp_path, network):
    make_site()
    site = site_of(trap.urls()[network])
    out, err = run_import(export_from(tmp_path, site), fetch_media=True)
    assert trap.heard == []
    refusals = [line for line in err.splitlines() if "not fetched from" in line]
    assert len(refusals) == PHOTOS, err
    assert all(f"not fetched from {site}/wp-content/" in line for line in refusals)
    assert all("resolves to a private or reserved address" in line for line in refusals)
    assert ArticlePage.objects.filter(live=True).exists()  # the pieces came in without them


def test_photos_aimed_at_the_metadata_address_from_a_public_site_are_not_fetched(trap, tmp_path):
    make_site()
    metadata = site_of(trap.urls()["link-local metadata"])
    export = export_from(tmp_path, "https://quayside.example", photos_at=metadata)
    out, err = run_import(export, fetch_media=True)
    assert trap.heard == []
    assert err.count(f"not fetched from {metadata}/wp-content/") == PHOTOS
    assert err.count("host '169.254.169.254' is not allowed (allowed: quayside.example") == PHOTOS


def test_the_admin_import_reports_each_photo_it_would_not_fetch(
    trap, tmp_path, client, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_DIR = tmp_path / "imports"
    make_site()
    client.force_login(make_editor())
    site = site_of(trap.urls()["link-local metadata"])
    export = export_from(tmp_path, site)
    upload = SimpleUploadedFile("aimed.xml", export.read_bytes())
    assert client.post("/admin/import/", {"export": upload, "fetch_media": "on"}).status_code == 302
    run = ImportRun.objects.get()
    assert run.options["fetch_media"] is True
    form = client.get(f"/admin/import/{run.pk}/").context["form"]
    data = {name: form[name].value() for name in form.fields}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/import/{run.pk}/start/", data)
    run.refresh_from_db()
    assert run.status == "done", run.error
    assert trap.heard == []
    listed = client.get(f"/admin/import/{run.pk}/?kind=problem").content.decode()
    assert listed.count(f"not fetched from {site}/wp-content/") == PHOTOS
    assert "resolves to a private or reserved address (169.254.169.254); nothing was fetched" in (
        listed
    )


def test_photos_of_saved_pages_are_never_fetched(trap, tmp_path):
    """A saved page names its own photos (og:image, <img>): a page saved from anywhere could
    name our network, so they come only from the uploads folder."""
    make_site()
    page = (FILES / "saved_opengraph_only.html").read_text()
    pages = []
    for n, url in enumerate(trap.urls("/night-bus.jpg").values()):
        path = tmp_path / f"saved-{n}.html"
        aimed = page.replace("https://cdn.valleycourier.example/img/night-bus.jpg", url)
        aimed = aimed.replace("https://valleycourier.example/", f"{url.rsplit('/', 1)[0]}/")
        path.write_text(aimed.replace("Night buses", f"Night buses {n}"))
        pages.append(path)
    out, err = run_import(*pages, fetch_media=True)
    assert trap.heard == []
    assert err.count("not fetched from") == len(pages), err
    assert err.count("is not allowed (allowed: )") == len(pages)  # saved pages name no site
    assert ArticlePage.objects.count() == len(pages)


def test_fetching_a_saved_page_by_its_address_refuses_our_network(trap):
    for url in trap.urls("/story.html").values():
        with pytest.raises(FetchRefused, match="private or reserved address"):
            fetch_saved_page(url, allowed_hosts={urlsplit(url).hostname})  # its host allowed
    assert trap.heard == []
