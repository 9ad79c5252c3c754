"""Imported blocks get ids as Wagtail's editor gives them: random version-4 UUIDs, as text."""

import uuid

from masthead.importers.writer.prepare import block_ids


def test_block_ids_are_distinct_version_4_uuids():
    ids = list(block_ids(5000))
    assert len(ids) == len(set(ids)) == 5000
    for text in ids:
        found = uuid.UUID(text)
        assert str(found) == text
        assert found.version == 4 and found.variant == uuid.RFC_4122
