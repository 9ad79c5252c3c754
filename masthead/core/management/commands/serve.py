import os
import signal
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.commands.runserver import Command as RunServer
from django.core.management.commands.runserver import naiveip_re

from masthead.core.management.commands.load_demo import reset_demo_accounts, write_demo_accounts


def site_url(addrport: str) -> str:
    """The address to open for what runserver binds at `addrport` ("8000", "0:8000",
    "192.0.2.7:8080", "[::1]:8000"), read as runserver reads it."""
    match = naiveip_re.match(addrport)
    if match is None:
        raise CommandError(f'"{addrport}" is not a valid port number or address:port pair.')
    addr, _ipv4, _ipv6, _fqdn, port = match.groups()
    # Bound to every interface, the site is reached on this machine by its loopback address.
    addr = {"": RunServer.default_addr, "0": "127.0.0.1", "0.0.0.0": "127.0.0.1"}.get(
        addr or "", addr
    )
    if addr == "[::]":
        addr = "[::1]"
    return f"http://{addr}:{port}"


class Command(BaseCommand):
    help = "Run the one-machine shape: migrate, build the demo, start the task worker and the site."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-demo", action="store_true", help="Do not build the demo content.")

    def handle(self, *args, addrport, no_demo=False, **options):
        url = site_url(addrport)
        call_command("migrate", interactive=False, verbosity=0)
        if not no_demo:
            call_command("load_demo", no_editor=True)
        # The task worker and the clock (scheduled publishing, the newsletter's drafts and
        # sends) run beside the web server and stop with it.
        helpers = [
            subprocess.Popen([sys.executable, "manage.py", *command], env=os.environ.copy())
            for command in (["db_worker"], ["clock", "--every", "30"])
        ]
        self.stdout.write("Task worker and clock started.")
        # Stopped by a service manager (SIGTERM), stop the helpers too, as on Ctrl-C.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        self.stdout.write(self.style.SUCCESS(f"Masthead is at {url}/"))
        if not no_demo:  # the sign-ins last, where they are seen (fresh passwords every start)
            write_demo_accounts(self, reset_demo_accounts(), site_url=url)
        try:
            call_command("runserver", addrport, use_reloader=False, use_threading=True)
        finally:
            for helper in helpers:
                helper.terminate()
            for helper in helpers:
                helper.wait(timeout=10)
