"""The base of every image form in the admin (WAGTAILIMAGES_IMAGE_FORM_BASE): the add and edit
views, the multiple uploader's forms and the chooser's upload all build on it."""

from django.core.exceptions import ValidationError
from django.utils.html import format_html
from wagtail.images.forms import BaseImageForm

from masthead.images.fields import PhotoFileField
from masthead.images.permissions import pages_blocking_change
from masthead.images.usage import describe_pages, live_pages_showing

# What readers of a live page see of its photos: changing any of these changes those pages.
READER_FIELDS = (
    "file",
    "agency",
    "photographer",
    "description",
    "default_caption",
    "licence",
    "licence_url",
    "source_url",
    "licence_expiry",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
)


class PhotoForm(BaseImageForm):
    """Refuses to strip a live photo of its credit or alt text, and lets only those who may
    publish the pages showing a photo change what their readers see of it."""

    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")  # the base class takes it off kwargs
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            old = self.fields["file"]
            self.fields["file"] = PhotoFileField(
                label=old.label, required=old.required, widget=old.widget
            )
        self.stored = {name: getattr(self.instance, name) for name in READER_FIELDS}
        self._offer_suggestions()

    def _offer_suggestions(self) -> None:
        """The credit and caption the uploaded file carried: filled in where ours are empty,
        named in the help text where they differ, for the editor to check."""
        for name, value in (self.instance.suggested_metadata or {}).items():
            field = self.fields.get(name)
            if field is None or not value:
                continue
            current = getattr(self.instance, name)
            if not current:
                self.initial[name] = value
                note = f"Filled in from the photo file: “{value}”. Check it before saving."
            elif current != value:
                note = f"The photo file says: “{value}”."
            else:
                continue
            # Escaped here, not trusted to the template: the value came from an uploaded file.
            field.help_text = format_html("{} {}", field.help_text, note)

    def changed_reader_fields(self) -> list[str]:
        """The fields readers see that this submission changes from what is stored."""
        changed = []
        for name in READER_FIELDS:
            if name not in self.fields or name not in self.cleaned_data:
                continue
            if name == "file":
                if "file" in self.changed_data:
                    changed.append(name)
            elif self.cleaned_data[name] != self.stored[name]:
                changed.append(name)
        return changed

    def clean(self):
        cleaned_data = super().clean()
        changed = self.changed_reader_fields() if self.instance.pk else []
        if not changed:
            return cleaned_data
        pages = live_pages_showing(self.instance)
        if not pages:
            return cleaned_data
        shown_on = describe_pages(pages)
        self._keep_credit_and_alt_text(shown_on)
        blocking = pages_blocking_change(user=self.user, pages=pages)
        if blocking:
            raise ValidationError(
                f"Live pages show this photo: {shown_on}. A change to its file, credit, alt "
                "text, caption or licence reaches their readers at once, so it needs the right "
                f"to publish them, which you do not have for {describe_pages(blocking)}. "
                "Ask an editor who can publish them.",
                code="live_photo_needs_publish_rights",
            )
        return cleaned_data

    def _keep_credit_and_alt_text(self, shown_on: str) -> None:
        def value(name):
            return (self.cleaned_data.get(name, self.stored[name]) or "").strip()

        def had(name):
            return (self.stored[name] or "").strip()

        if (had("agency") or had("photographer")) and not (
            value("agency") or value("photographer")
        ):
            self.add_error(
                "agency" if "agency" in self.fields else None,
                ValidationError(
                    f"Live pages show this photo, so it must keep a credit (an agency or a "
                    f"photographer): {shown_on}.",
                    code="live_photo_needs_credit",
                ),
            )
        if had("description") and not value("description"):
            self.add_error(
                "description" if "description" in self.fields else None,
                ValidationError(
                    f"Live pages show this photo, so it must keep its alt text: {shown_on}.",
                    code="live_photo_needs_alt_text",
                ),
            )
