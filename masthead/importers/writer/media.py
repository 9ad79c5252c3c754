"""Photos: each media record becomes a `CustomImage` with its alt text, caption and credit.

Files come from the uploads folder the editor gives (a copy of `wp-content/uploads`), so a dead
site still imports; from the old site only when asked, through the SSRF guard (`fetch`).
Resized copies (`-300x200`, `-scaled`) name one original, and identical files are stored once:
the file's digest is an imported object of its own.
"""

import hashlib
import io
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.files.images import ImageFile
from django.db import transaction

from masthead.images.metadata import UnreadablePhoto
from masthead.images.models import CustomImage
from masthead.importers import fetch
from masthead.importers.models import ImportedObject
from masthead.importers.records import SourceMedia
from masthead.importers.wordpress.markup import original_upload_url

MAX_PHOTO_BYTES = 40 * 1024 * 1024
UPLOADS_MARKER = "/wp-content/uploads/"
FILE = "file"  # ImportedObject kind: a file's digest → the image that stores it


@dataclass(frozen=True)
class PhotoFacts:
    """A photo as the publish gate sees it (`newsroom.gate.photo_problems`)."""

    title: str
    alt_text: str
    has_credit: bool


class MediaWriter:
    def __init__(self, ctx):
        self.ctx = ctx
        self.ids: dict[str, int | None] = {}  # media key → image id (None: could not import)
        self.known_files: dict[str, int] = {}
        self.facts: dict[int, PhotoFacts] = {}  # what the publish gate asks of each photo
        self.created = 0

    # Looking up ---------------------------------------------------------------------------

    def preload(self) -> None:
        """The images earlier runs made, so a re-run asks the database nothing per photo."""
        rows = ImportedObject.objects.filter(
            source=self.ctx.source_key, kind__in=(ImportedObject.MEDIA, FILE)
        ).values_list("kind", "key", "object_id")
        live = set(CustomImage.objects.values_list("pk", flat=True))
        for kind, key, object_id in rows:
            if object_id in live:
                (self.ids if kind == ImportedObject.MEDIA else self.known_files)[key] = object_id
        self.load_facts(set(self.ids.values()))

    def load_facts(self, ids) -> None:
        fields = ("pk", "title", "description", "agency", "photographer")
        for pk, title, alt, agency, photographer in CustomImage.objects.filter(
            pk__in=[i for i in ids if i and i not in self.facts]
        ).values_list(*fields):
            self.facts[pk] = PhotoFacts(title, alt, bool(agency.strip() or photographer.strip()))

    def give_credit(self, image_id: int, credit: dict, where: str) -> None:
        """A credit the body gives a photo that has none of its own (`[media-credit]`, a
        caption's "AGENCY/Name")."""
        facts = self.facts.get(image_id)
        if self.ctx.dry_run or facts is None or facts.has_credit:
            return
        agency = (credit.get("agency") or "").strip()[:120]
        photographer = (credit.get("photographer") or "").strip()[:120]
        if not (agency or photographer):
            return
        CustomImage.objects.filter(pk=image_id).update(agency=agency, photographer=photographer)
        self.facts[image_id] = PhotoFacts(facts.title, facts.alt_text, True)
        if credit.get("parsed"):
            shown = "/".join(part for part in (agency, photographer) if part)
            self.ctx.report.problem(
                f"the credit “{shown}” of photo “{facts.title}” was read from a caption: check it",
                where,
            )

    def image_for(self, key: str) -> int | None:
        """The image for a media key, imported now if it is not yet."""
        if key not in self.ids:
            media = self.ctx.export.media.get(key)
            self.ids[key] = self._import(media) if media else None
        return self.ids[key]

    def image_for_url(self, url: str) -> int | None:
        key = self.ctx.media_key_for_url(url)
        if key:
            return self.image_for(key)
        if url not in self.ids:  # a photo the export lists nowhere: imported by its URL
            name = posixpath.basename(unquote(urlsplit(url).path)) or "photo"
            self.ids[url] = self._import(SourceMedia(key=url, url=url, title=name))
        return self.ids[url]

    # Importing ----------------------------------------------------------------------------

    def _import(self, media: SourceMedia) -> int | None:
        shown = media.title if media.title and media.title != media.key else ""
        where = f"photo {media.key} “{shown}”" if shown else f"photo {media.key}"
        if self.ctx.dry_run:
            return None
        data = self._read(media, where)
        if data is None:
            return None
        digest = hashlib.sha256(data).hexdigest()
        with transaction.atomic():  # the photo and the rows that find it again, or nothing
            image_id = self.known_files.get(digest)
            if image_id is None:
                image_id = self._store(media, data, where)
                if image_id is None:
                    return None
                self.ctx.remember(FILE, digest, image_id)
            self.ctx.remember(ImportedObject.MEDIA, media.key, image_id)
        self.known_files[digest] = image_id
        return image_id

    def _store(self, media: SourceMedia, data: bytes, where: str) -> int | None:
        name = (
            posixpath.basename(unquote(urlsplit(media.url).path))
            or posixpath.basename(media.path)
            or f"{media.key}.jpg"
        )
        image = CustomImage(
            title=(media.title or name)[:255],
            description=media.alt[:255],
            default_caption=media.caption,
            agency=media.agency[:120],
            photographer=media.photographer[:120],
            licence=media.licence[:200],
            licence_url=media.licence_url[:200],
            file=ImageFile(io.BytesIO(data), name=name[-100:]),
        )
        if media.published_at:
            image.created_at = media.published_at
        try:
            with transaction.atomic():  # a refused file leaves nothing half-made
                image.file_size = len(data)
                image.file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
                image.save()
        except UnreadablePhoto as error:
            self.ctx.report.problem(f"the file could not be used: {error.message}", where)
            return None
        except (OSError, ValueError) as error:
            self.ctx.report.problem(f"the file could not be stored: {error}", where)
            return None
        self.created += 1
        self.ctx.report.counts["images"] += 1
        self.facts[image.pk] = PhotoFacts(image.title, image.alt_text, image.has_credit)
        if media.credit_parsed and image.credit:
            self.ctx.report.problem(
                f"its credit “{image.credit}” was read from the caption: check it", where
            )
        return image.pk

    def _read(self, media: SourceMedia, where: str) -> bytes | None:
        if media.read is not None:
            return media.read()
        path = self._local_path(media)
        if path is not None:
            try:
                if path.stat().st_size > MAX_PHOTO_BYTES:
                    self.ctx.report.problem(f"{path.name} is over {MAX_PHOTO_BYTES} bytes", where)
                    return None
                return path.read_bytes()
            except OSError as error:
                self.ctx.report.problem(f"{path.name} could not be read: {error.strerror}", where)
                return None
        if self.ctx.fetch_media and media.url:
            try:
                return fetch.fetch(
                    media.url, allowed_hosts=self.ctx.allowed_hosts, max_bytes=MAX_PHOTO_BYTES
                ).content
            except (fetch.FetchRefused, fetch.FetchFailed) as error:
                self.ctx.report.problem(f"not fetched from {media.url}: {error.reason}", where)
                return None
        if self.ctx.uploads is None and not self.ctx.fetch_media:
            self.ctx.report.problem(
                "its file is missing: give the uploads folder (--uploads) or allow fetching "
                "from the old site (--fetch-media)",
                where,
            )
        else:
            self.ctx.report.problem(f"its file is missing ({media.path or media.url})", where)
        return None

    def _local_path(self, media: SourceMedia) -> Path | None:
        uploads = self.ctx.uploads
        if uploads is None:
            return None
        candidates = []
        if media.path:
            candidates.append(media.path)
        for url in (media.url, original_upload_url(media.url)) if media.url else ():
            path = unquote(urlsplit(url).path)
            if UPLOADS_MARKER in path:
                candidates.append(path.split(UPLOADS_MARKER, 1)[1])
            candidates.append(path.lstrip("/"))  # an uploads folder that mirrors the site
        root = uploads.resolve()
        for relative in candidates:
            path = (root / relative.lstrip("/")).resolve()
            if path.is_relative_to(root) and path.is_file():
                return path
        return None
