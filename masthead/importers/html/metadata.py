"""What a saved page says about itself: JSON-LD, meta tags, the lead figure and its credit."""

import json
import re
from datetime import UTC, date, datetime

ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "socialmediaposting", "report",
    "liveblogposting",
}  # fmt: skip
CREDIT_CLASS = re.compile(r"credit|copyright|byline|photographer|source", re.I)


def meta_content(tree, *names: str) -> str:
    """The first non-empty `<meta>` content among names (property, name or itemprop)."""
    for name in names:
        for element in tree.xpath(
            "//meta[@property=$n or @name=$n or @itemprop=$n][@content]", n=name
        ):
            value = " ".join(element.get("content", "").split())
            if value:
                return value
    return ""


def _objects(value):
    """Every JSON-LD object in a parsed block, through lists and @graph."""
    if isinstance(value, list):
        for entry in value:
            yield from _objects(entry)
    elif isinstance(value, dict):
        yield value
        yield from _objects(value.get("@graph", []))


def _types(entry: dict) -> set[str]:
    kinds = entry.get("@type", [])
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {str(kind).lower() for kind in kinds}


def jsonld_article(tree) -> dict:
    """The page's JSON-LD article object, or {}; broken blocks are passed over."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            parsed = json.loads(script.text or "")
        except ValueError:
            continue
        for entry in _objects(parsed):
            if _types(entry) & ARTICLE_TYPES:
                return entry
    return {}


def _name(value) -> str:
    if isinstance(value, dict):
        value = value.get("name", "")
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(value.split()) if isinstance(value, str) else ""


def jsonld_authors(article: dict) -> list[tuple[str, str]]:
    """(name, url) of each person in the article's author field, in order."""
    authors = article.get("author", [])
    authors = authors if isinstance(authors, list) else [authors]
    people = []
    for author in authors:
        if isinstance(author, dict) and "organization" in _types(author):
            continue
        name = _name(author)
        url = author.get("url", "") if isinstance(author, dict) else ""
        if name:
            people.append((name, url if isinstance(url, str) else ""))
    return people


def jsonld_image(article: dict) -> dict:
    """url, caption, alt and declared credit of the article's first JSON-LD image."""
    image = article.get("image", "")
    if isinstance(image, list):
        image = image[0] if image else ""
    if isinstance(image, str):
        return {"url": image.strip()} if image.strip() else {}
    if not isinstance(image, dict):
        return {}
    credit = ""
    for key in ("creditText", "copyrightHolder", "author", "creator"):
        credit = _name(image.get(key, ""))
        if credit:
            break
    caption = image.get("caption", "")
    return {
        "url": _name(image.get("url") or image.get("contentUrl") or ""),
        "caption": " ".join(caption.split()) if isinstance(caption, str) else "",
        "alt": _name(image.get("description", "")) if image.get("description") else "",
        "credit": credit,
    }


def find_figure(tree, url: str) -> dict | None:
    """The figure showing `url` (or, without one, the article's first figure): its image's
    src and alt, its caption and a credit the page marks as one (`<span class="credit">`)."""
    figures = tree.xpath("//figure[.//img]")
    if not figures:
        return None
    chosen = None
    if url:
        tail = url.rsplit("/", 1)[-1].split("?")[0]
        for figure in figures:
            if any(src.rsplit("/", 1)[-1].split("?")[0] == tail for src in _srcs(figure)):
                chosen = figure
                break
        if chosen is None:
            return None
    chosen = chosen if chosen is not None else figures[0]
    img = chosen.xpath(".//img")[0]
    found = {"url": _srcs(chosen)[0] if _srcs(chosen) else "", "alt": img.get("alt", "")}
    caption = chosen.find(".//figcaption")
    if caption is not None:
        for marked in caption.xpath(".//*[@class]"):
            if CREDIT_CLASS.search(marked.get("class", "")):
                found["credit"] = " ".join(marked.text_content().split())
                marked.drop_tree()
                break
        found["caption"] = " ".join(caption.text_content().split())
    return found


def _srcs(figure) -> list[str]:
    srcs = []
    for img in figure.xpath(".//img"):
        for attribute in ("src", "data-src", "data-lazy-src"):
            value = img.get(attribute, "").strip()
            if value and not value.startswith("data:"):
                srcs.append(value)
    return srcs


def page_time(tree, day: date) -> datetime | None:
    """An exact time for a day htmldate found without one: a `<time datetime>` on that day."""
    for value in tree.xpath("//time/@datetime"):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            continue
        if moment.tzinfo is not None and moment.date() == day:
            return moment.astimezone(UTC)
    return None
