"""Corrections: a newsroom's public record of its mistakes, kept on the article they concern.

Separate from the "Updated" notes (a piece developing) — a correction says the piece was wrong.
Corrections are part of the page (a child of its revisions), so one publishes with the page and
a draft correction is not public. The editor who made one is recorded by the page form.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class ArticleCorrection(Orderable):
    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        CLARIFICATION = "clarification", "Clarification"
        EDITORS_NOTE = "editors_note", "Editor's note"
        RETRACTION = "retraction", "Retraction"

    page = ParentalKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="corrections")
    key = models.UUIDField(default=uuid.uuid4, editable=False, help_text="Its id in feeds.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CORRECTION)
    made_at = models.DateTimeField("date", default=timezone.now)
    text = models.TextField(
        max_length=1500,
        help_text="What was wrong and what is right, for readers: "
        '"An earlier version of this article gave the wrong date for …"',
    )
    notify_readers = models.BooleanField(
        "mail a notice to the readers who got the piece",
        default=False,
        help_text="A short email, once, to the readers whom a round-up carrying this piece "
        "reached, sent when the page is published. Off, the next round-up lists it as always.",
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("made_at"),
        FieldPanel("text"),
        FieldPanel("notify_readers"),
    ]

    class Meta(Orderable.Meta):
        ordering = ["made_at", "pk"]
        verbose_name = "correction"

    def __str__(self):
        return f"{self.get_kind_display()}, {self.made_at:%d %B %Y}"

    @property
    def is_retraction(self) -> bool:
        return self.kind == self.Kind.RETRACTION

    @property
    def anchor(self) -> str:
        return f"correction-{self.key}"
