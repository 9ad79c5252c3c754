"""What happens to a person's second steps, written to Wagtail's audit trail on their account."""

import logging

from django.utils.functional import LazyObject
from wagtail.log_actions import log

logger = logging.getLogger(__name__)

ADDED = "masthead.2fa.added"
REMOVED = "masthead.2fa.removed"
RECOVERY_USED = "masthead.2fa.recovery_used"
FAILED = "masthead.2fa.failed"

# The methods named in each entry's data.
TOTP, PASSKEY, RECOVERY = "totp", "passkey", "recovery"

# (label, message): the audit trail's own names for these actions, where registered, come after
# these (hooks.py registers these first) and so take their place.
LABELS = {
    ADDED: ("Two-step sign-in: method added", "Added a two-step sign-in method"),
    REMOVED: ("Two-step sign-in: method removed", "Removed a two-step sign-in method"),
    RECOVERY_USED: ("Two-step sign-in: recovery code used", "Signed in with a recovery code"),
    FAILED: ("Two-step sign-in: failed", "Failed the second step of signing in"),
}


def record(user, action: str, *, by, method: str) -> None:
    """Log `action` on `user`'s account, done by `by` (themselves, as a rule), with `method`."""
    user, by = _concrete(user), _concrete(by)
    log(instance=user, action=action, user=by, data={"method": method})
    logger.info("%s user=%s by=%s method=%s", action, user.pk, getattr(by, "pk", None), method)


def _concrete(user):
    """The account itself for `request.user`: Wagtail finds the log for an instance by its
    type, and would silently log nothing for the lazy object that stands in for it."""
    if isinstance(user, LazyObject):
        user.pk  # noqa: B018  (evaluates it)
        return user._wrapped
    return user
