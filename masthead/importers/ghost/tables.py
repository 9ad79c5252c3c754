"""What a Ghost export is read into (`GhostExport`), and how the values in its tables are read:
Ghost has written its ids, flags and dates in more than one way since 0.x."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from masthead.importers.records import (
    SourceAuthor,
    SourceItem,
    SourceMedia,
    SourceSubscriber,
    SourceTerm,
)

TRUE, FALSE = {"true", "1", "yes", "t"}, {"false", "0", "no", "f", ""}


@dataclass
class GhostExport:
    """A Ghost export read whole: its site, people, tags, photos, posts and members."""

    source: str = "ghost"
    site_url: str = ""  # given by the caller: Ghost's export does not say it
    title: str = ""
    description: str = ""
    version: str = ""  # Ghost's, from the export's meta
    authors: dict[str, SourceAuthor] = field(default_factory=dict)
    terms: dict[tuple[str, str], SourceTerm] = field(default_factory=dict)
    media: dict[str, SourceMedia] = field(default_factory=dict)  # keyed by the photo's URL
    media_by_url: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # records not imported, by reason
    items: list[SourceItem] = field(default_factory=list, repr=False)
    subscribers: list[SourceSubscriber] = field(default_factory=list, repr=False)


def rows(data: dict, table: str) -> list[dict]:
    """The table's rows that are records; none if it is missing or not a list."""
    found = data.get(table)
    return [row for row in found if isinstance(row, dict)] if isinstance(found, list) else []


def ident(value) -> str:
    """An id (or a reference to one) as text; "" for none."""
    return "" if value is None or isinstance(value, (dict, list)) else str(value).strip()


def flag(value) -> bool | None:
    """A yes or no, however written; None when it cannot be told."""
    if value is None:
        return None
    if isinstance(value, (bool, int)):
        return bool(value)
    text = str(value).strip().lower()
    return True if text in TRUE else False if text in FALSE else None


def moment(value, what: str, problems: list[str]) -> datetime | None:
    """A Ghost date: ISO 8601 text, epoch milliseconds (Ghost 0.x), or RFC 2822 (some tools)."""
    if value in (None, ""):
        return None
    try:
        if isinstance(value, (int, float)) or str(value).strip().isdigit():
            return datetime.fromtimestamp(int(value) / 1000, tz=UTC)
        text = str(value).strip()
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            when = parsedate_to_datetime(text)
    except (ValueError, TypeError, OverflowError):
        problems.append(f"{what} {value!r} cannot be read")
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
