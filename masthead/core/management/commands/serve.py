import os
import signal
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the one-machine shape: migrate, build the demo, start the task worker and the site."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-demo", action="store_true", help="Do not build the demo content.")

    def handle(self, *args, addrport, no_demo=False, **options):
        call_command("migrate", interactive=False, verbosity=0)
        if not no_demo:
            call_command("load_demo")
        # The task worker and the clock (scheduled publishing, the newsletter's drafts and
        # sends) run beside the web server and stop with it.
        helpers = [
            subprocess.Popen([sys.executable, "manage.py", *command], env=os.environ.copy())
            for command in (["db_worker"], ["clock", "--every", "30"])
        ]
        self.stdout.write("Task worker and clock started.")
        # Stopped by a service manager (SIGTERM), stop the helpers too, as on Ctrl-C.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        self.stdout.write(self.style.SUCCESS(f"Masthead is at http://{addrport}/"))
        try:
            call_command("runserver", addrport, use_reloader=False, use_threading=True)
        finally:
            for helper in helpers:
                helper.terminate()
            for helper in helpers:
                helper.wait(timeout=10)
