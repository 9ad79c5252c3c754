from masthead.users import audit_hooks  # noqa: F401
from masthead.users.twofactor import hooks  # noqa: F401
