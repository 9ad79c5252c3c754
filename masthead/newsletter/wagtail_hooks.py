from django.urls import include, path, reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.widgets import Button, ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from masthead.core.clock import CLOCK_HOOK
from masthead.newsletter import admin_views, sending
from masthead.newsletter.models import Issue, Newsletter, Subscription


class NewsletterViewSet(SnippetViewSet):
    model = Newsletter
    icon = "mail"
    list_display = ["name", "sender_email", "is_default"]


class IssueViewSet(SnippetViewSet):
    model = Issue
    icon = "doc-full"
    list_display = ["subject", "newsletter", "state", "week_of", "sent_at"]
    list_filter = ["state", "newsletter"]


class SubscriptionIndexView(IndexView):
    """The subscriber list, with links to the import and to delete a reader's data."""

    @cached_property
    def header_more_buttons(self):
        return super().header_more_buttons + [
            Button("Import from CSV", reverse("newsletter_admin:import"), icon_name="upload"),
            Button("Delete a reader's data", reverse("newsletter_admin:forget"), icon_name="bin"),
        ]


class SubscriptionViewSet(SnippetViewSet):
    index_view_class = SubscriptionIndexView
    model = Subscription
    icon = "user"
    list_display = ["email", "newsletter", "state", "created_at", "confirmed_at"]
    list_filter = ["state", "newsletter"]
    search_fields = ["email"]
    list_export = ["email", "newsletter", "state", "created_at", "confirmed_at", "consent_source"]
    export_filename = "subscribers"
    list_per_page = 50


class NewsletterGroup(SnippetViewSetGroup):
    menu_label = "Newsletter"
    menu_icon = "mail"
    menu_order = 210
    items = (IssueViewSet, SubscriptionViewSet, NewsletterViewSet)


register_snippet(NewsletterGroup)

admin_urls = (
    [
        path("issues/<int:pk>/preview/", admin_views.preview, name="preview"),
        path("issues/<int:pk>/test/", admin_views.send_test, name="test"),
        path("issues/<int:pk>/send/", admin_views.send, name="send"),
        path("sends/<int:pk>/", admin_views.progress, name="progress"),
        path("subscribers/import/", admin_views.import_subscribers, name="import"),
        path("subscribers/forget/", admin_views.forget, name="forget"),
    ],
    "newsletter_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("newsletter/", include(admin_urls))]


@hooks.register("register_snippet_listing_buttons")
def issue_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, Issue):
        return []
    buttons = [
        ListingButton(
            "Preview email", reverse("newsletter_admin:preview", args=[snippet.pk]), priority=20
        ),
    ]
    if hasattr(snippet, "send"):
        buttons.append(
            ListingButton(
                "Progress",
                reverse("newsletter_admin:progress", args=[snippet.send.pk]),
                priority=21,
            )
        )
    else:
        buttons.append(
            ListingButton("Send…", reverse("newsletter_admin:send", args=[snippet.pk]), priority=21)
        )
    return buttons


# The clock (core/clock.py) drafts each week's round-up and starts due sends every minute.
hooks.register(CLOCK_HOOK, sending.tick)
