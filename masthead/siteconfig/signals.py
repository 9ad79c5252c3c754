from masthead.images.renditions import LOGO_DATA_SPEC, LOGO_HEADER_SPEC
from masthead.images.signals import queue_prerender


def queue_logo_renditions(instance, **kwargs) -> None:
    """A logo gets the sizes the header and the structured data show from the worker, as a
    photo gets its own on upload: no reader waits for them."""
    if instance.logo_id:
        queue_prerender(instance.logo_id, [LOGO_HEADER_SPEC, LOGO_DATA_SPEC])
