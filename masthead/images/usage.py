"""Which live pages show a photo."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex


def live_pages_showing(image) -> list[Page]:
    """The live pages whose published content shows this photo: as a hero photo, in a body's
    StreamField, or in any other field Wagtail's reference index follows.

    The index is built from each page's row, which holds the published version of a live page
    (drafts live in revisions), so a photo only in an unpublished draft does not count.
    """
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(image)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        .distinct()
    )
    return list(Page.objects.live().filter(pk__in=[int(pk) for pk in ids]).order_by("path"))


def describe_pages(pages: list[Page], limit: int = 5) -> str:
    """The pages' titles for a message: “A”, “B” and 3 more."""
    titles = [f"“{page.title}”" for page in pages[:limit]]
    more = len(pages) - limit
    return ", ".join(titles) + (f" and {more} more" if more > 0 else "")
