"""The end of a run, done once for everything it wrote: links to pages further on in the export
pointed at them, every cache told.

A page is indexed (search and references) as its batch is written, unless its body still links
to the old site (a page imported later, or one the run has not reached): its imported-object row
stays `pending`, and it is indexed here once its links are rewritten. A run killed before its
end leaves the same marks for the next one.
"""

import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from django.db import connections, transaction
from django.db.models import prefetch_related_objects
from wagtail.blocks import StreamValue
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail_footnotes.models import Footnote

from masthead.core.versioning import bump
from masthead.delivery import tags
from masthead.delivery.purge import purge_tags
from masthead.importers.models import ImportedObject, LongRedirect
from masthead.importers.writer.indexing import index_objects
from masthead.importers.writer.memory import release_freed_memory
from masthead.importers.writer.redirects import old_path
from masthead.importers.writer.references import write_references
from masthead.newsroom.models import ArticlePage

CHUNK = 500  # pages per round: memory, against one statement per round
UPDATES_PER_STATEMENT = 100  # bodies rewritten in one statement
HREF = re.compile(r'<a href="([^"]+)"')


class LinkRewriter:
    """Links in rich text to the old site's addresses become links to the pages they moved to
    (Wagtail's page links, which follow a page wherever it moves later)."""

    def __init__(self, site_url: str):
        self.site_url = site_url
        self.host = (urlsplit(site_url).hostname or "").removeprefix("www.")
        self.found: dict[str, int | None] = {}
        self.known: dict[str, int] = {}  # old path → page, of the batch being written

    def unresolved(self, blocks: list[dict], notes) -> bool:
        """Whether a body or its footnotes still link to the old site."""
        if not self.host:
            return False
        return _mentions(blocks, self.host) or any(self.host in note.text for note in notes)

    def targets(self, texts: list[str]) -> None:
        wanted = {}
        for text in texts:
            for href in HREF.findall(text):
                path = old_path(href.replace("&amp;", "&"), self.site_url)
                if path and self.found.get(href) is None:  # unknown, or not imported yet
                    wanted[href] = path
        for href, path in list(wanted.items()):
            if path in self.known:
                self.found[href] = self.known[path]
                del wanted[href]
        if not wanted:
            return
        by_path = dict(
            Redirect.objects.filter(
                old_path__in=set(wanted.values()), redirect_page__isnull=False
            ).values_list("old_path", "redirect_page_id")
        )
        for href, path in wanted.items():
            page_id = by_path.get(path)
            if page_id is None and len(path) > 255:
                long = LongRedirect.objects.filter(path_hash=LongRedirect.hash_of(path)).first()
                page_id = long.redirect_page_id if long else None
            self.found[href] = page_id

    def rewrite(self, text: str) -> str:
        def swap(match):
            page_id = self.found.get(match.group(1))
            return f'<a linktype="page" id="{page_id}"' if page_id else match.group(0)

        return HREF.sub(swap, text)


def _rich_texts(blocks: list[dict]) -> list[str]:
    texts = []
    for block in blocks:
        value = block.get("value")
        if block.get("type") == "paragraph" and isinstance(value, str):
            texts.append(value)
        elif block.get("type") == "quote" and isinstance(value, dict):
            texts.append(value.get("text") or "")
    return texts


def _rewrite_blocks(blocks: list[dict], links: LinkRewriter) -> bool:
    changed = False
    for block in blocks:
        value = block.get("value")
        if block.get("type") == "paragraph" and isinstance(value, str):
            new = links.rewrite(value)
            changed |= new != value
            block["value"] = new
        elif block.get("type") == "quote" and isinstance(value, dict) and value.get("text"):
            new = links.rewrite(value["text"])
            changed |= new != value["text"]
            value["text"] = new
    return changed


def finish(ctx) -> int:
    """Do what the run's pages still need; how many pages that was."""
    pending = ImportedObject.objects.filter(
        source=ctx.source_key, kind=ImportedObject.ITEM, pending=True
    ).order_by("pk")
    links = LinkRewriter(ctx.export.site_url)
    rounds = Rounds()
    done = 0
    last = 0
    try:
        while True:
            rows = list(pending.filter(pk__gt=last).values_list("pk", "object_id")[:CHUNK])
            if not rows:
                break
            last = rows[-1][0]
            page_ids = [object_id for _, object_id in rows if object_id]
            writes: list = []  # what is left to write once the round is read
            with transaction.atomic():
                pages = list(Page.objects.filter(pk__in=page_ids).specific())
                _links(pages, links)
                write_references(pages, later=writes)
                by_model: dict[type, list] = {}
                for page in pages:
                    by_model.setdefault(type(page), []).append(page)
                for model, objects in by_model.items():
                    # What `get_indexed_objects` would load again: these pages, of exactly this
                    # type, with what their search fields follow.
                    if model is ArticlePage:
                        prefetch_related_objects(objects, "article_authors__author")
                    index_objects(ctx.backends, model, objects, ctx.norms, later=writes)
            rounds.submit(writes, {"pk__in": [pk for pk, _ in rows]})
            links.found.clear()  # a cache of this round's look-ups, not of the whole archive
            del pages, writes, by_model
            rounds.let_go()
            done += len(rows)
            ctx.progress_note(f"indexed {done} pages")
    finally:
        rounds.close()
    if done or ctx.report.changes["created"] or ctx.report.counts["redirects"]:
        bump()  # every remembered look-up (routes, lists, restrictions) starts again
        purge_tags(tags={tags.SITE})
    return done


class Rounds:
    """Writes each round's index rows in a transaction of its own that also marks its imported
    objects done (`done`: a filter of them), in order. On PostgreSQL, outside a transaction of
    the caller's, in a second thread (its own connection) with one round in flight, so memory
    stays flat and the thread waits on PostgreSQL (turning bodies into tsvectors) while this
    one goes on. SQLite has one writer at a time: there, here and at once."""

    def __init__(self):
        connection = transaction.get_connection()
        overlap = connection.vendor == "postgresql" and not connection.in_atomic_block
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="import-index") if overlap else None
        self.in_flight = None

    @property
    def overlapping(self) -> bool:
        return self.pool is not None

    def submit(self, writes: list, done: dict) -> None:
        if self.pool is None:
            return self._run(writes, done)
        self.wait()
        self.in_flight = self.pool.submit(self._run, writes, done)

    def let_go(self) -> None:
        """Between rounds (or batches), hand back what the last one freed. On SQLite, outside a
        caller's transaction, also start a fresh connection: Python's sqlite3 keeps the last 128
        statements compiled, and a round's are big and each of a new shape (a list of ids of
        another length), so over a long run they would hold tens of megabytes."""
        connection = transaction.get_connection()
        if self.pool is None and connection.vendor == "sqlite" and not connection.in_atomic_block:
            connection.close()
        release_freed_memory()

    def wait(self) -> None:
        if self.in_flight is not None:
            in_flight, self.in_flight = self.in_flight, None
            in_flight.result()  # its error, if it had one, is this thread's now

    @staticmethod
    def _run(writes: list, done: dict) -> None:
        with transaction.atomic():
            for write in writes:
                write()
            ImportedObject.objects.filter(**done).update(pending=False)

    def close(self) -> None:
        if self.pool is None:
            return
        pool, self.pool = self.pool, None
        try:
            self.wait()
        finally:
            pool.submit(connections.close_all).result()  # the thread's own connection
            pool.shutdown()


def rewrite_links(bodies: list[list[dict]], notes: list, links: LinkRewriter) -> None:
    """Point the links of bodies and footnotes (records with a `text`) to old addresses at the
    pages already imported, with one look-up for them all; links to pages further on in the
    export are left for the end of the run."""
    if not links.host:
        return
    linking = [blocks for blocks in bodies if _mentions(blocks, links.host)]
    notes = [note for note in notes if links.host in note.text]
    if not linking and not notes:
        return
    links.targets(
        [text for blocks in linking for text in _rich_texts(blocks)] + [n.text for n in notes]
    )
    for blocks in linking:
        _rewrite_blocks(blocks, links)
    for note in notes:
        note.text = links.rewrite(note.text)


def _mentions(blocks: list[dict], host: str) -> bool:
    return any(host in text for text in _rich_texts(blocks))


def _links(pages: list, links: LinkRewriter) -> None:
    """Rewrite old-site links still in the pages' bodies and footnotes."""
    bodies = {}
    for page in pages:
        body = getattr(page, "body", None)
        if body is not None:
            raw = [dict(block) for block in body.raw_data]
            if links.host and _mentions(raw, links.host):
                bodies[page.pk] = raw
    notes = [
        note
        for note in Footnote.objects.filter(page_id__in=[p.pk for p in pages])
        if links.host and links.host in note.text
    ]
    texts = [t for blocks in bodies.values() for t in _rich_texts(blocks)]
    texts += [note.text for note in notes]
    if not texts:
        return
    links.targets(texts)
    changed: dict[type, list] = {}
    for page in pages:
        blocks = bodies.get(page.pk)
        if blocks and _rewrite_blocks(blocks, links):
            field = page._meta.get_field("body")
            page.body = StreamValue(field.stream_block, blocks, is_lazy=True)
            changed.setdefault(type(page), []).append(page)
    for model, objects in changed.items():
        model.objects.bulk_update(objects, ["body"], batch_size=UPDATES_PER_STATEMENT)
    rewritten = []
    for note in notes:
        new = links.rewrite(note.text)
        if new != note.text:
            note.text = new
            rewritten.append(note)
    Footnote.objects.bulk_update(rewritten, ["text"], batch_size=UPDATES_PER_STATEMENT)
