"""Imported markup cleaned down to what Masthead's rich text editor stores, and nothing else.

A body paragraph may hold `<p>`, `<b>`, `<i>`, `<a href>` (http, https and mailto only),
`<ol>`, `<ul>`, `<li>`, `<br>` and `<footnote id>`; a quote the first five and `<br>`. Wagtail
stores bold and italic as `<b>` and `<i>`, so `<strong>` and `<em>` are renamed first. Script,
style, iframes and the like go with their content; every attribute but those named goes,
event handlers included; a relative link is made absolute against the old site's address.
"""

import functools
import html
import re
from urllib.parse import urljoin, urlsplit

import nh3

RICH_TEXT_TAGS = frozenset({"p", "b", "i", "a", "ol", "ul", "li", "br", "footnote"})
QUOTE_TAGS = frozenset({"p", "b", "i", "a", "br"})
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "noscript", "template", "object", "svg", "math", "title",
     "textarea", "select", "head"}
)  # fmt: skip
URL_SCHEMES = frozenset({"http", "https", "mailto"})
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

_RENAMES = [
    (re.compile(r"<(/?)strong\b", re.I), r"<\1b"),
    (re.compile(r"<(/?)em\b", re.I), r"<\1i"),
]
# A run of white space, but not a lone space (already what it becomes): most of a paragraph's
# matches would otherwise be single spaces replaced by themselves.
_SPACE = re.compile(r"[\t\n\r\f][ \t\n\r\f]*| [ \t\n\r\f]+")
_AROUND_BLOCK_TAGS = re.compile(r" ?(</?(?:p|ul|ol|li)>|<br>) ?")
_EMPTY = re.compile(r"<(p|li|b|i)>(?:\s|<br>)*</\1>")
_BR_AT_EDGES = re.compile(r"(?:<br>)+(</(?:p|li)>)|(<(?:p|li)>)(?:<br>)+")
_BARE_LINK = re.compile(r"<a>(.*?)</a>", re.S)
_HREF = re.compile(r'<a href="([^"]*)"')


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "footnote":
        return value if UUID.fullmatch(value) else None
    return value


@functools.lru_cache(maxsize=32)
def _cleaner(site_url: str, tags: frozenset[str]) -> nh3.Cleaner:
    def relative(url: str) -> str | None:
        if url.startswith("#") or not site_url:
            return None  # an anchor on the old page, or nothing to resolve it against
        return urljoin(site_url, url)

    return nh3.Cleaner(
        tags=set(tags),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={"a": {"href"}, "footnote": {"id"}},
        attribute_filter=_keep_attribute,
        url_schemes=set(URL_SCHEMES),
        url_relative=relative,
        link_rel=None,
        strip_comments=True,
    )


_TEXT_CLEANER = nh3.Cleaner(tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT))


def clean_rich_text(markup: str, *, site_url: str = "", tags=RICH_TEXT_TAGS) -> str:
    """The markup reduced to the allowed tags, tidy enough to store as Wagtail rich text.

    Called for every paragraph of an archive: each pattern runs only when the text holds
    what it looks for (nh3 writes tags in lower case)."""
    lowered = markup.lower()
    if "<strong" in lowered or "<em" in lowered or "</strong" in lowered or "</em" in lowered:
        for pattern, replacement in _RENAMES:
            markup = pattern.sub(replacement, markup)
    cleaned = _cleaner(site_url, frozenset(tags)).clean(markup)
    if "<a>" in cleaned:
        cleaned = _BARE_LINK.sub(r"\1", cleaned)
    cleaned = _SPACE.sub(" ", cleaned)
    if " <" in cleaned or "> " in cleaned:
        cleaned = _AROUND_BLOCK_TAGS.sub(r"\1", cleaned)
    if "<br>" in cleaned:
        cleaned = _BR_AT_EDGES.sub(lambda m: m.group(1) or m.group(2), cleaned)
    previous = None
    while previous != cleaned and "></" in cleaned:
        previous, cleaned = cleaned, _EMPTY.sub("", cleaned)
    return cleaned.strip()


def clean_markup(markup: str, *, tags: set[str], attributes: dict[str, set[str]]) -> str:
    """Source markup kept for a later conversion: only `tags` and `attributes`, links of the
    allowed schemes, and nothing of script, style and the like, content included."""
    return nh3.clean(
        markup,
        tags=set(tags),
        attributes=attributes,
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
    ).strip()


def clean_text(markup: str) -> str:
    """Plain text: tags and their markup gone, entities decoded, white space collapsed."""
    text = _TEXT_CLEANER.clean(markup)
    return _SPACE.sub(" ", html.unescape(text)).strip()


def links_in(markup: str) -> list[str]:
    """The link targets in cleaned rich text, in order."""
    return [html.unescape(href) for href in _HREF.findall(markup)]


def bare_host(url: str) -> str:
    """A URL's host in lower case without a leading `www.`; "" when it has none or is invalid."""
    try:
        return (urlsplit(url).hostname or "").removeprefix("www.")
    except ValueError:
        return ""


def is_old_site_link(url: str, site_url: str) -> bool:
    """Whether a link points at the old site (http or https, with or without www)."""
    if not site_url:
        return False
    old = bare_host(site_url)
    return bool(old) and bare_host(url) == old and urlsplit(url).scheme in ("http", "https")
