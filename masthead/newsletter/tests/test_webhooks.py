"""The providers' tracking webhooks: routed only with a secret, and never a 500 on bad input."""

import base64
import hmac
import importlib
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client, override_settings
from django.urls import clear_url_caches

import masthead.urls
from masthead.newsletter.models import Subscription
from masthead.newsletter.tests.factories import make_newsletter
from masthead.newsletter.webhooks import enabled_providers, tracking_endpoints

FILES = Path(__file__).parent / "files"
ROOT = Path(__file__).resolve().parents[3]
AUTH = "Basic " + base64.b64encode(b"tracker:test-only-secret").decode()
URLS = [f"/anymail/{pattern.pattern}" for pattern in tracking_endpoints().values()]
# (sample file, content type): calls no provider sends, each posted with the right secret.
MALFORMED = [
    ("webhook_truncated.json", "application/json"),
    ("webhook_empty.json", "application/json"),
    ("webhook_scalar.json", "application/json"),
    ("webhook_empty_event.json", "application/json"),
    ("webhook_wrong_types.json", "application/json"),
    ("webhook_not_utf8.json", "application/json"),
    ("webhook_form_encoded.txt", "application/x-www-form-urlencoded"),
    ("webhook_broken_multipart.txt", "multipart/form-data; boundary=boundary"),
    ("webhook_broken_multipart.txt", "multipart/form-data"),
    ("webhook_plain_text.txt", "text/plain; charset=latin-1"),
]


@pytest.fixture
def reader(db):
    return Subscription.objects.create(
        newsletter=make_newsletter(), email="gone.away@example.com", state="active"
    )


def client() -> Client:
    return Client(raise_request_exception=False)  # a 500 is an answer here, not a crash


def state(subscription) -> str:
    subscription.refresh_from_db()
    return subscription.state


@contextmanager
def routed(**overrides):
    """masthead/urls.py as it is built under other settings."""
    try:
        with override_settings(**overrides):
            importlib.reload(masthead.urls)
            clear_url_caches()
            yield
    finally:
        importlib.reload(masthead.urls)
        clear_url_caches()


def test_every_tracking_endpoint_is_routed_in_tests():
    # So that the tests below reach each provider anymail has, not a 404.
    assert sorted(enabled_providers()) == sorted(tracking_endpoints())
    assert len(URLS) >= 14 and "/anymail/postmark/tracking/" in URLS


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize(("sample", "content_type"), MALFORMED)
def test_a_malformed_call_is_refused_with_a_4xx(reader, url, sample, content_type):
    body = (FILES / sample).read_bytes()
    response = client().post(url, body, content_type=content_type, HTTP_AUTHORIZATION=AUTH)
    assert 400 <= response.status_code < 500, response.content[:300]
    assert state(reader) == "active"


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize(
    "auth", [None, "Basic " + base64.b64encode(b"tracker:wrong").decode(), "Bearer x"]
)
def test_a_call_without_the_secret_is_refused(reader, url, auth):
    body = (FILES / "postmark_hard_bounce.json").read_bytes()
    headers = {"HTTP_AUTHORIZATION": auth} if auth else {}
    response = client().post(url, body, content_type="application/json", **headers)
    assert 400 <= response.status_code < 500
    assert state(reader) == "active"


def mailgun_call(key: str, signature: str | None = None) -> bytes:
    text = (FILES / "mailgun_permanent_failure.json").read_text()
    expected = hmac.new(
        key.encode(), b"1763656434a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0", "sha256"
    ).hexdigest()
    return text.replace("SIGNATURE", signature or expected).encode()


def test_a_signed_mailgun_failure_suppresses_the_reader(reader):
    response = client().post(
        "/anymail/mailgun/tracking/",
        mailgun_call("test-only-mailgun"),
        content_type="application/json",
        HTTP_AUTHORIZATION=AUTH,
    )
    assert response.status_code == 200
    assert state(reader) == "bounced"


def test_a_mailgun_call_with_a_wrong_signature_is_refused(reader):
    for body in [mailgun_call("another-key"), mailgun_call("x", signature="0" * 64)]:
        response = client().post(
            "/anymail/mailgun/tracking/",
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=AUTH,
        )
        assert response.status_code == 400
    assert state(reader) == "active"


def test_mailgun_without_its_signing_key_answers_400_not_500(reader):
    with override_settings(ANYMAIL={"WEBHOOK_SECRET": "tracker:test-only-secret"}):
        response = client().post(
            "/anymail/mailgun/tracking/",
            mailgun_call("test-only-mailgun"),
            content_type="application/json",
            HTTP_AUTHORIZATION=AUTH,
        )
    assert response.status_code == 400
    assert state(reader) == "active"


def test_the_postmark_bounce_with_the_secret_still_suppresses(reader):
    response = client().post(
        "/anymail/postmark/tracking/",
        (FILES / "postmark_hard_bounce.json").read_bytes(),
        content_type="application/json",
        HTTP_AUTHORIZATION=AUTH,
    )
    assert response.status_code == 200
    assert state(reader) == "bounced"


@pytest.mark.parametrize(
    "overrides",
    [
        {"ANYMAIL": {"WEBHOOK_SECRET": ""}},  # the default: no secret
        {"ANYMAIL": {}},
        {"NEWSLETTER_WEBHOOK_PROVIDERS": []},  # a secret, but no provider switched on
    ],
)
def test_without_a_secret_no_webhook_is_routed(reader, overrides):
    body = (FILES / "postmark_hard_bounce.json").read_bytes()
    with routed(**overrides):
        for url in URLS:
            # Anonymous, as an attacker would call; and with what was once the secret.
            for headers in [{}, {"HTTP_AUTHORIZATION": AUTH}]:
                response = client().post(url, body, content_type="application/json", **headers)
                assert response.status_code == 404, url
    assert state(reader) == "active"


def test_only_the_named_providers_are_routed(reader):
    body = (FILES / "postmark_hard_bounce.json").read_bytes()
    with routed(NEWSLETTER_WEBHOOK_PROVIDERS=["sendgrid"]):
        response = client().post(
            "/anymail/postmark/tracking/",
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=AUTH,
        )
        assert response.status_code == 404
        sendgrid = client().post("/anymail/sendgrid/tracking/", b"[]", "application/json")
        assert sendgrid.status_code == 400  # routed: it asks for the secret
    assert state(reader) == "active"


def test_inbound_endpoints_are_not_routed(db):
    for url in ["/anymail/postmark/inbound/", "/anymail/mailgun/inbound/", "/anymail/mandrill/"]:
        assert client().post(url, b"{}", content_type="application/json").status_code == 404


def test_check_fails_when_webhooks_are_on_without_a_secret():
    with override_settings(ANYMAIL={"WEBHOOK_SECRET": ""}):
        with pytest.raises(SystemCheckError, match="newsletter.E001"):
            call_command("check", "--deploy")


def test_check_names_a_provider_missing_its_key_or_unknown():
    settings = {"ANYMAIL": {"WEBHOOK_SECRET": "a:b"}, "NEWSLETTER_WEBHOOK_PROVIDERS": ["mailgun"]}
    with override_settings(**settings), pytest.raises(SystemCheckError) as failed:
        call_command("check")
    assert "newsletter.E003" in str(failed.value)
    assert "MAILGUN_WEBHOOK_SIGNING_KEY" in str(failed.value)
    with override_settings(NEWSLETTER_WEBHOOK_PROVIDERS=["postmrak"]):
        with pytest.raises(SystemCheckError, match="newsletter.E002"):
            call_command("check")


def production_settings(**env) -> subprocess.CompletedProcess:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("ANYMAIL_", "NEWSLETTER_"))}
    env = {**keep, "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "news.example", **env}
    return subprocess.run(
        [sys.executable, "-c", "import masthead.settings.production"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_refuse_to_start_with_webhooks_on_and_no_secret():
    refused = production_settings(NEWSLETTER_WEBHOOK_PROVIDERS="postmark")
    assert refused.returncode != 0
    assert "ANYMAIL_WEBHOOK_SECRET" in refused.stderr
    started = production_settings(
        NEWSLETTER_WEBHOOK_PROVIDERS="postmark", ANYMAIL_WEBHOOK_SECRET="tracker:long-secret"
    )
    assert started.returncode == 0, started.stderr
    assert production_settings().returncode == 0  # webhooks off: nothing to ask for
