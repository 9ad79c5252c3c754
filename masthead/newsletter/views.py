"""Sign-up, confirmation, unsubscribe and the web archive. Thin: the work is in subscriptions."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from masthead.newsletter import subscriptions
from masthead.newsletter.forms import SignupForm
from masthead.newsletter.models import Issue
from masthead.newsletter.rendering import issue_articles
from masthead.newsletter.roundup import corrections_for
from masthead.newsletter.site import default_newsletter


def _client(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


@csrf_exempt  # the form sits on cached pages; a forged sign-up only sends a confirmation email
@require_http_methods(["GET", "POST"])
def signup(request):
    """The newsletter page: the form, and the archive of sent issues."""
    newsletter = default_newsletter()
    if newsletter is None:
        raise Http404("No newsletter yet")
    form = SignupForm(request.POST or None, initial={"source": request.GET.get("from", "")})
    status, headers = 200, {}
    if request.method == "POST":
        if form.is_valid() and form.cleaned_data["website"]:
            return redirect(reverse("newsletter:check_email"))  # a bot: say nothing, do nothing
        if form.is_valid():
            try:
                subscriptions.subscribe(
                    email=form.cleaned_data["email"],
                    newsletter=newsletter,
                    source=form.cleaned_data["source"] or request.META.get("HTTP_REFERER", ""),
                    client=_client(request),
                )
            except subscriptions.TooManySignups as error:
                form.add_error(None, str(error))  # not the address's fault: said above the form
                status, headers = 429, {"Retry-After": str(error.retry_after)}
            except subscriptions.SubscribeError as error:
                form.add_error("email", str(error))
                status = 400
            else:
                return redirect(reverse("newsletter:check_email"))
        else:
            status = 400
    issues = Issue.objects.filter(
        newsletter=newsletter, state=Issue.State.SENT, correction_key__isnull=True
    ).order_by("-sent_at")
    return TemplateResponse(
        request,
        "newsletter/signup.html",
        {"form": form, "newsletter": newsletter, "issues": issues[:52], "title": newsletter.name},
        status=status,
        headers=headers,
    )


def check_email(request):
    return TemplateResponse(request, "newsletter/check_email.html", {"title": "Check your email"})


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button; only the POST confirms, so link scanners subscribe nobody."""
    if request.method == "POST":
        subscription = subscriptions.confirm(token=token)
        template = "newsletter/confirmed.html" if subscription else "newsletter/link_invalid.html"
        return TemplateResponse(
            request,
            template,
            {"subscription": subscription, "title": "Subscription"},
            status=200 if subscription else 400,
        )
    return TemplateResponse(
        request, "newsletter/confirm.html", {"title": "Confirm your subscription"}
    )


@csrf_exempt  # RFC 8058: mail providers POST without cookies or a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if request.method == "POST":
        subscriptions.unsubscribe(token=token)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            # The same short answer whatever the token, so it tells nobody anything.
            return HttpResponse("You are unsubscribed.", content_type="text/plain")
        return TemplateResponse(request, "newsletter/unsubscribed.html", {"title": "Unsubscribed"})
    return TemplateResponse(request, "newsletter/unsubscribe.html", {"title": "Unsubscribe"})


def issue(request, slug):
    """A sent issue on the web archive, as it went out."""
    item = get_object_or_404(Issue, slug=slug, state=Issue.State.SENT, correction_key__isnull=True)
    return TemplateResponse(
        request,
        "newsletter/issue.html",
        {
            "issue": item,
            "articles": issue_articles(item),
            "corrections": corrections_for(item),
            "title": item.subject,
        },
    )
