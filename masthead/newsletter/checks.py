"""System checks: bounce and complaint webhooks are on only with a secret and their keys."""

import warnings

from anymail.exceptions import AnymailConfigurationError
from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def check_webhooks(app_configs, **kwargs) -> list[checks.CheckMessage]:
    from masthead.newsletter.webhooks import tracking_endpoints

    named = settings.NEWSLETTER_WEBHOOK_PROVIDERS
    if not named and not (getattr(settings, "ANYMAIL", None) or {}).get("WEBHOOK_SECRET"):
        return []  # webhooks off: nothing to check, and no provider's module to load
    known = tracking_endpoints()
    secret = (getattr(settings, "ANYMAIL", None) or {}).get("WEBHOOK_SECRET")
    problems = []
    unknown = [name for name in named if name not in known]
    if unknown:
        problems.append(
            checks.Error(
                f"NEWSLETTER_WEBHOOK_PROVIDERS names unknown providers: {', '.join(unknown)}.",
                hint=f"Known: {', '.join(sorted(known))}.",
                id="newsletter.E002",
            )
        )
    if named and not secret:
        problems.append(
            checks.Error(
                "Webhooks are switched on (NEWSLETTER_WEBHOOK_PROVIDERS) without "
                "ANYMAIL_WEBHOOK_SECRET: anyone could mark readers bounced. They are not routed.",
                hint='Set ANYMAIL_WEBHOOK_SECRET to a long random "user:password" and give the '
                "same to the provider as the webhook URL's basic auth.",
                id="newsletter.E001",
            )
        )
    if secret and not named:
        problems.append(
            checks.Warning(
                "ANYMAIL_WEBHOOK_SECRET is set but NEWSLETTER_WEBHOOK_PROVIDERS names no "
                "provider: no bounce or complaint webhook is routed.",
                id="newsletter.W001",
            )
        )
    for name in named:
        if name not in known:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                known[name].callback.view_class()
        except AnymailConfigurationError as error:
            problems.append(
                checks.Error(
                    f"The {name} webhook is not configured: {error}",
                    hint="Set it in the environment as ANYMAIL_<NAME>, e.g. "
                    "ANYMAIL_MAILGUN_WEBHOOK_SIGNING_KEY.",
                    id="newsletter.E003",
                )
            )
    return problems
