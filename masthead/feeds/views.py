from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.models import Site

from masthead.newsroom import queries
from masthead.siteconfig.models import SiteSettings

FEED_LENGTH = 50


class LatestFeed(Feed):
    """The site's RSS 2.0 feed: the newest pieces with their deks."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return Site.find_for_request(request)

    def title(self, site):
        return SiteSettings.for_site(site).outlet_name if site else "Masthead"

    def link(self, site):
        return "/"

    def description(self, site):
        return SiteSettings.for_site(site).tagline if site else ""

    def items(self, site):
        return queries.decorate(list(queries.published_articles()[:FEED_LENGTH]))

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.dek

    def item_link(self, article):
        return article.get_url(self.request)

    def item_pubdate(self, article):
        return article.first_published_at

    def item_author_name(self, article):
        return ", ".join(author.name for author in article.authors)
