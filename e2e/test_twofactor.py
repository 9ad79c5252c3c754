"""Two-step sign-in in Chromium: an authenticator app's code after the password, and a passkey
held by Chromium's virtual authenticator (the DevTools protocol's WebAuthn domain).

Each test signs up an account of its own on the shared server, so the editor the other tests
sign in as keeps signing in with a password alone.
"""

import re
import secrets
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from e2e.conftest import TIMEOUT_MS
from e2e.pages.admin import SLOW_MS

pytestmark = pytest.mark.browser


def new_account(server, prefix: str) -> str:
    """A superuser with the server's password, made the way an operator would."""
    username = f"{prefix}-{secrets.token_hex(3)}"
    server.manage(
        "createsuperuser", "--noinput", "--username", username, "--email", f"{username}@example.com"
    )
    return username


def sign_in_with_password(page, username: str, password: str) -> None:
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def open_two_step_settings(page) -> None:
    """Account → More actions → Two-step sign-in, as a person finds it."""
    page.goto("/admin/account/")
    page.get_by_role("tab", name="More actions").click()
    page.get_by_role("link", name="Two-step sign-in").click()
    expect(page.get_by_role("heading", name="Two-step sign-in", level=1)).to_be_visible()


def app_code(secret: str, *, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for `secret` (as the page prints it, in groups)."""
    key = secret.replace(" ", "")
    key = b32decode(key + "=" * (-len(key) % 8))
    totp = TOTP(key)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def test_sign_in_with_a_password_and_a_code_from_an_authenticator_app(server, new_context):
    username = new_account(server, "app")
    page = new_context().new_page()
    sign_in_with_password(page, username, server.password)
    expect(page).to_have_url(re.compile(r"/admin/$"), timeout=SLOW_MS)

    open_two_step_settings(page)
    expect(page.get_by_text("Two-step sign-in is off")).to_be_visible()
    page.get_by_role("link", name="Set up an authenticator app").click()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    secret = page.get_by_label("Key for your authenticator app").inner_text()
    page.get_by_label("Code from the app").fill(
        "000000" if app_code(secret) != "000000" else "111111"
    )
    page.get_by_role("button", name="Confirm and turn on").click()
    expect(page.get_by_text("That code is not right")).to_be_visible()
    page.wait_for_timeout(1500)  # django-otp asks for a second's wait after a wrong code
    page.get_by_label("Code from the app").fill(app_code(secret))
    page.get_by_role("button", name="Confirm and turn on").click()

    expect(page.get_by_text("Authenticator app added.")).to_be_visible(timeout=SLOW_MS)
    codes = page.get_by_role("list", name="Your recovery codes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    page.get_by_role("link", name="I have saved my codes").click()
    expect(page.get_by_text("Two-step sign-in is on")).to_be_visible()

    # Another browser: the password alone no longer opens the admin.
    other = new_context().new_page()
    sign_in_with_password(other, username, server.password)
    expect(other.get_by_role("heading", name="Confirm it is you")).to_be_visible(timeout=SLOW_MS)
    other.goto("/admin/pages/")
    expect(other).to_have_url(re.compile(r"/admin/two-step/verify/\?next=%2Fadmin%2Fpages%2F$"))
    other.get_by_label("Code").fill(app_code(secret, steps_ahead=1))
    other.get_by_role("button", name="Verify").click()
    expect(other).to_have_url(re.compile(r"/admin/pages/$"), timeout=SLOW_MS)
    other.goto("/admin/")
    expect(other.get_by_role("heading", name="Site summary")).to_be_visible(timeout=SLOW_MS)


@pytest.fixture
def localhost_page(browser, server):
    """A page at http://localhost:<port>: browsers refuse passkeys on a bare IP address."""
    context = browser.new_context(base_url=server.base_url.replace("127.0.0.1", "localhost"))
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    yield page
    context.close()


def test_add_a_passkey_and_sign_in_with_it(server, localhost_page):
    page = localhost_page
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )["authenticatorId"]

    username = new_account(server, "passkey")
    sign_in_with_password(page, username, server.password)
    expect(page).to_have_url(re.compile(r"/admin/$"), timeout=SLOW_MS)
    open_two_step_settings(page)
    page.get_by_label("Name for the new passkey").fill("Work laptop")
    page.get_by_role("button", name="Add a passkey").click()

    # The first method comes with recovery codes, shown once.
    expect(page.get_by_text("Passkey added.")).to_be_visible(timeout=SLOW_MS)
    expect(
        page.get_by_role("list", name="Your recovery codes").get_by_role("listitem")
    ).to_have_count(10)
    page.get_by_role("link", name="I have saved my codes").click()
    expect(page.get_by_role("cell", name="Work laptop", exact=True)).to_be_visible()
    expect(page.get_by_text("Two-step sign-in is on")).to_be_visible()
    held = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]
    assert len(held) == 1, "the passkey lives in the authenticator"

    # Signed out (cookies gone), then in again: the passkey is the second step.
    page.context.clear_cookies()
    sign_in_with_password(page, username, server.password)
    expect(page.get_by_role("heading", name="Confirm it is you")).to_be_visible(timeout=SLOW_MS)
    page.goto("/admin/")  # still the second step, whatever page is asked for
    expect(page.get_by_role("heading", name="Confirm it is you")).to_be_visible()
    page.get_by_role("button", name="Use a passkey").click()
    expect(page).to_have_url(re.compile(r"/admin/$"), timeout=SLOW_MS)
    expect(page.get_by_role("heading", name="Site summary")).to_be_visible(timeout=SLOW_MS)
    open_two_step_settings(page)
    expect(page.get_by_role("row", name=re.compile("Work laptop"))).not_to_contain_text("Not yet")
