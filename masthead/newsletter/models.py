"""Newsletters, subscriptions, issues, sends and deliveries; the words are in CONTEXT.md."""

import secrets

from django.db import models
from django.db.models import F
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from masthead.newsletter.forms import IssueForm


class Newsletter(models.Model):
    name = models.CharField(max_length=120, default="The weekly round-up")
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)
    sender_name = models.CharField(max_length=120)
    sender_email = models.EmailField()
    reply_to = models.EmailField(blank=True)
    postal_address = models.TextField(help_text="Shown in every email's footer, as the law asks.")
    send_weekday = models.PositiveSmallIntegerField(
        "default send day",
        choices=[
            (0, "Monday"),
            (1, "Tuesday"),
            (2, "Wednesday"),
            (3, "Thursday"),
            (4, "Friday"),
            (5, "Saturday"),
            (6, "Sunday"),
        ],
        default=4,
    )
    send_time = models.TimeField("default send time", default="08:00")
    is_default = models.BooleanField(default=False, help_text="The one the sign-up forms offer.")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("sender_name"), FieldPanel("sender_email"), FieldPanel("reply_to")],
            "Sender",
        ),
        FieldPanel("postal_address"),
        MultiFieldPanel([FieldPanel("send_weekday"), FieldPanel("send_time")], "Schedule"),
        FieldPanel("is_default"),
    ]

    class Meta:
        ordering = ["-is_default", "name"]

    def __str__(self):
        return self.name

    @property
    def from_header(self) -> str:
        from email.utils import formataddr

        return formataddr((self.sender_name, self.sender_email))


class Subscription(models.Model):
    class State(models.TextChoices):
        PENDING = "pending"
        ACTIVE = "active"
        UNSUBSCRIBED = "unsubscribed"
        BOUNCED = "bounced"
        COMPLAINED = "complained"

    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.CASCADE, related_name="subscriptions"
    )
    email = models.EmailField(db_index=True)
    state = models.CharField(
        max_length=16, choices=State.choices, default=State.PENDING, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    consent_source = models.CharField(
        max_length=300, blank=True, help_text="The page the form was on."
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    confirm_nonce = models.CharField(max_length=32, blank=True, default="")
    # When the mail server accepted the latest confirmation email (not when it was asked for).
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    # A worker is handing the confirmation to the mail server until then (see send_confirmation).
    confirmation_claimed_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            # Mail providers treat addresses case-insensitively: Reader@x and reader@x are one.
            models.UniqueConstraint(
                F("newsletter"), Lower("email"), name="one_subscription_per_address"
            )
        ]
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} ({self.state})"

    def new_nonce(self) -> str:
        self.confirm_nonce = secrets.token_hex(8)
        return self.confirm_nonce


class Issue(ClusterableModel):
    class State(models.TextChoices):
        DRAFT = "draft"
        SCHEDULED = "scheduled"
        SENDING = "sending"
        SENT = "sent"

    newsletter = models.ForeignKey(Newsletter, on_delete=models.PROTECT, related_name="issues")
    subject = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120)
    introduction = models.TextField(blank=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.DRAFT)
    week_of = models.DateField(null=True, blank=True, help_text="The week the round-up covers.")
    scheduled_for = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Pieces first published before this were gathered into the round-up (or left out by an
    # editor); the newsletter's clock adds later ones while the issue is an unscheduled draft.
    gathered_until = models.DateTimeField(null=True, blank=True, editable=False)
    # The pieces gathered in the last few minutes (article pk: first published), which the next
    # ticks look at again for a late commit: one an editor removed is not added back.
    gathered_recently = models.JSONField(default=dict, blank=True, editable=False)
    # Set on a correction notice (notices.py): the correction it tells readers of. Its one story
    # is the corrected piece, and it goes only to the readers a round-up carrying it reached.
    correction_key = models.UUIDField(null=True, blank=True, editable=False)

    base_form_class = IssueForm  # stories the clock adds while the form is open keep a place

    panels = [
        FieldPanel("newsletter"),
        FieldPanel("subject"),
        FieldPanel("slug"),
        FieldPanel("introduction"),
        InlinePanel(
            "items",
            label="Stories",
            heading="Stories, in the order readers see them",
            help_text=(
                "Until the issue has a send time, each piece published later in the week is "
                "added at the head of its region. A story you remove stays out."
            ),
        ),
        FieldPanel("scheduled_for"),
    ]

    class Meta:
        ordering = ["-week_of", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["newsletter", "slug"], name="issue_slug"),
            # One notice per correction and newsletter, however often the page is published.
            models.UniqueConstraint(
                fields=["newsletter", "correction_key"], name="one_notice_per_correction"
            ),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("newsletter:issue", kwargs={"slug": self.slug})

    @property
    def is_notice(self) -> bool:
        return self.correction_key is not None


class IssueItem(Orderable):
    issue = ParentalKey(Issue, on_delete=models.CASCADE, related_name="items")
    article = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]


class Send(models.Model):
    class State(models.TextChoices):
        SENDING = "sending"
        DONE = "done"

    issue = models.OneToOneField(Issue, on_delete=models.PROTECT, related_name="send")
    state = models.CharField(max_length=16, choices=State.choices, default=State.SENDING)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    audience = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"Send of {self.issue}"


class Delivery(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued"
        SENDING = "sending"
        ACCEPTED = "accepted"
        DEFERRED = "deferred"
        FAILED = "failed"
        BOUNCED = "bounced"

    send = models.ForeignKey(Send, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    email = models.EmailField()
    state = models.CharField(max_length=16, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["send", "email"], name="one_delivery_per_address")
        ]
        indexes = [models.Index(fields=["send", "state"])]
        verbose_name_plural = "deliveries"

    def __str__(self):
        return f"{self.email}: {self.state}"
