"""Move the content version on whenever something readers see changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from masthead.core.versioning import bump

# Wagtail fills these in lazily while rendering; they change nothing a reader sees.
HOUSEKEEPING_FIELDS = {"file_size", "file_hash"}


def changed(update_fields=None, **kwargs) -> None:
    if update_fields and set(update_fields) <= HOUSEKEEPING_FIELDS:
        return
    bump()


def settings_changed(created=False, **kwargs) -> None:
    # Wagtail creates the settings row with its defaults on the first request: nothing changed.
    if not created:
        bump()


def connect() -> None:
    from masthead.images.models import CustomImage
    from masthead.newsroom.models import ArticleType, Author, Topic
    from masthead.siteconfig.models import SiteSettings

    for name, signal in [
        ("published", page_published),
        ("unpublished", page_unpublished),
        ("moved", post_page_move),
    ]:
        signal.connect(changed, dispatch_uid=f"cv-page-{name}")
    post_delete.connect(changed, sender="wagtailcore.Page", dispatch_uid="cv-page-delete")
    post_save.connect(settings_changed, sender=SiteSettings, dispatch_uid="cv-settings")
    post_delete.connect(changed, sender=SiteSettings, dispatch_uid="cv-settings-del")
    for model in (Author, Topic, ArticleType, CustomImage):
        post_save.connect(changed, sender=model, dispatch_uid=f"cv-{model.__name__}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"cv-del-{model.__name__}")
