import gzip
import shutil
import zipfile
from pathlib import Path

import pytest

from masthead.importers import sources
from masthead.importers.sources import ExportError, export_parts, open_export

FILES = Path(__file__).parent / "files"
SPLIT = FILES / "split_export"
SPLIT_ORDER = ["estuary.part-1.xml", "estuary.part-2.xml", "estuary.part-10.xml"]


def read_all(part) -> bytes:
    with part.open() as stream:
        return stream.read()


def test_a_plain_file_is_one_part():
    [part] = export_parts(FILES / "wxr_1_2.xml")
    assert read_all(part) == (FILES / "wxr_1_2.xml").read_bytes()


def test_a_gzipped_export_is_read_whatever_its_name(tmp_path):
    original = (FILES / "wxr_1_1.xml").read_bytes()
    for name in ("export.xml.gz", "export-misnamed.xml"):
        (tmp_path / name).write_bytes(gzip.compress(original))
        [part] = export_parts(tmp_path / name)
        assert read_all(part) == original


def test_a_folder_of_split_files_in_natural_order(tmp_path):
    shutil.copytree(SPLIT, tmp_path / "export")
    (tmp_path / "export" / "notes.txt").write_text("not an export")
    (tmp_path / "export" / ".hidden.xml").write_text("<junk/>")
    parts = export_parts(tmp_path / "export")
    assert [Path(p.name).name for p in parts] == SPLIT_ORDER
    assert b"Tenth part" in read_all(parts[2])


def test_a_zip_of_split_files_in_natural_order(tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name in reversed(SPLIT_ORDER):
            zf.write(SPLIT / name, f"site/{name}")
        zf.writestr("__MACOSX/site/._estuary.part-1.xml", b"\x00\x05junk")
        zf.writestr("site/readme.txt", "hello")
    parts = export_parts(archive)
    assert [p.name for p in parts] == [f"{archive}:site/{n}" for n in SPLIT_ORDER]
    assert read_all(parts[0]) == (SPLIT / SPLIT_ORDER[0]).read_bytes()
    # A part can be opened again (the reader makes two passes).
    assert read_all(parts[0]) == read_all(parts[0])


def test_a_zip_holding_a_gzipped_export(tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("site.xml.gz", gzip.compress((FILES / "wxr_1_0.xml").read_bytes()))
    [part] = export_parts(archive)
    assert b"Fenwick Gazette" in read_all(part)


def test_a_missing_file_is_named():
    with pytest.raises(ExportError, match=r"nowhere/export\.xml does not exist"):
        export_parts("nowhere/export.xml")


def test_a_zip_without_an_export_says_what_it_holds(tmp_path):
    archive = tmp_path / "photos.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.jpg", b"\xff\xd8")
        zf.writestr("b.txt", "x")
    with pytest.raises(
        ExportError, match=r"photos\.zip holds no \.xml export file .*a\.jpg, b\.txt"
    ):
        export_parts(archive)


def test_an_empty_folder_is_refused(tmp_path):
    with pytest.raises(ExportError, match="holds no .xml or .xml.gz export file"):
        export_parts(tmp_path)


def test_a_file_that_is_not_xml(tmp_path):
    (tmp_path / "export.xml").write_bytes(b"%PDF-1.7\n%binary")
    with pytest.raises(ExportError, match=r"export\.xml is not an XML file \(it begins '%PDF-1\.7"):
        export_parts(tmp_path / "export.xml")
    (tmp_path / "empty.xml").write_bytes(b"  \n")
    with pytest.raises(ExportError, match="empty.xml is empty"):
        export_parts(tmp_path / "empty.xml")


def test_a_damaged_gzip_is_named(tmp_path):
    (tmp_path / "export.xml.gz").write_bytes(b"\x1f\x8b\x08\x00broken")
    with pytest.raises(ExportError, match=r"export\.xml\.gz cannot be read"):
        export_parts(tmp_path / "export.xml.gz")


def test_open_export_yields_each_stream_and_closes_it():
    seen = []
    with open_export(SPLIT) as streams:
        for name, stream in streams:
            assert stream.read(5) == b"<?xml"
            seen.append((Path(name).name, stream))
    assert [name for name, _ in seen] == SPLIT_ORDER
    assert all(stream.closed for _, stream in seen)


def bomb(size: int) -> bytes:
    """An XML document that unpacks to `size` bytes, mostly white space."""
    head, tail = b'<?xml version="1.0"?><rss version="2.0"><channel>', b"</channel></rss>"
    return head + b" " * (size - len(head) - len(tail)) + tail


def test_a_gzip_that_unpacks_past_the_limit_is_refused_while_read(tmp_path):
    (tmp_path / "export.xml.gz").write_bytes(gzip.compress(bomb(300_000)))
    [part] = export_parts(tmp_path / "export.xml.gz", max_bytes=100_000)
    with pytest.raises(ExportError, match=r"export\.xml\.gz unpacks to more than 100,000 bytes"):
        read_all(part)
    [part] = export_parts(tmp_path / "export.xml.gz", max_bytes=400_000)
    assert len(read_all(part)) == 300_000  # under the limit, all of it


def test_a_zip_member_declaring_too_big_a_size_is_refused_before_reading(tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("site.xml", bomb(300_000))
    assert archive.stat().st_size < 5_000
    with pytest.raises(ExportError, match=r"export\.zip:site\.xml unpacks to more than 100,000"):
        export_parts(archive, max_bytes=100_000)


def test_a_gzip_inside_a_zip_is_counted_as_it_unpacks(tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("site.xml.gz", gzip.compress(bomb(300_000)))
    [part] = export_parts(archive, max_bytes=100_000)
    with pytest.raises(ExportError, match=r"site\.xml\.gz unpacks to more than 100,000 bytes"):
        read_all(part)


def test_a_zip_of_too_many_export_files_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_ZIP_MEMBERS", 3)
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for number in range(4):
            zf.writestr(f"site.{number}.xml", b"<rss/>")
    with pytest.raises(ExportError, match=r"export\.zip holds 4 export files; more than 3"):
        export_parts(archive)
