"""The image file field of the admin's forms."""

import logging
import struct
import warnings
from typing import NoReturn

from django.core.exceptions import ValidationError
from PIL import Image
from wagtail.images.fields import WagtailImageField

from masthead.images import metadata

logger = logging.getLogger(__name__)


class PhotoFileField(WagtailImageField):
    """Wagtail's image field, answering a file Pillow cannot read to the end (a truncated JPEG,
    a PNG whose text chunks decompress to hundreds of megabytes) with a clear error, not a 500,
    and refusing a picture with too many pixels from its header, before any of them is decoded."""

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

    def check_image_pixel_size(self, f):
        """Wagtail asks Willow for the size, and Willow decodes the whole picture to answer: a
        300 KB PNG declaring 12,000 × 12,000 took 4 s and 670 MB to refuse. Read it from the
        header instead (and a GIF's frames from their descriptors), counting frames as Wagtail
        does, so a picture over WAGTAILIMAGES_MAX_IMAGE_PIXELS is refused undecoded."""
        if self.max_image_pixels is None:
            return
        file = f.image.f
        file.seek(0)
        try:
            width, height, frames = declared_size(file)
        except Image.DecompressionBombError:  # Pillow's own limit, over twice ours by default
            raise ValidationError(metadata.TOO_MANY_PIXELS, code="file_too_many_pixels") from None
        finally:
            file.seek(0)
        pixels = width * height * frames
        if pixels > self.max_image_pixels:
            if frames > 1:
                size = f"{frames} frames of {width:,} × {height:,} pixels ({pixels:,} in all)"
            else:
                size = f"{width:,} × {height:,} pixels ({pixels:,})"
            raise ValidationError(
                f"The picture has too many pixels to be read safely: {size}, and the most a "
                f"photo may have is {self.max_image_pixels:,}. Upload a smaller export.",
                code="file_too_many_pixels",
            )

    def _refuse(self, problem: metadata.UnreadablePhoto) -> NoReturn:
        logger.info("Upload refused: %s", problem.code)
        raise ValidationError(problem.message, code=problem.code) from problem


def declared_size(file) -> tuple[int, int, int]:
    """Width, height and number of frames, as the file's headers declare them; no pixel is
    decoded. Raises Image.DecompressionBombError past Pillow's own limit, or what Pillow raises
    for a file it cannot open (metadata.READ_ERRORS)."""
    with warnings.catch_warnings():
        # Pillow warns from half its limit; ours is lower and checked by the caller.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(file) as image:
            width, height = image.size
            frames = getattr(image, "n_frames", 1)
            if image.format == "GIF":
                file.seek(0)
                width, height = gif_extent(file.read())
    return width, height, frames


def gif_extent(data: bytes) -> tuple[int, int]:
    """The width and height a GIF's frames cover together: its logical screen, grown by any
    frame reaching past it (as Pillow grows the picture when it comes to such a frame), read
    from the block structure without decoding a frame."""
    width, height, flags = struct.unpack_from("<HHB", data, 6)
    pos = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)  # after the global colour table
    while pos < len(data):
        kind = data[pos]
        if kind == 0x2C:  # an image descriptor: left, top, width, height, flags
            left, top, frame_width, frame_height, flags = struct.unpack_from(
                "<HHHHB", data, pos + 1
            )
            width, height = max(width, left + frame_width), max(height, top + frame_height)
            pos += 10 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
            pos = _after_sub_blocks(data, pos + 1)  # the LZW code size, then the data
        elif kind == 0x21:  # an extension: its label, then sub-blocks
            pos = _after_sub_blocks(data, pos + 2)
        else:  # the trailer, or bytes that are not GIF (Pillow judges those when it decodes)
            break
    return width, height


def _after_sub_blocks(data: bytes, pos: int) -> int:
    while pos < len(data) and data[pos]:
        pos += data[pos] + 1
    return pos + 1
