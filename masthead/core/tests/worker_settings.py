"""Settings for worker processes that tests start: the test settings with the database queue."""

from masthead.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
