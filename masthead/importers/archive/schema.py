"""Version 1 of the archive: which JSON Lines file holds which rows, and how values are written.

Each `Kind` names its model, the fields its lines hold (the model's own field names) and the
fields deliberately left out (secrets, working state, what can be derived again). A test checks
that every field of each model is one or the other, so a field added to a model later cannot
go missing from archives unnoticed. Pages are written by `pages.py`: one line per page, the
fields of its own type included.

Values (docs/archive-format.md): ids as numbers; dates and times in ISO 8601 with their UTC
offset; UUIDs as text; a file as its storage name (the file itself is under `media/`); a user
as their username; a locale as its language code; a content type as "app_label.model"; JSON
and StreamField data as JSON. A reader of version 1 ignores keys it does not know and gives a
missing key the field's default, so a field added later with a default needs no new version.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Collection, Locale

from masthead.importers.archive import ArchiveError


@dataclass(frozen=True)
class Kind:
    name: str  # the file is f"{name}.jsonl"
    model: str
    fields: tuple[str, ...]
    left_out: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()  # keys written by hand: tags, child rows
    key: str = "id"
    # Fields naming a row of another kind, checked before anything is written.
    refs: dict[str, str] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return f"{self.name}.jsonl"

    def get_model(self) -> type[models.Model]:
        return apps.get_model(self.model)


IMAGE_FIELDS = (
    *("id", "collection", "title", "file", "width", "height", "created_at", "uploaded_by_user"),
    *("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"),
    *("file_size", "file_hash", "agency", "photographer", "source_url", "licence", "licence_url"),
    *("licence_expiry", "withdrawn_for_expiry", "default_caption", "description"),
    "suggested_metadata",
)
PAGE_FIELDS = (
    *("id", "path", "depth", "numchild", "translation_key", "locale", "title", "draft_title"),
    *("slug", "url_path", "live", "has_unpublished_changes", "first_published_at"),
    *("last_published_at", "latest_revision_created_at", "go_live_at", "expire_at", "expired"),
    *("locked", "locked_at", "locked_by", "owner", "alias_of", "show_in_menus", "seo_title"),
    *("search_description", "live_revision", "latest_revision"),
)
PAGE_EXTRA = (
    *("type", "fields", "bylines", "topics", "extra_regions", "footnotes", "updates"),
    *("corrections", "view_restrictions"),
)
USERS = Kind(
    "users",
    settings.AUTH_USER_MODEL,
    ("username", "first_name", "last_name", "email", "is_active", "date_joined"),
    # No password or rights: restored people sign in only once an administrator says so.
    left_out=(
        *("id", "password", "last_login", "is_superuser", "is_staff", "groups"),
        *("user_permissions", "session_generation"),
    ),
    key="username",
)
PAGES = Kind(
    "pages",
    "wagtailcore.Page",
    PAGE_FIELDS,
    left_out=("content_type",),  # written as "type"
    extra=PAGE_EXTRA,
    refs={"alias_of": "pages", "owner": "users", "locked_by": "users"},
)
KINDS: tuple[Kind, ...] = (
    USERS,
    Kind("collections", "wagtailcore.Collection", ("id", "path", "depth", "numchild", "name")),
    Kind(
        "images",
        "images.CustomImage",
        IMAGE_FIELDS,
        extra=("tags", "file_missing"),
        refs={"collection": "collections", "uploaded_by_user": "users"},
    ),
    Kind(
        "documents",
        "wagtaildocs.Document",
        (
            *("id", "collection", "title", "file", "created_at", "uploaded_by_user"),
            *("file_size", "file_hash"),
        ),
        extra=("tags", "file_missing"),
        refs={"collection": "collections", "uploaded_by_user": "users"},
    ),
    Kind(
        "article_types",
        "newsroom.ArticleType",
        (
            *("id", "name", "plural_name", "slug", "description", "schema_type", "is_brief"),
            "sort_order",
        ),
    ),
    Kind("topics", "newsroom.Topic", ("id", "name", "slug", "description")),
    Kind(
        "authors",
        "newsroom.Author",
        (
            *("id", "name", "slug", "role", "is_guest", "bio", "photo", "website"),
            *("mastodon_url", "bluesky_url", "x_url", "linkedin_url"),
        ),
        refs={"photo": "images"},
    ),
    PAGES,
    Kind(
        "revisions",
        "wagtailcore.Revision",
        (
            *("id", "content_type", "object_id", "created_at", "user", "object_str"),
            *("content", "approved_go_live_at"),
        ),
        left_out=("base_content_type",),  # always the page's base type
        refs={"object_id": "pages", "user": "users"},
    ),
    Kind(
        "sites",
        "wagtailcore.Site",
        ("id", "hostname", "port", "site_name", "root_page", "is_default_site"),
        refs={"root_page": "pages"},
    ),
    Kind(
        "settings",
        "siteconfig.SiteSettings",
        (
            *("id", "site", "outlet_name", "tagline", "logo", "icon", "share_image"),
            *("footer_text", "mastodon_url", "bluesky_url", "x_url", "facebook_url"),
            *("youtube_url", "linkedin_url", "show_rss_link"),
        ),
        refs={"site": "sites", "logo": "images", "icon": "images", "share_image": "images"},
    ),
    Kind(
        "redirects",
        "wagtailredirects.Redirect",
        (
            *("id", "old_path", "site", "is_permanent", "redirect_page"),
            *("redirect_page_route_path", "redirect_link", "automatically_created", "created_at"),
        ),
        refs={"site": "sites", "redirect_page": "pages"},
    ),
    Kind(
        "long_redirects",
        "importers.LongRedirect",
        ("id", "path_hash", "old_path", "site", "redirect_page", "redirect_link"),
        refs={"site": "sites", "redirect_page": "pages"},
    ),
    Kind(
        "newsletters",
        "newsletter.Newsletter",
        (
            *("id", "name", "slug", "description", "sender_name", "sender_email", "reply_to"),
            *("postal_address", "send_weekday", "send_time", "is_default"),
        ),
    ),
    Kind(
        "issues",
        "newsletter.Issue",
        (
            *("id", "newsletter", "subject", "slug", "introduction", "state", "week_of"),
            *("scheduled_for", "sent_at", "gathered_until", "gathered_recently"),
            "correction_key",
        ),
        extra=("items",),
        refs={"newsletter": "newsletters"},
    ),
    Kind(
        "subscriptions",
        "newsletter.Subscription",
        (
            *("id", "newsletter", "email", "state", "created_at", "consent_source"),
            *("confirmed_at", "unsubscribed_at", "confirmation_sent_at"),
        ),
        # The nonce signs confirmation links (a secret); the claim is a worker's lease.
        left_out=("confirm_nonce", "confirmation_claimed_until"),
        refs={"newsletter": "newsletters"},
    ),
    Kind(
        "imported_objects",
        "importers.ImportedObject",
        (
            *("id", "source", "kind", "key", "content_hash", "object_id", "revision_id"),
            *("pending", "imported_at"),
        ),
    ),
)
BY_NAME = {kind.name: kind for kind in KINDS}
ISSUE_ITEM_FIELDS = ("id", "article", "sort_order")


def page_own_fields(model: type[models.Model]) -> list[models.Field]:
    """The columns a page type adds to Wagtail's page (its "fields" in the archive)."""
    return [f for f in model._meta.local_concrete_fields if not f.primary_key]


class Codec:
    """Turns field values into archive values and back. Users, locales, content types and
    collections are named, not numbered, so the maps from this site's ids are kept here."""

    def __init__(self) -> None:
        self.usernames: dict[int, str] = {}
        self.user_ids: dict[str, int] = {}
        self.locale_codes: dict[int, str] = {}
        self.locale_ids: dict[str, int] = {}
        self.collection_ids: dict[int, int] = {}  # archive id → this site's id
        self.collection_root: tuple[str, int] = ("0001", 0)  # the archive's root: path, children
        # Off while an archive is only checked: then users and locales are not looked up.
        self.writing = False

    def load_for_export(self) -> None:
        user = apps.get_model(settings.AUTH_USER_MODEL)
        self.usernames = dict(user.objects.values_list("pk", "username"))
        self.locale_codes = dict(Locale.objects.values_list("pk", "language_code"))

    # Export --------------------------------------------------------------------------------

    def encode(self, model_field: models.Field, value):
        if value is None:
            return None
        if model_field.is_relation:
            target = model_field.related_model
            if target is apps.get_model(settings.AUTH_USER_MODEL):
                return self.usernames.get(value)
            if target is Locale:
                return self.locale_codes.get(value)
            if target is ContentType:
                return content_type_label(value)
            return value
        if isinstance(model_field, StreamField):
            return list(value.raw_data)
        if isinstance(model_field, models.FileField):
            return value.name or ""
        if isinstance(value, datetime.datetime):
            return value.astimezone(datetime.UTC).isoformat()
        if isinstance(value, datetime.date | datetime.time):
            return value.isoformat()
        if isinstance(model_field, models.UUIDField | models.DecimalField):
            return str(value)
        return value

    def row(self, obj: models.Model, names: tuple[str, ...]) -> dict:
        meta = obj._meta
        out = {}
        for name in names:
            model_field = meta.get_field(name)
            out[name] = self.encode(model_field, getattr(obj, model_field.attname))
        return out

    # Restore -------------------------------------------------------------------------------

    def decode(self, model_field: models.Field, value):
        """The value for the field's attname; ValueError with a reason when it will not do."""
        if value is None:
            if not model_field.null and not isinstance(model_field, StreamField):
                raise ValueError("may not be empty")
            return None
        if model_field.is_relation:
            return self._decode_relation(model_field.related_model, value)
        if isinstance(model_field, StreamField):
            if not isinstance(value, list) or not all(isinstance(b, dict) for b in value):
                raise ValueError("is not a list of blocks")
            return StreamValue(model_field.stream_block, value, is_lazy=True)
        if isinstance(model_field, models.FileField):
            return safe_file_name(value)
        if isinstance(model_field, models.JSONField):
            return value
        try:
            return model_field.to_python(value)
        except ValidationError as error:
            raise ValueError("; ".join(error.messages)) from None

    def _decode_relation(self, target, value):
        if target is apps.get_model(settings.AUTH_USER_MODEL):
            if not isinstance(value, str):
                raise ValueError("is not a username")
            return self.user_ids.get(value)
        if target is Locale:
            if not isinstance(value, str) or not value:
                raise ValueError("is not a language code")
            if not self.writing:
                return None
            if value not in self.locale_ids:
                self.locale_ids[value] = Locale.objects.get_or_create(language_code=value)[0].pk
            return self.locale_ids[value]
        if target is ContentType:
            return content_type_for(value).pk
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("is not an id")
        if target is Collection:
            return self.collection_ids.get(value, value)
        return value

    def build(self, model, line: dict, names: tuple[str, ...], **also) -> models.Model:
        """An unsaved instance of `model` with the line's values (defaults for missing keys)."""
        values = {}
        for name in names:
            model_field = model._meta.get_field(name)
            if name not in line:
                if not model_field.has_default() and not model_field.null:
                    raise ValueError(f"it has no {name!r}")
                continue
            try:
                values[model_field.attname] = self.decode(model_field, line[name])
            except (ValueError, TypeError, LookupError) as error:
                raise ValueError(f"its {name!r} {error}") from None
        values.update(also)
        return model(**values)


def content_type_label(content_type_id: int) -> str:
    content_type = ContentType.objects.get_for_id(content_type_id)
    return f"{content_type.app_label}.{content_type.model}"


def content_type_for(label) -> ContentType:
    """This site's content type for a page type or model named "app_label.model"."""
    if not isinstance(label, str) or label.count(".") != 1:
        raise ValueError(f"{label!r} is not a type name")
    try:
        model = apps.get_model(label)
    except LookupError:
        raise ValueError(f"names a type this site does not have ({label})") from None
    return ContentType.objects.get_for_model(model)


def safe_file_name(name) -> str:
    """A stored file's name, refused when it could reach outside the media folder."""
    if not isinstance(name, str):
        raise ValueError("is not a file name")
    parts = name.replace("\\", "/").split("/")
    if name.startswith("/") or ".." in parts or ":" in parts[0] or "\x00" in name:
        raise ValueError(f"{name!r} is not a safe file name")
    return name


def check_kind(kind: Kind) -> None:
    """Raise ArchiveError if the kind's model has a field that is neither written nor left out
    (used by the tests; see the module's docstring)."""
    model = kind.get_model()
    names = {f.name for f in model._meta.concrete_fields} | {
        f.name for f in model._meta.many_to_many
    }
    missing = names - set(kind.fields) - set(kind.left_out) - set(kind.extra)
    if missing:
        raise ArchiveError(f"{kind.file}: {kind.model} fields not in the archive: {missing}")
