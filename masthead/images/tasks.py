import logging

from django_tasks import task

from masthead.images.models import CustomImage
from masthead.images.renditions import prerender

logger = logging.getLogger(__name__)


@task()
def prerender_renditions_task(image_id: int, specs: list[str] | None = None) -> None:
    """Generate every size the pages use for one photo (or those `specs`); running it twice
    reuses them."""
    image = CustomImage.objects.filter(pk=image_id).first()
    if image is None:  # deleted before the worker got to it
        return
    prerender(image, specs)
    logger.info("Pre-rendered renditions for image %s", image_id)
