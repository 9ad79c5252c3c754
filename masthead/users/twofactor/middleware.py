"""The admin is closed to a signed-in session that owes a second step.

After Wagtail's password sign-in, a person with a second step set up is sent to pass it
(`verify`, keeping where they were going in `next`), and a person the sign-in policy covers who
has none is sent to set one up; until then only those pages, signing out and what they need
answer. Goes after django-otp's OTPMiddleware, which says which second step the session passed.
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from masthead.users.twofactor import devices, policy

# Open to any signed-in session: signing in and out, and what every admin page loads.
ALWAYS_OPEN = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
# Open to a session that owes its second step: passing it.
VERIFYING = {"twostep:verify", "twostep:passkey_auth_begin", "twostep:passkey_auth_complete"}
# Open to a session the policy sends to set a second step up: setting it up.
SETTING_UP = {
    "twostep:overview",
    "twostep:setup_app",
    "twostep:recovery_codes",
    "twostep:passkey_register_begin",
    "twostep:passkey_register_complete",
}


class TwoStepMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix = None

    def __call__(self, request):
        return self.get_response(request)

    def admin_prefix(self) -> str:
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        return self._admin_prefix

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(self.admin_prefix()):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        name = match.view_name if match else ""
        if name in ALWAYS_OPEN or name.startswith("wagtailadmin_password_reset"):
            return None
        if devices.has_second_step(user):
            if name in VERIFYING:
                return None
            return redirect(_with_next(reverse("twostep:verify"), request))
        if policy.is_required(user, request=request):
            if name in SETTING_UP:
                return None
            return redirect(_with_next(reverse("twostep:overview"), request))
        return None


def _with_next(url: str, request) -> str:
    """`url`, with the page asked for to come back to (a page, not a form's POST)."""
    if request.method != "GET":
        return url
    return f"{url}?{urlencode({'next': request.get_full_path()})}"
