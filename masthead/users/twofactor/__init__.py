"""Two-step sign-in for the admin: after the password, a code from an authenticator app, a
recovery code or a passkey.

`devices` adds, lists, checks and removes a person's second steps (django-otp's TOTP and static
devices, django-otp-webauthn's passkeys); `passkeys` the passkey ceremonies; `throttle` counts
wrong codes in the shared cache; `policy` says whom the administrators' `SignInPolicy` covers;
`middleware` closes the admin to a session that owes a second step; `verify` is the second step
itself, `views` the "Two-step sign-in" pages of the account; `audit` writes what happened to
the audit trail.
"""
