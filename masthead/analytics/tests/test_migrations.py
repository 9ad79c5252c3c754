"""The move of today's seen visitors to a table keyed by its three columns."""

from datetime import date

from masthead.analytics.models import Seen
from masthead.core.tests.database import MigrationTestCase

BEFORE = [("analytics", "0002_readership_permission")]
AFTER = [("analytics", "0003_seen_keyed_by_its_three")]


class SeenMovesAcrossTests(MigrationTestCase):
    def test_todays_visitors_so_far_still_count_once(self):
        old = self.migrate(BEFORE).get_model("analytics", "SeenToday")
        today = date(2026, 12, 5)
        old.objects.create(day=today, page_id=7, visitor="a1b2c3d4e5f60718")
        old.objects.create(day=today, page_id=0, visitor="a1b2c3d4e5f60718")
        self.migrate(AFTER)
        kept = set(Seen.objects.values_list("day", "page_id", "visitor"))
        assert kept == {(today, 7, "a1b2c3d4e5f60718"), (today, 0, "a1b2c3d4e5f60718")}
        # Going back keeps them too.
        back = self.migrate(BEFORE).get_model("analytics", "SeenToday")
        assert back.objects.count() == 2
