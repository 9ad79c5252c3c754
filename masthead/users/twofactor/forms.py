from django import forms


class CodeForm(forms.Form):
    """The second step: a code from the app, or a recovery code."""

    code = forms.CharField(
        label="Code",
        max_length=32,
        help_text="The 6-digit code your authenticator app shows now, or one of your recovery "
        "codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "autofocus": True}
        ),
    )


class AppCodeForm(forms.Form):
    """The first code from a newly added app, which shows the app holds the secret."""

    code = forms.CharField(
        label="Code from the app",
        max_length=16,
        help_text="The 6-digit code your authenticator app now shows for this account.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class ConfirmForm(forms.Form):
    """Removing a method asks again who is there."""

    answer = forms.CharField(
        label="Your password or a current code",
        max_length=256,
        help_text="Your password, a code from your authenticator app, or a recovery code.",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )
