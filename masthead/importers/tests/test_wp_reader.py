import gzip
import io
import subprocess
import sys
import tracemalloc
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from masthead.importers import sources
from masthead.importers.tests.moving import write_export
from masthead.importers.wordpress import phpserial, reader
from masthead.importers.wordpress.reader import ExportError, find_media, iter_items, read_export

FILES = Path(__file__).parent / "files"


def read(name: str, **options):
    export = read_export(FILES / name, **options)
    return export, {item.key: item for item in iter_items(FILES / name, export)}


# --- the three versions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, version, site, key, slug, author, published",
    [
        ("wxr_1_0.xml", "1.0", "Fenwick Gazette", "7", "rowing-club-river-race", "oldhand", 2010),
        ("wxr_1_1.xml", "1.1", "Millbrook Weekly", "12", "council-library-budget", "editor", 2012),
        ("wxr_1_2.xml", "1.2", "The Harbour Ledger", "30", "ferry-timetable-summer", "mara", 2024),
        (
            "wxr_https_namespace.xml",
            "1.2",
            "Saltmarsh Review",
            "3",
            "tide-tables-print",
            "rhea",
            2025,
        ),
    ],
)
def test_every_export_version_reads(name, version, site, key, slug, author, published):
    export, items = read(name)
    assert (export.wxr_version, export.title) == (version, site)
    item = items[key]
    assert (item.kind, item.slug, item.status) == ("post", slug, "publish")
    assert item.author_keys == [author] and author in export.authors
    assert item.published_at.year == published and item.published_at.tzinfo == UTC


def test_wxr_1_0_tags_and_authors_without_profiles():
    export, items = read("wxr_1_0.xml")
    assert items["7"].category_keys == ["sport"]
    assert items["7"].tag_keys == ["rowing"]  # WXR 1.0 wrote domain="tag"
    assert export.authors["oldhand"].name == "oldhand"
    assert any("'oldhand'" in p and "no profile" in p for p in export.problems)


def test_wxr_1_2_channel_authors_and_terms():
    export, _ = read("wxr_1_2.xml")
    assert export.site_url == "https://harbourledger.example"
    assert export.base_site_url == "https://harbourledger.example/wp"
    assert export.authors["mara"].name == "Mara Quill"
    assert export.authors["mara"].email == "mara@harbourledger.example"
    assert export.authors["t.oduya"].name == "Tobi Oduya"  # no display name: first + last
    assert export.authors["t.oduya"].slug == "t-oduya"
    news, waterfront = export.terms["category", "news"], export.terms["category", "waterfront"]
    assert news.name == "News & Views"  # WordPress stores names HTML-escaped
    assert (waterfront.parent_key, waterfront.description) == ("news", "The docks and the ferry")
    assert export.terms["tag", "мир"].name == "Мир"
    assert ("tag", "main-menu") not in export.terms and len(export.terms) == 4
    assert export.term_ids[5] == ("category", "waterfront")


def test_wxr_1_2_posts_and_pages():
    export, items = read("wxr_1_2.xml")
    assert sorted(items) == ["30", "31", "40"]  # not the attachment, revision or menu entry
    post = items["30"]
    assert post.title == "Ferry timetable changes for the summer"
    assert post.link == "https://harbourledger.example/2024/04/11/ferry-timetable-summer/"
    assert post.guid == "https://harbourledger.example/?p=30"
    assert post.published_at == datetime(2024, 4, 11, 7, 30, tzinfo=UTC)
    assert post.modified_at == datetime(2024, 4, 12, 9, 0, tzinfo=UTC)
    assert (post.category_keys, post.tag_keys) == (["waterfront"], ["ferries", "мир"])
    assert post.featured_media_key == "21"
    assert post.sticky is True
    assert post.old_slugs == ["ferry-times", "summer-ferry-times"]
    assert post.excerpt == "New times from June."
    assert post.content.startswith("<!-- wp:paragraph -->\n<p>The early boat")
    assert post.footnotes_meta == '[{"content":"From the operator\'s notice.","id":"a1b2"}]'
    assert post.problems == []
    assert items["31"].slug == "привет-мир"  # percent-encoded in the export, Unicode here
    assert items["31"].title == "Привет, мир"
    assert (items["40"].kind, items["40"].slug) == ("page", "about")
    assert export.skipped == {
        "a revision (only the latest version is imported)": 1,
        "a menu entry": 1,
    }


def test_attachments_with_their_credit_and_every_size():
    export, _ = read("wxr_1_2.xml")
    photo = export.media["21"]
    assert (
        photo.url == "https://harbourledger.example/wp-content/uploads/2024/04/harbour-lights.jpg"
    )
    assert photo.path == "2024/04/harbour-lights.jpg"
    assert photo.alt == "A row of lamps reflected in still water"
    assert photo.caption == "The east quay at dusk."  # plain text
    assert (photo.agency, photo.photographer) == ("BAYWIRE", "Ines Calder")
    assert (photo.mime_type, photo.parent_key) == ("image/jpeg", "30")
    assert photo.published_at == datetime(2024, 4, 10, 18, 20, tzinfo=UTC)
    folder = "https://harbourledger.example/wp-content/uploads/2024/04/"
    assert export.media_by_url == {
        folder + "harbour-lights.jpg": "21",
        folder + "harbour-lights-150x150.jpg": "21",
        folder + "harbour-lights-300x200.jpg": "21",
    }


def test_find_media_tries_the_variants_bodies_use():
    export, _ = read("wxr_1_2.xml")
    folder = "https://harbourledger.example/wp-content/uploads/2024/04/"
    assert find_media(export, folder + "harbour-lights-300x200.jpg") == "21"
    assert find_media(export, folder + "harbour-lights-768x512.jpg") == "21"  # size not listed
    assert (
        find_media(
            export,
            "http://harbourledger.example/wp-content/uploads/2024/04/harbour-lights.jpg?w=640",
        )
        == "21"
    )
    assert find_media(export, "/wp-content/uploads/2024/04/harbour-lights.jpg") == "21"
    assert find_media(export, folder + "another-photo.jpg") is None


def test_php_serialized_attachment_metadata():
    export, _ = read("php_serialized_meta.xml")
    folder = "https://pier.example/wp-content/uploads/2024/09/"
    for name in ("pier-scaled.jpg", "pier.jpg", "pier-150x150.jpg", "pier-été-40x27.jpg"):
        assert export.media_by_url[folder + name] == "50"  # pier.jpg: the original of -scaled
    # Broken lengths: the attachment is kept with its main URL, and the problem is said.
    assert export.media_by_url[folder + "jetty.jpg"] == "51"
    [problem] = export.problems
    assert "attachment 51" in problem and "line 29" in problem and "99 bytes long" in problem
    assert (export.media["51"].agency, export.media["51"].photographer) == (
        "Harbour Trust",
        "Ines Calder",
    )


def test_a_stdclass_object_in_meta_is_read_as_data_never_built(monkeypatch):
    built = []
    monkeypatch.setattr(phpserial, "PhpObject", lambda *a: built.append(a) or {})
    export, _ = read("php_serialized_meta.xml")
    assert built == [("stdClass", {"make": "Lumen", "model": "L-9"})]
    assert len(export.media) == 2


# --- authors --------------------------------------------------------------------------------


def test_coauthors_plus_bylines_in_order():
    export, items = read("coauthors_plus.xml")
    assert items["70"].author_keys == ["cap-sam-reed", "jdoe"]
    assert items["71"].author_keys == ["cap-sam-reed"]  # the filer is not a byline
    assert items["72"].author_keys == ["desk"]
    assert items["73"].author_keys == ["lee.park", "cap-ghost-writer"]


def test_coauthors_plus_guest_authors():
    export, _ = read("coauthors_plus.xml")
    sam = export.authors["cap-sam-reed"]
    assert (sam.name, sam.slug, sam.is_guest) == ("Sam Reed", "sam-reed", True)
    assert (sam.email, sam.website) == ("sam@freelance.example", "https://samreed.example")
    assert sam.bio == "Sam covers the river towns."
    assert export.authors["jdoe"].slug == "jane-doe"  # from the CAP term, the real nicename
    # A guest profile linked to a user is that user, with the profile's bio.
    assert "cap-lee-park-guest" not in export.authors
    assert export.authors["lee.park"].bio == "Lee edits the weekend pages."
    ghost = export.authors["cap-ghost-writer"]
    assert (ghost.name, ghost.is_guest) == ("Ghost Writer", True)
    assert export.problems == [
        "co-author 'cap-ghost-writer' has no profile in the export; "
        "a guest author 'Ghost Writer' is made from the term"
    ]


# --- Yoast ----------------------------------------------------------------------------------


def test_yoast_title_description_and_primary_category():
    _, items = read("yoast.xml")
    race = items["100"]
    assert race.primary_category_key == "politics"
    assert race.seo_title == "School board race heats up - Politics - Hillcrest Post"
    assert (
        race.seo_description == "Three candidates, two seats, and a packed hall on Tuesday night."
    )
    budget = items["101"]
    assert budget.seo_title == "Budget night by Nell Arden"  # %%cf_subtitle%% is dropped
    assert budget.seo_description == "The council met until midnight. - Local politics, plainly"
    assert budget.primary_category_key == ""
    assert budget.problems == ["its Yoast primary category (term 999) is not in the export"]


# --- statuses and dates ---------------------------------------------------------------------


def test_statuses_are_kept_and_nothing_private_is_opened():
    export, items = read("statuses.xml")
    statuses = {key: (item.status, item.password) for key, item in items.items()}
    assert statuses == {
        "1": ("publish", ""),
        "2": ("draft", ""),
        "3": ("future", ""),
        "4": ("private", ""),
        "5": ("pending", ""),
        "6": ("publish", "harbour-2024"),
        "9": ("draft", ""),
    }
    assert items["3"].published_at == datetime(2030, 1, 15, 6, 0, tzinfo=UTC)
    assert items["2"].published_at is None and items["5"].published_at is None
    assert items["9"].problems == [
        "its status 'pitch' is not WordPress's own; it is imported as a draft"
    ]
    assert export.skipped == {"in the trash": 1, "an auto-draft nobody saved": 1}


def test_bad_dates_fall_back_and_say_so():
    _, items = read("bad_dates.xml")
    assert items["400"].published_at == datetime(2024, 7, 1, 10, 0, tzinfo=UTC)
    assert "read as UTC" in items["400"].problems[0]
    assert items["401"].published_at is None
    assert items["401"].problems == ["it has no usable date, so it is imported without one"]
    assert (items["402"].published_at, items["402"].problems) == (None, [])  # a draft
    assert items["403"].published_at == datetime(2024, 7, 4, 10, 0, tzinfo=UTC)
    assert items["403"].problems[0] == "its GMT date '2024-13-45 99:00:00' cannot be read"
    assert items["404"].published_at is None and len(items["404"].problems) == 3


def test_local_dates_use_the_site_time_zone_when_given():
    _, items = read("bad_dates.xml", timezone=ZoneInfo("Europe/Berlin"))
    assert items["400"].published_at == datetime(2024, 7, 1, 8, 0, tzinfo=UTC)  # CEST
    assert items["400"].problems == []


# --- order, duplicates, splits --------------------------------------------------------------


def test_forward_references_resolve():
    export, items = read("forward_references.xml")
    post = items["200"]
    assert post.featured_media_key == "201"
    assert post.author_keys == ["late-arrival"]
    assert export.authors["late-arrival"].name == "Lou Tardy"
    assert export.terms["category", "later-section"].name == "Later Section"
    photo = export.media["201"]
    assert (photo.photographer, photo.agency) == ("Pia Holm", "Quarry Lane News")
    assert export.problems == []


def test_duplicate_ids_skip_the_second_and_go_on():
    export, items = read("duplicate_ids.xml")
    assert sorted(items) == ["300", "301", "302", "303"]
    assert items["300"].slug == "first-of-two"
    assert items["302"].problems == [
        "its GUID 'https://quarrylane.example/?p=301' is also an earlier item's"
    ]
    assert items["301"].problems == []
    assert sum(export.skipped.values()) == 2
    assert "post 300 'Item 300 (publish)'" in export.problems[0]
    assert "line 30" in export.problems[0] and "repeats an earlier item's" in export.problems[0]
    assert "no post id" in export.problems[1]


def test_one_unreadable_item_does_not_stop_the_run(monkeypatch):
    original = reader._byline

    def fails_on_301(raw, export, problems):
        if raw.get("wp:post_id") == "301":
            raise KeyError("boom")
        return original(raw, export, problems)

    monkeypatch.setattr(reader, "_byline", fails_on_301)
    export, items = read("duplicate_ids.xml")
    assert sorted(items) == ["300", "302", "303"]
    assert any("post 301" in p and "could not be read (KeyError" in p for p in export.problems)


def test_a_split_export_as_a_folder_and_as_a_zip(tmp_path):
    archive = tmp_path / "estuary.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for part in (FILES / "split_export").iterdir():
            zf.write(part, part.name)
    for source in (FILES / "split_export", archive):
        export = read_export(source)
        items = list(iter_items(source, export))
        assert [i.slug for i in items] == ["first-part", "second-part", "tenth-part"]
        assert items[1].featured_media_key == "9"  # its attachment is in a later part
        assert export.title == "Estuary Times" and list(export.authors) == ["kit"]


def test_streams_can_be_given_as_factories():
    data = (FILES / "wxr_1_1.xml").read_bytes()
    export = read_export([lambda: io.BytesIO(data)])
    assert [i.key for i in iter_items([lambda: io.BytesIO(data)], export)] == ["12"]


# --- slugs ----------------------------------------------------------------------------------


def test_bidi_and_zero_width_characters_in_slugs_are_kept_and_flagged():
    export, items = read("bidi_slugs.xml")
    post = items["5"]
    assert post.slug == "invoice-\u202egpj.exe"
    assert post.tag_keys == ["bay\u200bwatch"]
    assert post.old_slugs == ["old\u200d-name"]
    assert "RIGHT-TO-LEFT OVERRIDE" in post.problems[0]
    assert "ZERO WIDTH JOINER" in post.problems[1]
    assert "ZERO WIDTH SPACE" in export.problems[0]
    assert items["6"].problems == []


# --- hostile and broken files ---------------------------------------------------------------


def test_external_entities_are_refused_without_a_file_read_or_a_request(loopback_trap):
    port, hits = loopback_trap
    data = (FILES / "hostile_xxe.xml").read_bytes().replace(b"47813", str(port).encode())
    with pytest.raises(ExportError, match="declares a DOCTYPE; WordPress exports never do"):
        read_export([lambda: io.BytesIO(data)])
    assert hits == []


def test_a_doctype_after_a_long_prolog_is_still_refused_by_the_parser(loopback_trap):
    port, hits = loopback_trap
    data = (FILES / "hostile_xxe.xml").read_bytes().replace(b"47813", str(port).encode())
    padded = data.replace(b"?>\n", b"?>\n<!--" + b" " * 70_000 + b"-->\n", 1)
    with pytest.raises(ExportError, match="declares a DOCTYPE"):
        read_export([lambda: io.BytesIO(padded)])
    assert hits == []


def test_a_prolog_of_comments_before_many_block_comments_is_read_at_once(tmp_path):
    """A modern export: WordPress's header comment, then posts full of block-editor comments
    within the first 64 KB. The DOCTYPE check once backtracked exponentially on it."""
    head = (FILES / "wxr_1_2.xml").read_text().split("<rss", 1)
    block = "<!-- wp:paragraph -->\n<p>Tide.</p>\n<!-- /wp:paragraph -->\n"
    text = (
        head[0]
        + "<!-- generator -->\n<rss"
        + head[1].replace("<!-- wp:paragraph -->", block * 60 + "<!-- wp:paragraph -->", 1)
    )
    path = tmp_path / "modern.xml"
    path.write_text(text)
    # In a process of its own: a regex holds the interpreter while it runs, so only a process
    # can be stopped from outside when it never ends.
    code = "import sys; from masthead.importers.wordpress.reader import read_export; "
    code += "print(read_export(sys.argv[1]).title)"
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        timeout=20,
        cwd=Path(__file__).parents[3],
    )
    assert result.stdout.strip() == "The Harbour Ledger", result.stderr


@pytest.mark.parametrize("name", ["billion_laughs.xml", "doctype.xml"])
def test_any_doctype_is_refused(name):
    with pytest.raises(ExportError, match=rf"{name}: the export declares a DOCTYPE"):
        read_export(FILES / name)


def test_a_gzipped_export_that_unpacks_past_the_limit_is_refused(tmp_path, monkeypatch):
    data = (FILES / "wxr_1_2.xml").read_bytes()
    padded = data.replace(b"</channel>", b" " * 200_000 + b"</channel>")
    (tmp_path / "export.xml.gz").write_bytes(gzip.compress(padded))
    monkeypatch.setattr(sources, "MAX_UNPACKED_BYTES", 100_000)
    with pytest.raises(ExportError, match=r"export\.xml\.gz unpacks to more than 100,000 bytes"):
        read_export(tmp_path / "export.xml.gz")
    monkeypatch.setattr(sources, "MAX_UNPACKED_BYTES", 1_000_000)
    assert read_export(tmp_path / "export.xml.gz").title == "The Harbour Ledger"


def test_a_truncated_export_names_the_line():
    with pytest.raises(
        ExportError, match=r"truncated\.xml, line 136: the file stops in the middle"
    ):
        read_export(FILES / "truncated.xml")


def test_a_wrong_encoding_names_the_line():
    with pytest.raises(
        ExportError,
        match=r"wrong_encoding\.xml, line 12: the text is not in the encoding the file declares",
    ):
        read_export(FILES / "wrong_encoding.xml")


def test_xml_that_is_not_a_wordpress_export():
    with pytest.raises(ExportError, match="is XML but not a WordPress export"):
        read_export(FILES / "not_wordpress_rss.xml")


# --- memory ---------------------------------------------------------------------------------


def peak_while_iterating(path: Path) -> tuple[int, int]:
    export = read_export(path)
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_items(path, export))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return count, peak


# VmHWM, the peak resident size of this process image (ru_maxrss would carry over the
# parent's peak across fork and exec).
PEAK_RSS = """
import re, sys
from pathlib import Path
from masthead.importers.wordpress.reader import iter_items, read_export
export = read_export(sys.argv[1])
count = sum(1 for _ in iter_items(sys.argv[1], export))
status = Path("/proc/self/status").read_text()
print(count, int(re.search(r"VmHWM:\\s+(\\d+) kB", status)[1]) * 1024)
"""


def peak_rss_of_both_passes(path: Path) -> tuple[int, int]:
    """In a fresh process, since tracemalloc does not see what libxml2 allocates."""
    result = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[3],
    )
    count, peak = result.stdout.split()
    return int(count), int(peak)


def test_memory_stays_flat_however_long_the_export(tmp_path):
    small_size = write_export(tmp_path / "small.xml", 2_000)
    large_size = write_export(tmp_path / "large.xml", 20_000)
    small_count, small_peak = peak_while_iterating(tmp_path / "small.xml")
    large_count, large_peak = peak_while_iterating(tmp_path / "large.xml")
    assert (small_count, large_count) == (2_000, 20_000)
    assert large_size > 9 * small_size
    assert large_peak < large_size / 5
    assert large_peak < 3 * small_peak, (small_peak, large_peak)
    # The parser's own memory too: the 10x longer export needs no more than a few MB more.
    small_count, small_rss = peak_rss_of_both_passes(tmp_path / "small.xml")
    large_count, large_rss = peak_rss_of_both_passes(tmp_path / "large.xml")
    assert (small_count, large_count) == (2_000, 20_000)
    assert large_rss - small_rss < large_size / 10, (small_rss, large_rss)
