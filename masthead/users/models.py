from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac

GENERATION_SALT = "masthead.users.User.session_generation"


class User(AbstractUser):
    """The newsroom's accounts; custom from the first migration so fields can be added later."""

    session_generation = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Moved on by “sign out everywhere”: every session signed in before then ends.",
    )

    class Meta:
        db_table = "users_user"

    def _get_session_auth_hash(self, secret=None):
        """Django's hash of the password, which every session carries and every request checks
        against the account as the database holds it (so on every app server), with the session
        generation folded in: moving it on ends every session, as a new password does. Django's
        `get_session_auth_hash()` and its fallbacks for rotated keys both come through here.
        Generation 0 leaves Django's own hash, so sessions from before this field stay valid."""
        digest = super()._get_session_auth_hash(secret=secret)
        if not self.session_generation:
            return digest
        return salted_hmac(
            GENERATION_SALT,
            f"{digest}:{self.session_generation}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()
