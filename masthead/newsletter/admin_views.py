"""Editor views around an issue: preview as email, test send, send, and the send's progress."""

import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from masthead.newsletter import sending, subscriptions
from masthead.newsletter.models import Delivery, Issue, Newsletter, Send
from masthead.newsletter.rendering import UNSUBSCRIBE_PLACEHOLDER, issue_articles, render_issue
from masthead.newsletter.roundup import corrections_for
from masthead.newsletter.site import base_url


def _check(request, action="change"):
    if not request.user.has_perm(f"newsletter.{action}_issue"):
        raise PermissionDenied


def preview(request, pk):
    """The issue as the email's HTML part (dead unsubscribe link), its text part, or web page."""
    _check(request)
    issue = get_object_or_404(Issue, pk=pk)
    if request.GET.get("format") == "web":
        return TemplateResponse(
            request,
            "newsletter/issue.html",
            {
                "issue": issue,
                "articles": issue_articles(issue),
                "corrections": corrections_for(issue),
                "title": issue.subject,
            },
        )
    rendered = render_issue(issue, root=base_url())
    if request.GET.get("format") == "text":
        return HttpResponse(
            rendered.text.replace(UNSUBSCRIBE_PLACEHOLDER, "(your unsubscribe link)"),
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse(rendered.html.replace(UNSUBSCRIBE_PLACEHOLDER, "#"))


def send_test(request, pk):
    _check(request)
    issue = get_object_or_404(Issue, pk=pk)
    if request.method == "POST":
        if not request.user.email:
            messages.error(request, "Your account has no email address to send the test to.")
        else:
            sending.send_test(issue=issue, email=request.user.email)
            messages.success(request, f"A test of “{issue}” went to {request.user.email}.")
    return redirect(reverse("wagtailsnippets_newsletter_issue:edit", args=[issue.pk]))


def send(request, pk):
    """GET asks for confirmation; POST freezes the audience and starts the send (once)."""
    _check(request, "change")
    issue = get_object_or_404(Issue, pk=pk)
    if request.method == "POST":
        started = sending.start_send(issue=issue)
        messages.success(request, f"Sending “{issue}” to {started.audience} subscribers.")
        return redirect(reverse("newsletter_admin:progress", args=[started.pk]))
    audience = issue.newsletter.subscriptions.filter(state="active").count()
    return TemplateResponse(
        request, "newsletter/admin/confirm_send.html", {"issue": issue, "audience": audience}
    )


def progress(request, pk):
    _check(request, "view")
    send_ = get_object_or_404(Send.objects.select_related("issue"), pk=pk)
    counts = dict(send_.deliveries.values_list("state").annotate(n=Count("pk")).order_by())
    done = sum(
        counts.get(s, 0)
        for s in (Delivery.State.ACCEPTED, Delivery.State.FAILED, Delivery.State.BOUNCED)
    )
    states = [(label, counts.get(value, 0)) for value, label in Delivery.State.choices]
    failures = send_.deliveries.filter(state__in=[Delivery.State.FAILED, Delivery.State.BOUNCED])
    return TemplateResponse(
        request,
        "newsletter/admin/progress.html",
        {
            "send": send_,
            "states": states,
            "done": done,
            "percent": round(100 * done / send_.audience) if send_.audience else 100,
            "failures": failures.order_by("email")[:200],
        },
    )


class ImportForm(forms.Form):
    newsletter = forms.ModelChoiceField(queryset=Newsletter.objects.all())
    file = forms.FileField(help_text="CSV, UTF-8, the email address in the first column.")


def import_subscribers(request):
    if not request.user.has_perm("newsletter.add_subscription"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > 20 * 1024 * 1024:
            form.add_error("file", "The file is larger than 20 MB; split it.")
        else:
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                form.add_error("file", "The file is not UTF-8 text; save it as CSV UTF-8.")
            else:
                report = subscriptions.import_subscribers(
                    newsletter=form.cleaned_data["newsletter"], lines=io.StringIO(text)
                )
    return TemplateResponse(
        request, "newsletter/admin/import.html", {"form": form, "report": report}
    )


class ForgetForm(forms.Form):
    email = forms.EmailField(label="The reader's email address")


def forget(request):
    """Delete a reader's data on request (subscriptions and delivery records)."""
    if not request.user.has_perm("newsletter.delete_subscription"):
        raise PermissionDenied
    form = ForgetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        count = subscriptions.forget_reader(email=form.cleaned_data["email"])
        messages.success(
            request, f"Deleted {count} subscription{'s' if count != 1 else ''} and their records."
        )
        return redirect(reverse("newsletter_admin:forget"))
    return TemplateResponse(request, "newsletter/admin/forget.html", {"form": form})
