from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from masthead.core import admin_views
from masthead.core.worker import overview


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("background-work/", admin_views.background_work, name="core_background_work")]


@hooks.register("register_settings_menu_item")
def register_background_work_menu_item():
    return SuperuserMenuItem(
        "Background work",
        reverse("core_background_work"),
        name="background-work",
        icon_name="cogs",
        order=900,
    )


class BackgroundWorkPanel(Component):
    """On the dashboard, only when something needs a look: a task stuck on a lost worker, work
    waiting with no worker alive, or a task that failed in the last day."""

    name = "background_work"
    template_name = "core/admin/background_work_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        work = overview(limit=10)
        return {
            "work": work,
            "waiting_without_worker": work.no_live_worker and work.queued_count > 0,
        }


@hooks.register("construct_homepage_panels")
def add_background_work_panel(request, panels):
    if request.user.is_superuser:
        panels.append(BackgroundWorkPanel())
