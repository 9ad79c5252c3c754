"""A person's second steps: one authenticator app (django-otp's TOTP device), any number of
passkeys (django-otp-webauthn's credentials) and ten single-use recovery codes (django-otp's
static device). Adding, checking and removing them, each change written to the audit trail.

Recovery codes stand in for the other methods and never alone: they are dropped with the last
app or passkey. django-otp keeps them as it keeps its static tokens (the codes themselves); they
are shown to their owner once, when made.
"""

import math
import re
from base64 import b32encode
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

import segno
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.utils import get_credential_model

from masthead.users.twofactor import audit

RECOVERY_CODE_COUNT = 10
APP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
TOTP_CODE = re.compile(r"^\d{6}$")


def passkey_model():
    return get_credential_model()


@dataclass
class Methods:
    """What a person has set up, for the pages that show it."""

    app: TOTPDevice | None
    passkeys: list = field(default_factory=list)
    recovery: StaticDevice | None = None
    recovery_left: int = 0

    @property
    def enrolled(self) -> bool:
        return self.app is not None or bool(self.passkeys)

    @property
    def count(self) -> int:
        """How many methods besides the recovery codes."""
        return (self.app is not None) + len(self.passkeys)


def methods_of(user) -> Methods:
    recovery = StaticDevice.objects.filter(user=user, confirmed=True).first()
    return Methods(
        app=TOTPDevice.objects.filter(user=user, confirmed=True).first(),
        passkeys=list(passkey_model().objects.filter(user=user, confirmed=True).order_by("pk")),
        recovery=recovery,
        recovery_left=recovery.token_set.count() if recovery else 0,
    )


def has_second_step(user) -> bool:
    """Whether signing in as `user` takes a second step: an app, a passkey or a recovery code
    left (a spent set of codes alone asks for nothing it could be given)."""
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or passkey_model().objects.filter(user=user, confirmed=True).exists()
        or StaticToken.objects.filter(device__user=user, device__confirmed=True).exists()
    )


# The authenticator app ------------------------------------------------------------------------


def begin_authenticator(*, user) -> TOTPDevice:
    """A fresh secret for the app, not yet in use: it counts once a code from it is entered."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def pending_authenticator(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


def secret_of(device: TOTPDevice) -> str:
    """The secret as an app asks for it when typed in: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def authenticator_url(device: TOTPDevice, *, issuer: str) -> str:
    """The otpauth:// address the QR code holds (the Key URI format every app reads)."""
    issuer = issuer.replace(":", "")
    label = quote(f"{issuer}:{device.user.get_username()}")
    params = {
        "secret": secret_of(device).replace(" ", ""),
        "issuer": issuer,
        "algorithm": "SHA1",
        "digits": device.digits,
        "period": device.step,
    }
    return f"otpauth://totp/{label}?{urlencode(params, quote_via=quote)}"


def qr_svg(data: str) -> str:
    """The QR code of `data` as inline SVG, no file and no script."""
    return segno.make(data, error="m").svg_inline(
        scale=5, title="QR code for your authenticator app"
    )


def seconds_to_wait(device) -> int:
    """How long django-otp asks to wait before `device` takes another code (0: none)."""
    allowed, details = device.verify_is_allowed()
    locked_until = None if allowed else (details or {}).get("locked_until")
    if locked_until is None:
        return 0
    return max(1, math.ceil((locked_until - timezone.now()).total_seconds()))


def confirm_authenticator(*, user, code: str) -> TOTPDevice | None:
    """Put the pending app in use if `code` is one of its codes; None if it is not."""
    device = pending_authenticator(user)
    if device is None or not TOTP_CODE.match(normalise(code)):
        return None
    with transaction.atomic():
        if not device.verify_token(normalise(code)):
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit.record(user, audit.ADDED, by=user, method=audit.TOTP)
    return device


def remove_authenticator(*, user, by) -> bool:
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    if deleted:
        audit.record(user, audit.REMOVED, by=by, method=audit.TOTP)
        _drop_recovery_codes_if_alone(user, by=by)
    return bool(deleted)


# Passkeys -------------------------------------------------------------------------------------


def passkey_added(*, user, passkey) -> None:
    """Called once a passkey's registration has been verified and saved."""
    audit.record(user, audit.ADDED, by=user, method=audit.PASSKEY)


def remove_passkey(*, user, passkey_id: int, by) -> bool:
    deleted, _ = passkey_model().objects.filter(user=user, pk=passkey_id).delete()
    if deleted:
        audit.record(user, audit.REMOVED, by=by, method=audit.PASSKEY)
        _drop_recovery_codes_if_alone(user, by=by)
    return bool(deleted)


# Recovery codes -------------------------------------------------------------------------------


def make_recovery_codes(*, user) -> list[str]:
    """Ten new single-use codes in place of any left; returned this once, to be shown."""
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    with transaction.atomic():
        device = StaticDevice.objects.filter(user=user).order_by("pk").first()
        if device is None:
            device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
        device.token_set.all().delete()
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
        audit.record(user, audit.ADDED, by=user, method=audit.RECOVERY)
    return [f"{code[:4]}-{code[4:]}" for code in codes]


def _drop_recovery_codes_if_alone(user, *, by) -> None:
    if methods_of(user).enrolled:
        return
    deleted, _ = StaticDevice.objects.filter(user=user).delete()
    if deleted:
        audit.record(user, audit.REMOVED, by=by, method=audit.RECOVERY)


# Checking a code ------------------------------------------------------------------------------


def normalise(code: str) -> str:
    """As typed: spaces and dashes dropped, letters in lower case (recovery codes are)."""
    return re.sub(r"[\s-]+", "", code or "").lower()


def method_of(code: str) -> str:
    """Which kind of code this looks like: six digits come from an app."""
    return audit.TOTP if TOTP_CODE.match(normalise(code)) else audit.RECOVERY


@dataclass
class Check:
    device: object | None  # the device that took the code, or None
    method: str  # audit.TOTP or audit.RECOVERY
    wait: int = 0  # seconds django-otp asks to wait before this kind of code is tried again


def check_code(*, user, code: str) -> Check:
    """Try `code` on the devices of its kind. A recovery code that works is used up."""
    token, method = normalise(code), method_of(code)
    model = TOTPDevice if method == audit.TOTP else StaticDevice
    wait = 0
    if not token or len(token) > 16:
        return Check(None, method)
    with transaction.atomic():
        for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
            if device_wait := seconds_to_wait(device):
                wait = max(wait, device_wait)
                continue
            if device.verify_token(token):
                return Check(device, method)
    return Check(None, method, wait)


def confirms_identity(*, user, answer: str) -> bool:
    """The account's password, or a code from one of its second steps."""
    if answer and user.check_password(answer):
        return True
    return check_code(user=user, code=answer).device is not None
