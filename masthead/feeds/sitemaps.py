"""sitemap.xml (an index of sections) and the Google News sitemap."""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from masthead.delivery import tags
from masthead.newsroom import queries
from masthead.newsroom.models import ArticleCorrection, ArticlePage, ArticleType, Author, Topic

# Sitemaps list every live page and article: any publish, unpublish or move changes them.
TAGS = (tags.listing("stories"), tags.listing("briefs"), tags.listing("pages"))
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most this many per sitemap


class PageSitemap(WagtailSitemap):
    """Every live page but the articles, which have a section of their own."""

    def items(self):
        return super().items().not_type(ArticlePage)


class ArticleSitemap(Sitemap):
    """Articles with their top photo, newest first, with the date they last changed."""

    limit = 10_000

    def __init__(self, request=None):
        self.request = request

    def items(self):
        corrected = ArticleCorrection.objects.filter(page=OuterRef("pk")).order_by("-made_at")
        return (
            queries.published_articles()
            .select_related("hero_image")
            .defer_streamfields()
            .annotate(last_correction=Subquery(corrected.values("made_at")[:1]))
        )

    def location(self, article):
        return article.get_url(self.request)

    def lastmod(self, article):
        changed = article.last_published_at or article.first_published_at
        return max(changed, article.last_correction or changed)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            image = url["item"].hero_image
            if image is not None and not image.licence_expired:
                url["images"] = [
                    {"loc": self.request.build_absolute_uri(image.file.url), "title": image.title}
                ]
        return urls


class ListingSitemap(Sitemap):
    """The listing pages outside the page tree: LATEST, briefs, corrections, types, topics,
    authors."""

    def items(self):
        return (
            ["latest", "briefs", "corrections"]
            + list(ArticleType.objects.filter(is_brief=False))
            + list(Topic.objects.all())
            + list(Author.objects.all())
        )

    def location(self, item):
        if isinstance(item, str):
            from django.urls import reverse

            return reverse(item)
        return item.get_absolute_url()


def sections(request) -> dict:
    return {
        "pages": PageSitemap(request),
        "articles": ArticleSitemap(request),
        "listings": ListingSitemap(),
    }


def recent_news():
    """Articles first published in the last 48 hours, for the Google News sitemap."""
    since = timezone.now() - NEWS_WINDOW
    return (
        queries.published_articles()
        .filter(first_published_at__gte=since)
        .defer_streamfields()[:NEWS_LIMIT]
    )
