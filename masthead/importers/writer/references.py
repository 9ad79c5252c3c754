"""Wagtail's reference index for imported pages, written in bulk.

The photo rules (`images.usage`) read which live pages show a photo from Wagtail's reference
index. `ReferenceIndex.create_or_update_for_object` fills it one page at a time and loads every
photo a body shows to do so (5 ms a page: longer than writing the page). An imported page's
references are known from its rows alone, so they are written here, for a batch at once, in
Wagtail's own shape. This is the one place that knows that shape (including the private
`_get_content_path_hash`): `tests/test_import_references.py` compares these rows with
Wagtail's own for every kind of reference an imported page has, and fails if Wagtail changes.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex
from wagtail.rich_text import extract_references_from_rich_text
from wagtail_footnotes.models import Footnote

from masthead.core.rows import insert_rows
from masthead.images.models import CustomImage
from masthead.newsroom.models import ArticleAuthor, ArticlePage, ArticleType, Author

COLUMNS = ["content_type_id", "base_content_type_id", "object_id", "to_content_type_id",
           "to_object_id", "model_path", "content_path", "content_path_hash"]  # fmt: skip
# Rich-text places in a body: (block type, the struct field holding the text or "").
RICH_TEXT_BLOCKS = {"paragraph": "", "quote": "text"}


def _ct(model) -> int:
    return ContentType.objects.get_for_model(model).pk


def _rich(html: str):
    # Only a page, document or image link (`linktype`) or an embed (`embedtype`) refers to
    # anything: most paragraphs have neither, and need no parsing.
    if "linktype" not in html and "embedtype" not in html:
        return
    for model, object_id, _model_path, _content_path in extract_references_from_rich_text(html):
        yield ReferenceIndex._get_base_content_type(model).pk, str(object_id)


def write_references(pages: list[Page], *, later: list | None = None) -> None:
    """Replace the index rows of `pages` (specific pages with their bodies, or the importer's
    `indexing.document`s of them) with their references.

    Given a list as `later`, the rows are read now and the writing is added to it, a callable
    for the caller to run (on whichever connection is its thread's).
    """
    if not pages:
        return
    base = _ct(Page)
    image, kind, author = _ct(CustomImage), _ct(ArticleType), _ct(Author)
    ids = [page.pk for page in pages]
    bylines: dict[int, list[tuple[int, int]]] = {}
    for pk, page_id, author_id in ArticleAuthor.objects.filter(page_id__in=ids).values_list(
        "pk", "page_id", "author_id"
    ):
        bylines.setdefault(page_id, []).append((pk, author_id))
    notes: dict[int, list[tuple[int, str]]] = {}
    for pk, page_id, text in Footnote.objects.filter(page_id__in=ids).values_list(
        "pk", "page_id", "text"
    ):
        notes.setdefault(page_id, []).append((pk, text))
    rows = []
    for page in pages:
        found: set[tuple[int, str, str, str]] = set()
        model = page._meta.model
        if issubclass(model, ArticlePage):
            if page.hero_image_id:
                found.add((image, str(page.hero_image_id), "hero_image", "hero_image"))
            if page.article_type_id:
                found.add((kind, str(page.article_type_id), "article_type", "article_type"))
            for pk, author_id in bylines.get(page.pk, []):
                found.add((author, str(author_id), "article_authors.item.author",
                           f"article_authors.{pk}.author"))  # fmt: skip
        for block in getattr(page, "body", None) and page.body.raw_data or []:
            kind_name, block_id, value = block["type"], block.get("id", ""), block["value"]
            if kind_name == "image" and value.get("image"):
                found.add(
                    (image, str(value["image"]), "body.image.image", f"body.{block_id}.image")
                )
            elif kind_name in RICH_TEXT_BLOCKS:
                part = RICH_TEXT_BLOCKS[kind_name]
                html = value.get(part, "") if part else value
                model_path = f"body.{kind_name}" + (f".{part}" if part else "")
                content_path = f"body.{block_id}" + (f".{part}" if part else "")
                for to_ct, to_id in _rich(html or ""):
                    found.add((to_ct, to_id, model_path, content_path))
        for pk, text in notes.get(page.pk, []):
            for to_ct, to_id in _rich(text):
                # A rich text field's own path is empty, so Wagtail's paths end in a dot.
                found.add((to_ct, to_id, "footnotes.item.text.", f"footnotes.{pk}.text."))
        own = _ct(model)
        rows += [
            (own, base, str(page.pk), to_ct, to_id, model_path, content_path,
             ReferenceIndex._get_content_path_hash(content_path))
            for to_ct, to_id, model_path, content_path in found
        ]  # fmt: skip

    def write():
        old = ReferenceIndex.objects.filter(base_content_type_id=base, object_id__in=map(str, ids))
        old.delete()
        insert_rows(ReferenceIndex, COLUMNS, rows)

    if later is None:
        write()
    else:
        later.append(write)
