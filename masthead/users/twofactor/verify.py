"""The second step of signing in: a code from the app, a recovery code, or a passkey."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from masthead.users.twofactor import audit, devices, throttle
from masthead.users.twofactor.forms import CodeForm


def safe_next(request) -> str:
    """Where to go once done: the `next` asked for if it is on this site, else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def locked_message(seconds: int) -> str:
    minutes = max(1, round(seconds / 60))
    return (
        f"Too many wrong codes were entered, so the second step is locked for {minutes} more "
        f"minute{'s' if minutes != 1 else ''}. Try again then, or sign out. If these tries "
        "were not yours, tell an administrator: someone may know your password."
    )


@never_cache
def verify(request):
    user = request.user
    next_url = safe_next(request)
    if user.is_verified() or not devices.has_second_step(user):
        return redirect(next_url)
    form = CodeForm(request.POST or None)
    locked = throttle.seconds_locked(user)
    if request.method == "POST" and not locked and form.is_valid():
        check = devices.check_code(user=user, code=form.cleaned_data["code"])
        if check.device is not None:
            otp_login(request, check.device)
            throttle.clear(user)
            if check.method == audit.RECOVERY:
                _recovery_code_used(request)
            return redirect(next_url)
        if check.wait:  # django-otp is slowing this device down: nothing was tried
            form.add_error(
                "code",
                f"Wait {check.wait} second{'s' if check.wait != 1 else ''}, then try again.",
            )
        else:
            audit.record(user, audit.FAILED, by=user, method=check.method)
            left = throttle.count_failure(user)
            if left:
                form.add_error(
                    "code",
                    "That code is not right. "
                    f"{left} more wrong code{'s' if left != 1 else ''} will lock the second step "
                    f"for {settings.TWO_STEP_LOCKOUT_SECONDS // 60} minutes.",
                )
            else:
                locked = settings.TWO_STEP_LOCKOUT_SECONDS
    methods = devices.methods_of(user)
    context = {
        "form": form,
        "next": next_url,
        "has_app": methods.app is not None,
        "has_passkeys": bool(methods.passkeys),
        "has_recovery_codes": methods.recovery_left > 0,
        "locked_message": locked_message(locked) if locked else "",
    }
    return TemplateResponse(
        request, "users/twofactor/verify.html", context, status=429 if locked else 200
    )


def _recovery_code_used(request) -> None:
    user = request.user
    audit.record(user, audit.RECOVERY_USED, by=user, method=audit.RECOVERY)
    left = devices.methods_of(user).recovery_left
    messages.warning(
        request,
        f"You signed in with a recovery code, which cannot be used again: {left} left. "
        "If you have lost your authenticator app or passkey, set up a new one and make new "
        "recovery codes in Account → Two-step sign-in.",
    )
