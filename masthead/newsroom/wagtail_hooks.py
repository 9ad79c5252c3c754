from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from masthead.core.clock import CLOCK_HOOK
from masthead.images.models import CustomImage
from masthead.images.usage import live_pages_showing
from masthead.newsroom.admin_publishing import GatedPagesAdminAPIViewSet, GatedPublishBulkAction
from masthead.newsroom.licences import EXPIRING_SOON, expiring, queue_withdrawals
from masthead.newsroom.models import ArticlePage, ArticleType, Author, Topic


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "role", "is_guest"]
    list_filter = ["is_guest"]
    search_fields = ["name", "role"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]


class ArticleTypeViewSet(SnippetViewSet):
    model = ArticleType
    icon = "doc-full"
    list_display = ["name", "plural_name", "is_brief", "sort_order"]


class NewsroomGroup(SnippetViewSetGroup):
    menu_label = "Newsroom"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (AuthorViewSet, TopicViewSet, ArticleTypeViewSet)


register_snippet(NewsroomGroup)


# The publish gate in the admin (newsroom/publishing.py says how every path is covered).


# Registered after Wagtail's own "publish" (order 0), which it replaces for every page type.
hooks.register("register_bulk_action", GatedPublishBulkAction, order=1)


@hooks.register("construct_admin_api")
def gated_api_publish(router):
    router.register_endpoint("pages", GatedPagesAdminAPIViewSet)


@hooks.register("before_edit_page")
def warn_of_a_held_schedule(request, page):
    """An article scheduled to go live that the gate would stop: say so whenever it is opened,
    before its time (a photo lost its credit since) and after (it was held back)."""
    from masthead.newsroom.publishing import scheduled_problems

    if request.method != "GET" or not isinstance(page, ArticlePage):
        return None
    revision, problems = scheduled_problems(page)
    if problems:
        when = date_format(localtime(revision.approved_go_live_at), "DATETIME_FORMAT")
        messages.warning(
            request,
            f"This article is scheduled to go live on {when} but will not be published "
            "until this is fixed: " + " ".join(problems),
        )
    return None


@hooks.register("register_log_actions")
def register_gate_log_actions(actions):
    from masthead.newsroom.publishing import HELD, UNPUBLISHED_BY_GATE

    class GateFormatter(LogFormatter):
        def format_comment(self, log_entry):
            return " ".join(log_entry.data.get("problems", []))

    @actions.register_action(HELD)
    class HeldFormatter(GateFormatter):
        label = "Scheduled publication held back"
        message = "Not published at its scheduled time: the publish gate stopped it"

    @actions.register_action(UNPUBLISHED_BY_GATE)
    class UnpublishedFormatter(GateFormatter):
        label = "Unpublished by the publish gate"
        message = "Unpublished: it went live without passing the publish gate"


hooks.register(CLOCK_HOOK, queue_withdrawals)


class PhotoLicencesPanel(Component):
    """On the dashboard of those who keep photos: licences running out within 30 days, and
    photos taken off public pages because theirs did, while live pages still choose them."""

    name = "photo_licences"
    template_name = "newsroom/admin/photo_licences_panel.html"
    order = 60
    LIMIT = 20

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        soon = [
            {
                "image": image,
                "days_left": (image.licence_expiry - today).days,
                "pages": live_pages_showing(image),
            }
            for image in expiring(today)[: self.LIMIT]
        ]
        expired = CustomImage.objects.filter(licence_expiry__lt=today).order_by("-licence_expiry")
        withdrawn = [
            {"image": image, "pages": pages}
            for image in expired[: self.LIMIT]
            if (pages := live_pages_showing(image))
        ]
        return {"soon": soon, "withdrawn": withdrawn, "days": EXPIRING_SOON.days}


@hooks.register("construct_homepage_panels")
def add_photo_licences_panel(request, panels):
    photo_permissions = policy_registry.get_by_type(CustomImage)
    if photo_permissions.user_has_any_permission(request.user, ["add", "change"]):
        panels.append(PhotoLicencesPanel())
