"""What a feed covers: the whole site, or one region, topic, type or author."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse

from masthead.delivery import tags
from masthead.newsroom import queries
from masthead.newsroom.models import ArticleType, Author, Topic

FEED_LENGTH = 50
KINDS = ("region", "topic", "type", "author")


@dataclass(frozen=True)
class Scope:
    kind: str  # "site" or one of KINDS
    slug: str
    title: str  # what the feed is about: "Europe", "Analysis", an author's name
    link: str  # the HTML page the feed mirrors
    articles: QuerySet
    tags: tuple = ()  # the cache tags of the list it mirrors

    def feed_url(self, fmt: str = "rss") -> str:
        return feed_url(self.kind, self.slug, fmt)


def feed_url(kind: str = "site", slug: str = "", fmt: str = "rss") -> str:
    suffix = "" if fmt == "rss" else f"{fmt}/"
    if kind == "corrections":
        return reverse("corrections_feed") + suffix
    if kind == "site":
        return reverse("feed") + suffix
    return reverse("scoped_feed", kwargs={"kind": kind, "slug": slug}) + suffix


def resolve(kind: str = "site", slug: str = "") -> Scope:
    """The scope named in a feed URL; 404 for anything that does not exist or is not live."""
    if kind == "site":
        site_tags = (tags.listing("stories"), tags.listing("briefs"))
        return Scope("site", "", "", "/", queries.published_articles(), site_tags)
    if kind == "region":
        section = next((s for s in queries.live_sections() if s.slug == slug), None)
        if section is None:
            raise Http404("No such region")
        return Scope(
            kind,
            slug,
            section.title,
            section.url,
            queries.in_region(section),
            (tags.listing("region", section.pk),),
        )
    if kind == "topic":
        topic = _get(Topic, slug)
        return Scope(
            kind,
            slug,
            topic.name,
            topic.get_absolute_url(),
            queries.with_topic(topic),
            (tags.listing("topic", topic.pk),),
        )
    if kind == "type":
        article_type = _get(ArticleType, slug)
        return Scope(
            kind,
            slug,
            article_type.plural_name,
            article_type.get_absolute_url(),
            queries.of_type(article_type),
            (tags.listing("type", article_type.pk),),
        )
    if kind == "author":
        author = _get(Author, slug)
        return Scope(
            kind,
            slug,
            author.name,
            author.get_absolute_url(),
            queries.by_author(author),
            (tags.listing("author", author.pk), tags.author(author.pk)),
        )
    raise Http404("No such feed")


def _get(model, slug):
    try:
        return model.objects.get(slug=slug)
    except model.DoesNotExist:
        raise Http404(f"No such {model._meta.verbose_name}") from None
