"""Pages in bulk: an item becomes an article under its region, or a plain page under the front
page, written a batch at a time straight into Wagtail's tables with tree paths computed here
(`Page.add_child` and a revision per page would take hours on a big archive).

A page is found again by its imported-object row; a second run updates it in place when the
item changed, unless an editor has saved it since (a newer revision than the run recorded).
Pages are written without revisions; the page model keeps a live page's content as its first
revision when an editor first saves one (`newsroom.models.pages.PublicPage.save_revision`).
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_footnotes.models import Footnote

from masthead.core.rows import insert_returning, insert_rows
from masthead.importers.models import ImportedObject
from masthead.importers.records import Footnote as SourceFootnote
from masthead.importers.records import SourceItem
from masthead.importers.writer.indexing import document
from masthead.newsroom.gate import check_article
from masthead.newsroom.models import (
    ArticleAuthor,
    ArticleCorrection,
    ArticlePage,
    Author,
    PlainPage,
)

LIVE_STATUSES = {"publish", "private"}


@dataclass
class Prepared:
    """An item ready to write: everything resolved to ids."""

    item: SourceItem
    content_hash: str
    model: type  # ArticlePage | PlainPage
    parent: Page
    blocks: list[dict]
    footnotes: list[SourceFootnote] = field(default_factory=list)
    hero_id: int | None = None
    hero_caption: str = ""
    author_ids: list[int] = field(default_factory=list)
    type_id: int | None = None
    topic_ids: list[int] = field(default_factory=list)
    extra_region_ids: list[int] = field(default_factory=list)
    existing: ImportedObject | None = None
    page_id: int | None = None  # once written
    url_path: str = ""
    search_text: list[str] | None = None  # what search indexes of the body, if known already

    @property
    def live(self) -> bool:
        return self.item.status in LIVE_STATUSES

    @property
    def scheduled_at(self) -> datetime | None:
        return self.item.published_at if self.item.status == "future" else None


def _step(number: int) -> str:
    alphabet, out = Page.alphabet, ""
    for _ in range(Page.steplen):
        number, digit = divmod(number, len(alphabet))
        out = alphabet[digit] + out
    return out


def _number(step: str) -> int:
    return int(step, len(Page.alphabet))


def _wanted_slug(item: SourceItem) -> str:
    return item.slug or slugify(item.title, allow_unicode=True)[:80] or f"item-{item.key}"


class PageWriter:
    def __init__(self, ctx):
        self.ctx = ctx
        self.locale = Locale.get_default()
        self.types = {
            model: ContentType.objects.get_for_model(model) for model in (ArticlePage, PlainPage)
        }
        self.next_child: dict[int, int] = {}  # parent id → the next child's step number
        # Parent id → the slugs this batch found taken among its children, or took itself (a
        # region of 100,000 articles would otherwise keep 100,000 slugs for the whole run).
        self.slugs: dict[int, set[str]] = {}
        # A page row's columns, with the values a new page has (what `place` does not set).
        new = Page()
        self.page_defaults = {
            f.attname: getattr(new, f.attname)
            for f in Page._meta.local_concrete_fields
            if not f.primary_key
        }

    # Tree -------------------------------------------------------------------------------

    @staticmethod
    def _children(parent: Page):
        return Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)

    def _look_up(self, batch: list[Prepared], slugs: list[str]) -> None:
        """Which of the slugs the batch wants its parents' children have already, in one
        query per parent."""
        self.slugs = {}
        wanted: dict[int, tuple[Page, set[str]]] = {}
        for prepared, slug in zip(batch, slugs):
            wanted.setdefault(prepared.parent.pk, (prepared.parent, set()))[1].add(slug)
        for parent_id, (parent, names) in wanted.items():
            children = self._children(parent)
            self.slugs[parent_id] = set(
                children.filter(slug__in=names).values_list("slug", flat=True)
            )
            if parent_id not in self.next_child:
                last = children.order_by("-path").values_list("path", flat=True).first()
                self.next_child[parent_id] = _number(last[-Page.steplen :]) + 1 if last else 1

    def _reserve(self, parent: Page, slug: str) -> tuple[str, str]:
        """A free slug among the parent's children and the next free tree path."""
        taken = self.slugs[parent.pk]
        wanted, number = slug, 1
        while slug in taken or (number > 1 and self._children(parent).filter(slug=slug).exists()):
            number += 1
            slug = f"{wanted[: 255 - len(str(number)) - 1]}-{number}"
        taken.add(slug)
        step = self.next_child[parent.pk]
        self.next_child[parent.pk] = step + 1
        return slug, parent.path + _step(step)

    # Writing ----------------------------------------------------------------------------

    def place(self, batch: list[Prepared]) -> None:
        """The batch's pages in the tree: their rows in Wagtail's page table, so each has its id
        and address (`fill` writes the rest, once the bodies' links can point at them)."""
        now = timezone.now()
        rows = []
        slugs = [_wanted_slug(p.item)[:255] for p in batch]
        self._look_up(batch, slugs)
        for prepared, slug in zip(batch, slugs):
            item = prepared.item
            slug, path = self._reserve(prepared.parent, slug)
            if slug != (item.slug or slug):
                self.ctx.report.problem(
                    f"its slug {item.slug!r} is taken where it goes; it is {slug!r} now",
                    self.ctx.where(item),
                )
            prepared.url_path = f"{prepared.parent.url_path}{slug}/"
            rows.append(
                self.page_defaults
                | {
                    "path": path,
                    "depth": prepared.parent.depth + 1,
                    "numchild": 0,
                    "translation_key": uuid.uuid4(),
                    "locale_id": self.locale.pk,
                    "content_type_id": self.types[prepared.model].pk,
                    "slug": slug,
                    "url_path": prepared.url_path,
                    "show_in_menus": False,
                    "latest_revision_created_at": None,
                    **self._base_fields(prepared, now),
                }
            )
        names = list(rows[0]) if rows else []
        ids = dict(
            insert_returning(Page, names, [[r[n] for n in names] for r in rows], ["path", "id"])
        )
        for prepared, row in zip(batch, rows):
            prepared.page_id = ids[row["path"]]

    def fill(self, batch: list[Prepared]) -> None:
        """What `place` left: each page's own fields and body, its parent's count, its byline,
        topics, footnotes, corrections and restrictions."""
        for model in (ArticlePage, PlainPage):
            rows = [p for p in batch if p.model is model]
            if rows:
                self._insert_specific(model, rows)
        parents: dict[int, int] = {}
        for prepared in batch:
            parents[prepared.parent.pk] = parents.get(prepared.parent.pk, 0) + 1
        for parent_id, count in parents.items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + count)
        self._relations(batch)

    def update(self, prepared: Prepared) -> None:
        """An item that changed since the last run, on a page no editor has touched."""
        page_id = prepared.page_id = prepared.existing.object_id
        now = timezone.now()
        current = Page.objects.filter(pk=page_id).values("live", "first_published_at").first()
        fields = self._base_fields(prepared, now)
        if current["first_published_at"] and prepared.live:
            fields["first_published_at"] = current["first_published_at"]
        Page.objects.filter(pk=page_id).update(**fields)
        prepared.model.objects.filter(pk=page_id).update(**self._specific_fields(prepared))
        ArticleAuthor.objects.filter(page_id=page_id).delete()
        ArticlePage.topics.through.objects.filter(articlepage_id=page_id).delete()
        ArticlePage.extra_regions.through.objects.filter(articlepage_id=page_id).delete()
        Footnote.objects.filter(page_id=page_id).delete()
        ArticleCorrection.objects.filter(page_id=page_id).delete()
        PageViewRestriction.objects.filter(page_id=page_id).delete()
        self._relations([prepared])

    def _base_fields(self, prepared: Prepared, now) -> dict:
        item = prepared.item
        published = item.published_at if prepared.live else None
        if prepared.live and published is None:
            published = now
        return {
            "title": _title(item),
            "draft_title": _title(item),
            "live": prepared.live,
            "has_unpublished_changes": not prepared.live,
            "first_published_at": published,
            "last_published_at": (item.modified_at or published) if prepared.live else None,
            "go_live_at": prepared.scheduled_at,
            "seo_title": item.seo_title[:255],
            "search_description": item.seo_description,
        }

    def _specific_fields(self, prepared: Prepared) -> dict:
        model = prepared.model
        body = StreamValue(
            model._meta.get_field("body").stream_block, prepared.blocks, is_lazy=True
        )
        if model is PlainPage:
            return {"body": body}
        return {
            "article_type_id": prepared.type_id,
            "dek": prepared.item.excerpt[:400],
            "hero_image_id": prepared.hero_id,
            "hero_caption": prepared.hero_caption[:400],
            "body": body,
        }

    def _insert_specific(self, model, rows: list[Prepared]) -> None:
        fields = [f for f in model._meta.local_concrete_fields]
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        values = []
        for prepared in rows:
            data = self._specific_fields(prepared)
            row = []
            for f in fields:
                if f.attname == "page_ptr_id":
                    row.append(prepared.page_id)
                else:
                    row.append(f.get_db_prep_save(data[f.attname], connection))
            values.append(row)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) "
                f"VALUES ({marks})",
                values,
            )

    def _relations(self, batch: list[Prepared]) -> None:
        authors, topics, regions, notes, restrictions = [], [], [], [], []
        corrections = []
        for p in batch:
            if p.model is ArticlePage:
                authors += [(p.page_id, a, order) for order, a in enumerate(p.author_ids)]
                topics += [(p.page_id, topic) for topic in p.topic_ids]
                regions += [(p.page_id, r) for r in p.extra_region_ids if r != p.parent.pk]
                corrections += [
                    # The same id in feeds on every run (a re-run writes them again).
                    (p.page_id, _correction_key(self.ctx.source_key, p.item.key, order),
                     note["kind"], note["text"], note["made_at"], False, order)
                    for order, note in enumerate(p.item.corrections)
                ]  # fmt: skip
            notes += [
                (p.page_id, note.uid, note.text, order, uuid.uuid4(), self.locale.pk)
                for order, note in enumerate(p.footnotes)
            ]
            if p.item.status == "private":
                restrictions.append((p.page_id, "login", ""))
            elif p.item.password and p.live:
                restrictions.append((p.page_id, "password", p.item.password))
        insert_rows(ArticleAuthor, ["page_id", "author_id", "sort_order"], authors)
        insert_rows(ArticlePage.topics.through, ["articlepage_id", "topic_id"], topics)
        insert_rows(
            ArticlePage.extra_regions.through, ["articlepage_id", "sectionpage_id"], regions
        )
        insert_rows(
            Footnote,
            ["page_id", "uuid", "text", "sort_order", "translation_key", "locale_id"],
            notes,
        )
        insert_rows(PageViewRestriction, ["page_id", "restriction_type", "password"], restrictions)
        insert_rows(
            ArticleCorrection,
            ["page_id", "key", "kind", "text", "made_at", "notify_readers", "sort_order"],
            corrections,
        )

    def documents(self, batch: list[Prepared]) -> dict[type, list]:
        """The batch's pages as the search and reference indexes read them, by model, built
        from what was written (`indexing.document`): no page is loaded again to index it."""
        author_ids = {a for p in batch for a in p.author_ids}
        names = dict(Author.objects.filter(pk__in=author_ids).values_list("pk", "name"))
        by_model: dict[type, list] = {}
        for p in batch:
            values = self._specific_fields(p)
            if p.search_text is not None:
                body = values["body"]
                body.stream_block.remember_search_text(body, p.search_text)
            if p.model is ArticlePage:
                values["article_authors"] = [
                    document(ArticleAuthor, None, author=document(Author, a, name=names[a]))
                    for a in p.author_ids
                ]
            by_model.setdefault(p.model, []).append(
                document(p.model, p.page_id, title=_title(p.item), **values)
            )
        return by_model

    def schedule(self, prepared: Prepared) -> int | None:
        """A future post: a revision approved to go live at its date, as Wagtail's scheduler
        publishes (through the publish gate, at the clock's next tick)."""
        page = prepared.model.objects.get(pk=prepared.page_id)
        revision = page.save_revision(
            approved_go_live_at=prepared.scheduled_at, clean=False, log_action=False
        )
        return revision.pk


def _title(item: SourceItem) -> str:
    return item.title[:255] or "(untitled)"


def _correction_key(source: str, item_key: str, order: int) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"masthead-import:{source}:{item_key}:correction:{order}")


def needs_attention(prepared: Prepared, facts, authors_ok: bool) -> list[str]:
    """What the publish gate would say of a live imported article at its next edit."""
    if prepared.model is not ArticlePage or not prepared.live:
        return []

    def photo(image_id):
        fact = facts.get(image_id)
        return SimpleNamespace(
            title=fact.title,
            alt_text=fact.alt_text,
            has_credit=fact.has_credit,
            licence_expired=False,  # an import brings no licence dates
        )

    body = [
        SimpleNamespace(block_type="image", value={"image": photo(block["value"]["image"])})
        for block in prepared.blocks
        if block["type"] == "image" and block["value"].get("image") in facts
    ]
    problems = check_article(
        dek=prepared.item.excerpt,
        article_type=prepared.type_id,
        parent=prepared.parent,
        authors=prepared.author_ids if authors_ok else [],
        hero_image=photo(prepared.hero_id) if prepared.hero_id in facts else None,
        body=body,
    )
    return [problem.message for problem in problems]
