"""Two-step sign-in in the admin: its pages, its place in the account, its audit actions."""

from django.urls import include, path, reverse
from wagtail import hooks

from masthead.users.twofactor import audit


@hooks.register("register_admin_urls")
def register_two_step_urls():
    return [path("two-step/", include("masthead.users.twofactor.urls", namespace="twostep"))]


@hooks.register("register_account_menu_item")
def two_step_account_item(request):
    return {
        "url": reverse("twostep:overview"),
        "label": "Two-step sign-in",
        "help_text": "Sign in with a code from an authenticator app or with a passkey, after "
        "your password; recovery codes for when you have neither.",
    }


@hooks.register("register_log_actions", order=-1)
def register_two_step_log_actions(actions):
    """Plain labels, so an entry is never refused for want of one; the audit trail's own
    registrations of these actions, run after this, replace them."""
    for action, (label, message) in audit.LABELS.items():
        actions.register_action(action, label, message)
