"""The reference index rows the importer writes in bulk are Wagtail's own, row for row: this
fails loudly when Wagtail changes the shape of its index (writer/references.py)."""

import pytest
from wagtail.models import Page, ReferenceIndex
from wagtail_footnotes.models import Footnote

from masthead.importers.tests.moving import QUAYSIDE, make_site, quayside_uploads, run_import
from masthead.importers.writer.references import write_references
from masthead.newsroom.tests import factories as f

pytestmark = pytest.mark.django_db
FIELDS = ("content_type_id", "base_content_type_id", "object_id", "to_content_type_id",
          "to_object_id", "model_path", "content_path", "content_path_hash")  # fmt: skip


def rows(page) -> set[tuple]:
    return set(ReferenceIndex.objects.filter(object_id=str(page.pk)).values_list(*FIELDS))


def wagtails(page) -> set[tuple]:
    ReferenceIndex.objects.filter(object_id=str(page.pk)).delete()
    ReferenceIndex.create_or_update_for_object(page)
    return rows(page)


def test_imported_pages_are_indexed_as_wagtail_would(tmp_path):
    make_site()
    run_import(QUAYSIDE, uploads=quayside_uploads(tmp_path))
    pages = list(Page.objects.filter(depth__gte=3).specific().order_by("path"))
    ours = {page.pk: rows(page) for page in pages}
    assert sum(len(found) for found in ours.values()) >= 12  # heroes, types, bylines, links
    for page in pages:
        assert ours[page.pk] == wagtails(page), page.title


def test_every_kind_of_reference_a_body_holds():
    home, europe = make_site()
    photo, target = f.make_image(), f.make_article(europe, article_type=f.make_type("Brief"))
    link = f'<a linktype="page" id="{target.pk}">the brief</a>'
    page = f.make_article(
        europe,
        article_type=target.article_type,
        authors=[f.make_author("Rui Santos"), f.make_author("Ines Moreau")],
        hero_image=photo,
        body=[
            {"type": "paragraph", "value": f"<p>See {link}.</p>"},
            {"type": "image", "value": {"image": photo.pk, "caption": ""}},
            {"type": "quote", "value": {"text": f"<p>As {link} said</p>", "attribution": ""}},
        ],
    )
    Footnote.objects.create(
        page=page,
        uuid="6f1c2b1e-8a4d-4c43-9c1e-1f2a3b4c5d6e",
        text=f"<p>From {link}.</p>",
        sort_order=0,
        locale_id=page.locale_id,
    )
    page = Page.objects.get(pk=page.pk).specific
    write_references([page])
    ours = rows(page)
    assert {row[5] for row in ours} == {
        "hero_image", "article_type", "article_authors.item.author", "body.paragraph",
        "body.image.image", "body.quote.text", "footnotes.item.text.",
    }  # fmt: skip
    assert ours == wagtails(page)
