import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from masthead.core.clock import tick


class Command(BaseCommand):
    help = (
        "Run the minute's jobs once: scheduled pages go live or expire, newsletter drafts and "
        "due sends, lost background work taken back. Run it every minute from cron, or with "
        "--every 30 as a long-lived process (`manage.py serve` starts one)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, help="repeat every N seconds")

    def handle(self, *args, every=0, **options):
        while True:
            started = time.monotonic()
            for line in tick(lock_seconds=max(every - 5, 20) if every else 50):
                self.stdout.write(line)
            if not every:
                return
            time.sleep(max(1.0, every - (time.monotonic() - started)))
            # Between two ticks as between two requests: a connection the database dropped (a
            # restart) is replaced, or every later tick would fail on it.
            close_old_connections()
