"""Who may change a photo that live pages show: the one place that says so."""

from wagtail.models import Page

# The photo desk's permission (CustomImage.Meta): its holders may change live photos without the
# right to publish every page that shows them.
CHANGE_LIVE_PHOTO = "images.change_live_photo"


def pages_blocking_change(*, user, pages: list[Page]) -> list[Page]:
    """The live pages showing a photo that this user may not publish, and so may not change
    through the photo (its file, credit, alt text, caption or licence reach readers at once).
    Empty when the user may change it."""
    if user is None:
        return list(pages)  # no one to vouch for: the change is refused
    if user.has_perm(CHANGE_LIVE_PHOTO):
        return []
    return [page for page in pages if not page.permissions_for_user(user).can_publish()]
