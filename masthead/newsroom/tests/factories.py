"""Builders for page trees in tests: small, explicit, and fast enough for 500 articles."""

import io
import itertools
from datetime import timedelta

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image
from wagtail.models import Page, Site
from wagtail.search import index

from masthead.images.models import CustomImage
from masthead.newsroom.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleType,
    Author,
    HomePage,
    SectionPage,
    Topic,
)

_counter = itertools.count(1)


def make_home(title="The Test Review") -> HomePage:
    root = Page.get_first_root_node()
    home = HomePage(title=title, slug=f"home-{next(_counter)}")
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "testserver", "port": 80, "root_page": home, "site_name": title},
    )
    return home


def make_section(home, title="Europe", slug=None) -> SectionPage:
    section = SectionPage(title=title, slug=slug or title.lower().replace(" ", "-"))
    home.add_child(instance=section)
    return section


def make_type(name="Analysis", slug=None, is_brief=False) -> ArticleType:
    return ArticleType.objects.create(
        name=name, plural_name=name, slug=slug or name.lower(), is_brief=is_brief
    )


def make_author(name="Ada Lovelace", **fields) -> Author:
    slug = fields.pop("slug", name.lower().replace(" ", "-"))
    return Author.objects.create(name=name, slug=slug, **fields)


def make_editor(username="ed", **fields):
    """A signed-in desk for admin tests: a superuser."""
    from django.contrib.auth import get_user_model

    email = fields.pop("email", f"{username}@example.com")
    return get_user_model().objects.create_superuser(username, email, "x" * 16, **fields)


def staff_writer() -> Author:
    return Author.objects.get_or_create(slug="staff-writer", defaults={"name": "Staff Writer"})[0]


def make_topic(name="Energy") -> Topic:
    return Topic.objects.create(name=name, slug=name.lower())


def make_image(
    title="Harbour", agency="REUTERS", photographer="Jane Doe", alt="A harbour", **fields
):
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), (90, 120, 160)).save(buffer, "JPEG")
    image = CustomImage(
        title=title, agency=agency, photographer=photographer, description=alt, **fields
    )
    image.file.save(f"{title.lower()}.jpg", ImageFile(buffer, name="photo.jpg"), save=False)
    image.save()
    return image


def make_article(
    section,
    *,
    title=None,
    article_type,
    authors=None,
    dek="A one-sentence standfirst.",
    hero_image=None,
    body=None,
    age=timedelta(0),
    live=True,
    **fields,
) -> ArticlePage:
    number = next(_counter)
    title = title or f"Article number {number}"
    if authors is None:
        # A draft is made to be published, and the publish gate wants a byline; live pieces
        # are written straight to the database as they always were.
        authors = () if live else [staff_writer()]
    page = ArticlePage(
        title=title,
        slug=f"{slugify(title)[:40]}-{number}",
        dek=dek,
        article_type=article_type,
        hero_image=hero_image,
        body=body
        if body is not None
        else [{"type": "paragraph", "value": f"<p>Opening paragraph of {title}.</p>"}],
        live=live,
        first_published_at=timezone.now() - age if live else None,
        **fields,
    )
    for order, author in enumerate(authors):
        page.article_authors.add(ArticleAuthor(author=author, sort_order=order))
    section.add_child(instance=page)
    # Tests run tasks immediately, inside save() and before the byline rows exist; the worker
    # in production indexes after the commit. Index again so author names are searchable.
    index.insert_or_update_object(page)
    return page
