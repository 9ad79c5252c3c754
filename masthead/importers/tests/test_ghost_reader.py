import json
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from masthead.importers import sources
from masthead.importers.ghost import reader
from masthead.importers.ghost.reader import (
    ExportError,
    is_ghost_export,
    iter_items,
    iter_subscribers,
    read_ghost,
)
from masthead.importers.wordpress.bodies import convert_body

FILES = Path(__file__).parent / "files" / "ghost"
SITE = "https://northwind.example"
MIRA, TOMAS, ODE = (f"64a1f0c2e4b0a1b2c3d4e5{n:02d}" for n in (1, 2, 3))


def post_key(number: int) -> str:
    return f"64a1f0c2e4b0a1b2c3d4e7{number:02d}"


def read(name: str, **options):
    export = read_ghost(FILES / name, **options)
    return export, {item.key: item for item in iter_items(export)}


@pytest.fixture(scope="module")
def site():
    return read("ghost5_site.json", site_url=SITE + "/")


# --- what is an export ------------------------------------------------------------------------


def test_a_ghost_export_is_recognised_as_a_file_a_folder_or_a_zip(tmp_path):
    assert is_ghost_export(FILES / "ghost5_site.json")
    assert is_ghost_export(FILES / "ghost1_mobiledoc_epoch.json")
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(FILES / "ghost5_site.json", folder)
    assert is_ghost_export(folder)
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(FILES / "ghost5_site.json", "northwind/northwind-ledger.ghost.2024-05-01.json")
    assert is_ghost_export(archive)


def test_other_files_are_not_taken_for_a_ghost_export(tmp_path):
    assert not is_ghost_export(FILES / "not_ghost.json")
    assert not is_ghost_export(FILES / "members.2024-05-01.csv")
    assert not is_ghost_export(FILES.parent / "wxr_1_2.xml")
    assert not is_ghost_export(FILES.parent / "substack" / "export")
    assert not is_ghost_export(tmp_path / "missing.json")


# --- status and visibility --------------------------------------------------------------------


@pytest.mark.parametrize(
    "number, status",
    [
        (1, "publish"),  # published, public
        (2, "draft"),
        (3, "future"),  # scheduled
        (4, "private"),  # members only
        (5, "private"),  # paid members only
        (6, "private"),  # sent by email only
        (8, "private"),  # some tiers only
    ],
)
def test_status_and_visibility_become_one_status(site, number, status):
    _, items = site
    assert items[post_key(number)].status == status


def test_nothing_that_was_not_public_is_published(site):
    _, items = site
    posts = json.loads((FILES / "ghost5_site.json").read_text())["db"][0]["data"]["posts"]
    for post in posts:
        item = items.get(str(post.get("id")))
        if item and (post.get("visibility") != "public" or post.get("status") != "published"):
            assert item.status != "publish", post["slug"]


def test_why_a_post_is_private_is_said(site):
    _, items = site
    assert "it was for paying members only, so it is imported as private" in (
        items[post_key(5)].problems
    )
    assert any("email only" in p for p in items[post_key(6)].problems)
    assert items[post_key(6)].link == ""  # an emailed letter had no address on the site


def test_a_scheduled_post_keeps_its_time():
    _, items = read("ghost5_site.json", site_url=SITE)
    assert items[post_key(3)].published_at == datetime(2030, 6, 1, 7, 0, tzinfo=UTC)


# --- bylines, tags, fields --------------------------------------------------------------------


def test_co_authors_are_in_byline_order(site):
    export, items = site
    assert items[post_key(1)].author_keys == [MIRA, TOMAS, ODE]
    mira = export.authors[MIRA]
    assert (mira.name, mira.slug, mira.email) == ("Mira Olsen", "mira", "mira@northwind.example")
    assert (mira.bio, mira.website) == ("Covers the harbour.", "https://mira.example")


def test_the_primary_tag_is_the_category_and_internal_tags_are_left_out(site):
    export, items = site
    dawn = items[post_key(1)]
    assert dawn.primary_category_key == "harbour"
    assert dawn.category_keys == ["harbour"]
    assert dawn.tag_keys == ["council", "weather"]  # "#newsletter" is Ghost's own label
    assert export.terms["category", "harbour"].description == "Boats and quays"
    assert ("tag", "hash-newsletter") not in export.terms
    assert ("category", "hash-newsletter") not in export.terms
    assert export.terms["tag", "lighthouses"].name == "Lighthouses"  # on no post, still a tag


def test_a_post_whose_first_tag_is_internal_has_no_primary_tag(site):
    _, items = site
    preview = items[post_key(3)]
    assert (preview.primary_category_key, preview.category_keys) == ("", [])
    assert preview.tag_keys == ["harbour"]


def test_post_fields(site):
    _, items = site
    dawn = items[post_key(1)]
    assert (dawn.kind, dawn.title, dawn.slug) == ("post", "Dawn at the quay", "dawn-at-the-quay")
    assert dawn.published_at == datetime(2024, 3, 2, 9, 0, tzinfo=UTC)
    assert dawn.modified_at == datetime(2024, 3, 2, 9, 30, tzinfo=UTC)
    assert dawn.excerpt == "Before the ferries, the fishers."
    assert dawn.seo_title == "Dawn at the quay | Northwind Ledger"
    assert dawn.seo_description == "Fishers at work before the first ferry."
    assert dawn.link == "https://northwind.example/dawn-at-the-quay/"
    assert dawn.sticky and dawn.guid == "0b1c2d3e-0000-4000-8000-000000000001"
    about = items[post_key(7)]
    assert (about.kind, about.link) == ("page", "https://northwind.example/about/")


def test_a_unicode_slug_is_kept_as_it_is(site):
    _, items = site
    assert items[post_key(9)].slug == "café-on-the-pier"


def test_the_export_title_and_version(site):
    export, _ = site
    assert (export.source, export.title, export.version) == ("ghost", "Northwind Ledger", "5.82.0")
    assert export.site_url == SITE


def test_without_the_site_address_links_are_left_empty_and_it_is_said():
    export, items = read("ghost5_site.json")
    assert items[post_key(1)].link == ""
    assert any("site's address was not given" in p for p in export.problems)


# --- photos -----------------------------------------------------------------------------------


def test_the_feature_image_with_alt_caption_and_credit(site):
    export, items = site
    key = items[post_key(1)].featured_media_key
    assert key == "https://northwind.example/content/images/2024/03/quay-dawn.jpg"
    photo = export.media[key]
    assert (photo.url, photo.path) == (key, "2024/03/quay-dawn.jpg")
    assert photo.alt == "Boats tied up at first light"
    assert photo.caption == "Boats at first light."
    assert (photo.agency, photo.photographer, photo.credit_parsed) == ("AFP", "Ines Varga", True)


def test_an_unsplash_caption_credits_the_photographer_and_unsplash(tmp_path):
    document = json.loads((FILES / "ghost5_site.json").read_text())
    meta = document["db"][0]["data"]["posts_meta"][0]
    meta["feature_image_caption"] = "Photo by <a href='/jd'>Jo Dale</a> on Unsplash"
    (tmp_path / "unsplash.json").write_text(json.dumps(document))
    export = read_ghost(tmp_path / "unsplash.json", site_url=SITE)
    photo = export.media[export.items[0].featured_media_key]
    assert (photo.agency, photo.photographer, photo.caption) == ("Unsplash", "Jo Dale", "")


def test_photos_in_bodies_are_registered_by_the_original_url(site):
    export, items = site
    original = "https://northwind.example/content/images/2024/03/net-mending.jpg"
    resized = "https://northwind.example/content/images/size/w600/2024/03/net-mending.jpg"
    assert export.media[original].alt == "Hands mending a green net"
    assert export.media_by_url[resized] == original
    assert f'data-media-key="{original}"' in items[post_key(1)].content
    assert "kg-bookmark-icon" not in items[post_key(1)].content
    assert "tides.example.org/cover.jpg" not in export.media_by_url  # a bookmark's thumbnail


# --- bodies -----------------------------------------------------------------------------------


def test_an_html_body_converts_with_its_cards_made_plain(site):
    export, items = site
    dawn = items[post_key(1)]
    assert "<script" not in dawn.content and "alert" not in dawn.content
    assert "__GHOST_URL__" not in dawn.content
    assert any("HTML card was kept as its text only" in p for p in dawn.problems)
    body = convert_body(
        dawn.content,
        site_url=export.site_url,
        attachments_by_url=export.media_by_url,
        footnotes_meta=dawn.footnotes_meta,
    )
    kinds = [block["type"] for block in body.blocks]
    assert kinds == ["paragraph", "image", "paragraph", "paragraph", "paragraph"] + [
        "image",
        "image",
        "paragraph",
    ]
    assert body.blocks[1]["value"]["caption"] == "Mending nets by the slipway."
    assert body.blocks[2]["value"] == (
        '<p><a href="https://tides.example.org/almanac">The Tide Almanac</a></p>'
    )
    assert body.blocks[3]["value"] == "<p>Which boat wins the regatta?</p>"
    assert [note.text for note in body.footnotes] == ["<p>Weather allowing.</p>"]
    assert "<footnote id=" in body.blocks[4]["value"]
    assert body.links == ["https://northwind.example/council-vote/"]
    assert not body.problems


def test_a_lexical_only_body_is_drawn_as_html():
    export, items = read("ghost5_lexical_only.json", site_url=SITE)
    item = items[post_key(20)]
    assert "track()" not in item.content and "<script" not in item.content
    body = convert_body(item.content, site_url=SITE, attachments_by_url=export.media_by_url)
    blocks = [(block["type"], block["value"]) for block in body.blocks]
    assert blocks[0] == (
        "paragraph",
        "<p>The ferry <b>was late</b> again, and <i>nobody</i> was surprised.</p>",
    )
    assert blocks[1] == ("heading", {"text": "What the timetable says", "level": "h2"})
    assert blocks[2][1].startswith("<ol><li>Monday: on time</li>")
    assert blocks[3][0] == "quote"
    assert blocks[4] == (
        "image",
        {
            "media_key": "https://northwind.example/content/images/2024/04/ferry-ramp.jpg",
            "caption": "The ramp stayed up for an hour.",
        },
    )
    assert [kind for kind, _ in blocks[5:8]] == ["image", "image", "paragraph"]
    assert ("embed", {"embed": "https://www.youtube.com/watch?v=aBcDeFgHiJk", "caption": ""}) in (
        blocks
    )
    texts = " ".join(str(value) for _, value in blocks)
    assert "Winter timetable" in texts and "Sailings resume at noon." in texts
    assert "depart 07:15<br>arrive 08:40" in texts and "Bring a coat." in texts
    assert export.media["https://northwind.example/content/images/2024/04/deck-two.jpg"].alt == (
        "Deck, stern"
    )
    assert "a signup form (a Ghost signup card) was left out" in item.problems
    assert any("mystery-widget" in p for p in item.problems)


def test_old_ghost_epoch_dates_mobiledoc_and_permalinks():
    export, items = read("ghost1_mobiledoc_epoch.json", site_url="http://oldharbour.example")
    flats = items["11"]
    assert flats.published_at == datetime(2017, 8, 14, 8, 40, tzinfo=UTC)  # 1502700000000 ms
    assert flats.author_keys == ["1"] and export.authors["1"].name == "Hal Brennan"
    assert flats.link == "http://oldharbour.example/2017/08/14/reading-the-mudflats/"
    assert flats.seo_title == "Mudflats, read"  # on the post itself before Ghost 4
    assert flats.featured_media_key == "http://oldharbour.example/content/images/2017/08/heron.jpg"
    assert flats.primary_category_key == "tides"
    body = convert_body(flats.content, site_url=export.site_url)
    blocks = [(block["type"], block["value"]) for block in body.blocks]
    assert blocks[0][1] == (
        '<p>Tide tables are <b>only a guess</b> near the <a href="http://oldharbour.example/'
        'tides/">old <i>pier</i></a><br>Second line.</p>'
    )
    assert ("heading", {"text": "Low water", "level": "h2"}) in blocks  # from a Markdown card
    assert ("paragraph", "<ul><li>cockles</li><li>razor shells</li></ul>") in blocks
    assert ("embed", {"embed": "https://vimeo.com/76979871", "caption": ""}) in blocks
    assert blocks[-1][0] == "quote"
    contact = items["12"]
    assert (contact.kind, contact.link) == ("page", "http://oldharbour.example/contact/")
    assert contact.content == "<p>Write to <em>the harbour office</em>.</p>"  # Markdown alone
    assert contact.published_at == datetime.fromtimestamp(1502600000, tz=UTC)


# --- members ----------------------------------------------------------------------------------


def test_members_in_the_json_with_their_consent():
    export, _ = read("ghost1_mobiledoc_epoch.json", site_url="http://oldharbour.example")
    states = {s.email: s.state for s in iter_subscribers(export)}
    assert states == {
        "gull@readers.example": "active",
        "tern@readers.example": "unsubscribed",
        "skua@readers.example": "bounced",  # Ghost had stopped emailing it
    }
    gull = next(iter_subscribers(export))
    assert gull.consent_source == "ghost import" and gull.name == "Gull Reader"
    assert gull.subscribed_at == datetime.fromtimestamp(1502000000, tz=UTC)


def members_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(FILES / "ghost5_site.json", folder)
    shutil.copy(FILES / "members.2024-05-01.csv", folder)
    return folder


def test_the_members_csv_beside_the_export(tmp_path):
    export = read_ghost(members_folder(tmp_path), site_url=SITE)
    subscribers = {s.email: s for s in iter_subscribers(export)}
    assert {email: s.state for email, s in subscribers.items()} == {
        "keeper@readers.example": "active",
        "quiet@readers.example": "unsubscribed",
        "patron@readers.example": "active",
    }
    keeper = subscribers["keeper@readers.example"]
    assert keeper.subscribed_at == datetime(2024, 1, 5, 10, 0, tzinfo=UTC)
    assert (keeper.name, keeper.consent_source) == ("Lighthouse Keeper", "ghost import")
    assert export.skipped["a member deleted in Ghost"] == 1
    assert export.skipped["a member without a valid email address"] == 1
    assert export.skipped[
        "a member whose email address repeats an earlier one's; the first is kept"
    ]
    assert any("line 7: its sign-up date 'not a date' cannot be read" in p for p in export.problems)


def test_a_members_csv_named_by_the_caller():
    export = read_ghost(FILES / "ghost5_site.json", members_path=FILES / "members.2024-05-01.csv")
    assert len(list(iter_subscribers(export))) == 3


def test_a_zip_of_the_export_and_its_members(tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(FILES / "ghost5_site.json", "northwind/ghost.json")
        zf.write(FILES / "members.2024-05-01.csv", "northwind/members.2024-05-01.csv")
        zf.writestr("__MACOSX/northwind/._ghost.json", b"\x00\x05junk")
        zf.writestr("northwind/content/images/2024/03/quay-dawn.jpg", b"\xff\xd8 not a real photo")
    export = read_ghost(archive, site_url=SITE)
    assert len(export.items) == 9 and len(export.subscribers) == 3


# --- bad input --------------------------------------------------------------------------------


def test_invalid_json_is_refused_with_its_line():
    with pytest.raises(ExportError) as error:
        read_ghost(FILES / "malformed.json")
    assert "malformed.json is not valid JSON" in str(error.value)
    assert "line 3" in str(error.value)


def test_json_that_is_not_a_ghost_export_is_refused():
    with pytest.raises(ExportError, match="not a Ghost export"):
        read_ghost(FILES / "not_ghost.json")


def test_a_members_csv_without_its_columns_is_refused():
    with pytest.raises(ExportError, match="lacks the column.*subscribed_to_emails"):
        read_ghost(FILES / "ghost5_site.json", members_path=FILES / "members_missing_columns.csv")


def test_a_folder_without_a_json_file_is_refused(tmp_path):
    with pytest.raises(ExportError, match="holds no .json file"):
        read_ghost(tmp_path)


def test_bad_posts_are_skipped_with_their_reason(site):
    export, items = site
    assert len(items) == 9
    assert export.skipped["its id repeats an earlier post's; the first one is kept"] == 1
    assert export.skipped["it has no id, so it cannot be imported"] == 1
    assert items[post_key(1)].title == "Dawn at the quay"  # the first of the two is kept
    assert any("'A post with no id'" in p for p in export.problems)


def test_a_post_that_cannot_be_read_does_not_stop_the_run(monkeypatch):
    tagging = reader._Reading.tagging

    def fails_on_the_page(self, key, problems):
        if key == post_key(7):
            raise KeyError("broken")
        return tagging(self, key, problems)

    monkeypatch.setattr(reader._Reading, "tagging", fails_on_the_page)
    export, items = read("ghost5_site.json", site_url=SITE)
    assert post_key(7) not in items and post_key(8) in items
    assert export.skipped["it could not be read (KeyError: 'broken')"] == 1


def test_an_unreadable_date_and_an_unknown_author_are_problems_not_failures(site):
    _, items = site
    cafe = items[post_key(9)]
    assert cafe.published_at is None and cafe.author_keys == []
    assert "its publication date 'not a date' cannot be read" in cafe.problems
    assert "it names no author" in cafe.problems


def test_a_zip_that_unpacks_past_the_limit_is_refused(tmp_path, monkeypatch):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(FILES / "ghost5_site.json", "ghost.json")
    monkeypatch.setattr(sources, "MAX_UNPACKED_BYTES", 10_000)
    with pytest.raises(ExportError, match="too big"):
        read_ghost(archive)


def test_a_zip_of_too_many_files_is_refused(tmp_path, monkeypatch):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for number in range(4):
            zf.writestr(f"part-{number}.json", "{}")
    monkeypatch.setattr(sources, "MAX_ZIP_MEMBERS", 3)
    with pytest.raises(ExportError, match="more than 3 is refused"):
        read_ghost(archive)
