from django.core.management.base import BaseCommand

from masthead.images.metadata import UnreadablePhoto
from masthead.images.models import CustomImage
from masthead.images.services import strip_stored_image_metadata


class Command(BaseCommand):
    help = (
        "Remove location, camera and owner metadata from photos stored before uploads were "
        "stripped, and make their renditions again (safe to run again)."
    )

    def handle(self, *args, **options):
        cleaned = 0
        for image in CustomImage.objects.order_by("pk").iterator():
            try:
                cleaned += strip_stored_image_metadata(image=image)
            except (UnreadablePhoto, FileNotFoundError) as exc:
                self.stderr.write(f"Image {image.pk}: left as it is: {exc}")
        self.stdout.write(f"Photos cleaned: {cleaned}.")
