"""The admin's "Background work" page: what the task workers are doing, and what went wrong."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from masthead.core.worker import overview


def background_work(request):
    # Task arguments and tracebacks can hold anything (addresses, tokens): superusers only.
    if not request.user.is_superuser:
        raise PermissionDenied
    return TemplateResponse(
        request, "core/admin/background_work.html", {"work": overview(), "title": "Background work"}
    )
