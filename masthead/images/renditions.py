"""The rendition sizes and formats each place on a page uses; templates, feeds and the
pre-renderer share them."""

import ctypes
import ctypes.util
import functools
import logging
from io import BytesIO

from wagtail.images.models import Filter

logger = logging.getLogger(__name__)

SIZES = {
    # name: (filter specs, smallest first; the `sizes` attribute for the browser)
    "hero": (["width-640", "width-1000", "width-1400"], "(min-width: 1100px) 1000px, 100vw"),
    "lead": (["fill-640x360", "fill-1000x563"], "(min-width: 1100px) 640px, 100vw"),
    "teaser": (["fill-400x225", "fill-800x450"], "(min-width: 700px) 320px, 100vw"),
    "inline": (["width-640", "width-1000"], "(min-width: 800px) 720px, 100vw"),
    "avatar": (["fill-160x160"], "80px"),
}

# The formats of a <picture>, in <source> order: a browser takes the first type it can show, so
# the smallest files come first and JPEG, which every browser shows, is the <img> fallback.
# Quality is Wagtail's default for each (WAGTAILIMAGES_AVIF_QUALITY etc.): AVIF 61, WebP 80,
# JPEG 76, which look alike; AVIF encodes in well under a second at the hero's largest size.
FORMATS = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}


def format_specs(size: str, image_format: str) -> list[str]:
    """The filter specs of one place on a page in one format, smallest first."""
    return [f"{spec}|format-{image_format}" for spec in SIZES[size][0]]


def specs_for(*sizes: str) -> list[str]:
    """Every format's specs of these places on a page: the renditions a page showing them needs
    (and prefetches: a photo has two dozen, and loading them all cost a feed a third of its
    time)."""
    return [spec for size in sizes for fmt in FORMATS for spec in format_specs(size, fmt)]


# The hero photo in feeds and email, and a photo in a feed's article body: JPEG, which every
# feed reader and mail client shows.
FEED_SPEC = format_specs("hero", "jpeg")[1]
FEED_INLINE_SPEC = format_specs("inline", "jpeg")[-1]


# The outlet's logo: in the page header (base.html) and in the JSON-LD publisher.
LOGO_HEADER_SPEC, LOGO_DATA_SPEC = "height-80", "height-120"


def all_specs() -> list[str]:
    """Every spec a page, feed or email asks for, once (feeds and email take the JPEGs)."""
    specs = []
    for size in SIZES:
        for image_format in FORMATS:
            specs += format_specs(size, image_format)
    return list(dict.fromkeys(specs))


@functools.cache
def _filter(spec: str) -> Filter:
    return Filter(spec=spec)


def renditions(image, *specs: str) -> dict:
    """`image.get_renditions(*specs)`, keyed by spec, with each spec parsed once per process
    (Wagtail parses a spec string on every call: most of a fifty-item feed's photo time)."""
    return image.get_renditions(*(_filter(spec) for spec in specs))


def prerender(image, specs=None) -> None:
    """Generate every rendition a page could ask for (or those `specs`), so no reader waits.

    Safe to run twice at once (a task taken back from a lost worker, a photo saved twice): both
    runs may render the same sizes; the database keeps one row per size, and the files of the
    run whose rows were not kept are deleted rather than left in storage for ever. Wagtail's
    `get_renditions()` would also put the losing run's renditions in the shared cache, pointing
    at those files, so this creates them without it, then caches what the database kept.
    """
    specs = specs or all_specs()
    filters = list(dict.fromkeys(image.clean_filter_for_svg(_filter(spec)) for spec in specs))
    found = image.find_existing_renditions(*filters)
    made = _create_in_turn(image, [f for f in filters if f not in found])
    if made:
        _delete_unkept_files(image, made)
    renditions(image, *specs)  # the kept ones, into the shared cache as before
    _release_freed_memory()


def _create_in_turn(image, filters: list) -> list:
    """Make renditions one after another in this thread and insert them; a row another run
    inserted first is kept (`_delete_unkept_files` then deletes this run's file).

    Wagtail's `create_renditions()` encodes three at a time in threads: an AVIF encode holds
    about 50 MB, and three at once took the task worker from 130 MB to over 300 MB, which it
    then kept, idle, for good (each thread leaves its own malloc arena behind).
    """
    if not filters:
        return []
    with image.open_file() as file:
        original = file.read()
    made = [image.generate_rendition_instance(f, BytesIO(original)) for f in filters]
    image.get_rendition_model().objects.bulk_create(made, ignore_conflicts=True)
    return made


@functools.cache
def _malloc_trim():
    """glibc's malloc_trim, or None where the C library has none (looked up once, on use)."""
    return getattr(ctypes.CDLL(ctypes.util.find_library("c") or None), "malloc_trim", None)


def _release_freed_memory() -> None:
    """Hand the encoders' freed memory back to the system (glibc keeps it in the process, so a
    worker would idle at its peak)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _delete_unkept_files(image, made) -> None:
    """Delete the files of renditions this run made whose row another run inserted first."""
    kept = {
        (spec, key): name
        for spec, key, name in image.renditions.filter(
            filter_spec__in=[r.filter_spec for r in made]
        ).values_list("filter_spec", "focal_point_key", "file")
    }
    for rendition in made:
        name = rendition.file.name
        if name and kept.get((rendition.filter_spec, rendition.focal_point_key)) != name:
            rendition.file.storage.delete(name)
            logger.info("Deleted %s: image %s has that rendition already", name, image.pk)
