"""Providers' tracking webhooks (bounces, complaints) through django-anymail.

anymail accepts calls without authentication when `ANYMAIL["WEBHOOK_SECRET"]` is empty (it only
warns), and a call it cannot read escapes its views as a 500. So the tracking endpoints are
routed only for the providers an operator names in `NEWSLETTER_WEBHOOK_PROVIDERS`, and only when
the secret is set; each view is anymail's own, extended so that a call it cannot read, or one to a
provider whose signing key is missing, fails anymail's own way (`AnymailWebhookValidationFailure`,
a 400) before anything is recorded.
"""

import functools
import logging
from contextlib import contextmanager

from anymail.exceptions import AnymailConfigurationError, AnymailWebhookValidationFailure
from anymail.signals import EventType
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.urls import URLPattern, include, path

logger = logging.getLogger(__name__)

SUPPRESSING = {EventType.BOUNCED, EventType.COMPLAINED}


def _provider(pattern: URLPattern) -> str:
    return str(pattern.pattern).lstrip("^").split("/", 1)[0]


@functools.cache
def tracking_endpoints() -> dict[str, URLPattern]:
    """anymail's tracking endpoints by provider ("postmark": its pattern). Inbound endpoints are
    left out: Masthead reads no incoming mail, and they would only widen what strangers can
    call. Imported on first use: anymail's URLs load every provider (boto3 for Amazon SES
    among them), which no process needs while webhooks are off."""
    from anymail import urls as anymail_urls

    return {
        _provider(pattern): pattern
        for pattern in anymail_urls.urlpatterns
        if pattern.name.endswith("_tracking_webhook")
    }


@contextmanager
def _malformed_is_refused(view):
    try:
        yield
    except SuspiciousOperation:
        raise  # anymail's own refusals (wrong signature or secret) are 400s already
    except Exception as error:  # what anymail could not read: bad JSON, missing fields, …
        logger.warning("%s webhook: a call that cannot be read (%r)", view.esp_name, error)
        raise AnymailWebhookValidationFailure(f"Malformed {view.esp_name} webhook call") from error


class RefuseMalformed:
    """Mixed in before an anymail tracking view: every call it cannot read is a 400."""

    def __init__(self, **kwargs):
        self.unconfigured = None
        try:
            super().__init__(**kwargs)
        except AnymailConfigurationError as error:  # e.g. no MAILGUN_WEBHOOK_SIGNING_KEY
            self.unconfigured = error

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.unconfigured is not None:
            # The provider will retry; the operator must add the key (`check` names it too).
            logger.error("%s webhook is not configured: %s", self.esp_name, self.unconfigured)
            raise AnymailWebhookValidationFailure(f"The {self.esp_name} webhook is not configured")

    def run_validators(self, request):
        with _malformed_is_refused(self):
            super().run_validators(request)

    def parse_events(self, request):
        with _malformed_is_refused(self):
            events = list(super().parse_events(request))
            for event in events:
                _check_readable(event)
        return events


def _check_readable(event) -> None:
    """Refuse an event that cannot be acted on: a recipient that is not an address, a bounce
    or complaint naming nobody, or nothing recognisable at all (a body like `{}`)."""
    recipient = event.recipient
    if recipient is not None and not isinstance(recipient, str):
        raise ValueError(f"recipient is a {type(recipient).__name__}")
    named = bool(recipient) and "@" in recipient
    if event.event_type in SUPPRESSING and not named:
        raise ValueError(f"a {event.event_type} event without a recipient")
    if event.event_type == EventType.UNKNOWN and not recipient:
        raise ValueError("an event of no known type, for nobody")


def _strict(pattern: URLPattern) -> URLPattern:
    view_class = pattern.callback.view_class
    strict = type(view_class.__name__, (RefuseMalformed, view_class), {})
    return path(str(pattern.pattern), strict.as_view(), name=pattern.name)


def enabled_providers() -> list[str]:
    """The providers whose tracking webhooks are routed: named, and with a secret set."""
    secret = (getattr(settings, "ANYMAIL", None) or {}).get("WEBHOOK_SECRET")
    if not secret or not settings.NEWSLETTER_WEBHOOK_PROVIDERS:
        return []
    known = tracking_endpoints()
    return [name for name in settings.NEWSLETTER_WEBHOOK_PROVIDERS if name in known]


def routes() -> list:
    """The URL patterns for masthead/urls.py: none unless webhooks are on with a secret."""
    patterns = [_strict(tracking_endpoints()[name]) for name in enabled_providers()]
    if not patterns:
        return []
    return [path("anymail/", include((patterns, "anymail")))]
