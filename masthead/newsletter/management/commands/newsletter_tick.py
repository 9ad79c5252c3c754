import time

from django.core.management.base import BaseCommand

from masthead.newsletter.sending import tick


class Command(BaseCommand):
    help = (
        "Draft each newsletter's round-up for its next send day, and start scheduled issues "
        "that are due. Run it every minute (cron), or with --every 60 as a long-lived process."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, help="repeat every N seconds")

    def handle(self, *args, every=0, **options):
        while True:
            for line in tick():
                self.stdout.write(line)
            if not every:
                return
            time.sleep(every)
