from anymail.signals import tracking
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from masthead.core.versioning import bump
from masthead.delivery import tags
from masthead.delivery.purge import purge_tags
from masthead.newsletter.models import Newsletter
from masthead.newsletter.subscriptions import record_tracking_event
from masthead.newsroom.models import ArticlePage


@receiver(post_save, sender=Newsletter, dispatch_uid="newsletter-changed")
@receiver(post_delete, sender=Newsletter, dispatch_uid="newsletter-deleted")
def newsletter_changed(**kwargs):
    """The sign-up box on every page names the default newsletter."""
    bump()
    purge_tags(tags={tags.SITE})


@receiver(tracking, dispatch_uid="newsletter-tracking")
def on_tracking_event(sender, event, esp_name, **kwargs):
    """anymail's tracking webhooks (authenticated) report bounces and complaints here."""
    record_tracking_event(
        event_type=event.event_type,
        recipient=event.recipient or "",
        reject_reason=event.reject_reason,
    )


@receiver(page_published, sender=ArticlePage, dispatch_uid="newsletter-correction-notices")
def on_article_published(instance, **kwargs):
    """A correction the editor asked to mail out goes to the worker, after the publish commits."""
    from masthead.newsletter.tasks import send_correction_notices_task

    if any(correction.notify_readers for correction in instance.corrections.all()):
        pk = instance.pk
        transaction.on_commit(lambda: send_correction_notices_task.enqueue(pk))
