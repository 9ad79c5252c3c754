"""The site a restore writes into: empty before, and indexed and told afterwards.

"Empty" is what `migrate` leaves: Wagtail's root page with its placeholder "Welcome" page and
a Site for it, the root collection, and perhaps the operator's own account. The placeholder
and its Site make way for the archive's; anything more (an article, an author, a photo…) and
the restore is refused before anything changes.
"""

from itertools import islice

from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex, Site
from wagtail.search.backends import get_search_backends
from wagtail.search.index import get_indexed_models

from masthead.core.versioning import bump
from masthead.delivery import tags
from masthead.delivery.purge import purge_tags
from masthead.importers.archive import ArchiveError
from masthead.importers.models import LongRedirect
from masthead.importers.writer.indexing import TitleNorms, index_objects
from masthead.newsletter.models import Newsletter, Subscription
from masthead.newsroom.models import ArticlePage, ArticleType, Author, Topic

CHUNK = 500


def site_contents() -> dict[str, int]:
    """What the site holds beyond a freshly migrated one, by kind (only kinds it has)."""
    placeholder = ContentType.objects.get_for_model(Page)
    articles = ArticlePage.objects.count()
    found = {
        "articles": articles,
        "other pages": Page.objects.filter(depth__gt=1).exclude(content_type=placeholder).count()
        - articles,
        "authors": Author.objects.count(),
        "topics": Topic.objects.count(),
        "article types": ArticleType.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "newsletters": Newsletter.objects.count(),
        "subscriptions": Subscription.objects.count(),
        "redirects": Redirect.objects.count() + LongRedirect.objects.count(),
        "collections": Collection.objects.filter(depth__gt=1).count(),
    }
    return {name: count for name, count in found.items() if count}


def refuse_unless_empty() -> None:
    found = site_contents()
    if found:
        held = ", ".join(f"{count} {name}" for name, count in found.items())
        raise ArchiveError(
            f"the site is not empty (it has {held}): an archive is restored only into a freshly "
            "migrated site, so nothing was changed"
        )


def prepare_site(codec) -> Page:
    """Make way for the archive's pages and sites; the root page they go under."""
    refuse_unless_empty()  # again, inside the restore's transaction
    root = Page.get_first_root_node()
    if root is None:
        raise ArchiveError("the site has no root page: run `manage.py migrate` first")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    Site.objects.all().delete()
    for placeholder in Page.objects.filter(depth=2):
        placeholder.delete()
    return Page.objects.get(pk=root.pk)


def finish_restore(echo=None) -> None:
    """Fill the search and reference indexes with what was restored, and tell every cache."""
    backends = list(get_search_backends())
    norms = TitleNorms()
    for model in get_indexed_models():
        objects = model.get_indexed_objects().order_by("pk")
        for chunk in _chunks(objects):
            index_objects(backends, model, chunk, norms)
    if echo:
        echo("search index filled")
    page_type = ContentType.objects.get_for_model(Page)
    for model in sorted(ReferenceIndex.indexed_models, key=lambda m: m._meta.label):
        objects = model._default_manager.order_by("pk")
        if model is Page:  # the other pages are indexed as their own types
            objects = objects.filter(content_type=page_type)
        for chunk in _chunks(objects):
            for obj in chunk:
                ReferenceIndex.create_or_update_for_object(obj)
    if echo:
        echo("reference index filled")
    Site.clear_site_root_paths_cache()
    bump()  # every remembered look-up (routes, lists, settings) starts again
    purge_tags(tags={tags.SITE})


def _chunks(queryset):
    iterator = queryset.iterator(chunk_size=CHUNK)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk
