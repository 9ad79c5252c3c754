"""`manage.py db_worker`: django-tasks-db's worker, with a heartbeat, that outlives a database
restart.

This app comes before django_tasks_db in INSTALLED_APPS, so this command is the one that runs.
While it lives the worker records a heartbeat, and it takes back the tasks of lost workers when
it starts and once a lease (core/worker.py); a task it was running when killed is run again.
django-tasks-db's loop ends on any database error but a locked SQLite file: when the database
goes away (a restart, a failover) this worker waits for it, queues again the task it could not
record the end of, and carries on.
"""

import logging
import os

from django.db import InterfaceError, OperationalError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from masthead.core.worker import Heartbeat, requeue_tasks_of, wait_for_database

logger = logging.getLogger(__name__)


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
            while True:
                try:
                    return super().handle(
                        worker_id=worker_id, reload=reload, batch=batch, **options
                    )
                except (OperationalError, InterfaceError):
                    logger.exception("Worker %s lost the database; waiting for it", worker_id)
                    wait_for_database()
                    recovered = requeue_tasks_of(worker_id=worker_id)
                    logger.warning(
                        "Worker %s has the database back; queued again: %s, failed: %s",
                        *(worker_id, recovered.requeued or "none", recovered.failed or "none"),
                    )
