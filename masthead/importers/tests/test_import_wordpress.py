"""Importing a WordPress export end to end: what an editor finds in Masthead afterwards, and what
readers following the old site's addresses get."""

import json
from datetime import timedelta

import pytest
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction, Revision

from masthead.images.models import CustomImage
from masthead.importers.models import ImportedObject, ImportProblem, ImportRun, LongRedirect
from masthead.importers.run import Importer
from masthead.importers.tests.moving import (
    FILES,
    QUAYSIDE,
    copy_export,
    last_line,
    make_site,
    quayside_uploads,
    run_import,
)
from masthead.importers.wordpress import reader
from masthead.newsroom.models import ArticlePage, Author, HomePage, PlainPage, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return make_site()


@pytest.fixture
def uploads(tmp_path):
    return quayside_uploads(tmp_path)


def article(slug) -> ArticlePage:
    return ArticlePage.objects.get(slug=slug)


def test_the_whole_export_arrives_and_the_last_line_counts_it(site, uploads):
    out, err = run_import(QUAYSIDE, uploads=uploads)
    counts = last_line(out)
    assert counts["items"] == 8
    assert counts["articles"] == 7 and counts["pages"] == 1
    assert counts["authors"] == 3  # Ines, the night desk and the guest
    assert counts["images"] == 3  # cranes, pier sign, and the fish market once for two names
    assert counts["drafts"] == 2  # the draft and the scheduled piece
    assert counts["redirects"] >= 20
    assert "A photo nobody kept" in err and "its file is missing" in err
    assert "[pullquote]" in err  # the unknown shortcode is reported
    home, europe = site
    cranes = article("cranes-at-dawn")
    assert cranes.get_parent().pk == europe.pk
    assert cranes.article_type.name == "Analysis"
    assert cranes.live and cranes.first_published_at.isoformat() == "2023-05-02T08:00:00+00:00"
    assert [a.name for a in cranes.authors] == ["Rui Santos", "Ines Moreau"]
    assert Author.objects.get(name="Rui Santos").is_guest
    assert cranes.dek == "A port that never stops, and the bill for keeping it so."
    assert cranes.seo_title.startswith("The cranes that never sleep")
    assert cranes.search_description == "Why the cranes run all night."
    assert [t.name for t in cranes.topics.all()] == ["Ports"]
    market = article("market-day")
    assert [t.slug for t in market.topics.order_by("slug")] == ["energy", "ports"]
    assert market.get_parent().pk == europe.pk  # Energy is a topic; the default region
    page = PlainPage.objects.get(slug="our-history")
    assert page.get_parent().pk == home.pk and page.live
    assert HomePage.objects.get().lead_article_id == cranes.pk  # the sticky post leads


def test_photos_keep_alt_caption_and_credit_and_are_stored_once(site, uploads):
    run_import(QUAYSIDE, uploads=uploads)
    cranes = article("cranes-at-dawn")
    hero = cranes.hero_image
    assert hero.alt_text == "Two gantry cranes over a stacked container ship"
    assert (hero.agency, hero.photographer) == ("REUTERS", "Lena Holt")  # from the caption
    assert hero.default_caption == "Cranes at the container terminal at first light."
    # The body shows the 300x200 copy; it is the same photo as the hero.
    images = [b.value for b in cranes.body if b.block_type == "image"]
    assert [i["image"].pk for i in images] == [hero.pk]
    assert images[0]["caption"] == "Night shift at berth four."
    # fish-market.jpg and fish-market-copy.jpg are one file: one image.
    assert CustomImage.objects.count() == 3
    market = article("market-day")
    assert (
        market.hero_image_id
        == [b.value for b in market.body if b.block_type == "image"][0]["image"].pk
    )


def test_status_is_kept_and_nothing_private_becomes_public(site, uploads, client):
    run_import(QUAYSIDE, uploads=uploads)
    assert not article("unfinished-draft").live
    scheduled = article("scheduled-piece")
    assert not scheduled.live and scheduled.go_live_at.year == 2031
    revision = Revision.objects.get(pk=scheduled.latest_revision_id)
    assert revision.approved_go_live_at.isoformat() == "2031-01-15T06:00:00+00:00"
    private = article("members-note")
    assert PageViewRestriction.objects.get(page=private).restriction_type == "login"
    response = client.get(private.url)
    assert response.status_code == 302 and "login" in response["Location"]
    locked = article("locked-story")
    restriction = PageViewRestriction.objects.get(page=locked)
    assert (restriction.restriction_type, restriction.password) == ("password", "harbour-2023")
    response = client.get(locked.url)
    assert response.status_code == 200
    assert b"The secret harbour plan" not in response.content
    assert b"password" in response.content.lower()
    feed = client.get("/feed/").content
    for hidden in (b"Private notes", b"members-note", b"locked-story", b"unfinished-draft"):
        assert hidden not in feed


def test_every_old_address_answers_with_one_301_to_a_page(site, uploads, client):
    run_import(QUAYSIDE, uploads=uploads)
    cranes, market = article("cranes-at-dawn"), article("market-day")
    europe = site[1]
    expected = {
        "/2023/05/02/cranes-at-dawn/": cranes.url,
        "/2023/05/02/cranes-old/": cranes.url,  # its old slug
        "/?p=201": cranes.url,
        "/?attachment_id=101": cranes.url,
        "/2023/05/quay-cranes/": cranes.url,  # the attachment page
        "/2023/05/03/market-day/amp/": market.url,
        "/2023/05/03/market-day/feed/": market.url,
        "/category/europe/": europe.url,
        "/category/europe/page/2/": europe.url + "?page=2",
        "/category/europe/feed/": "/feed/region/europe/",
        "/category/europe/energy/": "/topics/energy/",
        "/?cat=4": "/topics/energy/",
        "/category/analysis/": "/type/analysis/",
        "/tag/ports/": "/topics/ports/",
        "/tag/ports/feed/": "/feed/topic/ports/",
        "/author/ines/": "/authors/ines/",
        "/author/rui-santos/": "/authors/rui-santos/",
        "/?page_id=207": "/our-history/",
    }
    for old, new in expected.items():
        response = client.get(old)
        assert (response.status_code, response.get("Location")) == (301, new), old
        assert client.get(new).status_code == 200, new
    assert client.get("/?p=99999").status_code == 200  # the front page, as before


def test_an_address_too_long_for_wagtails_redirects_still_works(site, uploads, client):
    run_import(QUAYSIDE, uploads=uploads)
    dredging = ArticlePage.objects.get(title="The dredging decade")
    old = [r.old_path for r in LongRedirect.objects.all()]
    assert len(old) == 1 and len(old[0]) > 255
    response = client.get(old[0] + "/")
    assert (response.status_code, response["Location"]) == (301, dredging.url)
    assert client.get(old[0] + "/amp/")["Location"] == dredging.url


@override_settings(PAGE_CACHE=True)
def test_the_page_cache_answers_old_addresses_with_the_redirect(
    site, uploads, client, django_capture_on_commit_callbacks
):
    client.get("/?p=201")  # asked before the move: the front page, kept by the cache
    with django_capture_on_commit_callbacks(execute=True):  # the import's purge
        run_import(QUAYSIDE, uploads=uploads)
    for _ in range(2):
        response = client.get("/?p=201")
        assert (response.status_code, response["Location"]) == (301, article("cranes-at-dawn").url)
        response = client.get("/2023/05/02/cranes-at-dawn/")
        assert response.status_code == 301
        assert "public" not in response.get("Cache-Control", "")


def test_links_to_the_old_site_point_at_the_new_pages(site, uploads):
    run_import(QUAYSIDE, uploads=uploads)
    cranes, market = article("cranes-at-dawn"), article("market-day")
    first = cranes.body.raw_data[0]["value"]
    assert f'<a linktype="page" id="{market.pk}">our market report</a>' in first
    texts = " ".join(b["value"] for b in market.body.raw_data if b["type"] == "paragraph")
    assert f'<a linktype="page" id="{cranes.pk}">' in texts  # it named the post by ?p=201
    assert "quayside.example" not in texts


def test_a_live_article_the_gate_would_stop_stays_live_and_is_listed(site, uploads):
    from masthead.importers.models import ImportProblem, ImportRun

    run_import(QUAYSIDE, uploads=uploads)
    dredging = ArticlePage.objects.get(title="The dredging decade")
    assert dredging.live  # its top photo has no alt text or credit
    run = ImportRun.objects.get()
    assert (run.status, run.source, run.name) == ("done", "wordpress", "quayside.xml")
    attention = ImportProblem.objects.filter(run=run, kind="attention", page=dredging)
    assert {p.message for p in attention} == set(dredging.publishing_problems())
    assert any("no alt text" in p.message for p in attention)
    assert any("no credit" in p.message for p in attention)
    assert not ImportProblem.objects.filter(kind="attention", page=article("cranes-at-dawn"))


def test_the_first_run_prints_the_pages_that_need_attention(site, uploads):
    _, err = run_import(QUAYSIDE, uploads=uploads)
    lines = [line for line in err.splitlines() if line.startswith("needs attention")]
    assert any("The dredging decade" in line and "no alt text" in line for line in lines)
    assert not any("The cranes that never sleep" in line for line in lines)


def test_a_second_run_creates_nothing_and_a_changed_post_is_updated(site, uploads, tmp_path):
    export = copy_export(tmp_path)
    run_import(export, uploads=uploads)
    before = (Page.objects.count(), Redirect.objects.count(), CustomImage.objects.count(),
              Author.objects.count(), Topic.objects.count())  # fmt: skip
    out, _ = run_import(export, uploads=uploads)
    assert "created=0 updated=0 unchanged=8" in out
    assert last_line(out)["articles"] == 0
    after = (Page.objects.count(), Redirect.objects.count(), CustomImage.objects.count(),
             Author.objects.count(), Topic.objects.count())  # fmt: skip
    assert after == before
    export.write_text(
        export.read_text().replace("Market day on the fish quay", "Market day, revised")
    )
    out, _ = run_import(export, uploads=uploads)
    assert "created=0 updated=1 unchanged=7" in out
    assert article("market-day").title == "Market day, revised"
    assert Page.objects.count() == before[0]


def test_a_rerun_reads_no_unchanged_post_in_full_and_sees_what_posts_are_read_against(
    site, uploads, tmp_path, monkeypatch
):
    export = copy_export(tmp_path)
    run_import(export, uploads=uploads)
    read = []
    item = reader._item
    monkeypatch.setattr(reader, "_item", lambda *args: read.append(args[3]) or item(*args))
    out, _ = run_import(export, uploads=uploads)
    assert "created=0 updated=0 unchanged=8" in out
    assert read == []  # known unchanged from the XML and the first pass alone
    # The cranes' SEO title is filled in with the site's name: renaming the site changes it.
    export.write_text(
        export.read_text().replace(
            "<title>Quayside Weekly</title>", "<title>Quayside Daily</title>"
        )
    )
    out, _ = run_import(export, uploads=uploads)
    assert "unchanged=8" not in out
    assert "Quayside Daily" in article("cranes-at-dawn").seo_title


def detail(out: str) -> dict[str, str]:
    line = next(line for line in out.splitlines() if line.startswith("detail: "))
    return dict(part.split("=") for part in line.split()[1:])


def skipped_messages() -> list[str]:
    run = ImportRun.objects.order_by("-pk").first()
    return sorted(run.problems.filter(kind=ImportProblem.SKIPPED).values_list("message", flat=True))


def test_the_same_export_again_is_not_read_twice_and_reports_what_a_full_reading_would(
    site, uploads, tmp_path, monkeypatch
):
    export = copy_export(tmp_path)
    export.write_text(  # one item the reader skips, so the report has a reason to repeat
        export.read_text().replace("<wp:status><![CDATA[draft]]>", "<wp:status><![CDATA[trash]]>")
    )
    run_import(export, uploads=uploads)
    first_skips = skipped_messages()
    assert first_skips == ["1 × in the trash"]

    def counts():
        return Page.objects.count(), Redirect.objects.count(), ImportedObject.objects.count()

    before = counts()
    again, _ = run_import(export, uploads=uploads)
    assert detail(again)["items_read"] == "0"  # the first pass found the same bytes
    assert skipped_messages() == first_skips
    # The run read the whole export anyway: the same report, line for line.
    monkeypatch.setattr(Importer, "_read_before", lambda self: None)
    whole, _ = run_import(export, uploads=uploads)
    assert detail(whole)["items_read"] == "7"
    assert skipped_messages() == first_skips
    assert last_line(again) | {"seconds": 0} == last_line(whole) | {"seconds": 0}
    for key in ("created", "updated", "unchanged", "kept"):
        assert detail(again)[key] == detail(whole)[key]
    assert counts() == before


@pytest.mark.parametrize("change", ["edited", "deleted", "export", "mapping", "failed run"])
def test_the_export_is_read_again_whenever_a_page_or_what_was_read_changed(
    site, uploads, tmp_path, change
):
    export = copy_export(tmp_path)
    run_import(export, uploads=uploads)
    options = {}
    market = article("market-day")
    if change == "edited":
        market.title = "Edited in Masthead"
        market.save_revision().publish()
    elif change == "deleted":
        market.delete()
    elif change == "export":
        export.write_text(export.read_text() + "\n")  # the same posts, one byte more
    elif change == "mapping":
        mapping = tmp_path / "mapping.json"
        mapping.write_text(json.dumps({"categories": {"energy": {"region": "energy-desk"}}}))
        options["mapping"] = mapping
    else:
        ImportRun.objects.create(name="stopped", status=ImportRun.FAILED,
                                 started_at=timezone.now())  # fmt: skip
    out, _ = run_import(export, uploads=uploads, **options)
    assert detail(out)["items_read"] == "8"
    if change == "edited":
        assert detail(out)["kept"] == "1" and article("market-day").title == "Edited in Masthead"
    elif change == "deleted":
        assert detail(out)["created"] == "1" and article("market-day").live


def test_a_page_an_editor_changed_is_left_alone_and_reported(site, uploads, tmp_path):
    export = copy_export(tmp_path)
    run_import(export, uploads=uploads)
    market = article("market-day")
    market.title = "Edited in Masthead"
    market.save_revision().publish()
    export.write_text(export.read_text().replace("The auction starts at seven.", "At eight."))
    out, err = run_import(export, uploads=uploads)
    assert "kept=1" in out
    assert "Market day on the fish quay" in err and "an editor has changed the page" in err
    assert article("market-day").title == "Edited in Masthead"


def test_a_limited_run_tries_the_first_posts_and_the_next_run_brings_the_rest(site, uploads):
    out, _ = run_import(QUAYSIDE, uploads=uploads, limit=2)
    counts = last_line(out)
    assert (counts["items"], counts["articles"], counts["pages"]) == (3, 2, 1)
    assert ArticlePage.objects.count() == 2 and PlainPage.objects.filter(slug="our-history")
    assert counts["images"] < 3  # the media library waits for the whole run
    out, _ = run_import(QUAYSIDE, uploads=uploads)
    assert "created=5 updated=0 unchanged=3" in out
    assert ArticlePage.objects.count() == 7 and CustomImage.objects.count() == 3
    with pytest.raises(CommandError, match="--limit is a number of posts"):
        run_import(QUAYSIDE, uploads=uploads, limit=-1)


def test_an_edit_scheduled_on_an_imported_page_leaves_it_live_and_keeps_its_history(
    site, uploads, client
):
    run_import(QUAYSIDE, uploads=uploads)
    cranes = article("cranes-at-dawn")
    authors = [a.name for a in cranes.authors]
    # An editor schedules a new headline for tomorrow: readers keep the page until then.
    cranes.title = "Cranes, revised for tomorrow"
    cranes.go_live_at = timezone.now() + timedelta(days=1)
    cranes.save_revision().publish()
    response = client.get(cranes.url)
    assert response.status_code == 200
    assert "The cranes that never sleep" in response.content.decode()
    # The page as imported is its first revision, and the live one.
    imported, scheduled = Revision.objects.filter(object_id=str(cranes.pk)).order_by("pk")
    assert imported.as_object().title == "The cranes that never sleep"
    assert [a.name for a in imported.as_object().authors] == authors
    assert scheduled.approved_go_live_at is not None
    cranes.refresh_from_db()
    assert cranes.live and cranes.live_revision_id == imported.pk


def test_a_dry_run_writes_nothing(site, uploads):
    pages = Page.objects.count()
    out, _ = run_import(QUAYSIDE, uploads=uploads, dry_run=True)
    assert "Dry run: nothing was written." in out
    assert last_line(out)["articles"] == 7
    assert Page.objects.count() == pages
    assert not ImportedObject.objects.exists() and not Redirect.objects.exists()


def test_a_mapping_file_decides_regions_types_and_topics(site, uploads, tmp_path):
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps(
            {
                "categories": {"energy": {"region": "energy-desk"}, "europe": {"region": "europe"}},
                "tags": {"ports": {"skip": True}},
                "default_type": "news",
            }
        )
    )
    out, err = run_import(QUAYSIDE, uploads=uploads, mapping=mapping)
    market = article("market-day")
    assert market.get_parent().slug == "energy-desk"  # made, named after the category
    assert market.get_parent().title == "Energy"
    assert market.article_type.slug == "news"
    assert not market.topics.exists()


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"categories": {"europe": {"country": "x"}}}', "'country' is not one of"),
        ('{"categories": [', "not valid JSON at line 1"),
        ('{"tags": {"ports": {"topic": "Not A Slug"}}}', "is not a slug"),
        ('{"colours": {}}', "unknown key(s) colours"),
    ],
)
def test_a_bad_mapping_file_is_refused_with_what_is_wrong(site, tmp_path, content, message):
    mapping = tmp_path / "mapping.json"
    mapping.write_text(content)
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run_import(QUAYSIDE, mapping=mapping)
    assert not ArticlePage.objects.exists()


@pytest.mark.parametrize(
    "name, message",
    [
        ("doctype.xml", "DOCTYPE"),
        ("hostile_xxe.xml", "DOCTYPE"),
        ("billion_laughs.xml", "DOCTYPE"),
        ("truncated.xml", "line"),
        ("not_wordpress_rss.xml", "not a WordPress export"),
    ],
)
def test_a_hostile_or_broken_export_is_refused_and_nothing_is_written(site, name, message):
    with pytest.raises(CommandError, match=message):
        run_import(FILES / name)
    assert not ArticlePage.objects.exists() and not Redirect.objects.exists()


def test_photos_are_not_fetched_unless_asked(site):
    _, err = run_import(QUAYSIDE)
    assert "give the uploads folder (--uploads) or allow fetching" in err
    assert not CustomImage.objects.exists()
    assert article("cranes-at-dawn").live  # the post is imported without its photo
