"""Masthead's own archive: the whole publication in a folder or zip, to move out or keep.

`export.export_archive()` writes it, `restore.restore_archive()` reads it back into an empty
site; `schema` says which file holds which rows, and how each value is written (the format is
documented in docs/archive-format.md). Pages, images, authors, topics and article types keep
their ids, so links between them (rich-text page links, photos in bodies) stay valid.
"""

FORMAT = "masthead-archive"
VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media/"


class ArchiveError(Exception):
    """The archive cannot be written or restored: the message says why (file and line, where
    a line is at fault) and that nothing was changed."""
