from collections.abc import Mapping
from functools import partial

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.images.models import AbstractImage
from wagtail.signals import page_published

from masthead.images.models import CustomImage


def queue_prerender(image_id: int, specs: list[str] | None = None) -> None:
    """Have the worker make the photo's renditions (all, or those `specs`) once the transaction
    commits."""
    from masthead.images.tasks import prerender_renditions_task

    transaction.on_commit(partial(prerender_renditions_task.enqueue, image_id, specs))


def page_image_ids(page) -> list[int]:
    """The ids of a page's hero photo and of the photos in its body, once each.

    Any page type: a body block counts when its value is an image or has an "image" field.
    """
    found = [getattr(page, "hero_image", None)]
    for block in getattr(page, "body", None) or ():
        value = block.value
        found.append(value.get("image") if isinstance(value, Mapping) else value)
    return list(dict.fromkeys(image.pk for image in found if isinstance(image, AbstractImage)))


@receiver(post_save, sender=CustomImage)
def queue_renditions(sender, instance, created, **kwargs):
    """A new photo gets its renditions from the worker, so no reader waits for them."""
    if created:
        queue_prerender(instance.pk)


@receiver(page_published)
def queue_page_renditions(sender, instance, **kwargs):
    """Publishing makes sure every photo the page shows has its renditions, old photos too."""
    for image_id in page_image_ids(instance.specific):
        queue_prerender(image_id)
