from django.db import models
from django.utils import timezone
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """A photo with its credit, source and licence, entered once and shown wherever it goes."""

    agency = models.CharField(
        max_length=120, blank=True, help_text='The agency, in capitals as credited: "REUTERS".'
    )
    photographer = models.CharField(max_length=120, blank=True)
    source_url = models.URLField("Source URL", blank=True)
    licence = models.CharField(
        max_length=200, blank=True, help_text='For example "All rights reserved" or "CC BY 4.0".'
    )
    licence_url = models.URLField("Licence URL", blank=True)
    licence_expiry = models.DateField(
        null=True, blank=True, help_text="After this date the photo may no longer be shown."
    )
    # The expiry the worker took the photo off public pages for (newsroom/licences.py): set when
    # it purged them, so each expiry is acted on once; a new expiry date is acted on anew.
    withdrawn_for_expiry = models.DateField(null=True, blank=True, editable=False)
    default_caption = models.TextField(blank=True)
    # Wagtail's description field is the alt text: renamed for editors, read by default_alt_text.
    description = models.CharField(
        "alt text",
        max_length=255,
        blank=True,
        default="",
        help_text="Describe what the photo shows for readers who cannot see it.",
    )
    # The credit and caption the file carried when it was uploaded (they are stripped from the
    # public file with the rest of its metadata): offered to the editor, never shown to readers.
    suggested_metadata = models.JSONField(default=dict, blank=True, editable=False)

    admin_form_fields = Image.admin_form_fields + (
        "default_caption",
        "agency",
        "photographer",
        "source_url",
        "licence",
        "licence_url",
        "licence_expiry",
    )

    class Meta(AbstractImage.Meta):
        permissions = [
            # The photo desk: may change photos that live pages show without the right to publish
            # those pages (masthead.images.permissions).
            ("change_live_photo", "Can change photos that live pages show"),
        ]

    @property
    def credit(self) -> str:
        """The credit in house style: AGENCY/Photographer, either part alone when one is missing."""
        return "/".join(part for part in (self.agency.strip(), self.photographer.strip()) if part)

    @property
    def has_credit(self) -> bool:
        return bool(self.credit)

    @property
    def alt_text(self) -> str:
        return self.description

    @property
    def licence_expired(self) -> bool:
        """Past its licence's last day (in the site's time zone): readers no longer see it."""
        return self.licence_expiry is not None and self.licence_expiry < timezone.localdate()


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
