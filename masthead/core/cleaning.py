"""What reaches readers of things an editor, an import or a shell stored: never anything that runs.

Editors store rich text through Wagtail's editor, which keeps only what its features make; an
import or a shell can store anything. So stored rich text is cleaned on its way out, wherever
it is shown (pages, through Wagtail's `wagtailcore/shared/richtext.html`, which every `RichText`
and the `|richtext` filter render; feeds, through `expand_rich_text`): the elements the rich
text features make (paragraphs, bold, italic, lists, headings, links, footnote marks) stay,
with only web, mail and telephone links; everything else goes, scripts and styles with their
content. And a link an editor typed into a URL field is shown only if it is a web address.
"""

import nh3
from wagtail.rich_text import expand_db_html

# Wagtail's rich text features as Masthead enables them (core.blocks, siteconfig, footnotes).
TAGS = {"p", "br", "b", "i", "strong", "em", "a", "ol", "ul", "li", "h2", "h3", "h4", "footnote"}
_BLOCK_KEY = {"data-block-key"}  # Wagtail's mark of each block, kept so output is unchanged
ATTRIBUTES = {
    "a": {"href"},
    "footnote": {"id"},  # wagtail-footnotes turns it into the numbered link after this
    **{tag: _BLOCK_KEY for tag in ("p", "h2", "h3", "h4", "li", "ol", "ul")},
}
# Wagtail's own list for links typed in its editor (wagtail.whitelist), relative links kept.
URL_SCHEMES = {"http", "https", "ftp", "mailto", "tel"}
_CLEANER = nh3.Cleaner(
    tags=TAGS,
    attributes=ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    clean_content_tags={"script", "style", "template", "textarea", "title", "xmp", "noscript"},
    link_rel=None,
    strip_comments=True,
)


def clean_rich_text(html: str) -> str:
    """Rendered rich text (links already expanded) reduced to what the features make."""
    return _CLEANER.clean(html)


def expand_rich_text(source: str) -> str:
    """Stored rich text as readers get it: links expanded, then cleaned."""
    return clean_rich_text(expand_db_html(source))


def is_web_url(url: str, *, absolute: bool = False) -> bool:
    """A web address (http, https), or unless `absolute` a path on this site: what a typed
    link may be."""
    url = url or ""
    if url.startswith("/") and not url.startswith("//"):
        return not absolute
    return url.lower().startswith(("http://", "https://"))


def web_links(pairs, *, absolute: bool = False) -> list[tuple[str, str]]:
    """(label, url) pairs whose URL is a web address; the others are not shown."""
    return [(label, url) for label, url in pairs if is_web_url(url, absolute=absolute)]
