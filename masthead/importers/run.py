"""One import from start to end: read the export, plan, write in batches, finish.

`Importer(paths, options).run()` is what the `import_content` command and the admin's task
both call. Items are written a batch at a time, each batch in one transaction with the rows
that find its pages again, so a run killed halfway and started again ends as an uninterrupted
one would. A bad item is written alone and skipped with its reason; it never ends the run.
"""

import dataclasses
import hashlib
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backends

from masthead.core.rows import insert_rows
from masthead.importers import mapping as mappings
from masthead.importers.models import ImportedObject, ImportProblem, ImportRun
from masthead.importers.records import ItemStub, SourceItem
from masthead.importers.sanitise import clean_text
from masthead.importers.sourcing import Source, open_source
from masthead.importers.writer import redirects as urls
from masthead.importers.writer.archives import lead_with_sticky, redirect_archives
from masthead.importers.writer.converting import Converter
from masthead.importers.writer.finish import LinkRewriter, Rounds, finish, rewrite_links
from masthead.importers.writer.indexing import TitleNorms, index_objects
from masthead.importers.writer.media import MediaWriter
from masthead.importers.writer.pages import (
    ArticlePage,
    PageWriter,
    Prepared,
    needs_attention,
)
from masthead.importers.writer.people import AuthorWriter, Taxonomy
from masthead.importers.writer.prepare import prepare
from masthead.importers.writer.references import write_references
from masthead.importers.writer.report import Report
from masthead.importers.writer.subscribers import import_readers
from masthead.newsroom.models import ArticleType, HomePage, SectionPage

logger = logging.getLogger(__name__)
BATCH = 250
IMPORTED_ROW = ["source", "kind", "key", "content_hash", "object_id", "revision_id", "pending",
                "imported_at"]  # fmt: skip
FORMAT_VERSION = "1"  # moves on when the writer turns the same record into something else


# Everything a source says of an item; not what the run adds (its problems, its converted body).
HASHED_FIELDS = [
    f.name for f in dataclasses.fields(SourceItem) if f.name not in ("problems", "body")
]


class Cancelled(Exception):
    pass


@dataclass
class Options:
    uploads: Path | None = None
    mapping: mappings.Mapping | None = None
    fetch_media: bool = False
    dry_run: bool = False
    site_url: str = ""  # Substack exports do not say where the publication lived
    author_name: str = ""
    parallel: bool = True  # convert bodies in a second process while writing
    limit: int | None = None  # only the first N posts (and every page), to try an import out


@dataclass
class Timings:
    read: float = 0.0
    convert: float = 0.0  # converting bodies (in the other process when parallel)
    wait: float = 0.0  # waiting here for a batch's bodies
    write: float = 0.0
    finish: float = 0.0
    started: float = field(default_factory=time.monotonic)


class Importer:
    def __init__(self, paths, options: Options | None = None, *, run: ImportRun | None = None,
                 echo=None):  # fmt: skip
        self.paths = [Path(p) for p in (paths if isinstance(paths, list | tuple) else [paths])]
        self.options = options or Options()
        self.run_record = run
        self.report = Report(run, echo)
        self.timings = Timings()
        self.source: Source | None = None
        self.mapping: mappings.Mapping | None = None

    # What the writers share ----------------------------------------------------------------

    @property
    def export(self):
        return self.source.export

    @property
    def source_key(self) -> str:
        return self.source.key

    @property
    def dry_run(self) -> bool:
        return self.options.dry_run

    @property
    def uploads(self) -> Path | None:
        return self.options.uploads

    @property
    def fetch_media(self) -> bool:
        return self.options.fetch_media

    @property
    def allowed_hosts(self) -> set[str]:
        host = urlsplit(self.source.site_url).hostname
        return {host, f"www.{host}"} if host else set()

    def where(self, item: SourceItem) -> str:
        return f"{item.kind} {item.key} “{item.title[:80]}”"

    def remember(self, kind: str, key: str, object_id: int) -> None:
        if not self.dry_run:
            ImportedObject.objects.update_or_create(
                source=self.source_key, kind=kind, key=key, defaults={"object_id": object_id}
            )

    def media_key_for_url(self, url: str) -> str | None:
        by_url = getattr(self.export, "media_by_url", {})
        if url in by_url:
            return by_url[url]
        if self.source.name == "wordpress":
            from masthead.importers.wordpress.catalogue import find_media

            return find_media(self.export, url)
        return None

    def progress_note(self, text: str) -> None:
        logger.debug("import: %s", text)

    # Reading and planning ------------------------------------------------------------------

    def open(self) -> Source:
        started = time.monotonic()
        self.source = open_source(
            self.paths, site_url=self.options.site_url, author_name=self.options.author_name
        )
        self.timings.read += time.monotonic() - started
        self.site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        self.home = HomePage.objects.first()
        if self.home is None:
            raise mappings.MappingError(
                "the site has no front page yet: run the site once (or `manage.py load_demo`) "
                "before importing"
            )
        self.mapping = mappings.propose(
            self.export.terms,
            regions={s.slug: s.title for s in SectionPage.objects.child_of(self.home)},
            types={t.slug: [t.name, t.plural_name] for t in ArticleType.objects.all()},
            given=self.options.mapping or self.source.mapping,
        )
        return self.source

    def plan(self) -> dict:
        """What a run would make, before it starts (the admin shows it; `--dry-run` prints it)."""
        if self.source is None:
            self.open()
        export = self.export
        return {
            "source": self.source.name,
            "site_url": self.source.site_url,
            "title": getattr(export, "title", ""),
            "items": self.source.count,
            "authors": len(export.authors),
            "terms": len(export.terms),
            "media": len(export.media),
            "problems": list(export.problems[:50]),
            "mapping": self.mapping.as_json(),
            "term_names": {f"{k}:{s}": t.name for (k, s), t in export.terms.items()},
        }

    # Running -------------------------------------------------------------------------------

    def run(self) -> Report:
        if self.source is None:
            self.open()
        self.media = MediaWriter(self)
        self.authors = AuthorWriter(self)
        self.taxonomy = Taxonomy(self, self.home, self.mapping)
        self.pages = PageWriter(self)
        self.redirects = urls.RedirectWriter(self)
        self.links = LinkRewriter(self.source.site_url)
        self.backends = list(get_search_backends())
        self.norms = TitleNorms()
        self.media.preload()
        self.authors.preload()
        self.mapping_hash = hashlib.sha256(
            (FORMAT_VERSION + self.mapping.dumps()).encode()
        ).hexdigest()[:16]
        for problem in self.export.problems:
            self.report.problem(problem, "export")
        self.sticky: list[tuple] = []
        self.written = 0  # items of the batches written so far
        self.items_read = 0  # by the second pass: none when the export was read before
        self._start()
        self.rounds = Rounds()  # each batch's index rows, written beside the next batch
        self.converter = Converter(
            self.source.site_url,
            getattr(self.export, "media_by_url", None),
            parallel=self.options.parallel,
        )
        try:
            last = self._read_before()
            if last is not None:
                self._as_before(last)
            else:
                self._read_items()
            self.rounds.close()
            started = time.monotonic()
            if not self.dry_run:
                if self.options.limit is None:  # the rest of the media library
                    for key in list(self.export.media):
                        self.media.image_for(key)
                with transaction.atomic():
                    redirect_archives(self)
                    lead_with_sticky(self)
                import_readers(self)
                finish(self)
            self.timings.finish += time.monotonic() - started
        except Cancelled:
            self.report.flush()
            self._end(ImportRun.CANCELLED)
            raise
        except Exception as error:
            self.report.flush()
            self._end(ImportRun.FAILED, error=f"{type(error).__name__}: {error}")
            raise
        finally:
            self.converter.close()
            self.rounds.close()
        self.report.flush()
        self._end(ImportRun.DONE)
        return self.report

    def _read_items(self) -> None:
        """The second pass: every item read, and the new and changed ones written a batch at a
        time. One batch is in flight: its bodies convert in the other process while the one
        before is written here."""
        batch: list[SourceItem] = []
        waiting = None
        started = time.monotonic()
        for item in self._items():
            self.timings.read += time.monotonic() - started
            self.report.counts["items"] += 1
            self.items_read += 1
            batch.append(item)
            if len(batch) >= BATCH:
                ready, waiting = waiting, self._classify(batch)
                if ready:
                    self._write_batch(*ready)
                batch = []
            started = time.monotonic()
        self.timings.read += time.monotonic() - started
        for ready in (waiting, self._classify(batch) if batch else None):
            if ready:
                self._write_batch(*ready)
        self.report.counts["skipped"] += sum(self.export.skipped.values())
        for reason, count in sorted(self.export.skipped.items()):
            self.report.add(ImportProblem.SKIPPED, f"{count} × {reason}", "export")

    def _read_digest(self) -> str:
        """What this run reads, fingerprinted (see `ImportRun.read_digest`); "" when the
        reader takes no fingerprint of its export."""
        if not self.source.digest or self.dry_run:
            return ""
        o = self.options
        what = [self.source_key, self.source.digest, self.mapping_hash, o.limit,
                o.fetch_media, str(o.uploads or "")]  # fmt: skip
        return hashlib.sha256(json.dumps(what).encode()).hexdigest()

    def _read_before(self) -> ImportRun | None:
        """The last run, if it read exactly what this one reads, ended done with every item
        written or skipped for a reason the export gives, and every page it made is as it left
        it: then every item would be found unchanged, and this run need not read them again."""
        run = self.run_record
        if run is None or not run.read_digest:
            return None
        last = (
            ImportRun.objects.exclude(pk=run.pk)
            .filter(started_at__isnull=False)
            .order_by("-started_at", "-pk")
            .first()
        )
        if last is None or last.status != ImportRun.DONE or last.read_digest != run.read_digest:
            return None
        if last.problems.filter(kind=ImportProblem.SKIPPED).exclude(where="export").exists():
            return None  # an item that could not be written is tried again
        items, changed = ImportedObject.items_as_left(self.source_key)
        return last if not changed and items >= last.counts.get("items", 0) else None

    def _as_before(self, last: ImportRun) -> None:
        """The second pass's outcome for an export read before (see `_read_before`): every
        item unchanged, and the same items skipped for the same reasons."""
        count = last.counts.get("items", 0)
        self.report.counts["items"] = self.report.changes["unchanged"] = count
        self.report.counts["skipped"] = last.counts.get("skipped", 0)
        skipped = last.problems.filter(kind=ImportProblem.SKIPPED, where="export")
        for message in skipped.values_list("message", flat=True):
            self.report.add(ImportProblem.SKIPPED, message, "export")
        self.written = count
        self._progress()

    def _start(self) -> None:
        run = self.run_record
        if run is not None:
            run.status, run.started_at = ImportRun.RUNNING, timezone.now()
            run.source, run.items_total = self.source.name, self.source.count or 0
            run.read_digest = self._read_digest()
            fields = ["status", "started_at", "source", "items_total", "read_digest"]
            run.save(update_fields=fields)

    def _end(self, status: str, error: str = "") -> None:
        run = self.run_record
        if run is not None:
            run.status, run.error, run.finished_at = status, error, timezone.now()
            run.counts = {
                **self.report.counts,
                "problems": self.report.problem_count,
                **{f"changes_{k}": v for k, v in self.report.changes.items()},
            }
            run.summary = self.report.line(self.seconds)
            run.save(update_fields=["status", "error", "finished_at", "counts", "summary"])

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.timings.started

    def _progress(self) -> None:
        run = self.run_record
        if run is None:
            return
        # Items written (the batch in flight is read but not yet written), and the counts so far.
        ImportRun.objects.filter(pk=run.pk).update(
            items_done=self.written,
            counts={**self.report.counts, "problems": self.report.problem_count},
        )
        if ImportRun.objects.filter(pk=run.pk, cancel_requested=True).exists():
            raise Cancelled()

    def _items(self):
        """The source's items; with a limit, only the first posts of it (and every page)."""
        posts = 0
        for item in self.source.items():
            if self.options.limit is not None and item.kind == "post":
                posts += 1
                if posts > self.options.limit:
                    continue
            yield item

    def _made(self, todo: list) -> list[tuple[SourceItem, str, ImportedObject | None]]:
        """The new and changed items a reader handed over as stubs, read in full now; one that
        cannot be read is skipped (the reader recorded why)."""
        made = []
        for item, digest, row in todo:
            if isinstance(item, ItemStub):
                item = item.make()
                if item is None:
                    self.report.counts["items"] -= 1
                    continue
            made.append((item, digest, row))
        return made

    def item_hash(self, item: SourceItem | ItemStub) -> str:
        """What the item says, fingerprinted: a re-run compares it and converts nothing that is
        unchanged. A stub brings its own digest; an item's fields are plain values and lists of
        them (no deep copy needed)."""
        if isinstance(item, ItemStub):
            return hashlib.sha256((self.mapping_hash + item.digest).encode()).hexdigest()
        values = [getattr(item, name) for name in HASHED_FIELDS]
        text = json.dumps(values, default=str, ensure_ascii=False)
        return hashlib.sha256((self.mapping_hash + text).encode()).hexdigest()

    def _classify(self, items: list[SourceItem]):
        """Which items are new, changed, unchanged or changed by an editor since; the new and
        changed ones are sent to be converted. Returns what `_write_batch` needs."""
        known = {
            row.key: row
            for row in ImportedObject.objects.filter(
                source=self.source_key, kind=ImportedObject.ITEM, key__in=[i.key for i in items]
            )
        }
        revisions = dict(
            Page.objects.filter(pk__in=[r.object_id for r in known.values()]).values_list(
                "pk", "latest_revision_id"
            )
        )
        todo: list[tuple[SourceItem | ItemStub, str, ImportedObject | None]] = []
        for item in items:
            digest = self.item_hash(item)
            row = known.get(item.key)
            if row is not None and row.object_id not in revisions:
                row.delete()  # its page was deleted since: made again
                row = None
            if row is None:
                todo.append((item, digest, None))
            elif revisions[row.object_id] != row.revision_id:
                self.report.changes["kept"] += 1
                if row.content_hash != digest:
                    self.report.add(
                        ImportProblem.KEPT,
                        "changed in the export, but an editor has changed the page since it was "
                        "imported: left as the editor made it",
                        self.where(item),
                        row.object_id,
                    )
            elif row.content_hash == digest:
                self.report.changes["unchanged"] += 1
            else:
                todo.append((item, digest, row))
        todo = self._made(todo)
        for item, _digest, _row in todo:
            item.excerpt = clean_text(item.excerpt or "")
        converting = [item for item, _digest, _row in todo if item.body is None]
        job = self.converter.submit([(i.content, i.footnotes_meta) for i in converting])
        for item in converting:
            item.content = ""  # sent off: the batch in flight holds no second copy
        return len(items), todo, converting, job

    def _write_batch(self, size, todo, converting, job) -> None:
        if todo:
            started = time.monotonic()
            bodies, seconds = job.result()
            for item, body in zip(converting, bodies):
                item.body = body
            self.timings.wait += time.monotonic() - started
            self.timings.convert += seconds
            started = time.monotonic()
            try:
                with transaction.atomic():
                    indexing = self._write(todo)
                if indexing:
                    self.rounds.submit(*indexing)
            except Cancelled:
                raise
            except Exception:
                logger.exception("A batch failed; writing its items one at a time")
                self.media.ids.clear()
                self.media.known_files.clear()
                self.media.preload()
                self.authors.ids.clear()
                self.authors.preload()
                self.pages.slugs.clear()
                self.pages.next_child.clear()
                self.redirects.pending.clear()
                for one in todo:
                    try:
                        with transaction.atomic():
                            indexing = self._write([one])
                        if indexing:
                            self.rounds.submit(*indexing)
                    except Exception as error:
                        logger.exception("Item %s could not be written", one[0].key)
                        self.pages.slugs.clear()
                        self.pages.next_child.clear()
                        self.redirects.pending.clear()
                        self.report.counts["skipped"] += 1
                        self.report.add(
                            ImportProblem.SKIPPED,
                            f"it could not be written ({type(error).__name__}: {error})",
                            self.where(one[0]),
                        )
            self.timings.write += time.monotonic() - started
        self.report.flush()
        self.written += size
        self._progress()
        self.rounds.let_go()  # memory stays one batch's however long the export

    def _write(self, todo) -> tuple[list, dict] | None:
        """Write a batch; what is left to write of its index rows and which imported objects
        they make done (for `Rounds.submit`, once the batch is committed), if anything is."""
        prepared = [prepare(self, item, digest, row) for item, digest, row in todo]
        if self.dry_run:
            for p in prepared:
                self._count(p, "created" if p.existing is None else "updated")
            return None
        new = [p for p in prepared if p.existing is None]
        if new:
            self.pages.place(new)
        old_paths = {}
        for p in prepared:
            if p.existing is not None:
                p.page_id = p.existing.object_id
            old_paths[p.page_id] = urls.item_paths(self.source.name, p.item, self.source.site_url)
        # Links to pieces already imported, and to this batch's own: pointed at them now.
        self.links.found.clear()  # a cache of this batch's look-ups, not of the whole archive
        self.links.known = {path: page for page, paths in old_paths.items() for path in paths}
        rewrite_links(
            [p.blocks for p in prepared], [n for p in prepared for n in p.footnotes], self.links
        )
        if new:
            self.pages.fill(new)
        for p in prepared:
            if p.existing is not None:
                self.pages.update(p)
        # Indexed now, unless a link still points at the old site (a page further on).
        settled = [p for p in prepared if not self.links.unresolved(p.blocks, p.footnotes)]
        now_done = not self.rounds.overlapping  # written in this transaction, not after it
        done = {p.page_id for p in settled} if now_done else set()
        rows_new, rows_changed = [], []
        now = timezone.now()
        own_paths = {}
        for p in prepared:
            revision_id = self.pages.schedule(p) if p.scheduled_at else None
            pending = p.page_id not in done
            if p.existing is None:
                rows_new.append((self.source_key, ImportedObject.ITEM, p.item.key, p.content_hash,
                                 p.page_id, revision_id, pending, now))  # fmt: skip
                self._count(p, "created")
            else:
                row = p.existing
                row.content_hash, row.revision_id, row.pending = (
                    p.content_hash,
                    revision_id,
                    pending,
                )
                rows_changed.append(row)
                self._count(p, "updated")
            page_url = p.url_path or Page.objects.values_list("url_path", flat=True).get(
                pk=p.page_id
            )
            own_paths[p.page_id] = urls.normalise(self._relative(page_url))
            for path in old_paths[p.page_id]:
                self.redirects.add(path, page_id=p.page_id)
            if self.source.name == "html" and p.item.link:
                # A saved page's canonical address, on whatever site it was saved from.
                home = "{0.scheme}://{0.netloc}".format(urlsplit(p.item.link))
                self.redirects.add(urls.old_path(p.item.link, home), page_id=p.page_id)
            for message in needs_attention(p, self.media.facts, bool(p.author_ids)):
                self.report.add(ImportProblem.ATTENTION, message, self.where(p.item), p.page_id)
            if p.item.sticky and p.live and p.model is ArticlePage:
                self.sticky.append((p.item.published_at, p.page_id))
        insert_rows(ImportedObject, IMPORTED_ROW, rows_new)
        ImportedObject.objects.bulk_update(rows_changed, ["content_hash", "revision_id", "pending"])
        self.redirects.flush(own_paths)
        writes = self._index(settled, later=not now_done)
        if now_done or not settled:
            return None
        keys = [p.item.key for p in settled]
        return writes, {"source": self.source_key, "kind": ImportedObject.ITEM, "key__in": keys}

    def _index(self, settled: list[Prepared], *, later: bool) -> list:
        """The search and reference index rows of pages just written: written now, or (`later`)
        handed back as callables for `Rounds` to run."""
        writes: list | None = [] if later else None
        by_model = self.pages.documents(settled)
        for model, documents in by_model.items():
            index_objects(self.backends, model, documents, self.norms, later=writes)
        write_references([d for documents in by_model.values() for d in documents], later=writes)
        return writes or []

    def _relative(self, url_path: str) -> str:
        root = self.site.root_page.url_path if self.site else "/"
        return "/" + url_path[len(root) :] if url_path.startswith(root) else url_path

    def _count(self, p: Prepared, change: str) -> None:
        self.report.changes[change] += 1
        self.report.counts["articles" if p.model is ArticlePage else "pages"] += 1
        if not p.live:
            self.report.counts["drafts"] += 1

    def detail_line(self, peak_rss_mb: float, converter_rss_mb: float = 0.0) -> str:
        c, t = self.report.changes, self.timings
        return (
            f"detail: created={c['created']} updated={c['updated']} unchanged={c['unchanged']} "
            f"kept={c['kept']} readers={c['readers']} items_read={self.items_read} "
            f"read_s={t.read:.2f} "
            f"convert_s={t.convert:.2f} wait_s={t.wait:.2f} write_s={t.write:.2f} "
            f"finish_s={t.finish:.2f} "
            f"peak_rss_mb={peak_rss_mb:.1f} converter_rss_mb={converter_rss_mb:.1f}"
        )
