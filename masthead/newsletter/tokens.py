"""Signed tokens in newsletter links: confirmation (48 h, single use) and unsubscribe."""

from django.core import signing

CONFIRM_SALT = "masthead.newsletter.confirm"
UNSUBSCRIBE_SALT = "masthead.newsletter.unsubscribe"
CONFIRM_MAX_AGE = 48 * 60 * 60


def confirmation_token(subscription) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(
        f"{subscription.pk}:{subscription.confirm_nonce}"
    )


def read_confirmation_token(token: str) -> tuple[int, str] | None:
    """(subscription id, nonce), or None for a forged, altered or expired token."""
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=CONFIRM_MAX_AGE)
        pk, nonce = value.split(":", 1)
        return int(pk), nonce
    except (signing.BadSignature, ValueError):
        return None


def unsubscribe_token(subscription) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(subscription.pk))


def read_unsubscribe_token(token: str) -> int | None:
    try:
        return int(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
