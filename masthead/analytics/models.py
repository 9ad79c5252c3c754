"""What readership keeps: the hits of the last days, each day's salt, and the rollups editors
read. See analytics/CONTEXT.md for the words; nothing here identifies a reader."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class Hit(models.Model):
    """One view, or one depth read, as the beacon reported it (kept `retention_days`)."""

    VIEW, READ = "v", "r"
    PHONE, TABLET, DESKTOP = "p", "t", "d"

    kind = models.CharField(max_length=1, default=VIEW)
    page_id = models.PositiveIntegerField()  # not a key: a hit is written before it is checked
    hour = models.DateTimeField()  # to the hour, UTC
    depth = models.PositiveSmallIntegerField(default=0)  # 25, 50, 75 or 100 for a read
    referrer = models.CharField(max_length=100, blank=True)  # the referring site's domain
    source = models.CharField(max_length=60, blank=True)  # utm_source or ref
    device = models.CharField(max_length=1, default=DESKTOP)
    newsletter = models.BooleanField(default=False)
    # Today's visitor hash (CONTEXT.md); blanked once the day is rolled up.
    visitor = models.CharField(max_length=16, blank=True)

    class Meta:
        indexes = [models.Index(fields=["hour"], name="hit_hour")]

    def __str__(self):
        what = "view" if self.kind == self.VIEW else f"read to {self.depth}%"
        return f"{what} of page {self.page_id}, {self.hour:%Y-%m-%d %H}:00"


class Salt(models.Model):
    """The day's secret the visitor hash is made with; deleted when the day is over."""

    day = models.DateField(unique=True)
    secret = models.CharField(max_length=64)

    def __str__(self):
        return f"salt of {self.day}"


class Seen(models.Model):
    """A visitor hash a page (page 0: the site) has counted today, so a reader counts once a
    day however many hours they come back; the day's go when it is rolled up. Keyed by the
    three alone, as the rollup looks them up (no id: a million a busy hour, each an index less
    to write)."""

    pk = models.CompositePrimaryKey("day", "page_id", "visitor")
    day = models.DateField()
    page_id = models.PositiveIntegerField()
    visitor = models.CharField(max_length=16)

    def __str__(self):
        return f"page {self.page_id} seen {self.day}"


class PageDay(models.Model):
    """A page's (page 0: the whole site's) readership on one day."""

    day = models.DateField()
    page_id = models.PositiveIntegerField()
    views = models.PositiveIntegerField(default=0)
    visitors = models.PositiveIntegerField(default=0)
    newsletter_views = models.PositiveIntegerField(default=0)
    read_25 = models.PositiveIntegerField(default=0)
    read_50 = models.PositiveIntegerField(default=0)
    read_75 = models.PositiveIntegerField(default=0)
    read_100 = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "page_id"], name="page_day_once")]
        indexes = [models.Index(fields=["page_id", "day"], name="page_day_by_page")]
        # Who may see the readership screens (the Editor and Newsletter editor roles).
        permissions = [("view_readership", "Can see the readership screens")]

    def __str__(self):
        return f"page {self.page_id} on {self.day}: {self.views} views"


class PageHour(models.Model):
    """A page's views in one hour: what "Most read" in the last 24 hours is counted from."""

    hour = models.DateTimeField()
    page_id = models.PositiveIntegerField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["hour", "page_id"], name="page_hour_once")]

    def __str__(self):
        return f"page {self.page_id}, {self.hour:%Y-%m-%d %H}:00: {self.views} views"


class SourceDay(models.Model):
    """Views of a page on one day from one referring domain and `utm_source`/`ref`."""

    day = models.DateField()
    page_id = models.PositiveIntegerField()
    referrer = models.CharField(max_length=100, blank=True)
    source = models.CharField(max_length=60, blank=True)
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "page_id", "referrer", "source"], name="source_day_once"
            )
        ]

    def __str__(self):
        return f"page {self.page_id} from {self.referrer or self.source or 'nowhere'} on {self.day}"


class DeviceDay(models.Model):
    """The site's views on one day from one class of device."""

    day = models.DateField()
    device = models.CharField(max_length=1)
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "device"], name="device_day_once")]

    def __str__(self):
        return f"{self.device} on {self.day}: {self.views} views"


class Rollup(models.Model):
    """How far the rollup has got: every hour before `done_until` is counted (one row)."""

    done_until = models.DateTimeField()

    def __str__(self):
        return f"rolled up until {self.done_until:%Y-%m-%d %H}:00"


@register_setting(icon="view")
class ReadershipSettings(BaseGenericSetting):
    retention_days = models.PositiveSmallIntegerField(
        "Keep hits for (days)",
        default=30,
        validators=[MinValueValidator(2), MaxValueValidator(400)],
        help_text="Each view as it was counted is deleted after this many days; the daily "
        "counts in the readership screens are kept.",
    )

    panels = [FieldPanel("retention_days")]

    class Meta:
        verbose_name = "Readership"
