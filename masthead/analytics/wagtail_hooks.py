from wagtail import hooks

from masthead.analytics import most_read, rollups
from masthead.core.clock import CLOCK_HOOK

# The clock (core/clock.py) rolls up each finished hour of hits and forgets what is not kept.
hooks.register(CLOCK_HOOK, rollups.roll_up)
# And every ten minutes works out "Most read" again, purging the pages whose lists changed.
hooks.register(CLOCK_HOOK, most_read.refresh)
