from django.apps import AppConfig
from django.db.models.signals import post_migrate


class UsersConfig(AppConfig):
    name = "masthead.users"
    verbose_name = "Users"

    def ready(self):
        from masthead.users import audit
        from masthead.users.signals import apply_roles_after_migrate

        # Sent once per app after `migrate` (and after a test database is flushed): once is
        # enough, so only for this one.
        post_migrate.connect(
            apply_roles_after_migrate, sender=self, dispatch_uid="masthead.users.roles"
        )
        # The audit trail and the idle clock: sign-ins, role changes, corrections, sends.
        audit.connect()
