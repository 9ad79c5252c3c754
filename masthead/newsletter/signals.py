from anymail.signals import tracking
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from masthead.core.versioning import bump
from masthead.delivery import tags
from masthead.delivery.purge import purge_tags
from masthead.newsletter.models import Newsletter
from masthead.newsletter.subscriptions import record_tracking_event


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
