from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from masthead.analytics import admin_views, most_read, reports, rollups
from masthead.core.clock import CLOCK_HOOK

# The clock (core/clock.py) rolls up each finished hour of hits and forgets what is not kept.
hooks.register(CLOCK_HOOK, rollups.roll_up)
# Then the readership screen's figures are worked out for the hours just rolled up.
hooks.register(CLOCK_HOOK, reports.warm)
# And every ten minutes works out "Most read" again, purging the pages whose lists changed.
hooks.register(CLOCK_HOOK, most_read.refresh)


class ReadershipMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("readership/", admin_views.dashboard, name="analytics_dashboard"),
        path(
            "readership/page/<int:page_id>/", admin_views.page_readership, name="analytics_page"
        ),  # fmt: skip
    ]


@hooks.register("register_admin_menu_item")
def register_readership_menu_item():
    return ReadershipMenuItem(
        "Readership", reverse("analytics_dashboard"), icon_name="view", order=250
    )


@hooks.register("register_page_header_buttons")
def readership_button(page, user, view_name, next_url=None):
    """ "Readership" on a published page's admin header: its views since publication."""
    if page.first_published_at and user.has_perm(admin_views.PERMISSION):
        yield Button(
            "Readership",
            reverse("analytics_page", args=[page.pk]),
            icon_name="view",
            priority=66,
        )
