"""A publication the gate refused inside a Wagtail view we do not own (a workflow approval, a
move) reaches the editor as a message on the article's edit page, not as a server error."""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin import messages
from wagtail.admin.modal_workflow import render_modal_workflow

from masthead.newsroom.gate import PublishRefused


class PublishRefusedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublishRefused):
            return None
        # The view's transaction (approve, finish, move) was rolled back as the error rose.
        messages.error(request, exception.summary)
        url = reverse("wagtailadmin_pages:edit", args=[exception.page_id])
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # The workflow action modal follows a redirect given as its next step.
            return render_modal_workflow(
                request, "", None, {}, json_data={"step": "success", "redirect": url}
            )
        return redirect(url)
