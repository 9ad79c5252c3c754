from django.db import models
from django.utils import timezone


class WorkerHeartbeat(models.Model):
    """A task worker that is (or was) running: it writes `last_seen` every few seconds while it
    lives and deletes its row when it stops cleanly. See core/worker.py."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(null=True, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-last_seen"]

    def __str__(self):
        return f"Worker {self.worker_id}"
