import os
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
        # The worker runs beside the web server and stops with it.
        worker = subprocess.Popen([sys.executable, "manage.py", "db_worker"], env=os.environ.copy())
        self.stdout.write(f"Task worker started (pid {worker.pid}).")
        self.stdout.write(self.style.SUCCESS(f"Masthead is at http://{addrport}/"))
        try:
            call_command("runserver", addrport, use_reloader=False, use_threading=True)
        finally:
            worker.terminate()
            worker.wait(timeout=10)
