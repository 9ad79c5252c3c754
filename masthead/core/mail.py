"""Mail as the site sends it: every message's Message-ID at the site's own domain, and, for an
outlet that sends straight over SMTP, a DKIM signature (dkimpy) when the DKIM settings are set.

`EmailBackend` is Django's SMTP backend with both; it is the default `EMAIL_BACKEND`. A provider
through django-anymail signs for the outlet itself, so only SMTP needs this.
"""

import smtplib
from dataclasses import dataclass
from email.utils import make_msgid
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import dkim
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import sanitize_address

# What the signature covers: the headers a reader sees and a mailbox acts on. One that a
# message lacks is signed as absent, so it cannot be added on the way.
SIGNED_HEADERS = [b"From", b"To", b"Cc", b"Subject", b"Date", b"Message-ID", b"Reply-To",
                  b"MIME-Version", b"Content-Type", b"List-Id", b"List-Unsubscribe",
                  b"List-Unsubscribe-Post"]  # fmt: skip


def site_domain() -> str:
    """The domain the site is served at (BASE_URL's host)."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def new_message_id() -> str:
    return make_msgid(domain=site_domain())


@dataclass(frozen=True)
class DkimKey:
    domain: str
    selector: str
    private_key: bytes


def dkim_key() -> DkimKey | None:
    """The DKIM key the settings name, or None when DKIM is off. Raises ImproperlyConfigured,
    saying what is wrong, for a half-made setting or a key that cannot be read."""
    return _dkim_key(settings.DKIM_DOMAIN, settings.DKIM_SELECTOR, settings.DKIM_PRIVATE_KEY_FILE)


@lru_cache(maxsize=4)
def _dkim_key(domain: str, selector: str, key_file: str) -> DkimKey | None:
    given = {"DKIM_DOMAIN": domain, "DKIM_SELECTOR": selector, "DKIM_PRIVATE_KEY_FILE": key_file}
    if not any(given.values()):
        return None
    missing = [name for name, value in given.items() if not value]
    if missing:
        raise ImproperlyConfigured(
            f"DKIM signing needs {', '.join(given)}; {', '.join(missing)} is not set"
        )
    try:
        private_key = Path(key_file).read_bytes()
    except OSError as error:
        raise ImproperlyConfigured(
            f"DKIM_PRIVATE_KEY_FILE {key_file}: {error.strerror or error}"
        ) from None
    try:
        dkim.sign(b"From: a@b\r\n\r\n", selector.encode(), domain.encode(), private_key)
    except (dkim.DKIMException, ValueError, IndexError) as error:
        raise ImproperlyConfigured(
            f"DKIM_PRIVATE_KEY_FILE {key_file} is not an RSA or Ed25519 private key in PEM "
            f"form ({error})"
        ) from None
    return DkimKey(domain, selector, private_key)


def sign(data: bytes) -> bytes:
    """A message's bytes, with a DKIM-Signature header first when DKIM is on."""
    key = dkim_key()
    if key is None:
        return data
    signature = dkim.sign(
        data,
        key.selector.encode(),
        key.domain.encode(),
        key.private_key,
        include_headers=SIGNED_HEADERS,
    )
    return signature.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n") + data


class EmailBackend(SMTPBackend):
    """Django's SMTP backend: a message without its own Message-ID gets one at the site's
    domain (not this machine's name), and every message is DKIM-signed when DKIM is on."""

    def _send(self, email_message) -> bool:
        if not email_message.recipients():
            return False
        encoding = email_message.encoding or settings.DEFAULT_CHARSET
        from_email = sanitize_address(email_message.from_email, encoding)
        recipients = [sanitize_address(a, encoding) for a in email_message.recipients()]
        message = email_message.message()
        if not any(name.lower() == "message-id" for name in email_message.extra_headers):
            message.replace_header("Message-ID", new_message_id())
        try:
            self.connection.sendmail(from_email, recipients, sign(message.as_bytes(linesep="\r\n")))
        except smtplib.SMTPException:
            if not self.fail_silently:
                raise
            return False
        return True


@checks.register(checks.Tags.compatibility)
def check_dkim(app_configs, **kwargs):
    """A DKIM setting that cannot sign is found at start-up, not at the first send."""
    try:
        dkim_key()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="core.E001")]
    return []
