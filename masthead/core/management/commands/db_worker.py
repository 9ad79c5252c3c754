"""`manage.py db_worker`: django-tasks-db's worker, with a heartbeat.

This app comes before django_tasks_db in INSTALLED_APPS, so this command is the one that runs.
While it lives the worker records a heartbeat, and it takes back the tasks of lost workers when
it starts and once a lease (core/worker.py); a task it was running when killed is run again.
"""

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from masthead.core.worker import Heartbeat


class Command(db_worker.Command):
    help = (
        "Run a database background worker; a task whose worker dies is run again by another "
        "(WORKER_LEASE_SECONDS, WORKER_MAX_ATTEMPTS)."
    )

    def handle(self, *, worker_id: str, reload: bool, batch: bool, **options) -> None:
        if reload and not batch and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            # With --reload this process only starts the child that runs tasks; the child beats.
            return super().handle(worker_id=worker_id, reload=reload, batch=batch, **options)
        with Heartbeat(worker_id=worker_id):
            super().handle(worker_id=worker_id, reload=reload, batch=batch, **options)
