"""Moving out and back: the whole publication exported to an archive, the database emptied, the
archive restored, and every public page rendering as it did; an archive the site cannot take
refused without changing anything."""

import hashlib
import io
import json
import re
import shutil
import zipfile
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import (
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Revision,
    Site,
)

from masthead.core.tests.database import ensure_migrated_rows
from masthead.core.versioning import content_version
from masthead.images.models import CustomImage
from masthead.importers.archive import schema
from masthead.importers.archive.export import export_archive
from masthead.importers.archive.restore import is_archive
from masthead.importers.models import LongRedirect
from masthead.importers.tests.moving import last_line, run_import
from masthead.newsletter.models import Issue, IssueItem, Newsletter, Subscription
from masthead.newsroom.models import (
    ArticlePage,
    ArticleType,
    ArticleUpdate,
    Author,
    PlainPage,
    SectionPage,
    Topic,
)
from masthead.newsroom.tests import factories as f
from masthead.siteconfig.models import SiteSettings

# Real commits (the restore's transaction, on_commit work) and, on PostgreSQL, real sequences.
# The database is emptied by these tests (and by earlier transactional ones): each starts from
# what `migrate` made (core.tests.database.ensure_migrated_rows).
pytestmark = pytest.mark.django_db(transaction=True)

LINK = re.compile(
    r'(?:href|src)="([^"#]*)|<(?:loc|link|id)>([^<]+)<|"(?:url|home_page_url)": "([^"]+)"'
)
ROOT = re.compile(r"^https?://(?:testserver|127\.0\.0\.1(?::8000)?)")
SKIPPED = ("/static/", "/media/", "/admin/", "/django-admin/")
# What legitimately differs between two renders of the same content: the CSRF token of the
# password and sign-up forms (a new one per session) and the CSP nonce (a new one per response).
VOLATILE = [
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+'), r"\1CSRF"),
    (re.compile(r'(nonce=")[^"]+'), r"\1NONCE"),
]
EMPTY_FEED_DATE = re.compile(r"(<lastBuildDate>|<updated>)[^<]*(</)")


@pytest.fixture(autouse=True)
def media(tmp_path, settings):
    ensure_migrated_rows()
    settings.MEDIA_ROOT = tmp_path / "media-old-server"
    return tmp_path


def empty_the_database():
    """Every table emptied, then what `migrate` makes put back: the content types and
    permissions (with the ids they had: the test database is restored from a copy that names
    them by id) and Wagtail's own rows."""
    from django.contrib.auth.models import Permission

    content_types = list(ContentType.objects.all())
    permissions = list(Permission.objects.all())
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    ContentType.objects.bulk_create(content_types)
    Permission.objects.bulk_create(permissions)
    ensure_migrated_rows()
    for cache in caches.all():  # a new server: nothing remembered from the old one
        cache.clear()


def export(out) -> str:
    stdout = io.StringIO()
    call_command("export_content", str(out), stdout=stdout, stderr=io.StringIO())
    return stdout.getvalue()


def lines(folder, name) -> list[dict]:
    with open(folder / name, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def snapshot() -> dict:
    """What a refused restore must leave as it was."""
    return {
        "pages": list(Page.objects.order_by("path").values_list("pk", "path", "title")),
        "sites": list(Site.objects.values_list("pk", "hostname", "root_page_id")),
        "images": CustomImage.objects.count(),
        "authors": Author.objects.count(),
        "revisions": Revision.objects.count(),
        "subscriptions": Subscription.objects.count(),
    }


# The round trip ---------------------------------------------------------------------------


def build_publication():
    """The demo publication, and everything else an outlet has that the demo does not show."""
    call_command("load_demo", limit=6, no_editor=True, stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    editor = f.make_editor("ines")
    articles = list(ArticlePage.objects.order_by("pk"))
    first, second, third = articles[:3]
    document = get_document_model()(title="Annual report")
    document.file.save("annual-report.pdf", ContentFile(b"%PDF-1.4 a report"), save=True)
    # A later edit by a named editor: an update readers see, SEO fields, links to a page and a
    # document in the text.
    first = ArticlePage.objects.get(pk=first.pk)
    first.body = [
        *first.body.raw_data,
        {
            "type": "paragraph",
            "value": f'<p>See <a linktype="page" id="{second.pk}">the earlier piece</a> and '
            f'<a linktype="document" id="{document.pk}">the report</a>.</p>',
        },
    ]
    first.updates.add(
        ArticleUpdate(updated_at=timezone.now() - timedelta(hours=2), note="Figures corrected.")
    )
    first.seo_title, first.search_description = "Attrition, compared", "Two battles compared."
    first.save_revision(user=editor).publish(user=editor)
    PageViewRestriction.objects.create(page=second, restriction_type="password", password="pw")
    about = PlainPage.objects.get(slug="about")
    PageViewRestriction.objects.create(page=about, restriction_type="login")
    europe = SectionPage.objects.get(slug="europe")
    kind = first.article_type
    draft = f.make_article(europe, title="A draft nobody has seen", article_type=kind, live=False)
    draft.save_revision(user=editor)
    scheduled = f.make_article(europe, title="Out on Monday", article_type=kind, live=False)
    scheduled.save_revision(user=editor, approved_go_live_at=timezone.now() + timedelta(days=3))
    Redirect.objects.create(old_path="/2019/05/old-story", site=site, redirect_page=third)
    long_path = "/archive/" + "very-long-" * 30
    LongRedirect.objects.create(
        path_hash=LongRedirect.hash_of(long_path),
        old_path=long_path,
        site=site,
        redirect_page=third,
    )
    outlet = SiteSettings.for_site(site)
    outlet.logo = CustomImage.objects.order_by("pk").first()
    outlet.save()
    weekly = Newsletter.objects.get()
    issue = Issue(newsletter=weekly, subject="Week one", slug="week-one", state=Issue.State.SENT)
    issue.sent_at = timezone.now() - timedelta(days=1)
    issue.save()
    for order, article in enumerate(articles[:3]):
        IssueItem.objects.create(issue=issue, article=article, sort_order=order)
    now = timezone.now()
    for email, state, confirmed, gone in [
        ("reader@example.org", Subscription.State.ACTIVE, now - timedelta(days=9), None),
        ("new@example.org", Subscription.State.PENDING, None, None),
        ("left@example.org", Subscription.State.UNSUBSCRIBED, now - timedelta(days=30), now),
    ]:
        Subscription.objects.create(
            newsletter=weekly,
            email=email,
            state=state,
            created_at=now - timedelta(days=40),
            consent_source="https://127.0.0.1:8000/newsletter/",
            confirmed_at=confirmed,
            unsubscribed_at=gone,
            confirm_nonce="0123456789abcdef",
        )
    return [long_path, "/2019/05/old-story/", "/search/?q=attrition", "/newsletter/"]


def crawl(client, extra: list[str], limit: int = 400) -> dict[str, tuple]:
    """Every public address reachable from the front page, feeds and sitemaps: status, type,
    where it redirects to, and the body."""
    found: dict[str, tuple] = {}
    queue = ["/", "/sitemap.xml", "/news-sitemap.xml", "/robots.txt", "/feed/", "/feed/json/"]
    queue += extra
    while queue and len(found) < limit:
        url = queue.pop(0)
        if url in found:
            continue
        response = client.get(url)
        body = response.content if not response.streaming else b"".join(response)
        found[url] = (
            response.status_code,
            response.get("Content-Type"),
            response.get("Location"),
            body,
        )
        if b"<" not in body[:200] and b"{" not in body[:2]:
            continue
        for match in LINK.finditer(body.decode("utf-8", "replace")):
            link = ROOT.sub("", next(g for g in match.groups() if g is not None))
            link = link.replace("&amp;", "&")
            if link.startswith("/") and not link.startswith(SKIPPED) and link not in found:
                queue.append(link)
    return found


def normalised(body: bytes) -> str:
    text = body.decode("utf-8", "replace")
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    if "<item>" not in text and "<entry>" not in text:
        # A feed with no items says when it was rendered: there is no item's date to give.
        text = EMPTY_FEED_DATE.sub(r"\1NOW\2", text)
    return text


def digest(image) -> str:
    with image.file.open("rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def test_an_exported_publication_restores_into_an_empty_site_unchanged(media, settings):
    extra = build_publication()
    # Every page, listing, feed and sitemap, and whatever they link to.
    public = [page.url for page in Page.objects.filter(depth__gt=1).specific()]
    public += [a.get_absolute_url() for a in Author.objects.all()]
    public += [t.get_absolute_url() for t in Topic.objects.all()]
    public += [t.get_absolute_url() for t in ArticleType.objects.all()]
    public += ["/newsletter/issues/week-one/", "/feed/atom/", "/latest/", "/briefs/"]
    before = crawl(Client(), extra + public)
    assert len(before) > 90, sorted(before)  # six articles, their four bylines, and the rest
    drafts = {page.url for page in Page.objects.filter(depth__gt=1, live=False).specific()}
    assert {url for url, (status, *_) in before.items() if status == 404} == drafts
    assert {status for status, *_ in before.values()} == {200, 301, 302, 404}
    assert b"stalingrad-and-bakhmut" in before["/search/?q=attrition"][3]  # the index is used
    pages = list(Page.objects.order_by("path").values_list("pk", "path", "title", "live"))
    files = {image.pk: digest(image) for image in CustomImage.objects.all()}
    credits = list(CustomImage.objects.order_by("pk").values_list("pk", "agency", "licence"))
    revisions = list(
        Revision.objects.order_by("pk").values_list(
            "pk", "object_id", "created_at", "user__username"
        )
    )
    consent = list(
        Subscription.objects.order_by("pk").values_list(
            "email", "state", "created_at", "consent_source", "confirmed_at", "unsubscribed_at"
        )
    )
    hero = ArticlePage.objects.order_by("pk").first().hero_image
    references = ReferenceIndex.get_references_to(hero).count()
    out = media / "archive"
    assert "export: " in export(out)
    assert is_archive(out)

    empty_the_database()
    settings.MEDIA_ROOT = media / "media-new-server"
    assert not ArticlePage.objects.exists()
    version = content_version()
    stdout, _ = run_import(out)
    counts = last_line(stdout)
    assert counts["articles"] == 8 and counts["drafts"] == 2 and counts["problems"] == 0
    assert counts["redirects"] == 2 and counts["images"] == len(files)

    assert content_version() != version  # every remembered look-up starts again
    after = crawl(Client(), list(before))
    assert sorted(after) == sorted(before)
    for url, (status, content_type, location, body) in before.items():
        again = after[url]
        assert (again[0], again[1], again[2]) == (status, content_type, location), url
        assert normalised(again[3]) == normalised(body), url
    # Pages, photos (files byte for byte, credits), history and consent records as they were.
    assert list(Page.objects.order_by("path").values_list("pk", "path", "title", "live")) == pages
    assert {image.pk: digest(image) for image in CustomImage.objects.all()} == files
    assert (
        list(CustomImage.objects.order_by("pk").values_list("pk", "agency", "licence")) == credits
    )
    assert (
        list(
            Revision.objects.order_by("pk").values_list(
                "pk", "object_id", "created_at", "user__username"
            )
        )
        == revisions
    )
    consent_after = Subscription.objects.order_by("pk").values_list(
        "email", "state", "created_at", "consent_source", "confirmed_at", "unsubscribed_at"
    )
    assert list(consent_after) == consent
    assert ReferenceIndex.get_references_to(hero).count() == references > 0
    # New rows follow the restored ids (on PostgreSQL the sequences were moved on).
    author = Author.objects.create(name="New Writer", slug="new-writer")
    assert author.pk > max(Author.objects.exclude(pk=author.pk).values_list("pk", flat=True))
    assert Revision.objects.order_by("-pk").first().pk == revisions[-1][0]
    europe = SectionPage.objects.get(slug="europe")
    added = f.make_article(europe, title="After the move", article_type=None)
    assert added.pk > pages[-1][0] and Client().get(added.url).status_code == 200


def test_the_archive_holds_history_and_consent_but_no_secrets(media):
    build_publication()
    out = media / "archive"
    export(out)
    manifest = json.loads((out / "manifest.json").read_text())
    assert (manifest["format"], manifest["version"]) == ("masthead-archive", 1)
    assert manifest["files"]["pages.jsonl"] == len(lines(out, "pages.jsonl"))
    by_ines = [r for r in lines(out, "revisions.jsonl") if r["user"] == "ines"]
    assert by_ines and all(r["created_at"] and isinstance(r["content"], dict) for r in by_ines)
    scheduled = next(r for r in by_ines if r["approved_go_live_at"])
    assert scheduled["content"]["title"] == "Out on Monday"
    records = {r["email"]: r for r in lines(out, "subscriptions.jsonl")}
    assert records["left@example.org"]["state"] == "unsubscribed"
    assert records["left@example.org"]["unsubscribed_at"]
    assert records["reader@example.org"]["confirmed_at"]
    assert records["reader@example.org"]["consent_source"].endswith("/newsletter/")
    article = next(p for p in lines(out, "pages.jsonl") if p["seo_title"])
    assert article["updates"][0]["note"] == "Figures corrected."
    assert [b["sort_order"] for b in article["bylines"]] == list(range(len(article["bylines"])))
    assert article["footnotes"] and article["topics"]
    restricted = [
        p["view_restrictions"][0] for p in lines(out, "pages.jsonl") if p["view_restrictions"]
    ]
    assert sorted(r["restriction_type"] for r in restricted) == ["login", "password"]
    everything = "".join(path.read_text() for path in out.glob("*.jsonl"))
    assert "0123456789abcdef" not in everything  # the confirmation nonce
    assert '"password":"pbkdf2' not in everything and '"password":"md5' not in everything
    assert not (out / "renditions.jsonl").exists()
    images = lines(out, "images.jsonl")
    assert all((out / "media" / image["file"]).is_file() for image in images)
    assert {"agency", "photographer", "licence", "focal_point_x"} <= set(images[0])


def test_every_field_of_every_model_is_in_the_archive_or_left_out_on_purpose():
    for kind in schema.KINDS:
        schema.check_kind(kind)


# Refusals ---------------------------------------------------------------------------------


def small_site():
    home = f.make_home()
    europe = f.make_section(home, "Europe")
    kind = f.make_type("Analysis")
    writer = f.make_author("Ada Lovelace")
    photo = f.make_image()
    for number in range(3):
        f.make_article(
            europe, title=f"Piece {number}", article_type=kind, authors=[writer], hero_image=photo
        )
    return home


def refused(path, *, contains: str) -> None:
    state = snapshot()
    with pytest.raises(CommandError, match=contains):
        run_import(path)
    assert snapshot() == state, "a refused restore changed the site"


@pytest.fixture
def small_archive(media):
    small_site()
    out = media / "small"
    export(out)
    return out


def test_a_site_that_is_not_empty_is_refused(small_archive):
    refused(small_archive, contains=r"not empty \(it has 3 articles")


def test_an_archive_of_another_version_is_refused(small_archive):
    empty_the_database()
    manifest = json.loads((small_archive / "manifest.json").read_text())
    manifest["version"] = 2
    (small_archive / "manifest.json").write_text(json.dumps(manifest))
    refused(small_archive, contains="version 2")


def test_a_damaged_line_is_refused_naming_its_file_and_line(small_archive):
    empty_the_database()
    path = small_archive / "pages.jsonl"
    text = path.read_text().splitlines()
    text[2] = text[2][:40]  # cut short, as a failed copy would
    path.write_text("\n".join(text) + "\n")
    refused(small_archive, contains=r"pages\.jsonl, line 3: not valid JSON")


def test_a_line_naming_a_photo_the_archive_lacks_is_refused(small_archive):
    empty_the_database()
    path = small_archive / "pages.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    rows[-1]["fields"]["hero_image"] = 999
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    refused(small_archive, contains=rf"pages\.jsonl, line {len(rows)}: it names image 999")


def test_a_file_shorter_than_its_manifest_says_is_refused(small_archive):
    empty_the_database()
    path = small_archive / "pages.jsonl"
    path.write_text("".join(path.read_text().splitlines(keepends=True)[:-1]))
    refused(small_archive, contains="pages.jsonl holds 5 lines where manifest.json says 6")


def test_a_zip_archive_restores_too(media, settings):
    small_site()
    before = Client().get("/europe/").content
    out = media / "small.zip"
    export(out)
    assert zipfile.is_zipfile(out) and is_archive(out)
    empty_the_database()
    settings.MEDIA_ROOT = media / "media-new-server"
    stdout, _ = run_import(out)
    assert last_line(stdout)["articles"] == 3
    assert Client().get("/europe/").content == before


def test_a_dry_run_checks_the_archive_and_writes_nothing(small_archive):
    empty_the_database()
    state = snapshot()
    stdout, _ = run_import(small_archive, dry_run=True)
    assert "nothing was written" in stdout and last_line(stdout)["articles"] == 3
    assert snapshot() == state


# Streaming --------------------------------------------------------------------------------


def test_export_reads_in_chunks_and_its_queries_do_not_grow_with_the_archive(media):
    home = small_site()
    europe = SectionPage.objects.child_of(home).get()

    def queries() -> int:
        out = media / f"out-{ArticlePage.objects.count()}"
        with CaptureQueriesContext(connection) as captured:
            export_archive(out=out, chunk_size=1000)
        shutil.rmtree(out)
        return len(captured)

    few = queries()
    kind, writer = ArticlePage.objects.first().article_type, Author.objects.get()
    for number in range(12):
        f.make_article(europe, title=f"More {number}", article_type=kind, authors=[writer])
    assert queries() == few
    # With chunks of 2, the page tree is read as the chunks go: no query fetches more pages.
    out = media / "chunked"
    with CaptureQueriesContext(connection) as captured:
        export_archive(out=out, chunk_size=2)
    specific = [q["sql"] for q in captured if 'FROM "newsroom_articlepage"' in q["sql"]]
    assert len(specific) >= ArticlePage.objects.count() // 2
    assert len(lines(out, "pages.jsonl")) == Page.objects.filter(depth__gt=1).count()
