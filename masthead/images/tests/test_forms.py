"""A photo that live pages show keeps its credit and alt text, and only those who may publish
those pages (or the photo desk) may change what their readers see of it."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from PIL import Image
from wagtail.models import Collection, GroupCollectionPermission

from masthead.images.models import CustomImage
from masthead.newsroom.tests import factories as f

FIELDS = (
    "title",
    "description",
    "default_caption",
    "agency",
    "photographer",
    "source_url",
    "licence",
    "licence_url",
    "licence_expiry",
)


def edit_data(image: CustomImage, **changes) -> dict:
    """What the edit form posts back for the photo as stored, with `changes`."""
    data = {name: getattr(image, name) or "" for name in FIELDS}
    data["tags"] = ""
    return data | changes


def jpeg(colour) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 180), colour).save(buffer, "JPEG")
    return SimpleUploadedFile("new.jpg", buffer.getvalue())


def user_in(group_name: str, username: str, *extra_permissions: str):
    """A Wagtail editor ("Editors": may edit pages, not publish) or moderator ("Moderators":
    may publish) who may add and change photos."""
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "x" * 16)
    group = Group.objects.get(name=group_name)
    user.groups.add(group)
    for codename in ("add_customimage", "change_customimage"):
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=Collection.get_first_root_node(),
            permission=Permission.objects.get(codename=codename),
        )
    for codename in extra_permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


class LivePhotoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = f.make_home()
        cls.europe = europe = f.make_section(home, "Europe")
        cls.analysis = analysis = f.make_type("Analysis")
        cls.photo = f.make_image("Harbour")
        f.make_article(
            europe, title="Grain deal holds", article_type=analysis, hero_image=cls.photo
        )
        f.make_article(
            europe,
            title="Ports reopen",
            article_type=analysis,
            body=[{"type": "image", "value": {"image": cls.photo.pk, "caption": ""}}],
        )
        cls.draft_photo = f.make_image("Draft only")
        f.make_article(
            europe,
            title="Unpublished",
            article_type=analysis,
            hero_image=cls.draft_photo,
            live=False,
        )
        cls.superuser = get_user_model().objects.create_superuser(
            "chief", "c@example.com", "x" * 16
        )
        cls.editor = user_in("Editors", "writer")
        cls.moderator = user_in("Moderators", "desk-editor")
        cls.photo_desk = user_in("Editors", "photo-desk", "change_live_photo")

    def edit(self, user, image, **changes):
        self.client.force_login(user)
        return self.client.post(
            reverse("wagtailimages:edit", args=[image.pk]), edit_data(image, **changes)
        )

    def assert_unchanged(self, image):
        stored = CustomImage.objects.get(pk=image.pk)
        for name in FIELDS + ("file",):
            self.assertEqual(getattr(stored, name), getattr(image, name), name)

    # Item 3: the credit and alt text stay ---------------------------------------------------

    def test_clearing_the_credit_of_a_live_photo_is_refused_with_its_pages(self):
        response = self.edit(self.superuser, self.photo, agency="", photographer="")
        self.assertEqual(response.status_code, 200)
        error = " ".join(response.context["form"].errors["agency"])
        self.assertIn("must keep a credit", error)
        self.assertIn("“Grain deal holds”", error)  # its hero photo
        self.assertIn("“Ports reopen”", error)  # in its body
        self.assertContains(response, "must keep a credit")
        self.assert_unchanged(self.photo)

    def test_clearing_the_alt_text_of_a_live_photo_is_refused(self):
        response = self.edit(self.superuser, self.photo, description="  ")
        error = " ".join(response.context["form"].errors["description"])
        self.assertIn("must keep its alt text", error)
        self.assertIn("“Grain deal holds”", error)
        self.assert_unchanged(self.photo)

    def test_one_half_of_the_credit_is_enough(self):
        response = self.edit(self.superuser, self.photo, agency="")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(CustomImage.objects.get(pk=self.photo.pk).credit, "Jane Doe")

    def test_a_photo_no_live_page_shows_may_lose_them(self):
        response = self.edit(
            self.editor, self.draft_photo, agency="", photographer="", description=""
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(CustomImage.objects.get(pk=self.draft_photo.pk).credit, "")

    def test_the_multiple_uploaders_edit_form_holds_the_same_rule(self):
        self.client.force_login(self.superuser)
        prefix = f"image-{self.photo.pk}"
        data = {f"{prefix}-{name}": value for name, value in edit_data(self.photo).items()}
        data |= {f"{prefix}-agency": "", f"{prefix}-photographer": ""}
        response = self.client.post(
            reverse("wagtailimages:edit_multiple", args=[self.photo.pk]), data
        )
        self.assertFalse(response.json()["success"])
        self.assertIn("must keep a credit", response.json()["form"])
        self.assert_unchanged(self.photo)

    # Item 4: changing a live photo needs the right to publish ---------------------------------

    def test_an_editor_who_cannot_publish_may_not_change_the_credit(self):
        response = self.edit(self.editor, self.photo, agency="ANOTHER AGENCY")
        self.assertEqual(response.status_code, 200)
        error = " ".join(response.context["form"].non_field_errors())
        self.assertIn("needs the right to publish", error)
        self.assertIn("“Grain deal holds”", error)
        self.assertIn("“Ports reopen”", error)
        self.assertContains(response, "needs the right to publish")
        self.assert_unchanged(self.photo)

    def test_an_editor_who_cannot_publish_may_not_replace_the_file(self):
        stored_file = CustomImage.objects.get(pk=self.photo.pk).file.name
        response = self.edit(self.editor, self.photo, file=jpeg((200, 0, 0)))
        self.assertIn(
            "needs the right to publish", " ".join(response.context["form"].non_field_errors())
        )
        self.assertEqual(CustomImage.objects.get(pk=self.photo.pk).file.name, stored_file)

    def test_an_editor_who_cannot_publish_may_not_change_the_alt_text(self):
        response = self.edit(self.editor, self.photo, description="Something else entirely")
        self.assertIn(
            "needs the right to publish", " ".join(response.context["form"].non_field_errors())
        )
        self.assert_unchanged(self.photo)

    def test_an_editor_may_still_change_what_readers_do_not_see(self):
        response = self.edit(self.editor, self.photo, title="Harbour at dawn", tags="port")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(CustomImage.objects.get(pk=self.photo.pk).title, "Harbour at dawn")

    def test_an_editor_may_change_a_photo_no_live_page_shows(self):
        response = self.edit(self.editor, self.draft_photo, agency="AP")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(CustomImage.objects.get(pk=self.draft_photo.pk).agency, "AP")

    def test_someone_who_may_publish_the_pages_may_change_it(self):
        # A photo of its own: replacing the file deletes the old one from storage.
        photo = f.make_image("Quay")
        f.make_article(self.europe, title="Quay", article_type=self.analysis, hero_image=photo)
        response = self.edit(self.moderator, photo, agency="AP", file=jpeg((0, 90, 0)))
        self.assertEqual(response.status_code, 302)
        stored = CustomImage.objects.get(pk=photo.pk)
        self.assertEqual((stored.agency, stored.width), ("AP", 320))

    def test_the_photo_desk_may_change_it(self):
        response = self.edit(self.photo_desk, self.photo, photographer="John Roe")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(CustomImage.objects.get(pk=self.photo.pk).photographer, "John Roe")
