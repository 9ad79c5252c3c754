"""Passkeys (WebAuthn) as a second step, through django-otp-webauthn: its ceremonies at the
admin's own addresses, with a name for each passkey, the audit trail and the count of wrong
second steps.

A passkey belongs to the domain the admin is reached at (the relying party), and each answer is
checked against the address the browser used there: Django has already checked that host
against ALLOWED_HOSTS, and behind a proxy production trusts X-Forwarded-Proto for the scheme.
Browsers refuse passkeys on a bare IP address: use the site's name (or localhost).
"""

import logging

from django.conf import settings
from django.http import JsonResponse
from django.http.request import split_domain_port
from django.urls import reverse
from django_otp_webauthn import exceptions
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
)
from wagtail.models import Site

from masthead.users.twofactor import audit, devices, throttle

# django-otp-webauthn logs each refused ceremony here (OTP_WEBAUTHN_EXCEPTION_LOGGER_NAME).
logger = logging.getLogger(__name__)

NAME_SESSION_KEY = "masthead_passkey_name"
NAME_MAX_LENGTH = 64  # django-otp's Device.name


def relying_party_id(request) -> str:
    domain, _port = split_domain_port(request.get_host())
    return domain


def relying_party_name(request) -> str:
    """The outlet's name, which browsers and authenticator apps show beside the account."""
    from masthead.siteconfig.models import SiteSettings

    site = Site.find_for_request(request)
    if site is None:  # no site answers at this host: the project's name will do
        return settings.WAGTAIL_SITE_NAME
    return SiteSettings.for_site(site).outlet_name or settings.WAGTAIL_SITE_NAME


class PasskeyHelper(WebAuthnHelper):
    """django-otp-webauthn's helper, told the origin the browser used and the name given."""

    def get_allowed_origins(self) -> list[str]:
        return [f"{self.request.scheme}://{self.request.get_host()}"]

    def create_credential(self, user, response, parsed_credential, original_data):
        passkey = super().create_credential(user, response, parsed_credential, original_data)
        passkey.name = self.request.session.get(NAME_SESSION_KEY) or "Passkey"
        return passkey

    def register_complete(self, user, state, data):
        passkey = super().register_complete(user=user, state=state, data=data)
        self.request.session.pop(NAME_SESSION_KEY, None)
        devices.passkey_added(user=user, passkey=passkey)
        return passkey


def _error(detail: str, code: str, status: int) -> JsonResponse:
    return JsonResponse({"detail": detail, "code": code}, status=status)


def locked_response(seconds: int) -> JsonResponse:
    minutes = max(1, round(seconds / 60))
    return _error(
        f"Too many wrong tries: the second step is locked for {minutes} more minute"
        f"{'s' if minutes != 1 else ''}.",
        "locked",
        429,
    )


class BeginRegistration(BeginCredentialRegistrationView):
    """Starts adding a passkey, under the name the person gave it."""

    def post(self, *args, **kwargs):
        name = str(self.request.data.get("name") or "").strip()
        if not name:
            return _error("Give the passkey a name, such as the device it is on.", "name", 400)
        if len(name) > NAME_MAX_LENGTH:
            return _error(f"Keep the name under {NAME_MAX_LENGTH} characters.", "name", 400)
        self.request.session[NAME_SESSION_KEY] = name
        return super().post(*args, **kwargs)


class BeginAuthentication(BeginCredentialAuthenticationView):
    def post(self, *args, **kwargs):
        wait = throttle.seconds_locked(self.request.user)
        if wait:
            return locked_response(wait)
        return super().post(*args, **kwargs)


class CompleteAuthentication(CompleteCredentialAuthenticationView):
    """Passes the second step with a passkey; a wrong answer counts as a wrong code does."""

    def post(self, *args, **kwargs):
        user = self.request.user
        wait = throttle.seconds_locked(user)
        if wait:
            return locked_response(wait)
        try:
            response = super().post(*args, **kwargs)
        except exceptions.InvalidState:
            raise  # nothing was tried: a second click, or an expired start
        except exceptions.OTPWebAuthnApiError:
            audit.record(user, audit.FAILED, by=user, method=audit.PASSKEY)
            if not throttle.count_failure(user):
                return locked_response(settings.TWO_STEP_LOCKOUT_SECONDS)
            raise
        throttle.clear(user)
        return response

    def get_success_url(self):
        return self.get_redirect_url() or reverse("wagtailadmin_home")
