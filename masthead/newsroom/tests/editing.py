"""Posting an article's admin edit form the way the admin sends it, for tests of an edit."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def post_article_edit(client, page, *, action="action-publish", corrections=()):
    """Post `page`'s edit form with its fields as they are and `corrections` as the rows of its
    Corrections panel (dicts of form fields; an existing row carries its `id`). `action` is the
    button pressed ("action-publish"), or None to save a draft. Follows the redirect."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "dek": page.dek,
        "article_type": page.article_type_id or "",
        "hero_image": page.hero_image_id or "",
        "hero_caption": page.hero_caption,
        "article_authors": inline_formset(
            [{"author": pk} for pk in page.article_authors.values_list("author_id", flat=True)]
        ),
        "footnotes": inline_formset([]),
        "updates": inline_formset([]),
        # The rows that exist come first, as the admin renders them.
        "corrections": inline_formset(
            list(corrections), initial=sum(1 for row in corrections if row.get("id"))
        ),
        "body": streamfield([]),
    }
    if action:
        data[action] = "1"
    return client.post(f"/admin/pages/{page.pk}/edit/", nested_form_data(data), follow=True)
