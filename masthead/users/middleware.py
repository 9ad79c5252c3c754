from functools import cache

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.urls import reverse

from masthead.users import sessions


@cache
def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


@cache
def heartbeat_prefix() -> str:
    # The edit views ping this every few seconds while they are open, to say who else is
    # editing: a browser left open is not someone at work.
    return admin_prefix() + "editing-sessions/"


class IdleSessionMiddleware:
    """Ends a signed-in session that has been idle in the admin for SESSION_IDLE_TIMEOUT.

    Only requests that bring a session cookie are looked at, so a reader's cookie-free request
    (and the page cache that answers it) never loads or writes a session. Activity is a request
    to the admin, recorded in the session at most once a minute; any request of an idle
    session, in the admin or not, signs it out, and in the admin the sign-in page then says why.
    Sits after the authentication and message middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = sessions.idle_timeout()
        if timeout and settings.SESSION_COOKIE_NAME in request.COOKIES:
            self.check(request, timeout)
        return self.get_response(request)

    def check(self, request, timeout: int) -> None:
        in_admin = request.path_info.startswith(admin_prefix())
        now = sessions.clock()
        last = request.session.get(sessions.LAST_ACTIVE)
        if last is None:
            # A session from before the clock was kept, or nobody signed in: start counting.
            if in_admin and request.user.is_authenticated:
                sessions.mark_active(request)
            return
        if now - last > timeout:
            minutes = sessions.idle_minutes()
            request.masthead_idle_minutes = minutes  # the audit trail says why
            logout(request)
            if in_admin:
                messages.warning(
                    request,
                    f"You were signed out after {minutes} minute{'s' if minutes != 1 else ''} "
                    "of inactivity. Sign in again to carry on.",
                )
        elif (
            in_admin
            and now - last >= sessions.TOUCH_EVERY
            and not request.path_info.startswith(heartbeat_prefix())
        ):
            sessions.mark_active(request)
