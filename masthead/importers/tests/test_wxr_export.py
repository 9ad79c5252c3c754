"""Going back to WordPress: the articles and plain pages as a WXR 1.2 file, read back by our own
WordPress reader (the one outlets moving in are read with) as they are in Masthead."""

import io
import json
import uuid
from datetime import UTC, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from lxml import etree
from wagtail.models import PageViewRestriction
from wagtail_footnotes.models import Footnote

from masthead.importers.wordpress.bodies import convert_body
from masthead.importers.wordpress.export import php_serialize
from masthead.importers.wordpress.reader import iter_items, read_export
from masthead.newsroom.models import PlainPage, Topic
from masthead.newsroom.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    home = f.make_home("The Quay Review")
    europe = f.make_section(home, "Europe")
    asia = f.make_section(home, "Asia-Pacific", slug="asia-pacific")
    analysis = f.make_type("Analysis")
    ada = f.make_author("Ada Lovelace", bio="Ada edits the Europe desk.")
    guest = f.make_author("Rui Santos", is_guest=True, bio="Rui writes from Lisbon.")
    energy = f.make_topic("Energy")
    hero = f.make_image("Cranes", agency="REUTERS", photographer="Lena Holt")
    inline = f.make_image("Market", agency="", photographer="Staff", default_caption="Fish.")
    note = str(uuid.uuid4())
    body = [
        {
            "type": "paragraph",
            "value": f'<p>The port never sleeps.<footnote id="{note}">[1]</footnote></p>'
            "<p>Second <b>paragraph</b>.</p>",
        },
        {"type": "heading", "value": {"text": "At the quay", "level": "h2"}},
        {"type": "image", "value": {"image": inline.pk, "caption": "Crates on ice"}},
        {"type": "pull_quote", "value": {"text": "Nothing stops.", "attribution": "A docker"}},
    ]
    cranes = f.make_article(
        europe,
        title="Cranes at dawn",
        article_type=analysis,
        authors=[guest, ada],
        hero_image=hero,
        body=body,
        dek="A port that never stops.",
        age=timedelta(days=3),
        seo_title="The cranes that never sleep",
    )
    Footnote.objects.create(page=cranes, uuid=note, text="<p>Figures from the port.</p>")
    cranes.topics.add(energy)
    cranes.extra_regions.add(asia)
    cranes.save()
    draft = f.make_article(europe, title="A draft", article_type=analysis, live=False)
    draft.title = "A draft, rewritten"
    draft.save_revision()
    scheduled = f.make_article(europe, title="Monday's piece", article_type=analysis, live=False)
    go_live = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    scheduled.save_revision(approved_go_live_at=go_live)
    locked = f.make_article(europe, title="For members", article_type=analysis, authors=[ada])
    PageViewRestriction.objects.create(page=locked, restriction_type="password", password="pw")
    staff = f.make_article(europe, title="Staff only", article_type=analysis, authors=[ada])
    PageViewRestriction.objects.create(page=staff, restriction_type="login")
    about = PlainPage(title="About", slug="about", body=[])
    home.add_child(instance=about)
    history = PlainPage(title="Our history", slug="history", body=[])
    about.add_child(instance=history)
    return {
        "cranes": cranes,
        "draft": draft,
        "scheduled": scheduled,
        "go_live": go_live,
        "locked": locked,
        "staff": staff,
        "about": about,
        "history": history,
        "hero": hero,
        "inline": inline,
        "note": note,
    }


@pytest.fixture
def wxr(site, tmp_path):
    out = tmp_path / "site.xml"
    stdout = io.StringIO()
    call_command("export_content", str(out), format="wxr", stdout=stdout)
    assert "export: wxr posts=5 pages=2 attachments=2" in stdout.getvalue()
    export = read_export(out)
    items = {item.key: item for item in iter_items(out, export)}
    return out, export, items


def test_the_file_is_well_formed_wxr_1_2(wxr):
    out, export, _ = wxr
    root = etree.parse(str(out)).getroot()
    assert root.tag == "rss" and root.find("channel/title").text == "Masthead"
    assert export.wxr_version == "1.2" and export.site_url == "http://testserver"
    assert export.problems == []


def test_titles_slugs_statuses_and_dates_read_back_as_they_are(site, wxr):
    _, export, items = wxr
    cranes, draft, scheduled = site["cranes"], site["draft"], site["scheduled"]
    item = items[str(cranes.pk)]
    assert (item.kind, item.title, item.slug, item.status) == (
        "post",
        "Cranes at dawn",
        cranes.slug,
        "publish",
    )
    assert item.published_at == cranes.first_published_at.astimezone(UTC).replace(microsecond=0)
    assert item.link == f"http://testserver{cranes.url}"
    assert item.excerpt == "A port that never stops."
    assert item.seo_title == "The cranes that never sleep"
    assert (items[str(draft.pk)].status, items[str(draft.pk)].published_at) == ("draft", None)
    assert items[str(draft.pk)].title == "A draft, rewritten"  # the latest revision's
    assert items[str(scheduled.pk)].status == "future"
    assert items[str(scheduled.pk)].published_at == site["go_live"].astimezone(UTC)
    locked = items[str(site["locked"].pk)]
    assert (locked.status, locked.password) == ("publish", "pw")
    assert items[str(site["staff"].pk)].status == "private"
    about, history = items[str(site["about"].pk)], items[str(site["history"].pk)]
    assert (about.kind, about.title, about.slug) == ("page", "About", "about")
    assert history.kind == "page" and history.slug == "history"


def test_bylines_read_back_in_order_with_guest_authors(site, wxr):
    _, export, items = wxr
    byline = [export.authors[key] for key in items[str(site["cranes"].pk)].author_keys]
    assert [(a.name, a.is_guest) for a in byline] == [("Rui Santos", True), ("Ada Lovelace", False)]
    assert (
        byline[0].bio == "Rui writes from Lisbon." and byline[1].bio == "Ada edits the Europe desk."
    )
    assert [export.authors[k].name for k in items[str(site["locked"].pk)].author_keys] == [
        "Ada Lovelace"
    ]


def test_regions_types_and_topics_are_categories_and_tags(site, wxr):
    _, export, items = wxr
    item = items[str(site["cranes"].pk)]
    assert item.category_keys == ["europe", "asia-pacific", "analysis"]
    assert item.primary_category_key == "europe"
    assert item.tag_keys == [Topic.objects.get().slug]
    assert export.terms["category", "asia-pacific"].name == "Asia-Pacific"


def test_photos_are_attachments_with_their_credits_and_the_hero_is_the_thumbnail(site, wxr):
    _, export, items = wxr
    item = items[str(site["cranes"].pk)]
    hero = export.media[item.featured_media_key]
    assert hero.url == f"http://testserver{site['hero'].file.url}"
    assert (hero.agency, hero.photographer, hero.alt) == ("REUTERS", "Lena Holt", "A harbour")
    inline = next(m for m in export.media.values() if m.title == "Market")
    assert (inline.photographer, inline.caption) == ("Staff", "Fish.")


def test_bodies_are_block_editor_html_our_importer_reads_back(site, wxr):
    _, export, items = wxr
    item = items[str(site["cranes"].pk)]
    inline = next(m for m in export.media.values() if m.title == "Market")
    assert f'class="wp-image-{inline.key}"' in item.content
    assert "Crates on ice</figcaption>" in item.content
    body = convert_body(
        item.content,
        site_url=export.site_url,
        attachments_by_url=export.media_by_url,
        footnotes_meta=item.footnotes_meta,
    )
    kinds = [block["type"] for block in body.blocks]
    assert kinds == ["paragraph", "paragraph", "heading", "image", "pull_quote"]
    image = body.blocks[3]["value"]
    assert (image["media_key"], image["caption"]) == (inline.key, "Crates on ice")
    assert [note.uid for note in body.footnotes] == [site["note"]]
    assert "Figures from the port." in body.footnotes[0].text
    assert f'<footnote id="{site["note"]}">' in body.blocks[0]["value"]
    assert body.problems == []
    assert json.loads(item.footnotes_meta)[0]["content"] == "Figures from the port."


def test_php_serialized_metadata_counts_bytes():
    assert php_serialize({"file": "café.jpg", "width": 3}) == (
        'a:2:{s:4:"file";s:9:"café.jpg";s:5:"width";i:3;}'
    )
