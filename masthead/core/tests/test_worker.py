"""Background work survives its worker: a task of a killed worker is run again, tasks are safe
to run twice, and the admin shows work that is stuck or failed."""

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, connection, connections
from django.db.models.query import QuerySet
from django.test import TestCase, TransactionTestCase, override_settings
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.models import Collection

from masthead.core.models import WorkerHeartbeat
from masthead.core.tests.slow_task import slow_task
from masthead.core.worker import WORKER_LOST, requeue_lost_tasks, requeue_tasks_of
from masthead.images.models import CustomImage
from masthead.images.renditions import all_specs, prerender
from masthead.newsroom.tests import factories as f

ROOT = Path(__file__).resolve().parents[3]
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
NO_QUEUE = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def wait_for(condition, *, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.2)
    raise AssertionError(f"Timed out after {timeout} s waiting for {what}")


def worker_env(**extra) -> dict:
    """The environment of a `manage.py db_worker` that uses this test's database and queue."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "masthead.core.tests.worker_settings", **extra}
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        env["SQLITE_PATH"] = db["NAME"]
    else:
        host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        env["DATABASE_URL"] = f"postgres://{db['USER']}@{host}/{db['NAME']}"
    return env


def running(task_path: str, *, worker: str, started: timedelta) -> DBTaskResult:
    """A task result claimed by `worker`, `started` ago."""
    return DBTaskResult.objects.create(
        task_path=task_path,
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=get_date_max(),  # no run_after: as soon as possible
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - started,
        worker_ids=[worker],
    )


@override_settings(TASKS=DATABASE_QUEUE)
class KilledWorkerTests(TransactionTestCase):
    def start_worker(self, worker_id: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--worker-id", worker_id]
            + ["--no-startup-delay", "--no-reload", "--interval", "0.1"],
            cwd=ROOT,
            env=worker_env(WORKER_LEASE_SECONDS="2"),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )

    def test_a_task_of_a_worker_killed_mid_run_is_run_again_by_another_worker(self):
        with tempfile.TemporaryDirectory() as folder:
            log = Path(folder) / "runs.log"
            result = slow_task.enqueue(str(log))
            first = self.start_worker("first")
            try:
                wait_for(log.exists, timeout=60, what="the first worker to start the task")
                self.assertEqual(
                    DBTaskResult.objects.get(pk=result.id).status, TaskResultStatus.RUNNING
                )
            finally:
                first.kill()  # SIGKILL, mid-task: nothing is cleaned up
                first.communicate(timeout=30)
            self.assertEqual(first.returncode, -signal.SIGKILL)

            second = self.start_worker("second")
            try:
                finished = wait_for(
                    lambda: DBTaskResult.objects.filter(
                        pk=result.id, status=TaskResultStatus.SUCCESSFUL
                    ).first(),
                    timeout=60,
                    what="another worker to run the lost task again",
                )
            finally:
                second.send_signal(signal.SIGTERM)  # a clean stop
                output = second.communicate(timeout=30)[0].decode()
            self.assertEqual(second.returncode, 0, output)
            self.assertEqual(finished.worker_ids, ["first", "second"])
            self.assertEqual(finished.return_value, "done")
            self.assertEqual(log.read_text().count("start"), 2)
            self.assertEqual(log.read_text().count("done"), 1)
        # The killed worker is remembered (the admin names it); the stopped one holds nothing.
        self.assertEqual(
            list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)), ["first"]
        )


class RequeueTests(TestCase):
    task = "masthead.images.tasks.prerender_renditions_task"

    def test_a_task_whose_worker_went_silent_is_queued_again(self):
        WorkerHeartbeat.objects.create(
            worker_id="gone", last_seen=timezone.now() - timedelta(minutes=5)
        )
        lost = running(self.task, worker="gone", started=timedelta(minutes=6))
        never_beat = running(self.task, worker="old-style", started=timedelta(minutes=2))
        recovered = requeue_lost_tasks(lease=timedelta(seconds=60))
        self.assertCountEqual(recovered.requeued, [str(lost.pk), str(never_beat.pk)])
        lost.refresh_from_db()
        self.assertEqual(lost.status, TaskResultStatus.READY)
        self.assertIn("worker gone was last seen", lost.traceback)
        self.assertEqual(DBTaskResult.objects.ready().count(), 2)  # a worker can claim them
        # A second sweep, or one by another process at the same moment, finds nothing to do.
        self.assertEqual(requeue_lost_tasks(lease=timedelta(seconds=60)).requeued, [])

    def test_tasks_of_live_workers_and_fresh_claims_are_left_alone(self):
        WorkerHeartbeat.objects.create(worker_id="alive", last_seen=timezone.now())
        long_task = running(self.task, worker="alive", started=timedelta(hours=2))
        just_claimed = running(self.task, worker="starting", started=timedelta(seconds=5))
        self.assertEqual(requeue_lost_tasks(lease=timedelta(seconds=60)).requeued, [])
        for result in (long_task, just_claimed):
            result.refresh_from_db()
            self.assertEqual(result.status, TaskResultStatus.RUNNING)

    def test_a_task_whose_workers_keep_dying_fails_with_the_reason(self):
        lost = running(self.task, worker="third", started=timedelta(minutes=5))
        DBTaskResult.objects.filter(pk=lost.pk).update(worker_ids=["first", "second", "third"])
        recovered = requeue_lost_tasks(lease=timedelta(seconds=60), max_attempts=3)
        self.assertEqual(recovered.failed, [str(lost.pk)])
        lost.refresh_from_db()
        self.assertEqual(lost.status, TaskResultStatus.FAILED)
        self.assertEqual(lost.exception_class_path, WORKER_LOST)
        self.assertIn("started 3 time(s)", lost.traceback)
        self.assertEqual(lost.task_result.errors[0].exception_class_path, WORKER_LOST)

    def test_a_task_started_again_meanwhile_is_not_taken_from_its_new_worker(self):
        lost = running(self.task, worker="gone", started=timedelta(minutes=5))
        seen_by_sweep = DBTaskResult.objects.get(pk=lost.pk)
        # Another process requeued it and a new worker claimed it after this sweep read it.
        DBTaskResult.objects.filter(pk=lost.pk).update(
            started_at=timezone.now(), worker_ids=["gone", "new"]
        )
        with mock.patch("masthead.core.worker.lost_tasks", return_value=[seen_by_sweep]):
            self.assertEqual(requeue_lost_tasks(lease=timedelta(seconds=60)).requeued, [])
        lost.refresh_from_db()
        self.assertEqual(
            (lost.status, lost.worker_ids), (TaskResultStatus.RUNNING, ["gone", "new"])
        )

    def test_a_worker_that_lost_the_database_queues_again_only_what_it_was_running(self):
        WorkerHeartbeat.objects.create(worker_id="back", last_seen=timezone.now())
        its_own = running(self.task, worker="back", started=timedelta(seconds=5))
        anothers = running(self.task, worker="busy", started=timedelta(seconds=5))
        self.assertEqual(requeue_tasks_of(worker_id="back").requeued, [str(its_own.pk)])
        its_own.refresh_from_db()
        anothers.refresh_from_db()
        self.assertEqual(its_own.status, TaskResultStatus.READY)
        self.assertIn("worker back lost its database connection", its_own.traceback)
        self.assertEqual(anothers.status, TaskResultStatus.RUNNING)


@override_settings(TASKS=DATABASE_QUEUE)
class DatabaseLostTests(TransactionTestCase):
    def setUp(self):
        handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
        self.addCleanup(lambda: [signal.signal(s, h) for s, h in handlers.items()])

    def test_the_worker_waits_for_a_lost_database_and_carries_on(self):
        # What it was running when the database went: the end could not be recorded.
        unrecorded = running(
            "masthead.images.tasks.prerender_renditions_task",
            worker="w1",
            started=timedelta(seconds=5),
        )
        runs = []

        def run(worker):
            runs.append(worker.worker_id)
            if len(runs) == 1:  # django-tasks-db's loop ends on the error
                raise OperationalError("terminating connection due to administrator command")

        with (
            mock.patch("django_tasks_db.management.commands.db_worker.Worker.run", run),
            mock.patch("masthead.core.management.commands.db_worker.wait_for_database") as wait,
        ):
            call_command("db_worker", "--batch", "--no-reload", "--worker-id", "w1", verbosity=0)

        self.assertEqual(runs, ["w1", "w1"])
        wait.assert_called_once()
        unrecorded.refresh_from_db()
        self.assertEqual(unrecorded.status, TaskResultStatus.READY)


@override_settings(TASKS=DATABASE_QUEUE)
class SendRunAgainTests(TransactionTestCase):
    def setUp(self):
        handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
        # The worker sets its own signal handlers; give pytest its own back.
        self.addCleanup(lambda: [signal.signal(s, h) for s, h in handlers.items()])

    def test_a_send_whose_worker_died_after_the_last_message_ends_without_mailing_again(self):
        from masthead.newsletter.models import Issue, Subscription
        from masthead.newsletter.sending import start_send
        from masthead.newsletter.tasks import send_issue_task
        from masthead.newsletter.tests.factories import make_newsletter

        newsletter = make_newsletter()
        for i in range(3):
            Subscription.objects.create(
                newsletter=newsletter, email=f"r{i}@example.com", state="active"
            )
        issue = Issue.objects.create(newsletter=newsletter, subject="Week 1", slug="week-1")
        send = start_send(issue=issue)
        queued = DBTaskResult.objects.get(task_path__endswith="send_issue_task")
        # A worker claims the task, sends every message, and is killed before it records the end.
        queued.claim("killed")
        send_issue_task.call(send.pk)
        self.assertEqual(len(mail.outbox), 3)
        DBTaskResult.objects.filter(pk=queued.pk).update(
            started_at=timezone.now() - timedelta(minutes=5)
        )
        sent_at = Issue.objects.get(pk=issue.pk).sent_at

        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

        queued.refresh_from_db()
        self.assertEqual(queued.status, TaskResultStatus.SUCCESSFUL)
        self.assertEqual(len(queued.worker_ids), 2)
        self.assertEqual(len(mail.outbox), 3)
        self.assertEqual(Issue.objects.get(pk=issue.pk).sent_at, sent_at)


class RenditionsTwiceAtOnceTests(TransactionTestCase):
    def setUp(self):
        if not Collection.get_first_root_node():  # emptied by an earlier TransactionTestCase
            Collection.add_root(name="Root")

    def test_two_runs_at_once_keep_one_file_per_size(self):
        with (
            tempfile.TemporaryDirectory() as media,
            override_settings(MEDIA_ROOT=media, TASKS=NO_QUEUE),
        ):
            image = f.make_image(title="Race")
            # Both runs render every size before either stores one: the race a task run twice
            # (taken back from a lost worker, or queued twice) can meet.
            barrier = threading.Barrier(2, timeout=120)
            real_bulk_create = QuerySet.bulk_create

            def bulk_create_together(queryset, *args, **kwargs):
                if queryset.model._meta.model_name == "customrendition":
                    barrier.wait()
                return real_bulk_create(queryset, *args, **kwargs)

            errors = []

            def run():
                try:
                    prerender(CustomImage.objects.get(pk=image.pk))
                except Exception as error:  # noqa: BLE001 - reported below
                    errors.append(error)
                finally:
                    connections.close_all()

            with mock.patch.object(QuerySet, "bulk_create", bulk_create_together):
                runs = [threading.Thread(target=run) for _ in range(2)]
                for thread in runs:
                    thread.start()
                for thread in runs:
                    thread.join()

            self.assertEqual(errors, [])
            kept = list(image.renditions.all())
            self.assertEqual(sorted(r.filter_spec for r in kept), sorted(all_specs()))
            self.assertEqual(len(kept), 24)
            stored = {str(p.relative_to(media)) for p in (Path(media) / "images").iterdir()}
            self.assertEqual(stored, {r.file.name for r in kept})


class BackgroundWorkAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        User = get_user_model()
        cls.admin = User.objects.create_superuser("root", "root@news.example", "x" * 16)
        cls.editor = User.objects.create_user("ed", "ed@news.example", "x" * 16)
        cls.editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
        WorkerHeartbeat.objects.create(
            worker_id="killed-worker", last_seen=timezone.now() - timedelta(minutes=10)
        )
        cls.stuck = running(
            "masthead.images.tasks.prerender_renditions_task",
            worker="killed-worker",
            started=timedelta(minutes=12),
        )
        failed = running(
            "masthead.newsletter.tasks.send_issue_task",
            worker="killed-worker",
            started=timedelta(hours=1),
        )
        failed.set_failed(ValueError("SMTP said no"))

    def test_the_page_lists_a_stuck_task_with_its_worker_and_a_failure_with_its_error(self):
        self.client.force_login(self.admin)
        page = self.client.get("/admin/background-work/")
        self.assertContains(page, "prerender_renditions_task")
        self.assertContains(page, "killed-worker")
        self.assertContains(page, "Stuck: its worker stopped answering")
        self.assertContains(page, "12\xa0minutes")  # how long it has been running
        self.assertContains(page, "SMTP said no")
        settings_menu = self.client.get("/admin/")
        self.assertContains(settings_menu, "/admin/background-work/")

    def test_the_dashboard_warns_of_stuck_and_failed_work(self):
        self.client.force_login(self.admin)
        dashboard = self.client.get("/admin/")
        self.assertContains(dashboard, "Background work needs a look")
        self.assertContains(dashboard, "1 task running longer than 60 seconds")
        self.assertContains(dashboard, "1 task failed in the last day")

    def test_only_superusers_see_it(self):
        self.client.force_login(self.editor)
        refused = self.client.get("/admin/background-work/", follow=True)
        self.assertEqual(refused.redirect_chain, [("/admin/", 302)])  # Wagtail's refusal
        self.assertContains(refused, "do not have permission")
        self.assertNotContains(refused, "killed-worker")
        self.assertNotContains(refused, "Background work")  # no menu item, no panel
