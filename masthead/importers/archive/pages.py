"""Pages in the archive: one line per page, in tree order, with everything that hangs off it.

A line holds Wagtail's page fields (its place in the tree as `path`, `depth`, `numchild`), its
`type` ("newsroom.articlepage"), the columns of that type under `fields`, and its child rows:
bylines, topics, extra regions, reader-visible updates, corrections, footnotes and view
restrictions.
Export reads the tree a chunk at a time, each chunk's rows of every kind in one query apiece;
restore writes each row as Django's `loaddata` does (raw, with its id), so no signal handler
treats a half-restored page as an edit.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import islice

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.models import Page, PageViewRestriction
from wagtail_footnotes.models import Footnote

from masthead.importers.archive.schema import PAGE_FIELDS, Codec, content_type_for, page_own_fields
from masthead.newsroom.models import ArticleAuthor, ArticleCorrection, ArticlePage, ArticleUpdate

FOOTNOTE_FIELDS = ("id", "uuid", "text", "sort_order", "translation_key", "locale")
UPDATE_FIELDS = ("id", "updated_at", "note", "sort_order")
CORRECTION_FIELDS = (
    *("id", "key", "kind", "made_at", "text", "notify_readers", "editor", "sort_order"),
)
BYLINE_FIELDS = ("id", "author", "sort_order")
RESTRICTION_FIELDS = ("id", "restriction_type", "password")
TOPICS = ArticlePage._meta.get_field("topics")
REGIONS = ArticlePage._meta.get_field("extra_regions")


def export_pages(write, codec: Codec, chunk_size: int) -> dict[str, int]:
    """Write every page below the root, in tree order; how many of each type."""
    counts: dict[str, int] = defaultdict(int)
    rows = (
        Page.objects.filter(depth__gt=1)
        .order_by("path")
        .values_list("pk", "content_type_id")
        .iterator(chunk_size=chunk_size)
    )
    for chunk in batched(rows, chunk_size):
        by_type: dict[int, list[int]] = defaultdict(list)
        for pk, content_type_id in chunk:
            by_type[content_type_id].append(pk)
        pages = {}
        for content_type_id, pks in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
            pages.update((page.pk, page) for page in model._default_manager.filter(pk__in=pks))
        children = _children([pk for pk, _ in chunk], codec)
        for pk, _ in chunk:
            page = pages[pk]
            write(_line(page, children[pk], codec))
            counts[page._meta.label_lower] += 1
    return counts


def _line(page, children: dict, codec: Codec) -> dict:
    model = type(page)
    line = {"type": model._meta.label_lower, **codec.row(page, PAGE_FIELDS)}
    own = page_own_fields(model) if model is not Page else []
    line["fields"] = {f.name: codec.encode(f, getattr(page, f.attname)) for f in own}
    if isinstance(page, ArticlePage):
        line["bylines"] = children["bylines"]
        line["topics"] = children["topics"]
        line["extra_regions"] = children["extra_regions"]
        line["updates"] = children["updates"]
        line["corrections"] = children["corrections"]
    line["footnotes"] = children["footnotes"]
    line["view_restrictions"] = children["view_restrictions"]
    return line


def batched(iterable, size: int):
    """Lists of `size` items from `iterable` (itertools.batched arrives in Python 3.12)."""
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _children(ids: list[int], codec: Codec) -> dict[int, dict[str, list]]:
    """The child rows of a chunk of pages, one query per kind."""
    found: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    bylines = ArticleAuthor.objects.filter(page_id__in=ids).order_by("sort_order", "pk")
    for link in bylines:
        found[link.page_id]["bylines"].append(codec.row(link, BYLINE_FIELDS))
    for name, m2m in (("topics", TOPICS), ("extra_regions", REGIONS)):
        source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        through = m2m.remote_field.through.objects.filter(**{f"{source}_id__in": ids})
        for page_id, target_id in through.order_by("pk").values_list(f"{source}_id", target):
            found[page_id][name].append(target_id)
    updates = ArticleUpdate.objects.filter(page_id__in=ids).order_by("sort_order", "pk")
    for update in updates:
        found[update.page_id]["updates"].append(codec.row(update, UPDATE_FIELDS))
    corrections = ArticleCorrection.objects.filter(page_id__in=ids).order_by("sort_order", "pk")
    for correction in corrections:
        found[correction.page_id]["corrections"].append(codec.row(correction, CORRECTION_FIELDS))
    for note in Footnote.objects.filter(page_id__in=ids).order_by("sort_order", "pk"):
        found[note.page_id]["footnotes"].append(codec.row(note, FOOTNOTE_FIELDS))
    restrictions = PageViewRestriction.objects.filter(page_id__in=ids).prefetch_related("groups")
    for restriction in restrictions.order_by("pk"):
        row = codec.row(restriction, RESTRICTION_FIELDS)
        row["groups"] = sorted(group.name for group in restriction.groups.all())
        found[restriction.page_id]["view_restrictions"].append(row)
    return found


@dataclass
class PageRows:
    """What one page line becomes: the rows to insert, in order."""

    model: type[Page]
    base: Page
    own: models.Model | None
    rows: list[models.Model] = field(default_factory=list)
    through: list[models.Model] = field(default_factory=list)
    groups: list[tuple[PageViewRestriction, list[str]]] = field(default_factory=list)
    refs: list[tuple[str, object]] = field(default_factory=list)  # (kind, key) it names


def page_rows(line: dict, codec: Codec) -> PageRows:
    """The rows of one page line; ValueError saying what is wrong with it."""
    content_type = content_type_for(line.get("type"))
    model = content_type.model_class()
    if model is not Page and model._meta.get_parent_list() != [Page]:
        raise ValueError(f"its type {line['type']} is not a page type")
    base = codec.build(Page, line, PAGE_FIELDS, content_type_id=content_type.pk)
    if not isinstance(base.pk, int):
        raise ValueError("it has no id")
    refs: list[tuple[str, object]] = [
        ("pages", line.get("alias_of")),
        ("users", line.get("owner")),
        ("users", line.get("locked_by")),
        ("revisions", line.get("live_revision")),
        ("revisions", line.get("latest_revision")),
    ]
    own = None
    if model is not Page:
        values = line.get("fields")
        if not isinstance(values, dict):
            raise ValueError("its 'fields' is not an object")
        own_fields = page_own_fields(model)
        own = codec.build(
            model, values, tuple(f.name for f in own_fields), id=base.pk, page_ptr_id=base.pk
        )
        for own_field in own_fields:
            if own_field.is_relation and own_field.name in values:
                refs.append((kind_of(own_field.related_model), values[own_field.name]))
    result = PageRows(model=model, base=base, own=own, refs=refs)
    children = {
        "bylines": (ArticleAuthor, BYLINE_FIELDS),
        "updates": (ArticleUpdate, UPDATE_FIELDS),
        "corrections": (ArticleCorrection, CORRECTION_FIELDS),
        "footnotes": (Footnote, FOOTNOTE_FIELDS),
        "view_restrictions": (PageViewRestriction, RESTRICTION_FIELDS),
    }
    for key, (child_model, names) in children.items():
        for number, child in enumerate(_list(line, key), 1):
            if not isinstance(child, dict):
                raise ValueError(f"its {key} entry {number} is not an object")
            try:
                row = codec.build(child_model, child, names, page_id=base.pk)
            except ValueError as error:
                raise ValueError(f"{key} entry {number}: {error}") from None
            result.rows.append(row)
            if key == "bylines":
                refs.append(("authors", child.get("author")))
            if key == "view_restrictions":
                groups = child.get("groups") or []
                if not all(isinstance(name, str) for name in groups):
                    raise ValueError(f"its view restriction {number} names groups oddly")
                result.groups.append((row, groups))
    if (line.get("topics") or line.get("extra_regions")) and model is not ArticlePage:
        raise ValueError("only articles have topics and extra regions")
    for key, m2m, kind in (("topics", TOPICS, "topics"), ("extra_regions", REGIONS, "pages")):
        source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        for target_id in _list(line, key):
            if isinstance(target_id, bool) or not isinstance(target_id, int):
                raise ValueError(f"its {key} are not all ids")
            refs.append((kind, target_id))
            through = m2m.remote_field.through(
                **{f"{source}_id": base.pk, f"{target}_id": target_id}
            )
            result.through.append(through)
    return result


def _list(line: dict, key: str) -> list:
    value = line.get(key) or []
    if not isinstance(value, list):
        raise ValueError(f"its {key!r} is not a list")
    return value


def save_page(rows: PageRows) -> None:
    """Insert the page's rows with their ids, as `loaddata` does (raw: no editor's signals)."""
    models.Model.save_base(rows.base, raw=True, force_insert=True)
    if rows.own is not None:
        models.Model.save_base(rows.own, raw=True, force_insert=True)
    for row in rows.rows:
        models.Model.save_base(row, raw=True, force_insert=True)
    for restriction, names in rows.groups:
        if names:
            restriction.groups.set(Group.objects.filter(name__in=names))
    by_model: dict[type, list] = defaultdict(list)
    for row in rows.through:
        by_model[type(row)].append(row)
    for model, through in by_model.items():
        model.objects.bulk_create(through)


def kind_of(model) -> str:
    """The archive kind that holds rows of `model` (for reference checks)."""
    from masthead.importers.archive.schema import KINDS

    if issubclass(model, Page):
        return "pages"
    for kind in KINDS:
        if kind.get_model() is model:
            return kind.name
    return ""
