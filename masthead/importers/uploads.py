"""Uploaded exports and photo folders, kept in IMPORT_DIR (never under MEDIA_ROOT) until their
run ends: where they go, how a photos zip is unpacked safely, how their names are shown."""

import logging
import re
import secrets
import shutil
import stat
import zipfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.utils import timezone
from django.utils.text import get_valid_filename

from masthead.importers import sources
from masthead.importers.models import ImportRun

logger = logging.getLogger(__name__)

EXPORT_SUFFIXES = (".xml", ".xml.gz", ".zip", ".json")
# A photos zip is a whole wp-content/uploads: every photo in five or six sizes. Its files are
# capped like a Substack export's (sources' cap on an export's parts, a hundredfold), its bytes
# by the cap on an export's.
MAX_PHOTO_FILES = 100 * sources.MAX_ZIP_MEMBERS
MAX_PHOTO_BYTES = sources.MAX_UNPACKED_BYTES
CHUNK = 1024 * 1024
YEAR = re.compile(r"^(19|20)\d\d$")


class UploadRefused(Exception):
    """An upload that cannot be kept or read, with what the editor should know."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


# Where uploads are kept -----------------------------------------------------------------------


def import_dir() -> Path:
    """IMPORT_DIR, refused when it lies where readers could fetch what is kept in it."""
    folder = Path(settings.IMPORT_DIR).resolve()
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = getattr(settings, name, None)
        if public and folder.is_relative_to(Path(public).resolve()):
            raise UploadRefused(
                f"Uploads cannot be kept: IMPORT_DIR ({folder}) is inside {name}, where anyone "
                "could download them. An administrator must set IMPORT_DIR to a private folder."
            )
    return folder


def new_folder() -> Path:
    root = import_dir()
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder = root / f"{timezone.now():%Y%m%d-%H%M%S}-{secrets.token_hex(4)}"
        folder.mkdir(mode=0o700)
    except OSError as error:
        raise UploadRefused(_disk_message(error)) from error
    return folder


def _disk_message(error: OSError) -> str:
    return (
        f"The server could not keep the upload ({error.strerror or error}). Nothing was "
        "imported; ask an administrator to check the disk (IMPORT_DIR) and try again."
    )


def discard_files(run: ImportRun) -> None:
    """Delete what the admin kept for `run`; never anything outside IMPORT_DIR (a run from the
    command line names the operator's own files)."""
    if not run.export_path:
        return
    try:
        folder = Path(run.export_path).resolve().parent
        inside = folder.is_relative_to(import_dir()) and folder != import_dir()
    except (UploadRefused, OSError, ValueError):
        return
    if inside:
        shutil.rmtree(folder, ignore_errors=True)


def store(upload, path: Path) -> None:
    try:
        with open(path, "wb") as out:
            for chunk in upload.chunks(CHUNK):
                out.write(chunk)
    except OSError as error:
        raise UploadRefused(_disk_message(error)) from error


def _member_path(name: str) -> PurePosixPath | None:
    """The zip member's path inside the folder it unpacks to; None for one that would land
    outside it (an absolute path, a drive, `..`)."""
    name = name.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return None
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return PurePosixPath(*parts)


def _skipped(path: PurePosixPath, info: zipfile.ZipInfo) -> bool:
    """macOS's resource forks, hidden files and symbolic links are not photos."""
    if path.parts[0] == "__MACOSX" or any(p.startswith(".") for p in path.parts):
        return True
    return stat.S_ISLNK(info.external_attr >> 16)


def unpack_photos(upload, folder: Path) -> Path:
    """Unpack the old site's photos (a .zip) into `folder`; returns the folder that holds the
    year folders (`2023/05/…`), where the writer looks a file up. Refuses, keeping nothing, a
    zip that names a path outside the folder, holds too many files or unpacks too big."""
    name = upload.name
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError) as error:
        raise UploadRefused(f"{name} is not a readable .zip file ({error}).", "photos") from None
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(infos) > MAX_PHOTO_FILES:
            raise UploadRefused(
                f"{name} holds {len(infos):,} files; more than {MAX_PHOTO_FILES:,} is refused. "
                "Split it, or let the import fetch the photos from the old site.",
                "photos",
            )
        members = []
        for info in infos:
            path = _member_path(info.filename)
            if path is None:
                raise UploadRefused(
                    f"{name} is refused: it holds a file named {info.filename!r}, which would "
                    "be unpacked outside its folder.",
                    "photos",
                )
            if not _skipped(path, info):
                members.append((path, info))
        declared = sum(info.file_size for _, info in members)
        if declared > MAX_PHOTO_BYTES:
            raise UploadRefused(too_big(name), "photos")
        target = folder / "photos"
        unpacked = 0
        try:
            for path, info in members:
                destination = target.joinpath(*path.parts)
                destination.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(info) as stream, open(destination, "wb") as out:
                    while chunk := stream.read(CHUNK):
                        unpacked += len(chunk)  # the header's sizes can lie: count what comes
                        if unpacked > MAX_PHOTO_BYTES:
                            raise UploadRefused(too_big(name), "photos")
                        out.write(chunk)
        except (zipfile.BadZipFile, EOFError) as error:
            raise UploadRefused(f"{name} is damaged ({error}).", "photos") from None
        except RuntimeError as error:  # zipfile's word for an encrypted member
            raise UploadRefused(f"{name} cannot be unpacked ({error}).", "photos") from None
        except OSError as error:
            raise UploadRefused(_disk_message(error), "photos") from error
    if not members:
        raise UploadRefused(f"{name} holds no files.", "photos")
    return _uploads_root(target)


def too_big(name: str) -> str:
    return (
        f"{name} unpacks to more than {MAX_PHOTO_BYTES // 1024**3} GiB; it is refused. Split "
        "it, or let the import fetch the photos from the old site."
    )


def _uploads_root(folder: Path) -> Path:
    """Down through folders that hold only one folder (`wp-content/uploads`, `images`) to the
    one holding the year folders, as the export's file paths start there."""
    while True:
        entries = list(folder.iterdir())
        if len(entries) != 1 or not entries[0].is_dir() or YEAR.match(entries[0].name):
            return folder
        folder = entries[0]


# The upload -------------------------------------------------------------------------------


def stored_name(name: str) -> str:
    lower = name.lower()
    suffix = next(s for s in sorted(EXPORT_SUFFIXES, key=len, reverse=True) if lower.endswith(s))
    try:
        stem = get_valid_filename(name[: -len(suffix)])[:80]
    except SuspiciousFileOperation:  # a name that is only dots, or nothing
        stem = "export"
    return stem + suffix


def readable(message: str, export_path: Path, name: str) -> str:
    """A reader's message names the kept file by its path on the server: name the upload."""
    folder = str(export_path.parent)
    return message.replace(str(export_path), name).replace(folder + "/", "").replace(folder, name)


def upload_named(run: ImportRun, message: str) -> str:
    """A message about an upload kept for `run`, naming the file as the editor knows it."""
    if not run.export_path or run.options.get("command"):
        return message
    return readable(message, Path(run.export_path), run.name)
