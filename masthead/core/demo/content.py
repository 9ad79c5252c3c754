"""The demo publication's text, read from the JSON files in data/ and checked before use."""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from masthead.core.demo.pictures import SCENES

DATA_DIR = Path(__file__).resolve().parent / "data"
FOOTNOTE_MARK = re.compile(r"\[fn:(\d+)\]")

# What the builder reads from each record: key -> JSON type; a key ending in "?" may be left out.
PICTURE = {"scene": str, "caption": str, "alt": str}
BLOCKS = {
    "paragraph": {"text": str},
    "heading": {"text": str},
    "quote": {"text": str, "attribution?": str},
    "image": PICTURE,
}
ARTICLE = {
    "slug": str,
    "type": str,
    "region": str,
    "topics": list,
    "authors": list,
    "headline": str,
    "dek": str,
    "days_ago": int,
    "hero": dict,
    "body": list,
    "extra_regions?": list,
    "footnotes?": list,
    "corrections?": list,
}
CORRECTION = {"kind": str, "hours_after": int, "text": str}
CORRECTION_KINDS = ("correction", "clarification", "editors_note", "retraction")
OUTLET = {"outlet": dict, "image_credit": dict, "newsletter": dict, "plain_pages": list}
PLAIN_PAGE = {"title": str, "slug": str, "text": str}
TAXONOMY = {"regions": list, "types": list, "topics": list}
REGION = {"slug": str, "name": str, "intro": str}
TYPE = {"slug": str, "name": str, "plural": str, "schema": str}
TOPIC = {"slug": str, "name": str}
AUTHOR = {"slug": str, "name": str, "role": str, "guest": bool, "bio": str}


class DemoDataError(ValueError):
    """A demo data file cannot be read or misses something the builder needs."""


@dataclass(frozen=True)
class DemoData:
    outlet: dict  # SiteSettings fields
    image_credit: dict  # agency and licence of every generated picture
    newsletter: dict  # slug and fields of the default newsletter
    plain_pages: list[dict]
    regions: list[dict]
    types: list[dict]
    topics: list[dict]
    authors: list[dict]
    articles: list[dict]  # in the order of articles.json


def load(directory: Path = DATA_DIR) -> DemoData:
    """Read every demo data file; raise DemoDataError naming the file and the fault."""
    outlet = _read(directory / "outlet.json", dict)
    _check(outlet, OUTLET, directory / "outlet.json")
    _check(outlet["outlet"], {"outlet_name": str}, directory / "outlet.json", "outlet")
    _check(outlet["newsletter"], {"slug": str}, directory / "outlet.json", "newsletter")
    for number, page in enumerate(outlet["plain_pages"]):
        _check(page, PLAIN_PAGE, directory / "outlet.json", f"plain_pages[{number}]")
    taxonomy = _read(directory / "taxonomy.json", dict)
    _check(taxonomy, TAXONOMY, directory / "taxonomy.json")
    for key, spec in (("regions", REGION), ("types", TYPE), ("topics", TOPIC)):
        for number, record in enumerate(taxonomy[key]):
            _check(record, spec, directory / "taxonomy.json", f"{key}[{number}]")
    authors = _read(directory / "authors.json", list)
    for number, person in enumerate(authors):
        _check(person, AUTHOR, directory / "authors.json", f"[{number}]")
    known = {
        "region": {region["slug"] for region in taxonomy["regions"]},
        "type": {kind["slug"] for kind in taxonomy["types"]},
        "topic": {topic["slug"] for topic in taxonomy["topics"]},
        "author": {person["slug"] for person in authors},
    }
    return DemoData(
        outlet=outlet["outlet"],
        image_credit=outlet["image_credit"],
        newsletter=outlet["newsletter"],
        plain_pages=outlet["plain_pages"],
        regions=taxonomy["regions"],
        types=taxonomy["types"],
        topics=taxonomy["topics"],
        authors=authors,
        articles=_articles(directory, known),
    )


def articles(directory: Path = DATA_DIR) -> list[dict]:
    """The demo's articles, in the order they are imported."""
    return load(directory).articles


def _articles(directory: Path, known: dict[str, set]) -> list[dict]:
    order = _read(directory / "articles.json", list)
    if not all(isinstance(slug, str) for slug in order) or len(set(order)) != len(order):
        raise DemoDataError(f"{directory / 'articles.json'}: expected a list of distinct slugs")
    unlisted = sorted(
        path.name for path in (directory / "articles").glob("*.json") if path.stem not in order
    )
    if unlisted:
        raise DemoDataError(
            f"{directory / 'articles'}: {', '.join(unlisted)} not listed in articles.json"
        )
    result = []
    for slug in order:
        path = directory / "articles" / f"{slug}.json"
        article = _read(path, dict)
        _check_article(article, path, known)
        if article["slug"] != slug:
            raise DemoDataError(f"{path}: slug {article['slug']!r} differs from the file name")
        result.append(article)
    return result


def _check_article(article: dict, path: Path, known: dict[str, set]) -> None:
    _check(article, ARTICLE, path)
    _check(article["hero"], PICTURE, path, "hero")
    references = [("region", article["region"]), ("type", article["type"])]
    references += [("region", slug) for slug in article.get("extra_regions", [])]
    references += [("topic", slug) for slug in article["topics"]]
    references += [("author", slug) for slug in article["authors"]]
    for kind, slug in references:
        if not isinstance(slug, str) or slug not in known[kind]:
            raise DemoDataError(f"{path}: unknown {kind} {slug!r}")
    footnotes = article.get("footnotes", [])
    if not all(isinstance(text, str) for text in footnotes):
        raise DemoDataError(f"{path}: footnotes should be strings")
    for number, block in enumerate(article["body"]):
        where = f"body[{number}]"
        if not isinstance(block, dict) or block.get("type") not in BLOCKS:
            raise DemoDataError(f"{path}: {where} needs a type, one of {', '.join(BLOCKS)}")
        _check(block, BLOCKS[block["type"]], path, where)
        marks = FOOTNOTE_MARK.findall(block["text"]) if block["type"] == "paragraph" else []
        for mark in marks:
            if not 1 <= int(mark) <= len(footnotes):
                raise DemoDataError(f"{path}: {where} marks footnote [fn:{mark}], which is missing")
    for number, correction in enumerate(article.get("corrections", [])):
        _check(correction, CORRECTION, path, f"corrections[{number}]")
        if correction["kind"] not in CORRECTION_KINDS:
            raise DemoDataError(
                f"{path}: corrections[{number}] kind should be one of {', '.join(CORRECTION_KINDS)}"
            )
    for picture in [article["hero"], *(b for b in article["body"] if b["type"] == "image")]:
        if picture["scene"] not in SCENES:
            raise DemoDataError(f"{path}: unknown scene {picture['scene']!r}; one of {SCENES}")


def _read(path: Path, kind: type):
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DemoDataError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except ValueError as exc:  # malformed JSON or not UTF-8
        raise DemoDataError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(value, kind):
        raise DemoDataError(f"{path}: expected a JSON {_name(kind)}")
    return value


def _check(record, spec: dict, path: Path, where: str = "") -> None:
    """Every key of spec is there with its type (an optional one only when present)."""
    prefix = f"{path}: {where} " if where else f"{path}: "
    if not isinstance(record, dict):
        raise DemoDataError(f"{prefix}expected a JSON object")
    for key, kind in spec.items():
        optional, key = key.endswith("?"), key.rstrip("?")
        if key not in record:
            if optional:
                continue
            raise DemoDataError(f"{prefix}misses the key {key!r}")
        value = record[key]
        # JSON's true and false are Python bools, and bool is a kind of int: tell them apart.
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise DemoDataError(f"{prefix}{key!r} should be a JSON {_name(kind)}")


def _name(kind: type) -> str:
    return {dict: "object", list: "array", str: "string", int: "number", bool: "boolean"}[kind]
