"""Listing pages that are not in the page tree: LATEST, briefs, types, topics, authors and the
corrections."""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.functional import cached_property

from masthead.core.versioning import versioned_key
from masthead.delivery import tags
from masthead.images.renditions import specs_for
from masthead.newsroom import queries
from masthead.newsroom.models import ArticleType, Author, Topic

PER_PAGE = 20


class CachedCountPaginator(Paginator):
    """Counting a long list scans all of it; the count is kept until the content changes."""

    @cached_property
    def count(self):
        sql, params = self.object_list.query.sql_with_params()
        key = versioned_key("count", sql, params)
        count = cache.get(key)
        if count is None:
            count = self.object_list.count()
            cache.set(key, count, 60 * 60)
        return count


def paginate(request, queryset, per_page: int = PER_PAGE):
    """One page of a list; a missing, malformed or too-large ?page= falls back, never fails."""
    page = CachedCountPaginator(queryset, per_page).get_page(request.GET.get("page"))
    page.object_list = queries.decorate(list(page.object_list), photos=specs_for("teaser"))
    return page


def listing(request, *, title, queryset, intro="", template="newsroom/listing.html", **extra):
    context = {"title": title, "intro": intro, "page_obj": paginate(request, queryset), **extra}
    return TemplateResponse(request, template, context)


def latest(request):
    tags.add(tags.listing("stories"))
    return listing(
        request,
        title="Latest",
        queryset=queries.stories(),
        intro="Everything we publish, newest first.",
    )


def briefs(request):
    tags.add(tags.listing("briefs"))
    return listing(
        request,
        title="Briefs",
        queryset=queries.briefs(),
        intro="The news in short.",
        template="newsroom/briefs.html",
    )


def article_type(request, slug):
    kind = get_object_or_404(ArticleType, slug=slug)
    tags.add(tags.listing("type", kind.pk))
    return listing(
        request, title=kind.plural_name, intro=kind.description, queryset=queries.of_type(kind)
    )


def topic(request, slug):
    subject = get_object_or_404(Topic, slug=slug)
    tags.add(tags.listing("topic", subject.pk))
    return listing(
        request, title=subject.name, intro=subject.description, queryset=queries.with_topic(subject)
    )


def corrections(request):
    """Every correction and clarification, newest first: the newsroom's public record."""
    tags.add(tags.listing("corrections"))
    page = CachedCountPaginator(queries.corrections(), PER_PAGE).get_page(request.GET.get("page"))
    tags.add(*(tags.page(correction.page_id) for correction in page.object_list))
    context = {"title": "Corrections", "page_obj": page, "feed": ("corrections", "", "Corrections")}
    return TemplateResponse(request, "newsroom/corrections.html", context)


def author(request, slug):
    person = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    tags.add(tags.listing("author", person.pk), tags.author(person.pk))
    return listing(
        request,
        title=person.name,
        queryset=queries.by_author(person),
        template="newsroom/author.html",
        author=person,
        feed=("author", person.slug, person.name),
    )
