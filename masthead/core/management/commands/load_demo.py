import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from masthead.core.demo.builder import DemoBuilder
from masthead.core.demo.content import DemoDataError


class Command(BaseCommand):
    help = "Build the demo publication (safe to run again) and reset the demo editor's password."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, help="Build only the first N demo articles.")
        parser.add_argument(
            "--no-editor", action="store_true", help="Do not create or reset the demo editor."
        )

    def handle(self, *args, limit=None, no_editor=False, **options):
        try:
            builder = DemoBuilder(limit=limit, log=self.stdout.write)
        except DemoDataError as error:  # a data file an editor changed: say which and what
            raise CommandError(str(error)) from error
        builder.build()
        if not no_editor:
            password = reset_demo_editor()
            self.stdout.write(
                self.style.SUCCESS(
                    "Demo editor: http://127.0.0.1:8000/admin/  "
                    f"username: editor  password: {password}"
                )
            )


def reset_demo_editor() -> str:
    """Create the demo editor or give it a fresh password, which is printed, never stored."""
    password = secrets.token_urlsafe(12)
    user, _ = get_user_model().objects.get_or_create(
        username="editor",
        defaults={"email": "editor@meridian.example", "first_name": "Demo", "last_name": "Editor"},
    )
    user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    return password
