"""What an import remembers: its runs, what each record became, what it could not do, and old
addresses too long for Wagtail's redirects. See importers/CONTEXT.md for the words."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact


class ImportRun(models.Model):
    """One import of one export, from the command line or the admin."""

    PLANNED, QUEUED, RUNNING = "planned", "queued", "running"
    DONE, FAILED, CANCELLED = "done", "failed", "cancelled"
    STATUSES = [
        (PLANNED, "Waiting to be started"),
        (QUEUED, "Queued for the task worker"),
        (RUNNING, "Running"),
        (DONE, "Done"),
        (FAILED, "Failed"),
        (CANCELLED, "Cancelled"),
    ]
    FINISHED = (DONE, FAILED, CANCELLED)

    source = models.CharField(max_length=20, blank=True)  # wordpress, ghost, substack, html, …
    name = models.CharField(max_length=255, help_text="The export's file name.")
    export_path = models.CharField(max_length=1000, blank=True)  # an upload kept for the worker
    options = models.JSONField(default=dict, blank=True)  # mapping, uploads folder, fetch_media
    plan = models.JSONField(default=dict, blank=True)  # what will be made: counts, terms
    status = models.CharField(max_length=20, choices=STATUSES, default=PLANNED)
    cancel_requested = models.BooleanField(default=False)
    items_total = models.PositiveIntegerField(default=0)
    items_done = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict, blank=True)
    summary = models.TextField(blank=True)  # the command's last line
    error = models.TextField(blank=True)
    # What the run read: its export's bytes, the mapping and the options that change what is
    # made. A later run that reads the same, and finds every page as this run left it, has no
    # item to convert or write, and does not read the items again.
    read_digest = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.get_status_display().lower()})"

    @property
    def percent(self) -> int:
        if self.status == self.DONE:
            return 100
        if not self.items_total:
            return 0
        return min(99, self.items_done * 100 // self.items_total)

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED


class ImportedObject(models.Model):
    """Which Masthead object one source record became, so a second run finds it."""

    ITEM, AUTHOR, TERM, MEDIA, SUBSCRIBER = "item", "author", "term", "media", "subscriber"

    source = models.CharField(max_length=300)  # "wordpress:https://old.example.org"
    kind = models.CharField(max_length=20)
    key = models.CharField(max_length=255)
    content_hash = models.CharField(max_length=64, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    # The page's latest revision when it was written: another one means an editor changed it.
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    # Work left for the end of a run (links to rewrite, search and reference indexes to fill):
    # kept here so a run killed halfway finishes it when it is started again.
    pending = models.BooleanField(default=False, db_index=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "key"], name="imported_once"),
        ]
        indexes = [models.Index(fields=["kind", "object_id"], name="imported_target")]

    def __str__(self):
        return f"{self.source} {self.kind} {self.key} → {self.object_id}"

    @classmethod
    def items_as_left(cls, source: str) -> tuple[int, int]:
        """How many items of a source were imported, and how many of those are not as their
        import left them: their page deleted or edited since, or work still pending."""
        from wagtail.models import Page

        page = Page.objects.filter(pk=OuterRef("object_id")).order_by()
        number = models.BigIntegerField()
        latest = Coalesce(Subquery(page.values("latest_revision_id")), 0, output_field=number)
        left = Coalesce("revision_id", 0, output_field=number)
        changed = Q(pending=True) | ~Exists(page) | ~Exact(latest, left)
        rows = cls.objects.filter(source=source, kind=cls.ITEM)
        counts = rows.aggregate(items=Count("pk"), changed=Count("pk", filter=changed))
        return counts["items"], counts["changed"]


class ImportProblem(models.Model):
    """Something a run could not do as asked, a record it skipped, or an imported live page
    that needs attention (the publish gate would stop it at its next edit)."""

    PROBLEM, SKIPPED, ATTENTION, KEPT = "problem", "skipped", "attention", "kept"
    KINDS = [
        (PROBLEM, "Problem"),
        (SKIPPED, "Skipped"),
        (ATTENTION, "Needs attention"),
        (KEPT, "Left as an editor changed it"),
    ]

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="problems")
    kind = models.CharField(max_length=20, choices=KINDS, default=PROBLEM)
    where = models.CharField(max_length=400, blank=True)  # "post 12 “Title”"
    message = models.TextField()
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.where}: {self.message}" if self.where else self.message


class LongRedirect(models.Model):
    """An old address longer than Wagtail's redirect column (255 characters) allows."""

    path_hash = models.CharField(max_length=64, unique=True)
    old_path = models.TextField()
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    redirect_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    redirect_link = models.TextField(blank=True)

    def __str__(self):
        return self.old_path

    @staticmethod
    def hash_of(path: str) -> str:
        return hashlib.sha256(path.encode()).hexdigest()

    @property
    def link(self) -> str | None:
        if self.redirect_page_id:
            return self.redirect_page.specific_deferred.url
        return self.redirect_link or None
