"""Under the admin (hooks.py): /admin/two-step/…"""

from django.urls import path
from django_otp_webauthn.views import CompleteCredentialRegistrationView

from masthead.users.twofactor import passkeys, verify, views

app_name = "twostep"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("verify/", verify.verify, name="verify"),
    path("app/", views.setup_app, name="setup_app"),
    path("app/remove/", views.remove_app, name="remove_app"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("passkeys/<int:pk>/remove/", views.remove_passkey, name="remove_passkey"),
    path(
        "passkeys/add/begin/",
        passkeys.BeginRegistration.as_view(),
        name="passkey_register_begin",
    ),
    path(
        "passkeys/add/complete/",
        CompleteCredentialRegistrationView.as_view(),
        name="passkey_register_complete",
    ),
    path(
        "passkeys/verify/begin/",
        passkeys.BeginAuthentication.as_view(),
        name="passkey_auth_begin",
    ),
    path(
        "passkeys/verify/complete/",
        passkeys.CompleteAuthentication.as_view(),
        name="passkey_auth_complete",
    ),
]
