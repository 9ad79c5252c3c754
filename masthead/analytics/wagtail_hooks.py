from wagtail import hooks

from masthead.analytics import rollups
from masthead.core.clock import CLOCK_HOOK

# The clock (core/clock.py) rolls up each finished hour of hits and forgets what is not kept.
hooks.register(CLOCK_HOOK, rollups.roll_up)
