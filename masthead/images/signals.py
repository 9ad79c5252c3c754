from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from masthead.images.models import CustomImage


@receiver(post_save, sender=CustomImage)
def queue_renditions(sender, instance, created, **kwargs):
    """A new photo gets its renditions from the worker, so no reader waits for them."""
    if created:
        from masthead.images.tasks import prerender_renditions_task

        transaction.on_commit(lambda: prerender_renditions_task.enqueue(instance.pk))
