"""RSS and Atom writers that carry the full article, every author and the photo credit."""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"


class MediaRssFeed(Rss201rev2Feed):
    """RSS 2.0 with content:encoded, dc:creator per author and media:content with its credit."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:media": MEDIA_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DC_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item.get("authors", []):
            handler.addQuickElement("dc:creator", author["name"])
        handler.addQuickElement("content:encoded", item["content_html"])
        image = item.get("image")
        if image:
            handler.startElement(
                "media:content",
                {
                    "url": image.url,
                    "medium": "image",
                    "type": image.mime_type,
                    "width": str(image.width),
                    "height": str(image.height),
                },
            )
            if image.caption:
                handler.addQuickElement("media:description", image.caption, {"type": "plain"})
            if image.credit:
                handler.addQuickElement("media:credit", image.credit, {"role": "photographer"})
            if image.alt:
                handler.addQuickElement("media:text", image.alt, {"type": "plain"})
            if image.licence:
                handler.addQuickElement("media:copyright", image.licence)
            handler.endElement("media:content")


class FullAtomFeed(Atom1Feed):
    """Atom with the full article as content and one <author> per byline."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item.get("authors", []):
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            handler.addQuickElement("uri", author["url"])
            handler.endElement("author")
        handler.addQuickElement("content", item["content_html"], {"type": "html"})
        image = item.get("image")
        if image:
            handler.addQuickElement(
                "link", "", {"rel": "enclosure", "href": image.url, "type": image.mime_type}
            )
