"""A reader and the newsletter, end to end over real SMTP.

The reader signs up on an article, confirms from the email, receives a sent issue (drafted and
sent by management commands in the server's environment, as the clock and the worker would) and
unsubscribes from the link in its List-Unsubscribe header.
"""

import json
import re
import secrets
import time

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser]

STALINGRAD_URL = "/europe/stalingrad-and-bakhmut-battles-of-attrition/"
MAIL_TIMEOUT = 10  # seconds to wait for a message the server sent within a request
SEND_TIMEOUT = 30  # seconds to wait for the issue after the worker has run

SEND_THIS_WEEK = """
import json
from django.utils import timezone
from masthead.newsletter.roundup import draft_roundup
from masthead.newsletter.sending import start_send
from masthead.newsletter.site import default_newsletter
n = default_newsletter()
issue = draft_roundup(newsletter=n, week_ending=timezone.localdate())
send = start_send(issue=issue)
print("RESULT " + json.dumps(
    {"subject": issue.subject, "items": issue.items.count(), "audience": send.audience}
))
"""

SUBSCRIPTION_STATE = """
import json
from masthead.newsletter.models import Subscription
print("RESULT " + json.dumps(
    list(Subscription.objects.filter(email={email!r}).values_list("state", flat=True))
))
"""


def shell(server, code: str):
    """Run Python in `manage.py shell` beside the live server; return what it printed as RESULT."""
    out = server.manage("shell", "--no-imports", "-c", code)
    line = next((ln for ln in out.splitlines() if ln.startswith("RESULT ")), None)
    assert line is not None, f"no RESULT line in the shell output:\n{out}"
    return json.loads(line.removeprefix("RESULT "))


def wait_for_mail(smtp, address: str, subject: str, timeout: float):
    deadline = time.monotonic() + timeout
    while True:
        found = [m for m in smtp.sink.to(address) if str(m["Subject"]) == subject]
        if found or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    received = [str(m["Subject"]) for m in smtp.sink.to(address)]
    assert found, f"no “{subject}” for {address} within {timeout} s; it received {received}"
    assert len(found) == 1, f"{len(found)} copies of “{subject}” reached {address}"
    return found[0]


def plain(message) -> str:
    return message.get_body(("plain",)).get_content()


def test_reader_subscribes_confirms_receives_an_issue_and_unsubscribes(page, server, smtp):
    address = f"reader-{secrets.token_hex(6)}@example.com"

    # Sign up in the box under an article.
    page.goto(STALINGRAD_URL)
    page.get_by_label("Your email address").fill(address)
    page.get_by_role("button", name="Subscribe", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    # The confirmation leaves through the task worker, never inside the reader's request.
    server.manage("db_worker", "--batch", "--no-startup-delay")

    # Confirm from the email: the link opens a page with a button; the button confirms.
    confirmation = wait_for_mail(
        smtp, address, "Confirm your subscription to The Weekly Round-up", MAIL_TIMEOUT
    )
    links = re.findall(r"https?://\S+/newsletter/confirm/\S+/", plain(confirmation))
    assert len(links) == 1, f"expected one confirm link in:\n{plain(confirmation)}"
    assert links[0].startswith(server.base_url), links[0]
    page.goto(links[0])
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your subscription")
    assert shell(server, SUBSCRIPTION_STATE.format(email=address)) == ["pending"]
    page.get_by_role("button", name="Confirm my subscription").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are subscribed")
    expect(page.get_by_text(address)).to_be_visible()

    # The week's round-up goes out: drafted and queued, then delivered by one worker run.
    sent = shell(server, SEND_THIS_WEEK)
    assert sent["items"] > 0, "the demo has no articles in the current week"
    assert sent["audience"] >= 1, sent
    server.manage("db_worker", "--batch", "--no-startup-delay")
    issue = wait_for_mail(smtp, address, sent["subject"], SEND_TIMEOUT)

    assert issue["Message-ID"], "the issue has no Message-ID"
    assert issue["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    targets = re.findall(r"<([^>]+)>", str(issue["List-Unsubscribe"]))
    web = [t for t in targets if re.match(r"https?://[^/]+/newsletter/unsubscribe/[^/]+/$", t)]
    mailto = [t for t in targets if t.startswith("mailto:")]
    assert len(web) == 1 and len(mailto) == 1, issue["List-Unsubscribe"]
    assert web[0].startswith(server.base_url), web[0]
    assert "Keep reading" in issue.get_body(("html",)).get_content()
    assert f"Unsubscribe: {web[0]}" in plain(issue)

    # Unsubscribe through the header's link, in the browser.
    page.goto(web[0])
    expect(page.get_by_role("heading", level=1)).to_have_text("Unsubscribe")
    page.get_by_role("button", name="Unsubscribe", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are unsubscribed")
    assert shell(server, SUBSCRIPTION_STATE.format(email=address)) == ["unsubscribed"]
