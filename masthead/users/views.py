"""Sign out everywhere: from one's own account, or for another account by an administrator.

Each asks first (a page with one POST button) and acts only on POST. The admin's URL hook
wraps both in Wagtail's admin check, so the log entries they write name the acting user.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from masthead.users.sessions import sign_out_everywhere

CHANGE_USER = "users.change_user"


class SignOutEverywhereView(WagtailAdminTemplateMixin, TemplateView):
    """The signed-in user's own: every other browser and device; this one stays signed in."""

    template_name = "users/sign_out_everywhere.html"
    page_title = "Sign out everywhere"
    header_icon = "logout"
    own = True

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailadmin_account"), "label": "Account"},
            {"url": "", "label": self.page_title},
        ]

    def account(self):
        return self.request.user

    def cancel_url(self) -> str:
        return reverse("wagtailadmin_account")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            account=self.account(),
            own=self.own,
            cancel_url=self.cancel_url(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        sign_out_everywhere(user=request.user, request=request, keep_current=True)
        messages.success(
            request, "You were signed out of every other browser and device. This one stays."
        )
        return redirect(self.cancel_url())


class SignUserOutEverywhereView(SignOutEverywhereView):
    """An administrator's, for the account being edited in Settings → Users."""

    own = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(CHANGE_USER):
            raise PermissionDenied
        self.target = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return get_user_display_name(self.target)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailusers_users:index"), "label": "Users"},
            {"url": self.cancel_url(), "label": get_user_display_name(self.target)},
            {"url": "", "label": self.page_title},
        ]

    def account(self):
        return self.target

    def cancel_url(self) -> str:
        return reverse("wagtailusers_users:edit", args=[self.target.pk])

    def post(self, request, *args, **kwargs):
        # Oneself from here too: then this browser is kept, as from one's own account.
        own = self.target.pk == request.user.pk
        sign_out_everywhere(user=self.target, request=request, keep_current=own)
        name = get_user_display_name(self.target)
        messages.success(
            request,
            f"{name} was signed out of every browser and device"
            + (", except this one." if own else "."),
        )
        return redirect(self.cancel_url())
