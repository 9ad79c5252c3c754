"""Feeds (RSS 2.0, Atom, JSON Feed 1.1), sitemaps and robots.txt."""

import dataclasses

from django.contrib.sitemaps import views as sitemap_views
from django.contrib.syndication.views import Feed
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date

from masthead.delivery import tags
from masthead.feeds import content, escaping, icons, scopes, sitemaps
from masthead.feeds.generators import FullAtomFeed, MediaRssFeed
from masthead.siteconfig.models import SiteSettings


@dataclasses.dataclass(frozen=True)
class FeedItem:
    """An article's fields for every format, each put through the rule in escaping.py once:
    plain text, or sanitised HTML (`content_html`). Formats that carry a plain field as HTML
    escape it as they write it."""

    id: str
    url: str
    title: str
    summary: str
    content_html: str
    authors: list
    categories: list
    image: content.FeedImage | None


class FeedContext:
    """What every format needs to know about one request: the scope, the outlet, the site root."""

    def __init__(self, request, kind="site", slug=""):
        self.request = request
        self.scope = scopes.resolve(kind, slug)
        self.outlet = SiteSettings.for_request(request)
        self.root = request.build_absolute_uri("/").rstrip("/")
        self._authors = {}

    @property
    def title(self) -> str:
        name = self.outlet.outlet_name
        return escaping.text(f"{self.scope.title} | {name}" if self.scope.title else name)

    @property
    def description(self) -> str:
        if self.scope.title:
            return escaping.text(f"The latest from {self.outlet.outlet_name}: {self.scope.title}.")
        return escaping.text(self.outlet.tagline or f"The latest from {self.outlet.outlet_name}.")

    def articles(self) -> list:
        """The feed's articles, each with its `feed_item`."""
        tags.add(*self.scope.tags)
        articles = content.prepare(list(self.scope.articles[: scopes.FEED_LENGTH]))
        for article in articles:
            article.feed_item = self.item(article)
        return articles

    def item(self, article) -> FeedItem:
        image = content.hero_image(article, self.root)
        if image:
            image = dataclasses.replace(
                image,
                caption=escaping.text(image.caption),
                credit=escaping.text(image.credit),
                alt=escaping.text(image.alt),
                licence=escaping.text(image.licence),
            )
        return FeedItem(
            id=self.item_id(article),
            url=content.item_url(article, self.root),
            title=escaping.text(article.title),
            summary=escaping.text(article.dek),
            content_html=escaping.clean_html(content.article_html(article, self.root)),
            authors=self.authors(article),
            categories=[escaping.text(name) for name in self.categories(article)],
            image=image,
        )

    def absolute(self, path: str) -> str:
        return path if path.startswith("http") else self.root + path

    def item_id(self, article) -> str:
        # translation_key survives renames and moves between regions: a reader never sees a
        # corrected headline as a new story.
        return f"urn:uuid:{article.translation_key}"

    def authors(self, article) -> list[dict]:
        return [self.author(a) for a in article.authors]

    def author(self, author) -> dict:
        """Name and page of an author, worked out once per feed: bylines repeat."""
        if author.pk not in self._authors:
            url = self.absolute(author.get_absolute_url())
            self._authors[author.pk] = {"name": escaping.text(author.name), "url": url}
        return self._authors[author.pk]

    def categories(self, article) -> list[str]:
        names = [article.region.title] if article.region else []
        names += [article.article_type.name] if article.article_type else []
        return names + article.feed_topics  # see content.prepare()


class ArticleRssFeed(Feed):
    feed_type = MediaRssFeed
    format = "rss"
    # RSS says nothing of markup in <title>; readers render it as HTML, as they do <description>
    # (and Django's feeds escape titles for that reason): both carry escaped text.
    as_title = staticmethod(escaping.html_from_text)

    def __call__(self, request, *args, **kwargs):
        # As Django's Feed.__call__, but the XML is written to a string once rather than to the
        # response in thousands of small writes (a fifth of a cold feed's time).
        feed = self.get_feed(self.get_object(request, *args, **kwargs), request)
        response = HttpResponse(feed.writeString("utf-8"), content_type=feed.content_type)
        response.headers["Last-Modified"] = http_date(feed.latest_post_date().timestamp())
        return response

    def get_object(self, request, kind="site", slug=""):
        return FeedContext(request, kind, slug)

    def title(self, ctx):
        return self.as_title(ctx.title)

    def link(self, ctx):
        return ctx.scope.link

    def feed_url(self, ctx):
        return ctx.scope.feed_url(self.format)

    def description(self, ctx):
        return escaping.html_from_text(ctx.description)  # RSS: the channel's <description>

    def subtitle(self, ctx):
        return ctx.description  # Atom: <subtitle>, text

    def items(self, ctx):
        return ctx.articles()

    # The feed object is shared by every request: what an item shows rides on the item itself.
    def item_title(self, article):
        return self.as_title(article.feed_item.title)

    def item_description(self, article):
        return escaping.html_from_text(article.feed_item.summary)  # HTML in RSS and Atom both

    def item_link(self, article):
        return article.feed_item.url

    def item_guid(self, article):
        return article.feed_item.id

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.first_published_at

    def item_updateddate(self, article):
        return content.modified_at(article)

    def item_categories(self, article):
        return article.feed_item.categories

    def item_extra_kwargs(self, article):
        item = article.feed_item
        return {"content_html": item.content_html, "authors": item.authors, "image": item.image}


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = FullAtomFeed
    format = "atom"
    as_title = staticmethod(escaping.text)  # Atom's <title> is type="text"


def json_feed(request, kind="site", slug=""):
    """JSON Feed 1.1 (jsonfeed.org), with the photo credit in a `_masthead` extension."""
    ctx = FeedContext(request, kind, slug)
    items = []
    for article in ctx.articles():
        fields = article.feed_item
        image = fields.image
        item = {
            "id": fields.id,
            "url": fields.url,
            "title": fields.title,
            "summary": fields.summary,  # plain text in JSON Feed
            "content_html": fields.content_html,
            "date_published": article.first_published_at.isoformat(),
            "date_modified": content.modified_at(article).isoformat(),
            "authors": fields.authors,
            "tags": fields.categories,
        }
        if image:
            item["image"] = image.url
            item["_masthead"] = {
                "image_caption": image.caption,
                "image_credit": image.credit,
                "image_alt": image.alt,
                "image_licence": image.licence,
            }
        items.append(item)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": ctx.title,
        "home_page_url": ctx.absolute(ctx.scope.link),
        "feed_url": ctx.absolute(ctx.scope.feed_url("json")),
        "description": ctx.description,
        "language": "en",
        "items": items,
    }
    return JsonResponse(
        feed, content_type="application/feed+json", json_dumps_params={"ensure_ascii": False}
    )


def sitemap_index(request):
    tags.add(*sitemaps.TAGS)
    return sitemap_views.index(
        request, sitemaps.sections(request), sitemap_url_name="sitemap_section"
    )


def sitemap_section(request, section):
    tags.add(*sitemaps.TAGS)
    return sitemap_views.sitemap(
        request, sitemaps.sections(request), section=section, template_name="feeds/sitemap.xml"
    )


def news_sitemap(request):
    tags.add(*sitemaps.TAGS)
    outlet = SiteSettings.for_request(request)
    articles = [
        {
            "loc": request.build_absolute_uri(article.get_url(request)),
            "title": escaping.text(article.title),  # escaped once by the template
            "published": article.first_published_at,
        }
        for article in sitemaps.recent_news()
    ]
    return TemplateResponse(
        request,
        "feeds/news_sitemap.xml",
        {
            "articles": articles,
            "publication": escaping.text(outlet.outlet_name),
            "language": "en",
        },
        content_type="application/xml; charset=utf-8",
    )


def robots_txt(request):
    tags.add(tags.SITE)
    root = request.build_absolute_uri("/").rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {root}{reverse('sitemap')}",
        f"Sitemap: {root}{reverse('news_sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def site_icon(request, name: str):
    """/favicon.ico, /apple-touch-icon.png and the manifest's icons (feeds/icons.py)."""
    tags.add(tags.SITE)
    outlet = SiteSettings.for_request(request)
    if outlet.icon_id:
        tags.add(tags.image(outlet.icon_id))  # a new file for the icon purges every size
    image = icons.source(outlet)
    if name == "favicon.ico":
        return HttpResponse(icons.ico(image), content_type="image/x-icon")
    return HttpResponse(icons.png(image, icons.PNG_SIZES[name]), content_type="image/png")


def web_manifest(request):
    tags.add(tags.SITE)
    return JsonResponse(
        icons.manifest(SiteSettings.for_request(request)),
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
