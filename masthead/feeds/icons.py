"""The outlet's icon in the sizes browsers and phones ask for: the favicon, the touch icon and
the web manifest's. Made from the icon in the outlet settings, or, when there is none (or its
file cannot be read), from the outlet's initial drawn here on the site's accent colour."""

import io
import logging

from PIL import Image, ImageDraw, ImageFont, ImageOps

logger = logging.getLogger(__name__)

ACCENT = "#a3201b"  # the site's --accent (static/css/site.css)
PAPER = "#fdfcf9"  # and its --paper
SOURCE_SIZE = 512
PNG_SIZES = {"icon-32.png": 32, "apple-touch-icon.png": 180, "icon-192.png": 192,
             "icon-512.png": 512}  # fmt: skip
ICO_SIZES = [(16, 16), (32, 32), (48, 48)]


def monogram(name: str, size: int = SOURCE_SIZE) -> Image.Image:
    """The outlet's first letter, white on the accent colour."""
    letter = next((c for c in name if c.isalnum()), "M").upper()
    image = Image.new("RGB", (size, size), ACCENT)
    font = ImageFont.load_default(size=round(size * 0.66))
    ImageDraw.Draw(image).text((size / 2, size / 2), letter, fill=PAPER, font=font, anchor="mm")
    return image


def source(outlet) -> Image.Image:
    """The square the sizes are made from."""
    icon = outlet.icon
    if icon is not None:
        try:
            with icon.open_file() as file:
                image = Image.open(file)
                image.load()
            image = ImageOps.exif_transpose(image).convert("RGBA")
            return ImageOps.fit(image, (SOURCE_SIZE, SOURCE_SIZE), Image.Resampling.LANCZOS)
        except (OSError, ValueError, Image.DecompressionBombError):
            logger.warning("The outlet icon (image %s) cannot be read; drawing one", icon.pk)
    return monogram(outlet.outlet_name)


def png(image: Image.Image, size: int) -> bytes:
    out = io.BytesIO()
    image.resize((size, size), Image.Resampling.LANCZOS).save(out, format="PNG", optimize=True)
    return out.getvalue()


def ico(image: Image.Image) -> bytes:
    """A Windows icon holding the three small sizes, as /favicon.ico is expected to be."""
    out = io.BytesIO()
    image.save(out, format="ICO", sizes=ICO_SIZES)
    return out.getvalue()


def manifest(outlet) -> dict:
    """The web manifest: the outlet's name, colours and icons for a phone's home screen."""
    return {
        "name": outlet.outlet_name,
        "short_name": outlet.outlet_name[:30],
        "description": outlet.tagline,
        "start_url": "/",
        "display": "browser",
        "background_color": PAPER,
        "theme_color": ACCENT,
        "icons": [
            {"src": f"/{name}", "sizes": f"{size}x{size}", "type": "image/png"}
            for name, size in PNG_SIZES.items()
            if size >= 192
        ],
    }
