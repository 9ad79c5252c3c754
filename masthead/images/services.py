"""Writes to photos outside Wagtail's own forms."""

import logging
import os

from django.core.files.base import ContentFile
from django.db import transaction

from masthead.images import metadata
from masthead.images.models import CustomImage

logger = logging.getLogger(__name__)


def strip_image_metadata(*, image: CustomImage) -> bool:
    """Write the photo's file again without location, camera and owner data, and keep the credit
    and caption it carried in `suggested_metadata` for the editor. True when the file changed.

    Runs before the photo's row is saved, on every path a file takes in (admin upload, multiple
    upload, the demo builder, importers). Raises metadata.UnreadablePhoto for a damaged file.
    """
    file = image.file
    # An admin upload was stripped when its form checked it (fields.PhotoFileField).
    cleaned = None if file._committed else getattr(file.file, "stripped", None)
    if cleaned is None:
        cleaned = metadata.strip_metadata(_read(file))
    image.suggested_metadata = cleaned.suggestions
    if cleaned.content is None:
        return False
    if file._committed:
        # Already in storage (a file saved before the row): the original bytes must not stay
        # public under their name.
        file.storage.delete(file.name)
    name = os.path.basename(file.name)
    # Named, so the image field reads the width and height from the new content.
    file.save(name, ContentFile(cleaned.content, name=name), save=False)
    image._set_image_file_metadata()  # size and hash of the file we keep
    logger.info("Stripped embedded metadata from image %s", image.pk or "(new)")
    return True


def strip_stored_image_metadata(*, image: CustomImage) -> bool:
    """Clean a photo stored before uploads were stripped: its original, and its renditions (made
    again from the clean original). True when the photo carried anything to remove."""
    from masthead.images.signals import queue_prerender  # signals imports this module

    with transaction.atomic():
        if not strip_image_metadata(image=image):
            return False
        image.save(
            update_fields=[
                "file",
                "width",
                "height",
                "file_size",
                "file_hash",
                "suggested_metadata",
            ]
        )
        # Wagtail deletes a rendition's file with its row, once the transaction commits.
        image.renditions.all().delete()
        queue_prerender(image.pk)
    return True


def _read(file) -> bytes:
    file.open("rb")
    try:
        file.seek(0)
        return file.read()
    finally:
        # An upload still in memory or in a temporary file is saved by the field after this:
        # rewind it rather than close it (closing a temporary upload deletes it).
        if file._committed:
            file.close()
        else:
            file.seek(0)
