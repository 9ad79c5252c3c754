"""An issue as email (HTML and plain text) and as a web page, rendered once per send."""

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from masthead.feeds.content import absolutize, hero_image
from masthead.newsletter import tokens
from masthead.newsroom.queries import decorate

UNSUBSCRIBE_PLACEHOLDER = "__MASTHEAD_UNSUBSCRIBE_URL__"


@dataclass(frozen=True)
class RenderedIssue:
    subject: str
    html: str
    text: str


def issue_articles(issue) -> list:
    articles = [
        item.article for item in issue.items.select_related("article").order_by("sort_order")
    ]
    return decorate([a for a in articles if a.live])


def render_issue(issue, *, root: str) -> RenderedIssue:
    """The issue with a placeholder where each recipient's unsubscribe link goes."""
    articles = issue_articles(issue)
    for article in articles:
        article.email_image = hero_image(article, root)
    context = {
        "issue": issue,
        "newsletter": issue.newsletter,
        "articles": articles,
        "root": root,
        "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
        "web_url": root + issue.get_absolute_url(),
    }
    html = absolutize(render_to_string("newsletter/email/issue.html", context), root)
    text = render_to_string("newsletter/email/issue.txt", context)
    return RenderedIssue(subject=issue.subject, html=html, text=text)


def unsubscribe_url(subscription, root: str) -> str:
    return root + reverse(
        "newsletter:unsubscribe", kwargs={"token": tokens.unsubscribe_token(subscription)}
    )


def message_id(issue_pk: int, subscription_pk: int, root: str) -> str:
    """Stable per (issue, recipient): a retried message carries the same id."""
    host = urlsplit(root).hostname or "localhost"
    return f"<issue-{issue_pk}.subscriber-{subscription_pk}@{host}>"


def build_message(rendered: RenderedIssue, *, issue, delivery, root: str, connection=None):
    newsletter = issue.newsletter
    host = urlsplit(root).hostname or "localhost"
    unsubscribe = unsubscribe_url(delivery.subscription, root)
    subject = quote("unsubscribe " + tokens.unsubscribe_token(delivery.subscription))
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
