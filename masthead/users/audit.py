"""The audit trail: account and permission events, corrections and sends, in Wagtail's own log.

Wagtail already logs what happens to pages and snippets (publish, unpublish, delete, workflow
steps); this adds what it does not, as entries of the same log, so *Reports → Site history*
reads and filters them all (by action, user, date and type). Each entry names the acting user:
the one signed in when there is a request (Wagtail's `LogContext`, which every admin view
opens), nobody ("system") for the clock, the task worker and `migrate`. The actions' labels and
messages are in `audit_hooks.py`.

Who reads what is Wagtail's rule: an entry on an account or a group only by those who hold a
permission on accounts or groups (the Administrator role), a page's by those who may explore the
page, an issue's by those who hold a newsletter permission.

Corrections and sends are models of apps to the right of this one (newsroom, newsletter): they
are named by label, never imported.
"""

import logging

from django.apps import apps
from django.contrib.auth import get_user_model, user_logged_in, user_logged_out, user_login_failed
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Count, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.forms import Media
from django_tasks.signals import task_finished
from wagtail.log_actions import get_active_log_context, log
from wagtail.log_actions import registry as log_registry
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from masthead.users.sessions import concrete, start_idle_clock

logger = logging.getLogger(__name__)

CORRECTION = "newsroom.ArticleCorrection"
SEND = "newsletter.Send"
SEND_TASK = "masthead.newsletter.tasks.send_issue_task"
FLAGS = ("is_superuser", "is_staff", "is_active")
CORRECTION_FIELDS = ("kind", "made_at", "text")


def connect() -> None:
    """Wired in `UsersConfig.ready()`."""
    import axes.signals  # noqa: F401 - axes' receivers first: a failure then knows if it locked

    User = get_user_model()
    uid = "masthead.users.audit"
    user_logged_in.connect(start_idle_clock, dispatch_uid=f"{uid}.idle")
    user_logged_in.connect(signed_in, dispatch_uid=f"{uid}.in")
    user_login_failed.connect(sign_in_failed, dispatch_uid=f"{uid}.failed")
    user_logged_out.connect(signed_out, dispatch_uid=f"{uid}.out")
    m2m_changed.connect(groups_changed, sender=User.groups.through, dispatch_uid=f"{uid}.groups")
    m2m_changed.connect(
        user_permissions_changed,
        sender=User.user_permissions.through,
        dispatch_uid=f"{uid}.user_perms",
    )
    m2m_changed.connect(
        group_permissions_changed, sender=Group.permissions.through, dispatch_uid=f"{uid}.perms"
    )
    pre_save.connect(note_flags, sender=User, dispatch_uid=f"{uid}.flags.pre")
    post_save.connect(flags_changed, sender=User, dispatch_uid=f"{uid}.flags")
    for model in (GroupPagePermission, GroupCollectionPermission):
        post_save.connect(permission_row_added, sender=model, dispatch_uid=f"{uid}.{model}.add")
        post_delete.connect(
            permission_row_removed, sender=model, dispatch_uid=f"{uid}.{model}.remove"
        )
    pre_save.connect(note_correction, sender=CORRECTION, dispatch_uid=f"{uid}.correction.pre")
    post_save.connect(correction_saved, sender=CORRECTION, dispatch_uid=f"{uid}.correction")
    post_delete.connect(
        correction_removed, sender=CORRECTION, dispatch_uid=f"{uid}.correction.removed"
    )
    post_save.connect(send_started, sender=SEND, dispatch_uid=f"{uid}.send")
    task_finished.connect(send_finished, dispatch_uid=f"{uid}.sent")


def address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


# Signing in and out


def signed_in(sender, request, user, **kwargs) -> None:
    user = concrete(user)
    log(user, "masthead.signed_in", user=user, data={"address": address(request)})


def sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    """Logged against the account whose name was given. A name that matches no account is not
    logged: Wagtail's log hangs every entry on an object, and what was typed is often the
    person's password typed into the wrong box, which no log should keep. Axes still counts
    those failures, as every other."""
    User = get_user_model()
    name = credentials.get(User.USERNAME_FIELD)
    if not name:
        return
    account = User._default_manager.filter(**{User.USERNAME_FIELD: name}).first()
    if account is None:
        return
    locked = bool(getattr(request, "axes_locked_out", False))
    # No user: nobody is known to have acted (the report says "system").
    log(
        account, "masthead.sign_in_failed", data={"address": address(request), "locked_out": locked}
    )


def signed_out(sender, request, user, **kwargs) -> None:
    if user is None:  # a session that was no longer signed in
        return
    user = concrete(user)
    minutes = getattr(request, "masthead_idle_minutes", None)
    if minutes:
        log(user, "masthead.session.expired", user=user, data={"minutes": minutes})
    else:
        log(user, "masthead.signed_out", user=user, data={"address": address(request)})


# Roles and permissions


def _members_changed(instance, action, pk_set, related):
    """What an m2m change did, as ("added" or "removed", pks), or None. A clear's pks are
    noted just before it (`related` is the accessor that lists them)."""
    if action == "pre_clear":
        instance._masthead_cleared = set(getattr(instance, related).values_list("pk", flat=True))
        return None
    if action == "post_clear":
        pk_set = instance.__dict__.pop("_masthead_cleared", set())
    elif action not in ("post_add", "post_remove"):
        return None
    if not pk_set:
        return None
    return "added" if action == "post_add" else "removed", set(pk_set)


def groups_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """A user put in or taken out of a group (a role), from either side."""
    change = _members_changed(instance, action, pk_set, "user_set" if reverse else "groups")
    if change is None:
        return
    verb, pks = change
    if reverse:  # group.user_set.add(...): one entry per user
        for user in get_user_model()._default_manager.filter(pk__in=pks):
            log(user, "masthead.user.groups", data={verb: [instance.name]})
    else:
        names = sorted(Group.objects.filter(pk__in=pks).values_list("name", flat=True))
        log(instance, "masthead.user.groups", data={verb: names})


def permission_names(pks) -> list[str]:
    return sorted(
        f"{app_label}.{codename}"
        for app_label, codename in Permission.objects.filter(pk__in=pks).values_list(
            "content_type__app_label", "codename"
        )
    )


def group_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """A group's model permissions changed, from either side."""
    change = _members_changed(instance, action, pk_set, "group_set" if reverse else "permissions")
    if change is None:
        return
    verb, pks = change
    if reverse:  # permission.group_set.add(...)
        for group in Group.objects.filter(pk__in=pks):
            log(group, "masthead.group.permissions", data={verb: permission_names([instance.pk])})
    else:
        log(instance, "masthead.group.permissions", data={verb: permission_names(pks)})


def user_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """Permissions given to a person directly, outside any group (no admin screen does it)."""
    change = _members_changed(
        instance, action, pk_set, "user_set" if reverse else "user_permissions"
    )
    if change is None:
        return
    verb, pks = change
    if reverse:  # permission.user_set.add(...)
        for user in get_user_model()._default_manager.filter(pk__in=pks):
            log(user, "masthead.user.permissions", data={verb: permission_names([instance.pk])})
    else:
        log(instance, "masthead.user.permissions", data={verb: permission_names(pks)})


def note_flags(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or instance.pk is None:
        return
    if update_fields is not None and not set(update_fields) & set(FLAGS):
        return  # a sign-in's last_login, and the like
    instance._masthead_flags = sender._default_manager.filter(pk=instance.pk).values(*FLAGS).first()


def flags_changed(sender, instance, created, raw=False, **kwargs) -> None:
    """Superuser, staff or active switched on or off for an account."""
    before = instance.__dict__.pop("_masthead_flags", None)
    if created or raw or before is None:
        return
    changed = {
        flag: getattr(instance, flag) for flag in FLAGS if before[flag] != getattr(instance, flag)
    }
    if changed:
        log(instance, "masthead.user.flags", data=changed)


# A group's page and collection permissions. Wagtail's group form writes new rows in bulk, which
# sends no signal, so the form's changes are logged by `GroupPermissionsAudit` (a panel of the
# form, registered in audit_hooks.py) and the signals below log only the other writes.
_form_saves: set = set()  # the log context ids of group forms being saved


def describe_rows(model, target: str, rows) -> list[str]:
    """(target id, permission id) rows as "codename on Target"."""
    targets = model._meta.get_field(target).related_model._default_manager.in_bulk(
        {row[0] for row in rows}
    )
    permissions = Permission.objects.in_bulk({row[1] for row in rows})
    return sorted(
        f"{permissions[perm].codename} on {targets[pk] if pk in targets else pk}"
        for pk, perm in rows
        if perm in permissions
    )


def log_permission_rows(group, model, added=(), removed=()) -> None:
    target = "page" if model is GroupPagePermission else "collection"
    data = {}
    if added:
        data["added"] = describe_rows(model, target, added)
    if removed:
        data["removed"] = describe_rows(model, target, removed)
    if data:
        log(group, f"masthead.group.{target}_permissions", data=data)


def _row(instance):
    target = "page_id" if isinstance(instance, GroupPagePermission) else "collection_id"
    return getattr(instance, target), instance.permission_id


def permission_row_added(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw and get_active_log_context().uuid not in _form_saves:
        log_permission_rows(instance.group, sender, added=[_row(instance)])


def deleted_itself(sender, origin) -> bool:
    """The row was deleted for itself, not with its group, page or collection (Wagtail logs
    their deletion)."""
    return isinstance(origin, sender) or (isinstance(origin, QuerySet) and origin.model is sender)


def permission_row_removed(sender, instance, origin=None, **kwargs) -> None:
    if not deleted_itself(sender, origin) or get_active_log_context().uuid in _form_saves:
        return
    group = Group.objects.filter(pk=instance.group_id).first()
    if group is not None:
        log_permission_rows(group, sender, removed=[_row(instance)])


class GroupPermissionsAudit:
    """A panel of Wagtail's group form that shows nothing: once the form is valid it notes the
    group's page and collection permissions, and after the other panels have saved (it is
    registered last) it logs what they granted and withdrew."""

    media = Media()

    def __init__(self, data=None, files=None, instance=None, **kwargs):
        self.instance = instance
        self.before = None

    def rows(self) -> dict:
        if self.instance is None or self.instance.pk is None:
            return {GroupPagePermission: set(), GroupCollectionPermission: set()}
        return {
            GroupPagePermission: set(
                GroupPagePermission.objects.filter(group=self.instance).values_list(
                    "page_id", "permission_id"
                )
            ),
            GroupCollectionPermission: set(
                GroupCollectionPermission.objects.filter(group=self.instance).values_list(
                    "collection_id", "permission_id"
                )
            ),
        }

    def is_valid(self) -> bool:
        # Asked once every other part of the form is valid, just before they save.
        self.before = self.rows()
        if uuid := get_active_log_context().uuid:
            _form_saves.add(uuid)
        return True

    def save(self) -> None:
        _form_saves.discard(get_active_log_context().uuid)
        if self.before is None:
            return
        after = self.rows()
        for model, rows in after.items():
            was = self.before[model]
            log_permission_rows(
                self.instance, model, added=sorted(rows - was), removed=sorted(was - rows)
            )

    def as_admin_panel(self) -> str:
        return ""


# Corrections (on the page they concern)


def note_correction(sender, instance, raw=False, **kwargs) -> None:
    if raw or instance.pk is None:
        return
    instance._masthead_was = (
        sender._default_manager.filter(pk=instance.pk).values(*CORRECTION_FIELDS).first()
    )


def describe_correction(correction) -> dict:
    return {
        "kind": correction.get_kind_display(),
        "made_at": correction.made_at,
        "text": correction.text,
    }


def correction_saved(sender, instance, created, raw=False, **kwargs) -> None:
    """Modelcluster saves every correction of a page each time the page is published: only one
    that is new or whose kind, date or text changed is logged."""
    was = instance.__dict__.pop("_masthead_was", None)
    if raw:
        return
    if created or was is None:
        action = "masthead.correction.added"
    elif any(was[field] != getattr(instance, field) for field in CORRECTION_FIELDS):
        action = "masthead.correction.changed"
    else:
        return
    log(instance.page, action, data=describe_correction(instance))


def correction_removed(sender, instance, origin=None, **kwargs) -> None:
    if not deleted_itself(sender, origin):
        return
    page = apps.get_model("newsroom", "ArticlePage")._default_manager.filter(pk=instance.page_id)
    page = page.first()
    if page is not None:
        log(page, "masthead.correction.removed", data=describe_correction(instance))


# Newsletter sends (on the issue)


def send_started(sender, instance, created, raw=False, **kwargs) -> None:
    """Logged once the send's transaction commits, when its audience has been counted (and not
    at all if it rolls back), in the name of whoever started it."""
    if not created or raw:
        return
    context = get_active_log_context()
    user, uuid, pk = context.user, context.uuid, instance.pk

    def record():
        send = sender._default_manager.select_related("issue").filter(pk=pk).first()
        if send is not None:
            log(
                send.issue,
                "masthead.newsletter.send",
                user=user,
                uuid=uuid,
                data={"audience": send.audience},
            )

    transaction.on_commit(record)


def send_finished(sender, task_result, **kwargs) -> None:
    """The sender marks a send done with an UPDATE, which sends no signal; its task ending does.
    Logged once per issue, whichever run of the task sees it done."""
    if task_result.task.module_path != SEND_TASK or not task_result.args:
        return
    Send = apps.get_model(SEND)
    send = Send.objects.select_related("issue").filter(pk=task_result.args[0]).first()
    if send is None or send.state != Send.State.DONE:
        return
    issue = send.issue
    if log_registry.get_logs_for_instance(issue).filter(action="masthead.newsletter.sent").exists():
        return
    counts = send.deliveries.order_by().values("state").annotate(count=Count("pk"))
    states = {row["state"]: row["count"] for row in counts}
    log(issue, "masthead.newsletter.sent", data={"audience": send.audience, "states": states})
