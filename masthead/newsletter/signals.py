from anymail.signals import tracking
from django.dispatch import receiver

from masthead.newsletter.services import record_tracking_event


@receiver(tracking, dispatch_uid="newsletter-tracking")
def on_tracking_event(sender, event, esp_name, **kwargs):
    """anymail's tracking webhooks (authenticated) report bounces and complaints here."""
    record_tracking_event(
        event_type=event.event_type,
        recipient=event.recipient or "",
        reject_reason=event.reject_reason,
    )
