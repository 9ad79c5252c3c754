from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from masthead.newsletter.models import Send
from masthead.newsletter.sender import deliver, remaining


class Command(BaseCommand):
    help = "Work through one send by hand (what the task worker does); safe beside other workers."

    def add_arguments(self, parser):
        parser.add_argument("send_id", type=int)

    def handle(self, *args, send_id, **options):
        if not Send.objects.filter(pk=send_id).exists():
            raise CommandError(f"There is no send with id {send_id}.")
        deliver(send_id, root=settings.WAGTAILADMIN_BASE_URL.rstrip("/"), max_wait=3600)
        left, _ = remaining(send_id)
        self.stdout.write(f"Send {send_id}: {left} deliveries still open.")
