"""The "Two-step sign-in" pages of a person's account: set up an authenticator app, add and
remove passkeys, make recovery codes, remove a method."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from masthead.users.twofactor import devices, policy, throttle
from masthead.users.twofactor.forms import AppCodeForm, ConfirmForm
from masthead.users.twofactor.passkeys import NAME_MAX_LENGTH, relying_party_name
from masthead.users.twofactor.verify import locked_message, safe_next


def _overview_url(request) -> str:
    """The overview, still carrying where the person was going (when on this site)."""
    url = reverse("twostep:overview")
    target = request.GET.get("next") or request.POST.get("next")
    if target and safe_next(request) == target:
        return f"{url}?{urlencode({'next': target})}"
    return url


def _next_if_given(request) -> str:
    given = request.POST.get("next") or request.GET.get("next")
    return safe_next(request) if given else ""


@never_cache
def overview(request):
    user = request.user
    methods = devices.methods_of(user)
    required = policy.is_required(user, request=request)
    return TemplateResponse(
        request,
        "users/twofactor/overview.html",
        {
            "methods": methods,
            "required": required,
            "next": _next_if_given(request),
            "name_max_length": NAME_MAX_LENGTH,
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def setup_app(request):
    """Shows a new secret as a QR code and as text, once; it counts once a code confirms it."""
    user = request.user
    if devices.methods_of(user).app is not None:
        messages.info(request, "Your authenticator app is already set up.")
        return redirect(_overview_url(request))
    form = AppCodeForm(request.POST or None)
    if request.method == "POST":
        device = devices.pending_authenticator(user)
        if device is None:  # opened elsewhere and confirmed there, or never opened
            return redirect("twostep:setup_app")
        wait = devices.seconds_to_wait(device)
        if wait:
            form.add_error(
                "code", f"Wait {wait} second{'s' if wait != 1 else ''}, then enter the code."
            )
        elif form.is_valid():
            confirmed = devices.confirm_authenticator(user=user, code=form.cleaned_data["code"])
            if confirmed is not None:
                if not user.is_verified():
                    otp_login(request, confirmed)
                return _after_first_method(request, "Authenticator app added.")
            form.add_error(
                "code",
                "That code is not right. Check that the app shows this account, and enter the "
                "code it shows now.",
            )
    else:
        device = devices.begin_authenticator(user=user)
    issuer = relying_party_name(request)
    return TemplateResponse(
        request,
        "users/twofactor/setup_app.html",
        {
            "form": form,
            "qr_svg": devices.qr_svg(devices.authenticator_url(device, issuer=issuer)),
            "secret": devices.secret_of(device),
            "issuer": issuer,
            "next": _next_if_given(request),
        },
    )


def _after_first_method(request, done: str):
    """With a first method, ten recovery codes at once; later, back to the overview."""
    if devices.methods_of(request.user).recovery_left:
        messages.success(request, done)
        return redirect(_overview_url(request))
    codes = devices.make_recovery_codes(user=request.user)
    return _show_codes(request, codes, done=done)


def _show_codes(request, codes: list[str], *, done: str = ""):
    return TemplateResponse(
        request,
        "users/twofactor/recovery_codes.html",
        {"codes": codes, "done": done, "next": _next_if_given(request)},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """How many codes are left; POST makes ten new ones in their place and shows them once."""
    methods = devices.methods_of(request.user)
    if not methods.enrolled:
        messages.info(request, "Set up an authenticator app or a passkey first.")
        return redirect("twostep:overview")
    if request.method == "POST":
        # Sent by the overview's script right after a first passkey was added.
        done = "Passkey added." if request.POST.get("first") == "passkey" else ""
        return _show_codes(request, devices.make_recovery_codes(user=request.user), done=done)
    return TemplateResponse(
        request, "users/twofactor/recovery_codes.html", {"left": methods.recovery_left}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def remove_app(request):
    methods = devices.methods_of(request.user)
    if methods.app is None:
        return redirect("twostep:overview")
    return _remove(request, methods, "your authenticator app", devices.remove_authenticator, {})


@never_cache
@require_http_methods(["GET", "POST"])
def remove_passkey(request, pk: int):
    methods = devices.methods_of(request.user)
    passkey = get_object_or_404(devices.passkey_model(), pk=pk, user=request.user)
    return _remove(
        request,
        methods,
        f"the passkey “{passkey.name}”",
        devices.remove_passkey,
        {"passkey_id": passkey.pk},
    )


def _remove(request, methods, what: str, remove, kwargs: dict):
    """Asks for the password or a current code, then removes; never the last method of an
    account the sign-in policy covers."""
    user = request.user
    if methods.count == 1 and policy.is_required(user, request=request):
        messages.error(
            request,
            f"Two-step sign-in is required for your account, so {what} cannot be removed until "
            "you have set up another method.",
        )
        return redirect("twostep:overview")
    form = ConfirmForm(request.POST or None)
    locked = throttle.seconds_locked(user)
    if request.method == "POST" and not locked and form.is_valid():
        if devices.confirms_identity(user=user, answer=form.cleaned_data["answer"]):
            session_device = getattr(user, "otp_device", None)
            remove(user=user, by=user, **kwargs)
            _stay_verified(request, session_device)
            messages.success(request, f"Removed {what}.")
            return redirect("twostep:overview")
        left = throttle.count_failure(user)
        if left:
            form.add_error("answer", "That is neither your password nor a current code.")
        else:
            locked = throttle.seconds_locked(user)
    return TemplateResponse(
        request,
        "users/twofactor/remove.html",
        {
            "form": form,
            "what": what,
            "last": methods.count == 1,
            "locked_message": locked_message(locked) if locked else "",
        },
        status=429 if locked else 200,
    )


def _stay_verified(request, session_device) -> None:
    """This session passed its second step with a method just removed: it stays signed in,
    now on a method the account still has (none left: nothing is owed)."""
    user = request.user
    if session_device is None:
        return
    if type(session_device).objects.filter(pk=session_device.pk).exists():
        return
    methods = devices.methods_of(user)
    remaining = methods.app or (methods.passkeys[0] if methods.passkeys else None)
    if remaining is not None:
        otp_login(request, remaining)
