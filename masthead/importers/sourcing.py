"""Which source an export is, and the one shape every reader's result is handed on in.

A `Source` holds a reader's first pass (authors, terms, media: `export`) and iterates its items
and readers; the writer needs nothing else from it.
"""

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from masthead.importers.mapping import Mapping
from masthead.importers.records import ItemStub, SourceItem, SourceSubscriber
from masthead.importers.sources import ExportError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass
class ListedExport:
    """An export read whole into lists (`export` for the writer): saved article pages, the
    demo publication's data files."""

    source: str = "html"
    site_url: str = ""
    title: str = ""
    authors: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)
    media: dict = field(default_factory=dict)
    media_by_url: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    items: list[SourceItem] = field(default_factory=list)
    mapping: Mapping | None = None  # the source's own, when it says what its terms are


@dataclass
class Source:
    name: str  # wordpress | ghost | substack | html | demo
    export: object  # WxrExport, GhostExport, SubstackExport or ListedExport
    items: Callable[[], Iterator[SourceItem | ItemStub]]
    subscribers: Callable[[], Iterator[SourceSubscriber]] = lambda: iter(())
    count: int | None = None  # how many items, when the first pass knows
    # What a run of it is listed as, when the export's file name says nothing (the demo's
    # folder is called "data").
    label: str = ""

    @property
    def mapping(self) -> Mapping | None:
        """The mapping the source brings, used when the editor gives none."""
        return getattr(self.export, "mapping", None)

    @property
    def digest(self) -> str:
        """A fingerprint of the export's bytes, when the reader takes one ("" if not)."""
        return getattr(self.export, "digest", "") or ""

    @property
    def site_url(self) -> str:
        return getattr(self.export, "site_url", "") or ""

    @property
    def key(self) -> str:
        """Which publication this is, so a second run of it finds what the first one made."""
        site = urlsplit(self.site_url)
        host = (site.hostname or "").removeprefix("www.")
        return f"{self.name}:{host}{site.path.rstrip('/')}" if host else f"{self.name}:"


def _html_files(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in HTML_SUFFIXES)
        else:
            found.append(path)
    return found


def open_source(paths: list[Path], *, site_url: str = "", author_name: str = "") -> Source:
    """Read the first pass of whatever the paths are. Raises ExportError, saying what is wrong."""
    for path in paths:
        if not path.exists():
            raise ExportError(f"{path}: no such file or folder")
    first = paths[0]
    if any(p.is_file() and p.suffix.lower() in HTML_SUFFIXES for p in paths):
        return _saved_pages(_html_files(paths))
    if len(paths) > 1:
        raise ExportError("give one export (a file, a .zip or a folder); only saved pages go many")
    from masthead.importers import demo
    from masthead.importers.ghost import reader as ghost
    from masthead.importers.substack import reader as substack

    if demo.is_demo_data(first):
        export = demo.read_demo(first)
        return Source(
            "demo", export, lambda: iter(export.items), count=len(export.items), label=export.title
        )

    if ghost.is_ghost_export(first):
        export = ghost.read_ghost(first, site_url=site_url)
        return Source(
            "ghost",
            export,
            lambda: ghost.iter_items(export),
            lambda: ghost.iter_subscribers(export),
            count=len(export.items),
        )
    if substack.is_substack_export(first):
        export = substack.read_substack(first, site_url=site_url, author_name=author_name)
        return Source(
            "substack",
            export,
            lambda: substack.iter_items(export),
            lambda: substack.iter_subscribers(export),
            count=len(export.items),
        )
    if first.is_dir() and not any(first.glob("*.xml")) and _html_files([first]):
        return _saved_pages(_html_files([first]))
    from masthead.importers.sources import export_parts
    from masthead.importers.wordpress.reader import iter_item_stubs, read_export

    parts = export_parts(first)
    export = read_export(parts)
    if not export.wxr_version and not export.authors and not export.terms and not export.media:
        if not export.site_url:
            raise ExportError(
                f"{first}: not a WordPress export (WXR), a Ghost or Substack export, or saved "
                "article pages"
            )
    return Source(
        "wordpress", export, lambda: iter_item_stubs(parts, export), count=export.item_count
    )


def _saved_pages(files: list[Path]) -> Source:
    from masthead.importers.html.reader import read_saved_page

    pages = ListedExport()
    for path in files:
        saved = read_saved_page(path)
        if not saved.item.content:  # a listing, a front page, an error page: no article
            pages.skipped["not an article page"] += 1
            pages.problems.append(f"{path.name}: " + "; ".join(saved.item.problems))
            continue
        saved.item.problems = [f"{path.name}: {p}" for p in saved.item.problems]
        for author in saved.authors:
            pages.authors.setdefault(author.key, author)
        for media in saved.media:
            pages.media.setdefault(media.key, media)
            if media.url:
                pages.media_by_url.setdefault(media.url, media.key)
        pages.items.append(saved.item)
    return Source("html", pages, lambda: iter(pages.items), count=len(pages.items))
