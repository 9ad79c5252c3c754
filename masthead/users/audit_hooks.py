"""The admin's side of sessions and the audit trail: the log actions' labels and messages (so
*Reports → Site history* reads and filters them), "Sign out everywhere" in one's account and
for an account in *Settings → Users*, and the group form's record of permission changes."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.views.reports.audit_logging import SiteHistoryReportFilterSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter

from masthead.users import views
from masthead.users.audit import GroupPermissionsAudit

# Wagtail 8.0's Site history offers in its User filter only the users of page log entries: its
# filter set defines `get_user_choices`, which nothing calls, where the base class asks for
# `get_users_queryset`. Filtering by anyone else (the user of an account event) makes the filter
# form invalid, and the report then shows everything, every filter dropped. Until Wagtail mends
# it, the report asks the method it meant (users of every log entry the reader may see).
if "get_users_queryset" not in SiteHistoryReportFilterSet.__dict__:
    SiteHistoryReportFilterSet.get_users_queryset = SiteHistoryReportFilterSet.get_user_choices


def listing(names, limit: int = 8) -> str:
    names = list(names)
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def from_address(data) -> str:
    return f" from {data['address']}" if data.get("address") else ""


METHODS = {"totp": "authenticator app", "passkey": "passkey", "recovery": "recovery codes"}


def method(data) -> str:
    name = METHODS.get(data.get("method"), data.get("method"))
    return f" ({name})" if name else ""


def changes(what: str, data) -> str:
    parts = []
    if data.get("added"):
        parts.append(f"granted {listing(data['added'])}")
    if data.get("removed"):
        parts.append(f"withdrawn {listing(data['removed'])}")
    return f"{what}: {'; '.join(parts) or 'unchanged'}"


FLAG_WORDS = {
    ("is_superuser", True): "made a superuser",
    ("is_superuser", False): "no longer a superuser",
    ("is_staff", True): "given staff status",
    ("is_staff", False): "staff status removed",
    ("is_active", True): "reactivated",
    ("is_active", False): "deactivated",
}


def flags(data) -> str:
    words = [FLAG_WORDS.get((flag, bool(value))) for flag, value in data.items()]
    return "; ".join(word for word in words if word).capitalize() or "Account status changed"


def groups(data) -> str:
    parts = []
    if data.get("added"):
        parts.append(f"Added to {listing(data['added'])}")
    if data.get("removed"):
        parts.append(f"Removed from {listing(data['removed'])}")
    return "; ".join(parts) or "Roles unchanged"


def correction(verb: str):
    def describe(data) -> str:
        text = data.get("text", "")
        text = text if len(text) <= 120 else text[:119] + "…"
        return f"{data.get('kind', 'Correction')} {verb}: “{text}”"

    return describe


def sent(data) -> str:
    states = data.get("states", {})
    message = f"Sent: {states.get('accepted', 0)} of {data.get('audience', 0)} accepted"
    trouble = [f"{states[state]} {state}" for state in ("failed", "bounced") if states.get(state)]
    return message + (f" ({', '.join(trouble)})" if trouble else "")


ACTIONS = {
    # Signing in and out
    "masthead.signed_in": ("Sign in", lambda data: "Signed in" + from_address(data)),
    "masthead.sign_in_failed": (
        "Failed sign-in",
        lambda data: (
            "Failed sign-in"
            + from_address(data)
            + (" (locked out: too many failures)" if data.get("locked_out") else "")
        ),
    ),
    "masthead.signed_out": ("Sign out", lambda data: "Signed out"),
    "masthead.session.expired": (
        "Session expired",
        lambda data: f"Signed out after {data.get('minutes')} minutes of inactivity",
    ),
    "masthead.sessions.ended": (
        "Sign out everywhere",
        lambda data: (
            "Signed out everywhere"
            + (", except the browser it was done from" if data.get("kept_current") else "")
        ),
    ),
    # Two-step sign-in: logged by users.twofactor, named here
    "masthead.2fa.added": (
        "Two-step sign-in: method added",
        lambda data: "Two-step sign-in method added" + method(data),
    ),
    "masthead.2fa.removed": (
        "Two-step sign-in: method removed",
        lambda data: "Two-step sign-in method removed" + method(data),
    ),
    "masthead.2fa.recovery_used": (
        "Two-step sign-in: recovery code used",
        lambda data: "Signed in with a recovery code",
    ),
    "masthead.2fa.failed": (
        "Two-step sign-in: failed",
        lambda data: "Failed the second step of signing in" + method(data),
    ),
    # Roles and permissions
    "masthead.user.groups": ("Change roles", groups),
    "masthead.user.flags": ("Change account status", flags),
    "masthead.user.permissions": (
        "Change a person's own permissions",
        lambda data: changes("Own permissions", data),
    ),
    "masthead.group.permissions": (
        "Change group permissions",
        lambda data: changes("Permissions", data),
    ),
    "masthead.group.page_permissions": (
        "Change group page permissions",
        lambda data: changes("Page permissions", data),
    ),
    "masthead.group.collection_permissions": (
        "Change group collection permissions",
        lambda data: changes("Collection permissions", data),
    ),
    # Corrections, on their page
    "masthead.correction.added": ("Add correction", correction("added")),
    "masthead.correction.changed": ("Change correction", correction("changed")),
    "masthead.correction.removed": ("Remove correction", correction("removed")),
    # Newsletter sends, on their issue
    "masthead.newsletter.send": (
        "Start newsletter send",
        lambda data: f"Sending started to {data.get('audience', 0)} readers",
    ),
    "masthead.newsletter.sent": ("Finish newsletter send", sent),
}


@hooks.register("register_log_actions", order=100)  # after those it takes over from
def register_log_actions(actions):
    for action, (label, describe) in ACTIONS.items():
        if action in actions.formatters:
            # Named already (the two-step module names its own, as a fallback): this name takes
            # its place, and the report's filter offers the action once.
            actions.choices = [choice for choice in actions.choices if choice[0] != action]
        formatter = type(
            "MastheadLogFormatter",
            (LogFormatter,),
            {
                "label": label,
                "format_message": lambda self, entry, describe=describe: describe(entry.data or {}),
            },
        )
        actions.register_action(action)(formatter)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "account/sign-out-everywhere/",
            views.SignOutEverywhereView.as_view(),
            name="masthead_sign_out_everywhere",
        ),
        path(
            "users/<int:user_id>/sign-out-everywhere/",
            views.SignUserOutEverywhereView.as_view(),
            name="masthead_sign_user_out_everywhere",
        ),
    ]


@hooks.register("register_account_menu_item")
def sign_out_everywhere_menu_item(request):
    return {
        "url": reverse("masthead_sign_out_everywhere"),
        "label": "Sign out everywhere",
        "help_text": "Sign out of every other browser and device where you are signed in; "
        "this one stays signed in.",
    }


@hooks.register("register_user_listing_buttons")
def sign_out_everywhere_button(user, request_user):
    if request_user.has_perm(views.CHANGE_USER):
        yield Button(
            "Sign out everywhere",
            url=reverse("masthead_sign_user_out_everywhere", args=[user.pk]),
            icon_name="logout",
            priority=60,
        )


@hooks.register("register_group_permission_panel", order=1000)
def audit_group_permissions():
    # Last, so it saves after the panels whose changes it records.
    return GroupPermissionsAudit
