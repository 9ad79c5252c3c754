import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from masthead.core.demo.builder import DemoBuilder
from masthead.core.demo.content import DATA_DIR, DemoDataError
from masthead.users.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR, NEWSLETTER_EDITOR, PHOTO_EDITOR

DEMO_DOMAIN = "meridian.example"
# One account per role (masthead/users/roles.py), beside the demo editor, who is a superuser.
DEMO_STAFF = [  # (username, role)
    ("contributor", CONTRIBUTOR),
    ("desk", EDITOR),
    ("photos", PHOTO_EDITOR),
    ("newsletter", NEWSLETTER_EDITOR),
    ("admin", ADMINISTRATOR),
]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str  # the group's name; "" for the superuser
    password: str  # fresh on every run, printed, never stored in clear


class Command(BaseCommand):
    help = (
        "Build the demo publication (safe to run again) and give the demo accounts (the editor, "
        "a superuser, and one account per role) fresh passwords."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, help="Build only the first N demo articles.")
        parser.add_argument(
            "--no-editor",
            action="store_true",
            help="Do not create or reset the demo editor and the demo accounts of the roles.",
        )
        parser.add_argument(
            "--site-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="Where the site is served, for the sign-in address printed (default: BASE_URL).",
        )

    def handle(self, *args, limit=None, no_editor=False, site_url=None, **options):
        try:
            builder = DemoBuilder(log=self.stdout.write)
        except DemoDataError as error:  # a data file an editor changed: say which and what
            raise CommandError(str(error)) from error
        builder.build()
        # The authors, pages and articles move in as any publication does: through the
        # importer (importers/demo.py reads the same files), which makes nothing twice.
        call_command(
            "import_content",
            str(DATA_DIR),
            limit=limit,
            one_process=True,
            stdout=self.stdout,
            stderr=self.stderr,
        )
        if not no_editor:
            write_demo_accounts(
                self, reset_demo_accounts(), site_url=site_url or settings.WAGTAILADMIN_BASE_URL
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


def reset_demo_accounts() -> list[DemoAccount]:
    """The demo editor, then one account per role, each in its role's group only, each with a
    fresh password."""
    accounts = [DemoAccount("editor", "", reset_demo_editor())]
    for username, role in DEMO_STAFF:
        try:
            group = Group.objects.get(name=role.name)
        except Group.DoesNotExist as missing:
            raise CommandError(
                f"The group “{role.name}” is missing: run `manage.py migrate`."
            ) from missing
        password = secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@{DEMO_DOMAIN}",
                "first_name": "Demo",
                "last_name": role.name,
            },
        )
        user.is_staff = user.is_superuser = False  # the role gives all they may do
        user.is_active = True
        user.set_password(password)
        user.save()
        user.groups.set([group])
        accounts.append(DemoAccount(username, role.name, password))
    return accounts


def write_demo_accounts(command: BaseCommand, accounts: list[DemoAccount], *, site_url) -> None:
    admin = f"{site_url.rstrip('/')}/admin/"
    editor, *staff = accounts
    command.stdout.write(
        command.style.SUCCESS(
            f"Demo editor: {admin}  username: {editor.username}  password: {editor.password}"
        )
    )
    if not staff:
        return
    command.stdout.write("Demo accounts, one per role, at the same address:")
    width = max(len(account.role) for account in staff)
    name_width = max(len(account.username) for account in staff)
    for account in staff:
        command.stdout.write(
            f"  {account.role:<{width}}  username: {account.username:<{name_width}}  "
            f"password: {account.password}"
        )
