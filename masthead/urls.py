from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from masthead.analytics import views as readership
from masthead.feeds import views as feeds
from masthead.feeds.corrections import CorrectionsAtomFeed, CorrectionsRssFeed, corrections_json
from masthead.feeds.icons import PNG_SIZES
from masthead.feeds.views import ArticleAtomFeed, ArticleRssFeed, json_feed
from masthead.newsletter import webhooks
from masthead.newsroom import views as newsroom
from masthead.search.views import search

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("feed/", ArticleRssFeed(), name="feed"),
    path("corrections/feed/", CorrectionsRssFeed(), name="corrections_feed"),
    path("corrections/feed/atom/", CorrectionsAtomFeed(), name="corrections_feed_atom"),
    path("corrections/feed/json/", corrections_json, name="corrections_feed_json"),
    path("feed/atom/", ArticleAtomFeed(), name="feed_atom"),
    path("feed/json/", json_feed, name="feed_json"),
    path("feed/<str:kind>/<slug:slug>/", ArticleRssFeed(), name="scoped_feed"),
    path("feed/<str:kind>/<slug:slug>/atom/", ArticleAtomFeed(), name="scoped_feed_atom"),
    path("feed/<str:kind>/<slug:slug>/json/", json_feed, name="scoped_feed_json"),
    path("sitemap.xml", feeds.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", feeds.sitemap_section, name="sitemap_section"),
    path("news-sitemap.xml", feeds.news_sitemap, name="news_sitemap"),
    path("robots.txt", feeds.robots_txt, name="robots_txt"),
    path("a/hit", readership.hit, name="readership_hit"),
    path("a/hit.gif", readership.hit, name="readership_image"),
    path("favicon.ico", feeds.site_icon, {"name": "favicon.ico"}, name="favicon"),
    *[path(name, feeds.site_icon, {"name": name}) for name in PNG_SIZES],
    path("manifest.webmanifest", feeds.web_manifest, name="web_manifest"),
    path("search/", search, name="search"),
    path("newsletter/", include("masthead.newsletter.urls")),
    *webhooks.routes(),  # bounces and complaints: only when switched on, with a secret
    path("latest/", newsroom.latest, name="latest"),
    path("briefs/", newsroom.briefs, name="briefs"),
    path("corrections/", newsroom.corrections, name="corrections"),
    path("type/<slug:slug>/", newsroom.article_type, name="article_type"),
    path("topics/<slug:slug>/", newsroom.topic, name="topic"),
    path("authors/<slug:slug>/", newsroom.author, name="author"),
]

if settings.SERVE_MEDIA:  # one-machine shape: Django serves uploads from the local folder
    from django.views.static import serve

    urlpatterns.append(
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

urlpatterns += [path("", include(wagtail_urls))]
