"""The image file field of the admin's forms."""

import logging
from typing import NoReturn

from django.core.exceptions import ValidationError
from wagtail.images.fields import WagtailImageField

from masthead.images import metadata

logger = logging.getLogger(__name__)


class PhotoFileField(WagtailImageField):
    """Wagtail's image field, answering a file Pillow cannot read to the end (a truncated JPEG,
    a PNG whose text chunks decompress to hundreds of megabytes) with a clear error, not a 500."""

    def to_python(self, data):
        try:
            upload = super().to_python(data)
        except metadata.READ_ERRORS as exc:
            self._refuse(metadata.unreadable(exc))
        if upload is None:
            return None
        # Strip the file's metadata now, so a file that cannot be cleaned is refused here with a
        # message; the model's pre_save hook (services.strip_image_metadata) keeps the result.
        upload.seek(0)
        try:
            upload.stripped = metadata.strip_metadata(upload.read())
        except metadata.UnreadablePhoto as problem:
            self._refuse(problem)
        finally:
            upload.seek(0)
        return upload

    def _refuse(self, problem: metadata.UnreadablePhoto) -> NoReturn:
        logger.info("Upload refused: %s", problem.code)
        raise ValidationError(problem.message, code=problem.code) from problem
