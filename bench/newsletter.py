"""Send one round-up to N confirmed subscribers with the real task worker, into a local SMTP sink.

    python bench/newsletter.py --subscribers 100000 [--kills 5] [--db sqlite|postgresql]

The sink (aiosmtpd on 127.0.0.1, in this process) counts messages and Message-IDs. The worker is
`manage.py db_worker`, the same command production runs; with --kills it is killed with SIGKILL
at random points of the send and started again, with `newsletter_tick` (the newsletter's clock)
putting the abandoned send back in the queue. Printed: messages per second, the worker's peak
memory, duplicates and losses, and as a baseline the sink's own ceiling in the same run: the
rate at which one plain smtplib client gets messages accepted by it, with no database at all.

The worker first works off what building the demo queued (the photos' renditions, the search
index), as a long-lived worker would have before a send; its memory is printed for that work,
idle after it, and during the send, which is measured from a peak started afresh.
"""

import argparse
import io
import os
import random
import re
import signal
import smtplib
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _setup  # noqa: E402

MESSAGE_ID = re.compile(rb"^Message-ID:\s*(<[^>]+>)", re.MULTILINE | re.IGNORECASE)


class CountingSink:
    def __init__(self):
        self.lock = threading.Lock()
        self.ids: Counter = Counter()
        self.first = self.last = None

    async def handle_DATA(self, server, session, envelope):
        match = MESSAGE_ID.search(envelope.content)
        now = time.monotonic()
        with self.lock:
            self.ids[match.group(1) if match else b"?"] += 1
            self.first = self.first or now
            self.last = now
        return "250 2.0.0 Accepted"

    def total(self) -> int:
        with self.lock:
            return sum(self.ids.values())


def peak_rss_mb(pid: int, field: str = "VmHWM") -> float:
    """The process's peak resident memory (or, with field="VmRSS", its current one)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def reset_peak(pid: int) -> bool:
    """Start the process's peak afresh (Linux: "5" into clear_refs), so the send has its own."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def drain_queue(worker, timeout: float) -> bool:
    """Wait until the worker has run every task queued so far; False if it did not in time."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    open_states = [TaskResultStatus.READY, TaskResultStatus.RUNNING]
    deadline = time.monotonic() + timeout
    while DBTaskResult.objects.filter(status__in=open_states).exists():
        if worker.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def sink_ceiling(port: int, count: int = 2000) -> float:
    """Messages per second one plain SMTP client gets accepted by the sink."""
    body = b"Message-ID: <baseline@bench>\r\nSubject: x\r\n\r\n" + (b"x" * 70 + b"\r\n") * 60
    client = smtplib.SMTP("127.0.0.1", port)
    start = time.perf_counter()
    for i in range(count):
        client.sendmail("a@bench.example", [f"r{i}@bench.example"], body)
    elapsed = time.perf_counter() - start
    client.quit()
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--kills", type=int, default=0)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--timeout", type=int, default=1800, help="give up after this many seconds")
    args = parser.parse_args()
    _setup.configure(f"masthead_bench_newsletter_{args.subscribers}", args.db)

    from aiosmtpd.controller import Controller
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    from masthead.newsletter.models import Delivery, Newsletter, Subscription
    from masthead.newsletter.roundup import draft_roundup
    from masthead.newsletter.sending import start_send

    call_command("migrate", verbosity=0)
    call_command("load_demo", limit=12, no_editor=True, stdout=io.StringIO())
    newsletter = Newsletter.objects.get(is_default=True)
    batch = []
    for i in range(args.subscribers):
        batch.append(
            Subscription(newsletter=newsletter, email=f"reader{i}@bench.example", state="active")
        )
        if len(batch) == 10_000:
            Subscription.objects.bulk_create(batch)
            batch = []
    Subscription.objects.bulk_create(batch)
    issue = draft_roundup(newsletter=newsletter, week_ending=timezone.localdate())

    sink = CountingSink()
    port = _setup_free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    ceiling = sink_ceiling(port)
    sink.ids.clear()
    sink.first = sink.last = None

    db = settings.DATABASES["default"]
    env = {
        **os.environ,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "NEWSLETTER_LEASE_SECONDS": "5",
    }
    if args.db == "sqlite":
        env["SQLITE_PATH"] = str(db["NAME"])

    def start_worker():
        return subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2"],
            cwd=_setup.ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    started = time.monotonic()
    worker = start_worker()
    if not drain_queue(worker, args.timeout):
        worker.kill()
        controller.stop()
        raise SystemExit("the worker did not finish the tasks that building the demo queued")
    time.sleep(1)  # settle: the figure is the idle worker's, not the last task's
    before_peak, idle = peak_rss_mb(worker.pid), peak_rss_mb(worker.pid, "VmRSS")
    # Without a fresh peak the send's figure is the whole life of this worker so far.
    send_own_peak = reset_peak(worker.pid)
    start_send(issue=issue)  # freezes the audience and queues the task
    send = issue.send
    # Kills fall at random moments of the send (seconds after its first message), not right
    # after a message was accepted, which would favour the one-message window in which a reply
    # is heard but not yet recorded.
    rng = random.Random(11)
    expected_seconds = args.subscribers / 600
    kill_at = sorted(rng.uniform(0.05, 0.9) * expected_seconds for _ in range(args.kills))
    peaks, kills = [], 0
    open_states = [Delivery.State.QUEUED, Delivery.State.SENDING, Delivery.State.DEFERRED]
    while time.monotonic() - started < args.timeout:
        time.sleep(rng.uniform(0.05, 0.25))
        sending_for = time.monotonic() - sink.first if sink.first else 0
        if (
            kills < len(kill_at)
            and sink.total() < args.subscribers
            and sending_for >= kill_at[kills]
        ):
            peaks.append(peak_rss_mb(worker.pid))
            worker.send_signal(signal.SIGKILL)
            worker.wait()
            kills += 1
            worker = start_worker()
            # The clock notices the abandoned send once its lease runs out.
            time.sleep(float(env["NEWSLETTER_LEASE_SECONDS"]) + 0.5)
            subprocess.run(
                [sys.executable, "manage.py", "newsletter_tick"],
                cwd=_setup.ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                check=True,
            )
        if not send.deliveries.filter(state__in=open_states).exists():
            break
    peaks.append(peak_rss_mb(worker.pid))
    worker.terminate()
    worker.wait()
    controller.stop()

    accepted = send.deliveries.filter(state=Delivery.State.ACCEPTED).count()
    received = len(sink.ids)
    duplicates = sum(n - 1 for n in sink.ids.values() if n > 1)
    lost = args.subscribers - received
    elapsed = (sink.last - sink.first) if sink.first and sink.last and sink.last > sink.first else 0
    rate = received / elapsed if elapsed else 0
    print()
    print(f"{'':34}{'value':>12}")
    print(f"{'subscribers (frozen audience)':34}{send.audience:>12,}")
    print(f"{'messages received by the sink':34}{sum(sink.ids.values()):>12,}")
    print(f"{'deliveries recorded accepted':34}{accepted:>12,}")
    print(f"{'worker kills':34}{kills:>12}")
    print(f"{'rate, msg/s (first to last)':34}{rate:>12.0f}")
    print(f"{'baseline: sink ceiling, msg/s':34}{ceiling:>12.0f}")
    print(f"{'worker peak RSS, demo tasks, MB':34}{before_peak:>12.1f}")
    print(f"{'worker RSS idle before send, MB':34}{idle:>12.1f}")
    send_label = "worker peak RSS, send" + ("" if send_own_peak else " and before") + ", MB"
    print(f"{send_label:34}{max(peaks):>12.1f}")
    print(f"{'worker peak RSS, whole run, MB':34}{max(before_peak, *peaks):>12.1f}")
    print()
    print(
        f"newsletter: subscribers={args.subscribers} kills={kills} rate={rate:.0f} "
        f"peak_rss_mb={max(before_peak, *peaks):.1f} send_peak_rss_mb={max(peaks):.1f} "
        f"idle_rss_mb={idle:.1f} duplicates={duplicates} lost={lost}"
    )


def _setup_free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


if __name__ == "__main__":
    main()
