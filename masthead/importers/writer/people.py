"""Bylines and taxonomy: source authors become `Author`s, terms become regions, article types
and topics through the mapping. Each is made once, on first use, and found again by its
imported-object row (or by its slug, when the site already has one of the same name)."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import slugify

from masthead.importers.mapping import Mapping, Target
from masthead.importers.models import ImportedObject
from masthead.importers.records import SourceAuthor, SourceItem
from masthead.newsroom.models import ArticleType, Author, HomePage, SectionPage, Topic


def _url(value: str) -> str:
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return ""
    return value[:200]


def free_slug(wanted: str, taken, limit: int = 50) -> str:
    """`wanted`, or `wanted-2`, `-3`… : the first that `taken(slug)` says is free."""
    base = wanted[:limit] or "untitled"
    slug, number = base, 1
    while taken(slug):
        number += 1
        suffix = f"-{number}"
        slug = base[: limit - len(suffix)] + suffix
    return slug


class AuthorWriter:
    def __init__(self, ctx):
        self.ctx = ctx
        self.ids: dict[str, int | None] = {}

    def preload(self) -> None:
        rows = ImportedObject.objects.filter(source=self.ctx.source_key, kind=ImportedObject.AUTHOR)
        existing = set(Author.objects.values_list("pk", flat=True))
        for key, object_id in rows.values_list("key", "object_id"):
            if object_id in existing:
                self.ids[key] = object_id

    def author_id(self, key: str) -> int | None:
        if key not in self.ids:
            author = self.ctx.export.authors.get(key)
            self.ids[key] = self._make(author) if author else None
        return self.ids[key]

    def _make(self, source: SourceAuthor) -> int | None:
        if self.ctx.dry_run:
            self.ctx.report.counts["authors"] += 1
            return None
        name = (source.name or source.key).strip()[:120]
        wanted = slugify(source.slug or name) or slugify(source.key) or "author"
        same = Author.objects.filter(slug=wanted[:50]).first()
        if same is not None and same.name.casefold() == name.casefold():
            author = same  # the site already has this byline: the archive joins it
        else:
            author = Author.objects.create(
                name=name,
                slug=free_slug(wanted, lambda s: Author.objects.filter(slug=s).exists()),
                is_guest=source.is_guest,
                bio=source.bio.strip(),
                website=_url(source.website.strip()),
                role=source.role.strip()[:120],
                photo_id=self.ctx.media.image_for(source.photo_key) if source.photo_key else None,
            )
            self.ctx.report.counts["authors"] += 1
        self.ctx.remember(ImportedObject.AUTHOR, source.key, author.pk)
        return author.pk


@dataclass
class Placement:
    region: SectionPage
    extra_region_ids: list[int] = field(default_factory=list)
    type_id: int | None = None
    topic_ids: list[int] = field(default_factory=list)


class Taxonomy:
    """Regions, types and topics for items, made when the mapping names one the site lacks."""

    def __init__(self, ctx, home: HomePage, mapping: Mapping):
        self.ctx, self.home, self.mapping = ctx, home, mapping
        self.regions: dict[str, SectionPage] = {}
        self.types: dict[str, int] = {}
        self.topics: dict[str, int] = {}
        self.names: dict[Target, str] = {}  # a target's name: the first term mapped to it
        for term in ctx.export.terms.values():
            target = mapping.target(term)
            if target is not None:
                self.names.setdefault(target, term.name)

    def _name(self, target: Target) -> str:
        return (self.names.get(target) or target.slug.replace("-", " ").capitalize())[:60]

    def region(self, slug: str) -> SectionPage:
        if slug not in self.regions:
            found = SectionPage.objects.child_of(self.home).filter(slug=slug).first()
            if found is None:
                if self.home.get_children().filter(slug=slug).exists():
                    raise ValueError(f"the region {slug!r} would clash with a page at /{slug}/")
                found = self.home.add_child(
                    instance=SectionPage(title=self._name(Target("region", slug)), slug=slug)
                )
                self.ctx.report.problem(f"made the region {found.title!r} (/{slug}/)", "mapping")
                self.home.refresh_from_db()
            self.regions[slug] = found.specific
        return self.regions[slug]

    def type_id(self, slug: str) -> int:
        if slug not in self.types:
            found = ArticleType.objects.filter(slug=slug).first()
            if found is None:
                name = self._name(Target("type", slug))
                found = ArticleType.objects.create(
                    name=free_slug(name, lambda n: ArticleType.objects.filter(name=n).exists()),
                    plural_name=name,
                    slug=slug,
                )
                self.ctx.report.problem(f"made the article type {found.name!r}", "mapping")
            self.types[slug] = found.pk
        return self.types[slug]

    def topic_id(self, slug: str) -> int:
        if slug not in self.topics:
            found = Topic.objects.filter(slug=slug).first()
            if found is None:
                name = self._name(Target("topic", slug))[:80]
                found = Topic.objects.create(
                    name=free_slug(name, lambda n: Topic.objects.filter(name=n).exists(), 80),
                    slug=slug,
                )
            self.topics[slug] = found.pk
        return self.topics[slug]

    def place(self, item: SourceItem) -> Placement:
        regions, types, topics = [], [], []
        keys = [("category", k) for k in item.category_keys]
        if item.primary_category_key:
            keys.insert(0, ("category", item.primary_category_key))
        keys += [("tag", k) for k in item.tag_keys]
        for kind, key in keys:
            term = self.ctx.export.terms.get((kind, key))
            target = self.mapping.target(term) if term else None
            if target is None or target.kind == "skip":
                continue
            chosen = {"region": regions, "type": types, "topic": topics}[target.kind]
            if target.slug not in chosen:
                chosen.append(target.slug)
        if self.ctx.dry_run:
            return Placement(region=None)
        region = self.region(regions[0] if regions else self.mapping.default_region)
        return Placement(
            region=region,
            extra_region_ids=[self.region(slug).pk for slug in regions[1:]],
            type_id=self.type_id(types[0] if types else self.mapping.default_type),
            topic_ids=[self.topic_id(slug) for slug in topics],
        )
