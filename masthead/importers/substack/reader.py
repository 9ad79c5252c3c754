"""Reading a Substack export into the plain records.

Substack's export (Settings → Exports) is a zip of `posts.csv`, a line a post, and a `posts/`
folder holding each post's body as `<post_id>.html`; the subscriber list is a CSV of its own
(`email_list.<publication>.csv`), put beside them. The export names neither the publication's
address nor its writers, so the caller gives them (`site_url`, `author_name`). Substack's own
furniture in bodies (subscribe forms, share buttons) goes and its embeds become plain HTML
(see `bodies`); photos are named by their original URL rather than Substack's resizing CDN.
"""

import json
import logging
import mimetypes
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import slugify

from masthead.importers import sources
from masthead.importers.exportfiles import ExportFiles, csv_rows, is_zip, zip_names
from masthead.importers.records import (
    SourceAuthor,
    SourceItem,
    SourceMedia,
    SourceSubscriber,
    SourceTerm,
)
from masthead.importers.sources import ExportError
from masthead.importers.substack.bodies import data_attrs, draw_body
from masthead.importers.wordpress.markup import CONTROL_CHARS
from masthead.importers.wordpress.wxr import flag_slug

__all__ = [
    "ExportError", "SubstackExport", "is_substack_export", "iter_items", "iter_subscribers",
    "read_substack",
]  # fmt: skip

logger = logging.getLogger(__name__)

AUTHOR_KEY = "substack-author"
CONSENT_SOURCE = "substack import"
POST_COLUMNS = ("post_id", "post_date", "is_published", "audience", "title")
SUBSCRIBER_COLUMNS = ("email",)
AUDIENCES = {
    "only_paid": "paying subscribers", "founding": "founding members",
    "only_free": "signed-up subscribers",
}  # fmt: skip
KINDS = {"newsletter": "post", "podcast": "post", "thread": "post", "page": "page"}
CDN_IMAGE = re.compile(r"substackcdn\.com/image/fetch/(?:[^/]*/)*?(https?(?::|%3A).+)$", re.I)
# A Substack export holds a file a post (and two more a sent post: its opens and deliveries),
# so the cap on the files read is sources' cap on an export's parts, a hundredfold.
MAX_FILES_FACTOR = 100
TRUE, FALSE = {"true", "t", "1", "yes"}, {"false", "f", "0", "no", ""}


@dataclass
class SubstackExport:
    source: str = "substack"
    site_url: str = ""  # given by the caller: Substack's export does not say it
    title: str = ""
    authors: dict[str, SourceAuthor] = field(default_factory=dict)
    terms: dict[tuple[str, str], SourceTerm] = field(default_factory=dict)  # Substack has none
    media: dict[str, SourceMedia] = field(default_factory=dict)  # keyed by the photo's URL
    media_by_url: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # records not imported, by reason
    items: list[SourceItem] = field(default_factory=list, repr=False)
    subscribers: list[SourceSubscriber] = field(default_factory=list, repr=False)


# --- the files ----------------------------------------------------------------------------------


class _Files(ExportFiles):
    """The files of an export, a folder or a zip, by their names under the folder that holds
    `posts.csv`; each is read whole, and all together within the caps `sources` sets."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise ExportError(f"{path} does not exist")
        if path.is_dir():
            super().__init__(path, pooled=True)
            names = [p.name for p in path.iterdir() if p.is_file()]
            if (path / "posts").is_dir():
                names += [f"posts/{p.name}" for p in (path / "posts").iterdir() if p.is_file()]
        elif is_zip(path):
            names = zip_names(path)
            found = [n for n in names if n.rsplit("/", 1)[-1] == "posts.csv"]
            found = [n for n in found if not n.startswith("__MACOSX/")]
            prefix = min(found, key=len)[: -len("posts.csv")] if found else ""
            super().__init__(path, archive=path, prefix=prefix, pooled=True)
            names = [n[len(prefix) :] for n in names if n.startswith(prefix)]
        else:
            raise ExportError(
                f"{path} is neither a folder nor a zip: a Substack export is the zip Substack "
                "sends, or the folder it unpacks to"
            )
        self.reads = 0
        self.names = {n for n in names if not n.rsplit("/", 1)[-1].startswith(".")}
        self.html = {n[len("posts/") : -len(".html")] for n in self.names if _is_post_file(n)}

    def read(self, name: str, size: int | None = None) -> bytes:
        """The file, whole (or its first `size` bytes); ExportError past the caps."""
        self.reads += 1
        if self.reads > MAX_FILES_FACTOR * sources.MAX_ZIP_MEMBERS:
            raise ExportError(f"{self.path} holds too many files to be one Substack export")
        return super().read(name) if size is None else self.head(name, size)


def _is_post_file(name: str) -> bool:
    return name.startswith("posts/") and name.endswith(".html") and name.count("/") == 1


def is_substack_export(path: str | os.PathLike) -> bool:
    """Whether `path` is a folder or zip holding `posts.csv` and a `posts/` folder."""
    try:
        files = _Files(Path(path))
        has_posts = any(name.startswith("posts/") for name in files.names) or (
            files.archive is None and (files.path / "posts").is_dir()
        )
        if "posts.csv" not in files.names or not has_posts:
            return False
        return b"post_id" in files.read("posts.csv", 4096)
    except (ExportError, OSError):
        return False


def _csv_rows(content: bytes, label: str, required: tuple[str, ...]) -> list[tuple[int, dict]]:
    """(line, row) for each row, columns in lower case and values stripped."""
    rows = csv_rows(content, label, required)
    return [(line, {k: v.strip() for k, v in row.items()}) for line, row in rows]


# --- reading ------------------------------------------------------------------------------------


def read_substack(
    path: str | os.PathLike,
    site_url: str = "",
    *,
    author_name: str = "",
    title: str = "",
    email_list_path: str | os.PathLike | None = None,
) -> SubstackExport:
    """Read a Substack export whole into records. `site_url` is the publication's address and
    `author_name` the byline's name, neither of which the export says; `email_list_path` is the
    subscriber list, when it is not beside `posts.csv`."""
    files = _Files(Path(path))
    if "posts.csv" not in files.names:
        raise ExportError(f"{path} holds no posts.csv: it is not a Substack export")
    lists = sorted(n for n in files.names if "/" not in n and _is_email_list(n))
    export = SubstackExport(site_url=site_url.strip().rstrip("/"), title=title.strip())
    if not export.title and lists and lists[0].count(".") == 2:  # email_list.<publication>.csv
        export.title = lists[0].split(".")[1]
    if not export.site_url:
        export.problems.append(
            "the publication's address was not given (Substack's export does not carry it): "
            "old links cannot be redirected"
        )
    name = author_name.strip() or export.title or "Substack"
    if not author_name.strip():
        export.problems.append(
            f"the export does not name the writer: the byline is the publication's name, {name!r}"
        )
    export.authors[AUTHOR_KEY] = SourceAuthor(AUTHOR_KEY, name, slugify(name, allow_unicode=True))
    seen: set[str] = set()
    for line, row in _csv_rows(files.read("posts.csv"), files.label("posts.csv"), POST_COLUMNS):
        key = row["post_id"].partition(".")[0].strip()
        reason, item = "", None
        if not key:
            reason = "it has no post id, so it cannot be imported"
        elif key in seen:
            reason = "its post id repeats an earlier post's; the first one is kept"
        else:
            seen.add(key)
            try:
                item = _item(export, files, key, row)
            except ExportError:
                raise
            except Exception as error:  # one bad post must not end the run
                logger.exception("Substack post %s could not be read", key)
                reason = f"it could not be read ({type(error).__name__}: {error})"
        if item is None:
            export.skipped[reason] += 1
            export.problems.append(f"posts.csv, line {line} ({row['title']!r}): {reason}")
        else:
            export.items.append(item)
    if email_list_path:
        with open(email_list_path, "rb") as handle:
            _subscribers(export, handle.read(sources.MAX_UNPACKED_BYTES), str(email_list_path))
    for name in lists:
        _subscribers(export, files.read(name), files.label(name))
    return export


def iter_items(export: SubstackExport) -> Iterator[SourceItem]:
    """The export's posts and pages; what was not imported is counted in export.skipped."""
    yield from export.items


def iter_subscribers(export: SubstackExport) -> Iterator[SourceSubscriber]:
    """The subscriber list's addresses, with their consent state."""
    yield from export.subscribers


def _is_email_list(name: str) -> bool:
    name = name.lower()
    return name.endswith(".csv") and (name.startswith("email_list") or "subscriber" in name)


def _flag(value: str) -> bool | None:
    value = value.strip().lower()
    return True if value in TRUE else False if value in FALSE else None


def _moment(text: str, what: str, problems: list[str]) -> datetime | None:
    if not text.strip():
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        problems.append(f"{what} {text!r} cannot be read")
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _item(export: SubstackExport, files: _Files, key: str, row: dict) -> SourceItem:
    problems: list[str] = []
    post_id, slug = row["post_id"], row["post_id"].partition(".")[2].strip()
    published = _flag(row["is_published"])
    if published is None:
        problems.append(f"its is_published {row['is_published']!r} cannot be read: a draft")
    audience = row["audience"].lower()
    if not published:
        status = "draft"
    elif audience == "everyone":
        status = "publish"
    else:
        readers = AUDIENCES.get(audience, f"the readers Substack calls {audience!r}")
        problems.append(f"it was for {readers} only, so it is imported as private")
        status = "private"
    post_type = row.get("type", "").lower() or "newsletter"
    if post_type not in KINDS:
        problems.append(f"its type {post_type!r} is not Substack's own; it is imported as a post")
    if post_type == "thread":
        problems.append("it is a discussion thread: its comments are not in the export")
    link = f"{export.site_url}/p/{slug}" if export.site_url and slug and published else ""
    flag_slug(slug, problems, "its slug")
    if not slug:
        slug = slugify(row["title"], allow_unicode=True)
        problems.append(f"it has no slug in the export; {slug!r} is made from its title")
    date = _moment(row["post_date"], "its date", problems)
    content, notes = _body(export, files, key, post_id, problems)
    if row.get("podcast_url"):
        content = f'<audio src="{escape(row["podcast_url"])}"></audio>\n{content}'
    return SourceItem(
        kind=KINDS.get(post_type, "post"),
        key=key,
        title=row["title"],
        slug=slug,
        status=status,
        published_at=date if published else None,
        modified_at=date,
        author_keys=[AUTHOR_KEY],
        excerpt=row.get("subtitle", ""),
        content=content,
        link=link,
        problems=problems,
        footnotes_meta=json.dumps(notes) if notes else "",
    )


# --- bodies -------------------------------------------------------------------------------------


def _body(export, files: _Files, key: str, post_id: str, problems) -> tuple[str, list[dict]]:
    name = (
        post_id
        if post_id in files.html
        else next((n for n in sorted(files.html) if n.partition(".")[0] == key), "")
    )
    if not name:
        problems.append(f"its text (posts/{post_id}.html) is not in the export")
        return "", []
    data = files.read(f"posts/{name}.html")
    markup = CONTROL_CHARS.sub("", data.decode("utf-8", errors="replace"))
    if "\ufffd" in markup and b"\xef\xbf\xbd" not in data:
        problems.append("its text is not all UTF-8; the letters that were not are replaced")
    if not markup.strip():
        return "", []
    return draw_body(markup, lambda img: _image(export, img, key))


def _original(url: str) -> str:
    """A photo's own address, for one Substack's CDN resizes (`…/image/fetch/w_1456/https%3A…`)."""
    match = CDN_IMAGE.search(url)
    return unquote(match.group(1)) if match else url


def _image(export: SubstackExport, img, parent: str) -> None:
    attrs = data_attrs(img)
    src = (img.get("src") or "").strip()
    url = _original(str(attrs.get("src") or "") or src)
    for attribute in ("srcset", "sizes", "data-attrs", "loading", "fetchpriority"):
        img.attrib.pop(attribute, None)
    if not url.startswith(("http://", "https://")):
        return
    alt = (img.get("alt") or str(attrs.get("alt") or "")).strip()
    media = export.media.get(url)
    if media is None:
        mime_type = mimetypes.guess_type(urlsplit(url).path)[0] or ""
        media = SourceMedia(key=url, url=url, alt=alt, mime_type=mime_type, parent_key=parent)
        export.media[url] = media
    media.alt = media.alt or alt
    for address in (src, url):
        if address:
            export.media_by_url.setdefault(address, url)
    img.set("src", url)
    img.set("data-media-key", url)


# --- subscribers --------------------------------------------------------------------------------


def _subscribers(export: SubstackExport, content: bytes, label: str) -> None:
    seen = {subscriber.email.casefold() for subscriber in export.subscribers}
    for line, row in _csv_rows(content, label, SUBSCRIBER_COLUMNS):
        email, reason = row["email"], ""
        try:
            validate_email(email)
        except ValidationError:
            reason = "a subscriber without a valid email address"
        if not reason and email.casefold() in seen:
            reason = "a subscriber whose address repeats an earlier one's; the first is kept"
        if reason:
            export.skipped[reason] += 1
            export.problems.append(f"{label}, line {line}: {reason} ({email!r})")
            continue
        seen.add(email.casefold())
        problems: list[str] = []
        subscribed_at = _moment(row.get("created_at", ""), "its sign-up date", problems)
        export.problems.extend(f"{label}, line {line}: {problem}" for problem in problems)
        export.subscribers.append(
            SourceSubscriber(
                email=email,
                # Substack's email_disabled: the reader turned its emails off.
                state="unsubscribed" if _flag(row.get("email_disabled", "")) else "active",
                subscribed_at=subscribed_at,
                consent_source=CONSENT_SOURCE,
                name=row.get("name", ""),
            )
        )
