"""An issue as email (HTML and plain text) and as a web page, rendered once per send."""

from dataclasses import dataclass
from email.utils import parseaddr
from urllib.parse import quote, urlsplit

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from masthead.feeds.content import absolutize, hero_image
from masthead.images.renditions import FEED_SPEC
from masthead.newsletter import tokens
from masthead.newsletter.notices import notice_correction
from masthead.newsletter.roundup import corrections_for
from masthead.newsroom.queries import decorate

UNSUBSCRIBE_PLACEHOLDER = "__MASTHEAD_UNSUBSCRIBE_URL__"


@dataclass(frozen=True)
class RenderedIssue:
    subject: str
    html: str
    text: str


def issue_articles(issue) -> list:
    """The issue's live pieces, each with the corrections made to it since (the web archive
    shows them under the piece)."""
    articles = [
        item.article
        for item in issue.items.select_related("article")
        .prefetch_related("article__corrections")
        .order_by("sort_order")
    ]
    return decorate([a for a in articles if a.live], photos=[FEED_SPEC])


def render_issue(issue, *, root: str) -> RenderedIssue:
    """The issue with a placeholder where each recipient's unsubscribe link goes."""
    if issue.is_notice:
        return render_notice(issue, root=root)
    articles = issue_articles(issue)
    for article in articles:
        article.email_image = hero_image(article, root)
        # Which issue a reader came from, counted by the site's readership (no per-reader id).
        article.email_url = f"{article.url}?ref={issue_ref(issue)}"
    context = {
        "issue": issue,
        "newsletter": issue.newsletter,
        "articles": articles,
        "corrections": corrections_for(issue),
        "root": root,
        "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
        "web_url": root + issue.get_absolute_url(),
    }
    html = absolutize(render_to_string("newsletter/email/issue.html", context), root)
    text = render_to_string("newsletter/email/issue.txt", context)
    return RenderedIssue(subject=issue.subject, html=html, text=text)


def issue_ref(issue) -> str:
    """The `ref` an issue's links carry: "newsletter-<id>", the same for every reader."""
    return f"newsletter-{issue.pk}"


def render_notice(issue, *, root: str) -> RenderedIssue:
    """A correction notice: the correction, the piece it corrects, and why the reader gets it."""
    article, correction = notice_correction(issue)
    context = {
        "issue": issue,
        "newsletter": issue.newsletter,
        "correction": correction,
        "article": article,
        "root": root,
        "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
    }
    html = absolutize(render_to_string("newsletter/email/notice.html", context), root)
    text = render_to_string("newsletter/email/notice.txt", context)
    return RenderedIssue(subject=issue.subject, html=html, text=text)


def unsubscribe_url(token: str, root: str) -> str:
    return root + reverse("newsletter:unsubscribe", kwargs={"token": token})


def message_id(issue_pk: int, subscription_pk: int, root: str) -> str:
    """Stable per (issue, recipient): a retried message carries the same id."""
    host = urlsplit(root).hostname or "localhost"
    return f"<issue-{issue_pk}.subscriber-{subscription_pk}@{host}>"


def build_message(rendered: RenderedIssue, *, issue, delivery, root: str, connection=None):
    newsletter = issue.newsletter
    host = urlsplit(root).hostname or "localhost"
    token = tokens.unsubscribe_token(delivery.subscription)
    unsubscribe = unsubscribe_url(token, root)
    subject = quote("unsubscribe " + token)
    mailto = f"mailto:{newsletter.reply_to or newsletter.sender_email}?subject={subject}"
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe),
        from_email=newsletter.from_header,
        to=[delivery.email],
        reply_to=[newsletter.reply_to] if newsletter.reply_to else None,
        connection=connection,
        headers={
            "Message-ID": message_id(issue.pk, delivery.subscription_id, root),
            "List-Unsubscribe": f"<{unsubscribe}>, <{mailto}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"{newsletter.name} <{newsletter.slug}.{host}>",
        },
    )
    message.attach_alternative(
        rendered.html.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe), "text/html"
    )
    return message


class RawMessages:
    """One send's message as bytes, built once; each recipient's own parts swapped in.

    Building a MIME message costs more than handing it to a local SMTP server, and within one
    send only the address, the Message-ID and the unsubscribe links differ. Those are built for
    a stand-in recipient and replaced in the bytes; `for_delivery` returns None whenever the
    swap cannot be trusted (an address that is not plain ASCII), and the caller then builds
    the message the ordinary way.
    """

    STAND_IN = "recipient@masthead.invalid"

    def __init__(self, rendered: RenderedIssue, *, issue, root: str):
        from masthead.newsletter.models import Delivery, Subscription

        stand_in = Subscription(pk=0, email=self.STAND_IN)
        message = build_message(
            rendered,
            issue=issue,
            delivery=Delivery(email=self.STAND_IN, subscription=stand_in),
            root=root,
        )
        self.envelope_from = parseaddr(message.from_email)[1]
        self.raw = message.message().as_bytes(linesep="\r\n")
        self.issue_pk, self.root = issue.pk, root
        token = tokens.unsubscribe_token(stand_in)
        self.parts = {
            "url": unsubscribe_url(token, root).encode(),
            "mailto": quote("unsubscribe " + token).encode(),
            "message_id": message_id(issue.pk, 0, root).encode(),
            "to": self.STAND_IN.encode(),
        }
        self.usable = all(part in self.raw for part in self.parts.values())

    def for_delivery(self, delivery) -> bytes | None:
        if not self.usable or not delivery.email.isascii():
            return None
        token = tokens.unsubscribe_token(delivery.subscription)
        values = {
            "url": unsubscribe_url(token, self.root).encode(),
            "mailto": quote("unsubscribe " + token).encode(),
            "message_id": message_id(self.issue_pk, delivery.subscription_id, self.root).encode(),
            "to": delivery.email.encode(),
        }
        raw = self.raw
        for name, stand_in in self.parts.items():
            raw = raw.replace(stand_in, values[name])
        return raw
