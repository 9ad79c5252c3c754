"""When something readers see changes: move the content version on and purge what shows it.

The content version keys caches of derived things (list counts). The purge names the cache
tags (delivery/tags.py) of every page and feed that shows the change: the article's own page
and every page showing it (`p<id>`), the lists it belongs to (LATEST, briefs, its regions,
topics, type and authors), and the article pages whose related list takes it in.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from masthead.core.versioning import bump
from masthead.delivery import tags
from masthead.delivery.purge import purge_tags

# Wagtail fills these in lazily while rendering; they change nothing a reader sees.
HOUSEKEEPING_FIELDS = {"file_size", "file_hash"}


def article_tags(article) -> set[str]:
    """Every tag a change to this article touches, read from its current state."""
    from masthead.newsroom.queries import related_dependents

    found = {tags.page(article.pk), tags.listing("stories"), tags.listing("briefs")}
    found.add(tags.listing("corrections"))  # a correction added, or a corrected piece gone
    parent = Page.objects.filter(path=article.path[: -Page.steplen]).values_list("pk", flat=True)
    found.update(tags.listing("region", pk) for pk in parent)
    found.update(
        tags.listing("region", pk) for pk in article.extra_regions.values_list("pk", flat=True)
    )
    found.update(tags.listing("topic", pk) for pk in article.topics.values_list("pk", flat=True))
    found.update(tags.listing("author", link.author_id) for link in article.article_authors.all())
    if article.article_type_id:
        found.add(tags.listing("type", article.article_type_id))
    found.update(tags.page(pk) for pk in related_dependents(article))
    return found


def page_tags(page) -> set[str]:
    from masthead.newsroom.models import ArticlePage, SectionPage

    page = page.specific
    if isinstance(page, ArticlePage):
        found = article_tags(page)
    elif isinstance(page, SectionPage):
        found = {tags.SITE}  # every page's navigation names the regions
    else:
        found = {tags.page(page.pk)}
    return found | {tags.listing("pages")}  # the sitemaps


def page_changed(instance, **kwargs) -> None:
    bump()
    purge_tags(tags=page_tags(instance))


def page_moved(instance, parent_page_before=None, **kwargs) -> None:
    bump()
    found = page_tags(instance)
    if parent_page_before is not None:
        found.add(tags.listing("region", parent_page_before.pk))
    purge_tags(tags=found)


def version_moved(**kwargs) -> None:
    """Deleted pages (a live one was unpublished, and purged, just before) and saved regions."""
    bump()


def restriction_changed(**kwargs) -> None:
    """A page made private, or public again: no kept copy may outlive the change."""
    bump()
    purge_tags(tags={tags.SITE})


def snippet_changed(sender, instance, update_fields=None, **kwargs) -> None:
    from masthead.images.models import CustomImage
    from masthead.newsroom.models import Author

    if update_fields and set(update_fields) <= HOUSEKEEPING_FIELDS:
        return
    bump()
    if sender is Author:
        purge_tags(tags={tags.author(instance.pk), tags.listing("author", instance.pk)})
    elif sender is CustomImage:
        purge_tags(tags={tags.image(instance.pk)})
    else:  # topics and types are named in kickers and categories everywhere
        purge_tags(tags={tags.SITE})


def settings_changed(created=False, **kwargs) -> None:
    # Wagtail creates the settings row with its defaults on the first request: nothing changed.
    if not created:
        bump()
        purge_tags(tags={tags.SITE})


def connect() -> None:
    from masthead.images.models import CustomImage
    from masthead.newsroom.models import ArticlePage, ArticleType, Author, SectionPage, Topic
    from masthead.newsroom.publishing import refuse_failing_move, unpublish_failing_article
    from masthead.siteconfig.models import SiteSettings

    # The publish gate on the paths that do not go through ArticlePage.publish().
    page_published.connect(
        unpublish_failing_article, sender=ArticlePage, dispatch_uid="gate-page-published"
    )
    pre_page_move.connect(refuse_failing_move, sender=ArticlePage, dispatch_uid="gate-page-move")
    page_published.connect(page_changed, dispatch_uid="purge-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="purge-page-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="purge-page-moved")
    post_delete.connect(version_moved, sender="wagtailcore.Page", dispatch_uid="cv-page-delete")
    # The regions' list is remembered under the content version; drafts of a region move it too.
    post_save.connect(version_moved, sender=SectionPage, dispatch_uid="cv-section-save")
    post_save.connect(version_moved, sender="wagtailcore.Site", dispatch_uid="cv-site-save")
    for name, signal in [("save", post_save), ("del", post_delete)]:
        signal.connect(
            restriction_changed,
            sender="wagtailcore.PageViewRestriction",
            dispatch_uid=f"cv-restriction-{name}",
        )
    post_delete.connect(version_moved, sender="wagtailcore.Site", dispatch_uid="cv-site-del")
    post_save.connect(settings_changed, sender=SiteSettings, dispatch_uid="cv-settings")
    post_delete.connect(settings_changed, sender=SiteSettings, dispatch_uid="cv-settings-del")
    for model in (Author, Topic, ArticleType, CustomImage):
        post_save.connect(snippet_changed, sender=model, dispatch_uid=f"cv-{model.__name__}")
        post_delete.connect(snippet_changed, sender=model, dispatch_uid=f"cv-del-{model.__name__}")
