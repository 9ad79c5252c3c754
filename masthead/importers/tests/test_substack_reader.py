import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from masthead.importers import sources
from masthead.importers.substack import reader
from masthead.importers.substack.reader import (
    ExportError,
    is_substack_export,
    iter_items,
    iter_subscribers,
    read_substack,
)
from masthead.importers.wordpress.bodies import convert_body

FILES = Path(__file__).parent / "files" / "substack"
EXPORT = FILES / "export"
SITE = "https://harbourletter.example"
PHOTO = (
    "https://substack-post-media.s3.amazonaws.com/public/images/a1b2c3d4-tide-gauge_1600x1067.jpeg"
)


def read(path=EXPORT, site_url=SITE, **options):
    export = read_substack(path, site_url, **options)
    return export, {item.key: item for item in iter_items(export)}


@pytest.fixture(scope="module")
def letter():
    return read(author_name="Asta Lind")


def zipped(tmp_path: Path, prefix: str = "harbourletter-export/") -> Path:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(EXPORT.rglob("*")):
            if path.is_file():
                zf.write(path, prefix + path.relative_to(EXPORT).as_posix())
        zf.writestr("__MACOSX/._posts.csv", b"\x00\x05junk")
    return archive


# --- what is an export ------------------------------------------------------------------------


def test_a_substack_export_is_recognised_as_a_folder_or_a_zip(tmp_path):
    assert is_substack_export(EXPORT)
    assert is_substack_export(zipped(tmp_path))
    assert not is_substack_export(FILES.parent / "ghost" / "ghost5_site.json")
    assert not is_substack_export(FILES.parent / "split_export")
    assert not is_substack_export(EXPORT / "posts.csv")
    assert not is_substack_export(tmp_path / "missing")


# --- status and audience ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "key, status",
    [
        ("100001", "publish"),  # published, for everyone
        ("100002", "private"),  # paid subscribers only
        ("100003", "private"),  # founding members only
        ("100004", "private"),  # free subscribers only
        ("100005", "draft"),  # not published
    ],
)
def test_published_and_audience_become_one_status(letter, key, status):
    _, items = letter
    assert items[key].status == status


def test_why_a_post_is_private_is_said(letter):
    _, items = letter
    assert items["100002"].problems == [
        "it was for paying subscribers only, so it is imported as private"
    ]


def test_a_draft_has_no_publication_date_and_no_old_address(letter):
    _, items = letter
    draft = items["100005"]
    assert draft.published_at is None and draft.link == ""
    assert draft.modified_at == datetime(2024, 3, 1, 10, 0, tzinfo=UTC)


# --- fields -----------------------------------------------------------------------------------


def test_post_fields(letter):
    export, items = letter
    tides = items["100001"]
    assert (tides.kind, tides.title, tides.slug) == (
        "post",
        "Tide tables explained",
        "tide-tables-explained",
    )
    assert tides.excerpt == "Why the numbers never quite agree"
    assert tides.published_at == datetime(2024, 2, 3, 7, 30, tzinfo=UTC)
    assert tides.link == "https://harbourletter.example/p/tide-tables-explained"
    assert tides.author_keys == ["substack-author"]
    assert export.authors["substack-author"].name == "Asta Lind"
    assert (export.source, export.site_url) == ("substack", SITE)
    assert items["100007"].kind == "page"


def test_a_unicode_slug_is_kept_as_it_is(letter):
    _, items = letter
    assert items["100009"].slug == "мост-через-залив"
    assert "строят" in items["100009"].content


def test_without_a_writer_the_byline_is_the_publication_and_it_is_said():
    export, _ = read()
    assert export.title == "harbourletter"  # from email_list.harbourletter.csv
    assert export.authors["substack-author"].name == "harbourletter"
    assert any("the byline is the publication's name" in p for p in export.problems)


def test_without_the_site_address_links_are_left_empty_and_it_is_said():
    export, items = read(site_url="")
    assert items["100001"].link == ""
    assert any("old links cannot be redirected" in p for p in export.problems)


def test_a_podcast_a_thread_and_a_missing_body(letter):
    _, items = letter
    assert items["100006"].content.startswith(
        '<audio src="https://audio.example/harbour-sounds.mp3"></audio>'
    )
    thread = items["100008"]
    assert thread.status == "publish" and thread.content == ""
    assert "it is a discussion thread: its comments are not in the export" in thread.problems
    assert "its text (posts/100008.lost-text.html) is not in the export" in thread.problems


# --- bodies -----------------------------------------------------------------------------------


def test_substack_furniture_goes_and_photos_are_named_by_their_original(letter):
    export, items = letter
    content = items["100001"].content
    assert "Subscribe" not in content and "<form" not in content and "Share" not in content
    assert "substackcdn.com/image" not in content.split("<img", 1)[1].split(">", 1)[0]
    photo = export.media[PHOTO]
    assert (photo.url, photo.alt, photo.parent_key) == (
        PHOTO,
        "A painted tide gauge on a pier",
        "100001",
    )
    cdn = next(url for url in export.media_by_url if url.startswith("https://substackcdn.com"))
    assert export.media_by_url[cdn] == PHOTO


def test_a_body_converts_with_its_photo_embeds_and_footnote(letter):
    export, items = letter
    tides = items["100001"]
    body = convert_body(
        tides.content,
        site_url=SITE,
        attachments_by_url=export.media_by_url,
        footnotes_meta=tides.footnotes_meta,
    )
    blocks = [(block["type"], block["value"]) for block in body.blocks]
    assert blocks[1] == ("image", {"media_key": PHOTO, "caption": "The gauge at the north pier."})
    assert body.media_credits[PHOTO]["agency"] == "AP"
    assert body.media_credits[PHOTO]["photographer"] == "Lena Fisk"
    assert (
        "embed",
        {"embed": "https://www.youtube.com/watch?v=aBcDeFgHiJk", "caption": ""},
    ) in blocks
    assert blocks[-1][0] == "quote"  # the pull quote
    assert [note.text for note in body.footnotes] == [
        "<p>To the minute, if you believe the print.</p>"
    ]
    assert "<footnote id=" in blocks[0][1]
    assert any("X (Twitter)" in problem for problem in body.problems)  # the tweet, as a link


# --- subscribers ------------------------------------------------------------------------------


def test_subscribers_with_their_consent(letter):
    export, _ = letter
    subscribers = {s.email: s for s in iter_subscribers(export)}
    assert {email: s.state for email, s in subscribers.items()} == {
        "cormorant@readers.example": "active",
        "petrel@readers.example": "active",
        "shag@readers.example": "unsubscribed",  # email_disabled
    }
    cormorant = subscribers["cormorant@readers.example"]
    assert cormorant.consent_source == "substack import"
    assert cormorant.subscribed_at == datetime(2023, 11, 2, 9, 15, tzinfo=UTC)
    assert export.skipped["a subscriber without a valid email address"] == 1
    assert (
        export.skipped["a subscriber whose address repeats an earlier one's; the first is kept"]
        == 1
    )


def test_a_subscriber_list_named_by_the_caller(tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(EXPORT, folder)
    (folder / "email_list.harbourletter.csv").rename(tmp_path / "list.csv")
    export, _ = read(folder, email_list_path=tmp_path / "list.csv")
    assert len(export.subscribers) == 3


# --- zips and bad input -----------------------------------------------------------------------


def test_a_zip_reads_as_the_folder_does(tmp_path, letter):
    export, items = read(zipped(tmp_path), author_name="Asta Lind")
    _, from_folder = letter
    assert {key: item.status for key, item in items.items()} == {
        key: item.status for key, item in from_folder.items()
    }
    assert items["100001"].content == from_folder["100001"].content
    assert len(export.subscribers) == 3


def test_posts_csv_without_its_columns_is_refused():
    with pytest.raises(ExportError) as error:
        read_substack(FILES / "missing_columns")
    assert "posts.csv lacks the column(s) is_published, audience" in str(error.value)


def test_a_subscriber_list_without_an_email_column_is_refused(tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(EXPORT, folder)
    (folder / "email_list.harbourletter.csv").write_text("name,created_at\nSomeone,2024-01-01\n")
    with pytest.raises(ExportError, match="email_list.harbourletter.csv lacks the column.*email"):
        read_substack(folder)


def test_a_file_that_is_neither_folder_nor_zip_is_refused():
    with pytest.raises(ExportError, match="neither a folder nor a zip"):
        read_substack(EXPORT / "posts.csv")


def test_bad_rows_are_skipped_with_their_reason(letter):
    export, items = letter
    assert len(items) == 9
    assert items["100001"].title == "Tide tables explained"  # the first of the two is kept
    assert export.skipped["its post id repeats an earlier post's; the first one is kept"] == 1
    assert export.skipped["it has no post id, so it cannot be imported"] == 1
    assert any(p.startswith("posts.csv, line 10 ('A row with no id')") for p in export.problems)


def test_a_post_that_cannot_be_read_does_not_stop_the_run(monkeypatch):
    body = reader._body

    def fails_on_the_founders(export, files, key, post_id, problems):
        if key == "100003":
            raise ValueError("broken")
        return body(export, files, key, post_id, problems)

    monkeypatch.setattr(reader, "_body", fails_on_the_founders)
    export, items = read()
    assert "100003" not in items and "100004" in items
    assert export.skipped["it could not be read (ValueError: broken)"] == 1


def test_a_zip_that_unpacks_past_the_limit_is_refused(tmp_path, monkeypatch):
    archive = zipped(tmp_path)
    monkeypatch.setattr(sources, "MAX_UNPACKED_BYTES", 4_000)
    with pytest.raises(ExportError, match="too big"):
        read_substack(archive)
