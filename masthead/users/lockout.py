"""Login throttling: one address is locked out of an account after a few failures, and the
account itself after more failures from any addresses (a password sprayed from many machines)."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import Sum


class AccountLockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit of its own for each kind of count.

    AXES_LOCKOUT_PARAMETERS names two counts, in this order: failures for an account from one
    address, and failures for the account from anywhere. Axes compares the larger of them with
    one limit, which would lock the account at the per-address limit; here the account's count
    is first put in the units of that limit (AXES_ACCOUNT_FAILURE_LIMIT failures make one
    AXES_FAILURE_LIMIT), so axes' own comparison, its lockout page and its cool-off still hold.
    The database is the one every process and app server shares, in both shapes.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        per_address, per_account = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        limit = get_failure_limit(request, credentials)
        return max(per_address, per_account * limit // settings.AXES_ACCOUNT_FAILURE_LIMIT)
