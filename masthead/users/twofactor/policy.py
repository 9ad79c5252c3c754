"""Whom the administrators' sign-in policy (`siteconfig.SignInPolicy`) requires to use
two-step sign-in: every staff account, or the members of the roles they chose."""

from masthead.users.roles import ACCESS_ADMIN


def is_staff_account(user) -> bool:
    """Whether the account can use the admin at all: the accounts the policy speaks of."""
    return user.is_active and (user.is_superuser or user.has_perm(ACCESS_ADMIN))


def is_required(user, *, request=None) -> bool:
    """Whether the sign-in policy requires `user` to have a second step."""
    from masthead.siteconfig.models import SignInPolicy

    if not user.is_authenticated or not is_staff_account(user):
        return False
    policy = SignInPolicy.load(request_or_site=request)
    if policy.require_for_all_staff:
        return True
    return policy.required_groups.filter(pk__in=user.groups.values("pk")).exists()
