"""Yoast SEO's title and description templates, filled in as Yoast fills them."""

import re
from collections.abc import Callable
from datetime import datetime

from masthead.importers.records import SourceItem
from masthead.importers.sanitise import clean_text
from masthead.importers.wordpress.catalogue import WxrExport

YOAST_VARIABLE = re.compile(r"%%([A-Za-z0-9_]+)%%")
YOAST_SEPARATOR = "-"


def fill_yoast(
    template: str, item: SourceItem, export: WxrExport, *, focus_keyword: str = ""
) -> str:
    """Yoast's %%variables%% filled in as Yoast would; ones it cannot know are dropped."""
    if "%%" not in template:
        return " ".join(template.split())

    def term_names(kind: str, slugs: list[str]) -> list[str]:
        return [export.terms[(kind, s)].name for s in slugs if (kind, s) in export.terms]

    def excerpt() -> str:
        text = clean_text(item.excerpt) or clean_text(item.content)
        words = text.split()
        return " ".join(words[:55]) + (" …" if len(words) > 55 else "")

    def day(moment: datetime | None) -> str:
        return f"{moment:%B} {moment.day}, {moment.year}" if moment else ""

    primary = item.primary_category_key or next(iter(item.category_keys), "")
    first_author = export.authors.get(item.author_keys[0]) if item.author_keys else None
    values: dict[str, Callable[[], str]] = {
        "title": lambda: item.title,
        "sitename": lambda: export.title,
        "sitedesc": lambda: export.description,
        "sep": lambda: YOAST_SEPARATOR,
        "excerpt": excerpt,
        "excerpt_only": lambda: clean_text(item.excerpt),
        "primary_category": lambda: ", ".join(term_names("category", [primary])),
        "category": lambda: ", ".join(term_names("category", item.category_keys)),
        "tag": lambda: ", ".join(term_names("tag", item.tag_keys)),
        "name": lambda: first_author.name if first_author else "",
        "date": lambda: day(item.published_at),
        "modified": lambda: day(item.modified_at),
        "id": lambda: item.key,
        "pt_single": lambda: item.kind.title(),
        "pt_plural": lambda: f"{item.kind.title()}s",
        "focuskw": lambda: focus_keyword,
    }
    text = YOAST_VARIABLE.sub(lambda m: values.get(m[1].lower(), str)(), template)
    sep = re.escape(YOAST_SEPARATOR)
    text = re.sub(rf"(\s*{sep}\s*)(?:{sep}\s*)+", r"\1", " ".join(text.split()))
    return re.sub(rf"^(?:{sep}\s*)+|(?:\s*{sep})+$", "", text).strip()
