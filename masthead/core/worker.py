"""Background work that outlives its worker: heartbeats, leases, and taking lost tasks back.

django-tasks-db marks a task RUNNING when a worker claims it, and nothing more: a worker killed
mid-task (SIGKILL, out of memory, a machine gone) leaves it RUNNING for ever and nobody runs it
again. Our `db_worker` (core/management/commands/db_worker.py) writes a heartbeat for its worker
id every few seconds. A RUNNING task whose worker has not been seen for a lease
(WORKER_LEASE_SECONDS) is lost: `requeue_lost_tasks()` puts it back in the queue for any worker
to run again, up to WORKER_MAX_ATTEMPTS runs in all, then marks it failed with the reason. Every
worker calls it when it starts and once a lease while it runs; the clock may call it too. Tasks
are written to be safe to run twice (STYLE.md), which is what makes running one again safe.
"""

import logging
import os
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import (
    IntegrityError,
    InterfaceError,
    OperationalError,
    close_old_connections,
    connections,
)
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from masthead.core.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

# Recorded as the task's error when a worker is lost: while the task waits to run again, as the
# failure once it has been given up on.
WORKER_LOST = "masthead.core.worker.WorkerLost"
# A dead worker's heartbeat is kept this long, so the admin can still say which worker it was.
FORGET_WORKERS_AFTER = timedelta(days=1)


class WorkerLost(Exception):
    """The worker running a task stopped (killed, out of memory, machine gone) before it ended."""


def configured_lease() -> timedelta:
    """How long a worker may go unseen before its running tasks count as lost."""
    seconds = float(getattr(settings, "WORKER_LEASE_SECONDS", 60))
    if seconds <= 0:
        raise ImproperlyConfigured("WORKER_LEASE_SECONDS must be more than 0.")
    return timedelta(seconds=seconds)


def configured_max_attempts() -> int:
    """How many times a task is started in all before a lost worker fails it."""
    attempts = int(getattr(settings, "WORKER_MAX_ATTEMPTS", 3))
    if attempts < 1:
        raise ImproperlyConfigured("WORKER_MAX_ATTEMPTS must be 1 or more.")
    return attempts


def beat(*, worker_id: str, now: datetime | None = None) -> None:
    """Record that this worker is alive."""
    now = now or timezone.now()
    if WorkerHeartbeat.objects.filter(worker_id=worker_id).update(last_seen=now):
        return
    try:
        WorkerHeartbeat.objects.create(
            worker_id=worker_id,
            hostname=socket.gethostname()[:255],
            pid=os.getpid(),
            started_at=now,
            last_seen=now,
        )
    except IntegrityError:  # written by this worker's other thread in between
        WorkerHeartbeat.objects.filter(worker_id=worker_id).update(last_seen=now)


def live_worker_ids(*, now: datetime | None = None, lease: timedelta | None = None) -> set[str]:
    """The workers seen within the lease."""
    since = (now or timezone.now()) - (lease or configured_lease())
    return set(
        WorkerHeartbeat.objects.filter(last_seen__gte=since).values_list("worker_id", flat=True)
    )


def lost_tasks(*, now: datetime | None = None, lease: timedelta | None = None):
    """RUNNING task results whose worker has not been seen for a lease (or never was: a worker
    that does not beat), started more than a lease ago."""
    now = now or timezone.now()
    lease = lease or configured_lease()
    alive = live_worker_ids(now=now, lease=lease)
    running = DBTaskResult.objects.running().filter(started_at__lt=now - lease)
    return [r for r in running.order_by("started_at") if _worker_of(r) not in alive]


def _worker_of(result: DBTaskResult) -> str | None:
    """The worker that claimed the task last (django-tasks-db appends one id per claim)."""
    return result.worker_ids[-1] if result.worker_ids else None


@dataclass
class Recovered:
    """What one `requeue_lost_tasks()` did: ids of the task results it queued again or failed."""

    requeued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """For a command's or the clock's output."""
        lines = []
        if self.requeued:
            lines.append(f"Queued {len(self.requeued)} task(s) of lost workers again.")
        if self.failed:
            lines.append(f"Gave up on {len(self.failed)} task(s) whose workers kept dying.")
        return lines


def requeue_lost_tasks(
    *,
    lease: timedelta | None = None,
    max_attempts: int | None = None,
    now: datetime | None = None,
) -> Recovered:
    """Put the tasks of lost workers back in the queue, or fail those already started
    `max_attempts` times. Safe to call from several processes at once: each change is a conditional
    UPDATE that only applies to the run it saw."""
    now = now or timezone.now()
    lease = lease or configured_lease()
    max_attempts = max_attempts or configured_max_attempts()
    recovered = Recovered()
    seen = {
        h.worker_id: h.last_seen for h in WorkerHeartbeat.objects.only("worker_id", "last_seen")
    }
    for result in lost_tasks(now=now, lease=lease):
        worker = _worker_of(result)
        last_seen = seen.get(worker)
        where = (
            f"worker {worker} was last seen {last_seen:%Y-%m-%d %H:%M:%S %Z}"
            if last_seen
            else f"worker {worker} never reported a heartbeat"
        )
        _take_back(result, where=where, now=now, max_attempts=max_attempts, into=recovered)
    WorkerHeartbeat.objects.filter(last_seen__lt=now - FORGET_WORKERS_AFTER).delete()
    return recovered


def requeue_tasks_of(*, worker_id: str, max_attempts: int | None = None) -> Recovered:
    """Put back in the queue the tasks marked as running on this worker, which runs none: it lost
    the database while it ran one, and could not record how the task ended (db_worker)."""
    now = timezone.now()
    max_attempts = max_attempts or configured_max_attempts()
    recovered = Recovered()
    where = f"worker {worker_id} lost its database connection"
    for result in DBTaskResult.objects.running().order_by("started_at"):
        if _worker_of(result) == worker_id:
            _take_back(result, where=where, now=now, max_attempts=max_attempts, into=recovered)
    return recovered


def _take_back(
    result: DBTaskResult, *, where: str, now: datetime, max_attempts: int, into: Recovered
) -> None:
    """Queue a task its worker no longer runs again, or fail it after `max_attempts` runs."""
    runs = len(result.worker_ids)
    # The same run only: another worker may have taken it back and started it again since.
    same_run = DBTaskResult.objects.filter(
        pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
    )
    if runs >= max_attempts:
        reason = (
            f"WorkerLost: the task was started {runs} time(s) and each time its worker "
            f"stopped before it ended ({where}); it is not run again."
        )
        changed = same_run.update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            return_value=None,
            exception_class_path=WORKER_LOST,
            traceback=reason,
        )
        if changed:
            into.failed.append(str(result.pk))
            logger.error("Task %s (%s) failed: %s", result.pk, result.task_path, reason)
    else:
        note = (
            f"WorkerLost: run {runs} of at most {max_attempts} did not end ({where}); "
            "the task was queued again."
        )
        changed = same_run.update(
            status=TaskResultStatus.READY,
            exception_class_path=WORKER_LOST,
            traceback=note,
        )
        if changed:
            into.requeued.append(str(result.pk))
            logger.warning("Task %s (%s) requeued: %s", result.pk, result.task_path, note)


def wait_for_database(*, every: float = 1.0) -> None:
    """Return once the default database answers again (after a restart or a failover)."""
    connection = connections["default"]
    while True:
        connection.close()  # the old connection is gone with the server that held it
        try:
            connection.ensure_connection()
            return
        except (OperationalError, InterfaceError):
            time.sleep(every)


class Heartbeat:
    """Keeps one worker's heartbeat while the `with` block runs, from a thread, and takes back
    lost tasks once a lease (a busy worker's main thread may be in one long task for hours).
    Leaving the block cleanly deletes the heartbeat: a stopped worker holds nothing."""

    def __init__(self, *, worker_id: str):
        self.worker_id = worker_id
        self.every = max(0.2, configured_lease().total_seconds() / 6)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="worker-heartbeat", daemon=True)

    def __enter__(self) -> "Heartbeat":
        beat(worker_id=self.worker_id)
        _log_recovered(requeue_lost_tasks())
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        try:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        except Exception:  # the database is away: the heartbeat goes stale, which says the same
            logger.exception("Worker %s could not remove its heartbeat", self.worker_id)

    def _run(self) -> None:
        sweep_at = time.monotonic() + configured_lease().total_seconds()
        try:
            while not self._stop.wait(self.every):
                # Each step on its own: a database hiccup must not end the heartbeat, or this
                # worker's tasks would be taken from it while it runs them.
                close_old_connections()
                try:
                    beat(worker_id=self.worker_id)
                except Exception:
                    logger.exception("Worker %s could not record its heartbeat", self.worker_id)
                if time.monotonic() >= sweep_at:
                    sweep_at = time.monotonic() + configured_lease().total_seconds()
                    try:
                        _log_recovered(requeue_lost_tasks())
                    except Exception:
                        logger.exception("Worker %s could not requeue lost tasks", self.worker_id)
        finally:
            connections.close_all()


def _log_recovered(recovered: Recovered) -> None:
    for line in recovered.lines():
        logger.info(line)


@dataclass
class Running:
    result: DBTaskResult
    worker_id: str | None
    healthy: bool  # its worker was seen within the lease, or it started less than a lease ago


@dataclass
class WorkerState:
    heartbeat: WorkerHeartbeat
    alive: bool


@dataclass
class Overview:
    """Background work as an operator sees it (the admin's "Background work" page and panel)."""

    workers: list[WorkerState] = field(default_factory=list)
    running: list[Running] = field(default_factory=list)
    requeued: list[DBTaskResult] = field(default_factory=list)
    queued: list[DBTaskResult] = field(default_factory=list)
    queued_count: int = 0
    failed: list[DBTaskResult] = field(default_factory=list)
    failed_last_day: int = 0
    lease: timedelta = field(default_factory=configured_lease)

    @property
    def stuck(self) -> list[Running]:
        """Running tasks whose worker has missed its lease: lost, waiting to be taken back."""
        return [row for row in self.running if not row.healthy]

    @property
    def no_live_worker(self) -> bool:
        return not any(worker.alive for worker in self.workers)


def overview(*, now: datetime | None = None, limit: int = 50) -> Overview:
    """What is queued, running (and on which worker), taken back from lost workers, and failed."""
    now = now or timezone.now()
    lease = configured_lease()
    alive = live_worker_ids(now=now, lease=lease)
    results = DBTaskResult.objects.defer("args_kwargs", "return_value")
    ready = results.filter(status=TaskResultStatus.READY)
    running = results.running().order_by("started_at")
    return Overview(
        workers=[
            WorkerState(h, h.worker_id in alive) for h in WorkerHeartbeat.objects.all()[:limit]
        ],
        running=[
            Running(r, _worker_of(r), _worker_of(r) in alive or r.started_at >= now - lease)
            for r in running[:limit]
        ],
        requeued=list(ready.filter(exception_class_path=WORKER_LOST)[:limit]),
        queued=list(ready.exclude(exception_class_path=WORKER_LOST)[:limit]),
        queued_count=ready.count(),
        failed=list(results.failed().order_by("-finished_at")[:limit]),
        failed_last_day=results.failed().filter(finished_at__gte=now - timedelta(days=1)).count(),
        lease=lease,
    )
