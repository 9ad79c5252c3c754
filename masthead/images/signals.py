from collections.abc import Mapping
from functools import partial

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.images.models import AbstractImage
from wagtail.signals import page_published

from masthead.images.models import CustomImage
from masthead.images.services import strip_image_metadata


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


def _file_is_new(image: CustomImage) -> bool:
    if image._state.adding or not image.file._committed:
        return True
    stored = CustomImage.objects.filter(pk=image.pk).values_list("file", flat=True).first()
    return stored != image.file.name


@receiver(pre_save, sender=CustomImage)
def strip_new_file_metadata(sender, instance, raw=False, update_fields=None, **kwargs):
    """A photo's file loses its location, camera and owner data before it is stored, whichever
    way it came in, so neither the public original nor a rendition made from it carries them."""
    if raw or not instance.file:
        return
    if update_fields is not None and "file" not in update_fields:
        return
    if _file_is_new(instance):
        strip_image_metadata(image=instance)


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
