"""The mapping: which of a source's categories and tags become regions, types and topics.

A mapping file is JSON::

    {
      "categories": {"europe": {"region": "europe"}, "analysis": {"type": "analysis"},
                     "energy": {"topic": "energy"}, "uncategorized": {"skip": true}},
      "tags": {"nato": {"topic": "nato"}},
      "default_region": "europe",
      "default_type": "news"
    }

Keys are the source's term slugs; targets are Masthead slugs (made when missing, named after
the term). A term the file does not name gets the default rule, and `propose()` writes the
whole default out for an editor to change.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.text import slugify

from masthead.importers.records import SourceTerm

TARGETS = ("region", "type", "topic", "skip")
SKIPPED_BY_DEFAULT = {"uncategorized", "uncategorised", "non-classe", "sin-categoria", "allgemein"}


class MappingError(ValueError):
    """A mapping file that cannot be used, with what is wrong in it."""


@dataclass(frozen=True)
class Target:
    kind: str  # region | type | topic | skip
    slug: str = ""

    def as_json(self) -> dict:
        return {"skip": True} if self.kind == "skip" else {self.kind: self.slug}


@dataclass
class Mapping:
    categories: dict[str, Target] = field(default_factory=dict)
    tags: dict[str, Target] = field(default_factory=dict)
    default_region: str = ""
    default_type: str = ""

    def target(self, term: SourceTerm) -> Target | None:
        table = self.categories if term.kind == "category" else self.tags
        return table.get(term.key)

    def as_json(self) -> dict:
        return {
            "categories": {key: t.as_json() for key, t in sorted(self.categories.items())},
            "tags": {key: t.as_json() for key, t in sorted(self.tags.items())},
            "default_region": self.default_region,
            "default_type": self.default_type,
        }

    def dumps(self) -> str:
        return json.dumps(self.as_json(), indent=2, ensure_ascii=False) + "\n"


def _target(value, where: str) -> Target:
    if not isinstance(value, dict) or len(value) != 1:
        raise MappingError(
            f'{where}: expected one of {{"region": "slug"}}, {{"type": "slug"}}, '
            f'{{"topic": "slug"}} or {{"skip": true}}, not {json.dumps(value)}'
        )
    kind, slug = next(iter(value.items()))
    if kind not in TARGETS:
        raise MappingError(f"{where}: {kind!r} is not one of {', '.join(TARGETS)}")
    if kind == "skip":
        if slug is not True:
            raise MappingError(f'{where}: write {{"skip": true}} to leave a term out')
        return Target("skip")
    unicode_ok = kind == "region"  # a page's slug may be Unicode; /topics/ and /type/ are ASCII
    if not isinstance(slug, str) or not slug or slugify(slug, allow_unicode=unicode_ok) != slug:
        raise MappingError(f"{where}: {slug!r} is not a slug (lower case, digits and hyphens)")
    return Target(kind, slug)


def parse(data: dict, name: str = "the mapping") -> Mapping:
    if not isinstance(data, dict):
        raise MappingError(f"{name}: expected a JSON object at the top")
    unknown = set(data) - {"categories", "tags", "default_region", "default_type"}
    if unknown:
        raise MappingError(f"{name}: unknown key(s) {', '.join(sorted(unknown))}")
    mapping = Mapping()
    for table in ("categories", "tags"):
        entries = data.get(table, {})
        if not isinstance(entries, dict):
            raise MappingError(f"{name}: {table!r} must be an object of term slug → target")
        for key, value in entries.items():
            getattr(mapping, table)[key] = _target(value, f"{name}: {table}[{key!r}]")
    for default in ("default_region", "default_type"):
        value = data.get(default, "")
        if not isinstance(value, str) or (value and slugify(value) != value):
            raise MappingError(f"{name}: {default} must be a slug, not {value!r}")
        setattr(mapping, default, value)
    return mapping


def load(path: str | Path) -> Mapping:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise MappingError(f"{path}: cannot read the mapping file: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise MappingError(f"{path}: the mapping file is not UTF-8 text") from error
    except json.JSONDecodeError as error:
        raise MappingError(
            f"{path}: not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from error
    return parse(data, str(path))


def _norm(text: str) -> str:
    return slugify(text, allow_unicode=True)


def ascii_slug(term: SourceTerm) -> str:
    """Topics and types live at /topics/<slug>/ and /type/<slug>/, in ASCII: a term whose
    name has no Latin letters gets a short stable one."""
    slug = slugify(term.key)[:50] or slugify(term.name)[:50]
    return slug or f"{term.kind}-{hashlib.sha1(term.key.encode()).hexdigest()[:8]}"


def propose(
    terms: dict[tuple[str, str], SourceTerm],
    *,
    regions: dict[str, str],
    types: dict[str, list[str]],
    given: Mapping | None = None,
) -> Mapping:
    """The mapping to use: `given` where it names a term, else the default rule.

    `regions` is slug → title of the site's regions; `types` slug → its names (singular,
    plural). A category named like a region becomes that region, one named like an article
    type that type, "Uncategorized" is left out, any other category or tag becomes a topic.
    """
    given = given or Mapping()
    region_names = {_norm(n): slug for slug, title in regions.items() for n in (slug, title)}
    type_names = {_norm(n): slug for slug, names in types.items() for n in (slug, *names)}
    mapping = Mapping(default_region=given.default_region, default_type=given.default_type)
    for (kind, key), term in sorted(terms.items()):
        chosen = given.target(term)
        if chosen is None:
            names = {_norm(term.key), _norm(term.name)}
            if kind == "category" and names & SKIPPED_BY_DEFAULT:
                chosen = Target("skip")
            elif kind == "category" and (found := names & set(region_names)):
                chosen = Target("region", region_names[found.pop()])
            elif kind == "category" and (found := names & set(type_names)):
                chosen = Target("type", type_names[found.pop()])
            else:
                chosen = Target("topic", ascii_slug(term))
        (mapping.categories if kind == "category" else mapping.tags)[key] = chosen
    if not mapping.default_region:
        mapping.default_region = next(iter(regions), "") or "news"
    if not mapping.default_type:
        mapping.default_type = "news" if "news" in types else next(iter(types), "news")
    return mapping
