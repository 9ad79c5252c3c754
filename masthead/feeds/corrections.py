"""The corrections feed (RSS, Atom, JSON Feed): each correction an item of its own, with a
permanent id, linking to the note at the end of the article it concerns."""

from django.contrib.syndication.views import Feed
from django.http import JsonResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from masthead.delivery import tags
from masthead.feeds import escaping
from masthead.newsroom import queries
from masthead.siteconfig.models import SiteSettings

FEED_LENGTH = 50


class Corrections:
    """One request's corrections, each with what every format shows of it."""

    def __init__(self, request):
        self.outlet = SiteSettings.for_request(request)
        self.root = request.build_absolute_uri("/").rstrip("/")
        tags.add(tags.listing("corrections"))
        self.items = list(queries.corrections()[:FEED_LENGTH])
        for correction in self.items:
            tags.add(tags.page(correction.page_id))
            page = correction.page
            correction.feed_url = f"{self.root}{page.url}#{correction.anchor}"
            correction.feed_title = escaping.text(f"{correction.get_kind_display()}: {page.title}")
            correction.feed_text = escaping.text(correction.text)

    @property
    def title(self) -> str:
        return escaping.text(f"Corrections | {self.outlet.outlet_name}")

    @property
    def description(self) -> str:
        return escaping.text(
            f"Every correction, clarification and retraction {self.outlet.outlet_name} publishes."
        )

    def link(self) -> str:
        return self.root + reverse("corrections")


class CorrectionsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    as_title = staticmethod(escaping.html_from_text)

    def get_object(self, request):
        return Corrections(request)

    def title(self, feed):
        return self.as_title(feed.title)

    def link(self, feed):
        return feed.link()

    def description(self, feed):
        return escaping.html_from_text(feed.description)

    def subtitle(self, feed):
        return feed.description

    def items(self, feed):
        return feed.items

    def item_title(self, correction):
        return self.as_title(correction.feed_title)

    def item_description(self, correction):
        return escaping.html_from_text(correction.feed_text)

    def item_link(self, correction):
        return correction.feed_url

    def item_guid(self, correction):
        return f"urn:uuid:{correction.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, correction):
        return correction.made_at

    def item_categories(self, correction):
        return [correction.get_kind_display()]


class CorrectionsAtomFeed(CorrectionsRssFeed):
    feed_type = Atom1Feed
    as_title = staticmethod(escaping.text)


def corrections_json(request):
    feed = Corrections(request)
    items = [
        {
            "id": f"urn:uuid:{correction.key}",
            "url": correction.feed_url,
            "title": correction.feed_title,
            "content_text": correction.feed_text,
            "date_published": correction.made_at.isoformat(),
            "tags": [correction.get_kind_display()],
        }
        for correction in feed.items
    ]
    data = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": feed.link(),
        "feed_url": feed.root + reverse("corrections_feed_json"),
        "description": feed.description,
        "language": "en",
        "items": items,
    }
    return JsonResponse(
        data, content_type="application/feed+json", json_dumps_params={"ensure_ascii": False}
    )
