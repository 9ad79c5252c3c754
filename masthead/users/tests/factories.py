"""Staff in a role, and an article as a contributor writes it in the admin."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from masthead.users.roles import Role


def staff(role: Role, username: str):
    """A signed-in account whose only powers are its role's (not staff, not superuser)."""
    user = get_user_model().objects.create_user(
        username, f"{username}@meridian.example", "correct horse battery staple"
    )
    user.groups.add(Group.objects.get(name=role.name))
    return user


def article_form(*, title, article_type, author, photo, action=None) -> dict:
    """What the admin's article form posts for a complete article (the publish gate's needs:
    a dek, a type, a byline, a credited photo with alt text), with the button pressed."""
    data = {
        "title": title,
        "slug": slugify(title),
        "dek": "One sentence on what is at stake.",
        "article_type": article_type.pk,
        "hero_image": photo.pk,
        "hero_caption": "",
        "article_authors": inline_formset([{"author": author.pk}]),
        "footnotes": inline_formset([]),
        "updates": inline_formset([]),
        "corrections": inline_formset([]),
        "body": streamfield([("paragraph", rich_text(f"<p>The opening of {title}.</p>"))]),
    }
    data = nested_form_data(data)
    if action:
        data[action] = "1"
    return data


def photo_form(photo, **changes) -> dict:
    """What the photo's edit form posts back for it as stored, with `changes`."""
    fields = ("title", "description", "default_caption", "agency", "photographer")
    fields += ("source_url", "licence", "licence_url", "licence_expiry")
    data = {name: getattr(photo, name) or "" for name in fields}
    return data | {"tags": ""} | changes
