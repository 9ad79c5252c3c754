"""What a photo file says beyond its pixels: the credit and caption an agency wrote into it, and
the location, camera and owner data a newsroom must not publish. `strip_metadata` writes the
file again with only its pixels, orientation and colour profile."""

import io
import logging
import re
import struct
import zlib
from dataclasses import dataclass, field

from defusedxml import ElementTree
from PIL import Image, IptcImagePlugin, UnidentifiedImageError
from PIL.ExifTags import Base

logger = logging.getLogger(__name__)

DAMAGED = (
    "The file is damaged or incomplete: it could not be read to the end. Export the photo "
    "again from the original and upload the new file."
)
TOO_MUCH_METADATA = (
    "The file carries too much embedded metadata (text hidden inside the picture) to be read "
    "safely. Export the photo again without metadata and upload the new file."
)
UNWRITABLE = (
    "The file's embedded metadata (location, camera, owner) could not be removed from it. "
    "Export the photo again as a plain JPEG or PNG and upload the new file."
)
TOO_MANY_PIXELS = "The picture has too many pixels to be read safely. Upload a smaller export."

# What Pillow raises on a file it cannot read to the end (truncated data, a broken chunk, a
# decompressed text chunk over PngImagePlugin.MAX_TEXT_CHUNK / MAX_TEXT_MEMORY, ...).
READ_ERRORS = (OSError, SyntaxError, EOFError, ValueError, struct.error, zlib.error)

# JPEG segments besides Exif that carry nothing personal: the JFIF header, the colour profile and
# Adobe's colour-transform marker. Any other (XMP and extended XMP, IPTC, FlashPix, comments,
# maker data) makes the file worth rewriting.
_HARMLESS_SEGMENTS = (("APP0", b"JFIF"), ("APP2", b"ICC_PROFILE"), ("APP14", b"Adobe"))

# Formats we write again, and how. JPEG keeps its own quantisation tables ("keep"), which
# loses next to nothing; the rest are rare as originals and get a high quality.
_SAVE_OPTIONS = {
    "JPEG": {"quality": "keep", "comment": b""},
    "MPO": {"quality": 95, "comment": b""},  # a phone's multi-picture JPEG: the first picture
    "PNG": {},
    "WEBP": {"quality": 90},
    "AVIF": {"quality": 90},
}
# GIF has no Exif, IPTC or location fields: it is left as it is.

_XMP = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}
# IPTC IIM datasets (record 2).
_IPTC_BYLINE, _IPTC_CREDIT, _IPTC_SOURCE, _IPTC_COPYRIGHT, _IPTC_CAPTION = (
    (2, 80),
    (2, 110),
    (2, 115),
    (2, 116),
    (2, 120),
)
_MAX_LENGTH = {"photographer": 120, "agency": 120, "default_caption": 2000}
_COPYRIGHT_PREFIX = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?", re.IGNORECASE)


class UnreadablePhoto(ValueError):
    """A file refused: damaged, or carrying more metadata than is safe to read."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message, self.code = message, code


def unreadable(exc: Exception) -> UnreadablePhoto:
    """The editor's explanation of an error Pillow raised reading a file."""
    if isinstance(exc, Image.DecompressionBombError):
        return UnreadablePhoto(TOO_MANY_PIXELS, "file_too_many_pixels")
    if isinstance(exc, ValueError) and "MAX_TEXT" in str(exc):
        return UnreadablePhoto(TOO_MUCH_METADATA, "too_much_metadata")
    return UnreadablePhoto(DAMAGED, "damaged_image")


@dataclass(frozen=True)
class Cleaned:
    """The file written again without personal metadata (None: it carried none), and the credit
    and caption it carried, keyed by the image field they suggest a value for."""

    content: bytes | None
    suggestions: dict[str, str] = field(default_factory=dict)


def strip_metadata(data: bytes) -> Cleaned:
    """Read a photo file whole; if it carries location, camera, owner or other embedded data,
    write it again with only its pixels, orientation and ICC colour profile.

    Raises UnreadablePhoto for a file that cannot be read to the end.
    """
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except UnidentifiedImageError:
        return Cleaned(None)  # not a picture Pillow reads (an SVG): nothing of this kind in it
    except (Image.DecompressionBombError, *READ_ERRORS) as exc:
        raise unreadable(exc) from exc
    with image:
        exif = image.getexif()
        suggestions = _suggestions(image, exif)
        if image.format not in _SAVE_OPTIONS or not _carries_metadata(image, exif):
            return Cleaned(None, suggestions)
        try:
            return Cleaned(_rewrite(image, exif), suggestions)
        except READ_ERRORS as exc:  # an encoder refusing an unusual file
            logger.warning("Could not rewrite an image without its metadata: %s", exc)
            raise UnreadablePhoto(UNWRITABLE, "metadata_not_removable") from exc


def _carries_metadata(image: Image.Image, exif: Image.Exif) -> bool:
    if any(tag != Base.Orientation for tag in exif):
        return True
    if any(image.info.get(key) for key in ("xmp", "comment", "photoshop")):
        return True
    if getattr(image, "text", None):  # PNG text chunks
        return True
    return not all(_harmless(segment, data) for segment, data in getattr(image, "applist", ()))


def _harmless(segment: str, data: bytes) -> bool:
    """A JPEG segment that holds nothing about the photographer, the place or the camera."""
    if segment == "APP1":
        return data.startswith(b"Exif\0")  # its tags were judged above; XMP is not harmless
    return any(segment == name and data.startswith(prefix) for name, prefix in _HARMLESS_SEGMENTS)


def _rewrite(image: Image.Image, exif: Image.Exif) -> bytes:
    options = dict(_SAVE_OPTIONS[image.format])
    if icc_profile := image.info.get("icc_profile"):
        options["icc_profile"] = icc_profile
    orientation = exif.get(Base.Orientation)
    if orientation and orientation != 1:
        # Keep the one Exif tag a browser and our renditions need to show the photo upright.
        kept = Image.Exif()
        kept[Base.Orientation] = orientation
        options["exif"] = kept.tobytes()
    if image.format == "JPEG" and image.info.get("progressive"):
        options["progressive"] = True
    if getattr(image, "is_animated", False) and image.format != "MPO":
        options["save_all"] = True
    output_format = "JPEG" if image.format == "MPO" else image.format
    buffer = io.BytesIO()
    image.save(buffer, output_format, **options)
    return buffer.getvalue()


def _suggestions(image: Image.Image, exif: Image.Exif) -> dict[str, str]:
    """The credit and caption the file names, in the order agencies fill them: IPTC, then XMP,
    then Exif."""
    iptc = _iptc(image)
    xmp = _xmp(image.info.get("xmp"))
    candidates = {
        "photographer": [iptc.get(_IPTC_BYLINE), xmp.get("creator"), exif.get(Base.Artist)],
        "agency": [
            iptc.get(_IPTC_CREDIT),
            xmp.get("Credit"),
            iptc.get(_IPTC_SOURCE),
            xmp.get("Source"),
            iptc.get(_IPTC_COPYRIGHT),
            xmp.get("rights"),
            exif.get(Base.Copyright),
        ],
        "default_caption": [
            iptc.get(_IPTC_CAPTION),
            xmp.get("description"),
            exif.get(Base.ImageDescription),
        ],
    }
    found = {}
    for name, values in candidates.items():
        for value in values:
            text = _text(value)
            if name == "agency":
                text = _COPYRIGHT_PREFIX.sub("", text).strip()
            if text:
                found[name] = text[: _MAX_LENGTH[name]]
                break
    return found


def _text(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    return " ".join(str(value or "").replace("\x00", " ").split())


def _iptc(image: Image.Image) -> dict:
    try:
        return IptcImagePlugin.getiptcinfo(image) or {}
    except READ_ERRORS:
        return {}  # a broken IPTC block only loses the suggestion; the block is stripped anyway


def _xmp(packet: bytes | str | None) -> dict[str, str]:
    """The first value of each Dublin Core and Photoshop property we suggest from, by local name."""
    if not packet:
        return {}
    try:
        root = ElementTree.fromstring(packet)
    except Exception:  # noqa: BLE001 - any malformed or hostile XML only loses the suggestion
        logger.info("Unreadable XMP packet ignored")
        return {}
    wanted = {
        f"{{{_XMP['dc']}}}creator": "creator",
        f"{{{_XMP['dc']}}}rights": "rights",
        f"{{{_XMP['dc']}}}description": "description",
        f"{{{_XMP['photoshop']}}}Credit": "Credit",
        f"{{{_XMP['photoshop']}}}Source": "Source",
    }
    found: dict[str, str] = {}
    for element in root.iter():
        for key, value in element.attrib.items():  # <rdf:Description photoshop:Credit="AP">
            if key in wanted and value.strip():
                found.setdefault(wanted[key], value)
        if element.tag in wanted:  # <dc:creator><rdf:Seq><rdf:li>Jane</rdf:li>...
            items = [li.text for li in element.iter(f"{{{_XMP['rdf']}}}li") if li.text]
            text = items[0] if items else element.text
            if text and text.strip():
                found.setdefault(wanted[element.tag], text)
    return found
