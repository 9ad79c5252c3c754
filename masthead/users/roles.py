"""The newsroom's roles: which group holds which permissions. The one place that says so.

Each role is a Django group made to match this table exactly by `apply_roles()`: its model
permissions, its page permissions (granted on the root of the page tree, so they hold under every
site) and its collection permissions (granted on the root collection, so they hold in every
collection). The data migration `users/0002` applies the table first; `users.signals` applies it
again after every `migrate`, so a permission whose model arrives later is granted then, and an
edit to one of these groups in the admin is put back: the groups are the table's, and a local
variation belongs in a group of its own (a user may be in several).
"""

import logging
from dataclasses import dataclass

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, transaction

logger = logging.getLogger(__name__)

ALL = "all"  # every permission there is, as the Administrator holds them

ACCESS_ADMIN = "wagtailadmin.access_admin"


def _each(app_label: str, actions: str, models: str) -> frozenset[str]:
    """`_each("newsroom", "add change", "author topic")`: every action on every model."""
    return frozenset(
        f"{app_label}.{action}_{model}" for action in actions.split() for model in models.split()
    )


# Wagtail's page permissions (wagtail.models.PAGE_PERMISSION_TYPES): "add" lets a user add pages
# and edit the ones they own; "change" edits any page; "publish" also unpublishes.
PAGE_PERMISSIONS = _each("wagtailcore", "add change publish bulk_delete lock unlock", "page")

# Everything Wagtail grants per collection: photos, documents and the collections themselves.
# Photo permissions are Wagtail's own image model's whatever the image model (wagtail.images'
# permission policy checks them), so "wagtailimages.*_image" governs our CustomImage too.
COLLECTION_PERMISSIONS = (
    _each("wagtailimages", "add change delete choose", "image")
    | _each("wagtaildocs", "add change delete choose", "document")
    | _each("wagtailcore", "add change delete", "collection")
)


@dataclass(frozen=True)
class Role:
    name: str  # the group's name
    does: str  # what the role is for, in a sentence
    permissions: frozenset[str] | str = frozenset()  # "app_label.codename", or ALL
    page_permissions: frozenset[str] = frozenset()  # on the root page: every site
    collection_permissions: frozenset[str] = frozenset()  # on the root collection


CONTRIBUTOR = Role(
    "Contributor",
    "Writes articles, edits their own and submits them for review; uploads photos. Cannot publish.",
    permissions=frozenset({ACCESS_ADMIN}),
    page_permissions=_each("wagtailcore", "add", "page"),
    # "add" lets them change only the photos they uploaded.
    collection_permissions=_each("wagtailimages", "add choose", "image"),
)

EDITOR = Role(
    "Editor",
    "Reviews, edits, publishes, unpublishes, locks and unlocks pages; keeps the authors, topics "
    "and article types; issues corrections; sees the readership screens.",
    permissions=frozenset({ACCESS_ADMIN, "analytics.view_readership"})
    | _each("newsroom", "add change delete", "author topic articletype articlecorrection"),
    page_permissions=_each("wagtailcore", "add change publish lock unlock", "page"),
    collection_permissions=_each("wagtailimages", "add choose", "image"),
)

PHOTO_EDITOR = Role(
    "Photo editor",
    "Keeps the photos: files, credits, licences and alt text, including those live pages show.",
    permissions=frozenset({ACCESS_ADMIN, "images.change_live_photo"}),
    collection_permissions=_each("wagtailimages", "add change delete choose", "image"),
)

NEWSLETTER_EDITOR = Role(
    "Newsletter editor",
    "Edits, previews, tests and sends the issues; keeps the subscriber lists and the newsletters.",
    # The preview, test and send ask for change_issue, its progress for view_issue; the
    # subscriber import for add_subscription, deleting a reader's data for delete_subscription.
    permissions=frozenset({ACCESS_ADMIN, "analytics.view_readership"})
    | _each("newsletter", "add change delete view", "newsletter issue subscription"),
)

ADMINISTRATOR = Role(
    "Administrator",
    "Everything: every permission, on every page and collection (without being a superuser).",
    permissions=ALL,
    page_permissions=PAGE_PERMISSIONS,
    collection_permissions=COLLECTION_PERMISSIONS,
)

ROLES = (CONTRIBUTOR, EDITOR, PHOTO_EDITOR, NEWSLETTER_EDITOR, ADMINISTRATOR)

# Named above before every database has their model (newsroom's corrections): granted by the
# first `migrate` that creates them.
AWAITED = _each("newsroom", "add change delete", "articlecorrection")


def apply_roles(*, apps=global_apps, using: str = DEFAULT_DB_ALIAS) -> set[str]:
    """Make each role's group hold exactly its permissions in the table, creating the group if
    need be; rows already right are left as they are, so a second run writes nothing. `apps` is
    a migration's historical registry, or the project's. Returns the permissions the table names
    that do not exist (yet): they are granted by the first run after they do."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    existing = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.using(using).values_list(
            "pk", "content_type__app_label", "codename"
        )
    }
    missing: set[str] = set()

    def ids(names) -> set[int]:
        if names == ALL:
            return set(existing.values())
        missing.update(name for name in names if name not in existing)
        return {existing[name] for name in names if name in existing}

    root_page = Page.objects.using(using).filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.using(using).filter(depth=1).order_by("path").first()
    with transaction.atomic(using=using):
        for role in ROLES:
            group, _ = Group.objects.using(using).get_or_create(name=role.name)
            wanted = ids(role.permissions)
            held = set(group.permissions.values_list("pk", flat=True))
            if held != wanted:
                group.permissions.remove(*(held - wanted))
                group.permissions.add(*(wanted - held))
            _grant_exactly(
                GroupPagePermission, "page", group, root_page, ids(role.page_permissions), using
            )
            _grant_exactly(
                GroupCollectionPermission,
                "collection",
                group,
                root_collection,
                ids(role.collection_permissions),
                using,
            )
    return missing


def _grant_exactly(model, target: str, group, root, permission_ids: set[int], using: str) -> None:
    """The group's rows of `model` (page or collection permissions) become exactly
    `permission_ids` on `root`: rows elsewhere or for other permissions are deleted."""
    if root is None:  # a tree without its root (a flushed test database): nothing to grant on
        permission_ids = set()
    rows = model.objects.using(using).filter(group=group)
    kept, unwanted = set(), []
    for pk, target_id, permission_id in rows.values_list("pk", f"{target}_id", "permission_id"):
        if root is not None and target_id == root.pk and permission_id in permission_ids:
            kept.add(permission_id)
        else:
            unwanted.append(pk)
    if unwanted:
        rows.filter(pk__in=unwanted).delete()
    model.objects.using(using).bulk_create(
        [
            model(group=group, permission_id=permission_id, **{target: root})
            for permission_id in sorted(permission_ids - kept)
        ]
    )
