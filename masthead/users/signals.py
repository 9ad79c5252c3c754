"""The roles are applied again after every `migrate`, not only by their migration.

Django creates a model's permissions after the migrations have run (`post_migrate`), so a
permission the role table names for a model added later (a correction, say) does not exist when
`users/0002` runs; applying the table again here grants it at the first `migrate` that creates
it, with no new migration in this app. The same pass puts back any edit made to the role groups
in the admin: the table in `roles.py` is what they hold.
"""

import logging

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

from masthead.users.roles import AWAITED, apply_roles

logger = logging.getLogger(__name__)

ROLES_MIGRATION = ("users", "0002_roles_and_review")


def create_all_permissions(*, apps, using: str) -> None:
    """Every installed app's permissions, now: `post_migrate` makes them one app at a time,
    in INSTALLED_APPS order, and this app comes before most of those it names."""
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, interactive=False, using=using, apps=apps)


def apply_roles_after_migrate(sender, *, using, apps=global_apps, **kwargs) -> None:
    if ROLES_MIGRATION not in MigrationRecorder(connections[using]).applied_migrations():
        return  # migrated only part of the way, or back before the roles
    try:
        Page = apps.get_model("wagtailcore", "Page")
    except LookupError:
        return
    if not Page.objects.using(using).filter(depth=1).exists():
        return  # no page tree: a test database just flushed, not a site
    create_all_permissions(apps=apps, using=using)
    unknown = apply_roles(apps=apps, using=using) - AWAITED
    if unknown:
        logger.warning("The role table names permissions that do not exist: %s", sorted(unknown))
